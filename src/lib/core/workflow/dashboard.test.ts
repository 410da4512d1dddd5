import { describe, expect, it } from 'vitest';
import { approve } from './approvals';
import { compareSummaries, specSummary, taskProgress, type SpecSummaryInput } from './dashboard';
import { newConfigJson } from './phases';
import { BUGFIX, DESIGN, REQUIREMENTS, TASKS } from './test-fixtures';

const ID = '0b8e4f4e-6c1c-4c3a-9a43-2d7f7a1b9c55';
const base: SpecSummaryInput = {
	name: 'recipe-box',
	configText: newConfigJson(ID, 'feature', 'requirements-first'),
	docs: { requirements: REQUIREMENTS, design: DESIGN, tasks: TASKS },
	approvals: [approve('requirements', REQUIREMENTS, 10), approve('design', DESIGN, 20), approve('tasks', TASKS, 30)],
	archived: false,
	lastActivity: 25
};

describe('taskProgress', () => {
	it.each([
		// Leaves 1, 2.1, 2.2, 3 count; 2.3 and all of optional task 4 do not.
		[TASKS, { done: 2, total: 4 }],
		['# Implementation Plan\n', { done: 0, total: 0 }],
		['- [x] 1. A\n- [X] 2. B\n- [-] 3. C\n- [ ]* 4. D\n', { done: 2, total: 3 }],
		['- [ ] 1. Parent\n  - [x] 1.1 Child\n', { done: 1, total: 1 }]
	])('%#', (text, progress) => {
		expect(taskProgress(text)).toEqual(progress);
	});
});

describe('specSummary', () => {
	it('summarises an approved feature spec', () => {
		expect(specSummary(base)).toMatchObject({
			name: 'recipe-box',
			specId: ID,
			specType: 'feature',
			workflowType: 'requirements-first',
			currentPhase: null,
			nextAction: { kind: 'implement' },
			tasks: { done: 2, total: 4 },
			stale: false,
			archived: false,
			lastActivity: 30,
			configProblems: []
		});
	});

	it.each<[string, Partial<SpecSummaryInput>, Record<string, unknown>]>([
		['an edited requirements document makes it stale', { docs: { ...base.docs, requirements: `${REQUIREMENTS}\nmore` } }, { stale: true, currentPhase: 'requirements' }],
		['design-first order', { configText: newConfigJson(ID, 'feature', 'design-first'), approvals: [] }, { workflowType: 'design-first', currentPhase: 'design' }],
		[
			'a bugfix spec',
			{ configText: newConfigJson(ID, 'bugfix', 'requirements-first'), docs: { bugfix: BUGFIX }, approvals: [] },
			{ specType: 'bugfix', currentPhase: 'bugfix', tasks: { done: 0, total: 0 } }
		],
		['a missing config is reported, the type read from the files', { configText: undefined, docs: { bugfix: BUGFIX }, approvals: [] }, { specType: 'bugfix', specId: null, configProblems: ['.config.kiro is missing.'] }],
		['a broken config', { configText: '{oops' }, { specType: 'feature', configProblems: [expect.stringContaining('Not valid JSON')] }],
		['archived', { archived: true, lastActivity: 99 }, { archived: true, lastActivity: 99 }]
	])('%s', (_name, patch, expected) => {
		expect(specSummary({ ...base, ...patch })).toMatchObject(expected);
	});

	it('sorts active specs first, then by last activity', () => {
		const a = specSummary({ ...base, name: 'a', lastActivity: 100 });
		const b = specSummary({ ...base, name: 'b', lastActivity: 200 });
		const c = specSummary({ ...base, name: 'c', lastActivity: 300, archived: true });
		expect([c, a, b].sort(compareSummaries).map((s) => s.name)).toEqual(['b', 'a', 'c']);
	});
});
