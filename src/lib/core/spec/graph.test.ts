import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { parseTasks, taskGraph, taskWaves, traceability } from './index';

const ids = (text: string, options?: Parameters<typeof taskWaves>[1]) => {
	const waves = taskWaves(parseTasks(text).tasks, options);
	return { waves: waves.map((w) => w.map((t) => t.id)), cycles: waves.cycles, blocked: waves.blocked };
};

describe('taskWaves', () => {
	it('follows document order when nothing else says, parents after their children', () => {
		expect(ids('- [ ] 1. A\n  - [ ] 1.1 a\n  - [ ] 1.2 b\n- [ ] 2. B\n').waves).toEqual([['1.1'], ['1.2'], ['1'], ['2']]);
	});

	it('runs tasks in parallel when _Depends_ lines allow it', () => {
		const text = [
			'- [ ] 1. Setup',
			'- [ ] 2. Models',
			'  - [ ] 2.1 User',
			'  - [ ] 2.2 Album',
			'    - _Depends: none_',
			'  - [ ] 2.3 Photo',
			'    - _Depends: none_',
			'  - [ ] 2.4 Service',
			'    - _Depends: 2.1, 2.2, 2.3_',
			'- [ ] 3. Docs',
			'  - _Depends: 1_'
		].join('\n');
		expect(ids(text).waves).toEqual([['1'], ['2.1', '2.2', '2.3', '3'], ['2.4'], ['2']]);
	});

	it('leaves done tasks out and treats them as finished', () => {
		expect(ids(fixture('tasks-kiro1.md')).waves).toEqual([['2.2'], ['2.3'], ['2.4'], ['2'], ['3.1'], ['3.2'], ['3.3'], ['3'], ['4'], ['5.1'], ['5.2'], ['5.3'], ['5']]);
		expect(ids(fixture('tasks-kiro1.md'), { skipOptional: true }).waves.flat()).not.toContain('2.3');
	});

	it('reports a cycle with its members and never loops', () => {
		const text = '- [ ] 1. A\n  - _Depends: 3_\n- [ ] 2. B\n- [ ] 3. C\n  - _Depends: 2_\n- [ ] 4. D\n- [ ] 5. E\n  - _Depends: none_\n';
		const r = ids(text);
		expect(r.cycles).toEqual([['1', '2', '3']]);
		expect(r.blocked).toEqual(['4']);
		expect(r.waves).toEqual([['5']]);
		expect(ids('- [ ] 1. Self\n  - _Depends: 1_\n').cycles).toEqual([['1']]);
		// A child that waits for its own parent is a cycle too.
		expect(ids('- [ ] 1. P\n  - [ ] 1.1 C\n    - _Depends: 1_\n').cycles).toEqual([['1', '1.1']]);
	});

	it('exposes the edges and unknown dependencies', () => {
		const g = taskGraph(parseTasks('- [ ] 1. A\n  - [ ] 1.1 a\n- [ ] 2. B\n  - _Depends: 1, 9_\n').tasks);
		expect(g.edges).toEqual([
			{ from: '1.1', to: '1', kind: 'child' },
			{ from: '1', to: '2', kind: 'depends' }
		]);
		expect(g.unknown).toEqual([{ task: '2', depends: '9' }]);
	});

	it('handles deep nesting without recursion limits', () => {
		const deep = Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k)}- [ ] ${k + 1}. t`).join('\n');
		const doc = parseTasks(deep);
		expect(doc.all).toHaveLength(3000);
		const waves = taskWaves(doc.tasks);
		expect(waves).toHaveLength(3000);
		expect(waves[0]?.[0]?.id).toBe('3000');
	});
});

describe('traceability', () => {
	it('links criteria, tasks and properties with coverage figures', () => {
		const t = traceability({ requirements: fixture('requirements-kiro1.md'), design: fixture('design.md'), tasks: fixture('tasks-kiro1.md') });
		expect(t.rows.find((r) => r.criterion === '2.1')).toEqual({
			criterion: '2.1',
			requirement: '2',
			text: expect.stringMatching(/^WHEN the user sets servings/),
			line: 35,
			tasks: ['3.1', '3.2'],
			properties: ['1'],
			propertyTasks: ['3.2']
		});
		expect(t.rows.filter((r) => r.tasks.length === 0).map((r) => r.criterion)).toEqual(['2.4']);
		expect(t.coverage).toEqual({
			criteria: 12,
			coveredByTasks: 11,
			coveredByProperties: 7,
			taskCoverage: 11 / 12,
			propertyCoverage: 7 / 12,
			properties: 4,
			propertiesTested: 3,
			propertyTestCoverage: 0.75
		});
		expect(t.properties.find((p) => p.id === '3')).toMatchObject({ criteria: ['1.1', '1.2', '1.3', '1.4'], tasks: ['2.3'], unknown: [] });
	});

	it('covers a whole requirement cited by number, and bugfix items except the defect', () => {
		const t = traceability({ bugfix: fixture('bugfix.md'), tasks: '- [ ] 1. Fix\n  - _Requirements: 2, 3.1, 8.8_\n' });
		expect(t.rows.map((r) => [r.criterion, r.tasks])).toEqual([
			['2.1', ['1']],
			['2.2', ['1']],
			['2.3', ['1']],
			['3.1', ['1']],
			['3.2', []]
		]);
		expect(t.tasks[0]?.unknown).toEqual(['8.8']);
		expect(t.coverage.taskCoverage).toBe(0.8);
	});

	it('an empty spec has zero coverage, not NaN', () => {
		expect(traceability({}).coverage.taskCoverage).toBe(0);
	});
});
