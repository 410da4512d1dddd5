import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { citedIds, expandRange, parseTasks, type Task } from './index';

const row = (t: Task) => [t.id, t.title, t.status, t.optional, t.depth, t.line];

describe('parseTasks on fixtures', () => {
	it('reads the current Kiro generation', () => {
		const doc = parseTasks(fixture('tasks-kiro1.md'));
		expect(doc.title).toBe('Implementation Plan: Recipe Box');
		expect(doc.tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
		expect(doc.all.map(row)).toEqual([
			['1', 'Set up the project and data model', 'done', false, 0, 9],
			['2', 'Implement recipe import', 'todo', false, 0, 13],
			['2.1', 'Parse schema.org Recipe data', 'done', false, 1, 14],
			['2.2', 'Queue imports while offline', 'in_progress', false, 1, 17],
			['2.3', 'Write property test for import', 'todo', true, 1, 19],
			['2.4', 'Disable the button during import', 'todo', false, 1, 22],
			['3', 'Implement serving scaler', 'todo', false, 0, 25],
			['3.1', 'Scale quantities', 'queued', false, 1, 26],
			['3.2', 'Write property test for scaling round trip', 'todo', true, 1, 28],
			['3.3', 'Validate the servings input', 'todo', false, 1, 31],
			['4', 'Checkpoint - make sure all tests pass, ask the user if questions arise', 'todo', false, 0, 34],
			['5', 'Implement the shopping list', 'todo', false, 0, 36],
			['5.1', 'Merge ingredients', 'todo', false, 1, 37],
			['5.2', 'Write property test for merge order', 'todo', true, 1, 39],
			['5.3', 'Tick and group items', 'todo', false, 1, 42]
		]);
		const t23 = doc.all.find((t) => t.id === '2.3');
		expect(t23?.requirements).toEqual(['1.1', '1.2', '1.3', '1.4']);
		expect(t23?.properties).toEqual(['3']);
		expect(t23?.details).toEqual(['- **Property 3: Import keeps the source**', '- **Validates: Requirements 1.1–1.4**']);
		expect(doc.tasks[1]?.children.map((c) => c.id)).toEqual(['2.1', '2.2', '2.3', '2.4']);
		expect(doc.tasks[1]?.endLine).toBe(23);
		expect(doc.all.find((t) => t.id === '2.1')?.parentId).toBe('2');
	});

	it('reads the messy file: CRLF, [X], emoji, blank runs, Files, Depends, tabs, three levels, no number', () => {
		const doc = parseTasks(fixture('tasks-messy-crlf.md'));
		expect(doc.all.map(row)).toEqual([
			['1', 'Set up IndexedDB storage for notes', 'done', false, 0, 3],
			['2', 'Sync engine', 'todo', false, 0, 7],
			['2.1', 'Upload queue ✅', 'done', false, 1, 8],
			['2.2', 'Conflict detection', 'in_progress', false, 1, 19],
			['2.3', 'Conflict UI', 'todo', false, 1, 22],
			['3', 'Search', 'todo', false, 0, 26],
			['3.1', 'Full-text index', 'todo', false, 1, 27],
			['3.2', 'Highlight matches', 'todo', false, 1, 29],
			['3.2.1', 'Tokenizer for CJK text（中文分词）', 'todo', false, 2, 30],
			['4', 'Trash', 'todo', false, 0, 33],
			['4.1', 'Move deleted notes to trash', 'todo', false, 1, 34],
			['@36', 'Purge after 30 days', 'todo', false, 1, 36]
		]);
		for (const t of doc.all) expect(t.title).not.toMatch(/\r/);
		const t21 = doc.all.find((t) => t.id === '2.1');
		expect(t21?.files).toEqual(['src/sync/queue.ts', 'src/sync/queue.test.ts']);
		expect(t21?.requirements).toEqual(['1.1', '1.2']);
		// The detail after seven blank lines still belongs to 2.1.
		expect(t21?.details.at(-1)).toBe('- Retry with backoff');
		expect(t21?.endLine).toBe(18);
		expect(doc.all.find((t) => t.id === '2.3')).toMatchObject({ depends: ['2.2', '1'], dependsExplicit: true, requirements: ['1.3', '9.9'] });
		expect(doc.all.find((t) => t.id === '3.1')?.requirements).toEqual(['2.1', '2.2', '2.3']);
		expect(doc.all.find((t) => t.id === '@36')).toMatchObject({ numbered: false, idSpan: null, parentId: '4' });
	});

	it('reads the older generation with unindented subtasks', () => {
		const doc = parseTasks(fixture('tasks-kiro0.md'));
		expect(doc.tasks.map((t) => t.id)).toEqual(['1', '2', '2.1', '2.2', '3']);
		expect(doc.tasks[4]?.children.map((t) => t.id)).toEqual(['3.1', '3.2']);
		expect(doc.tasks[2]?.requirements).toEqual(['2.1', '3.3', '1.2']);
	});

	it('ignores code, links and text that only looks like a task', () => {
		expect(parseTasks(fixture('not-a-spec.md')).all).toEqual([]);
		const doc = parseTasks(['- [link](x)', '- [x](y)', '- [] empty', '* [ ] 1. Star bullet', '+ [x] 2) Plus bullet', '- [ ] 3D printing', '- [ ] **4. Bold**'].join('\n'));
		expect(doc.all.map((t) => [t.id, t.title, t.status])).toEqual([
			['1', 'Star bullet', 'todo'],
			['2', 'Plus bullet', 'done'],
			['@6', '3D printing', 'todo'],
			['4', 'Bold', 'todo']
		]);
	});

	it('reads translated citation labels and full-width colons', () => {
		const doc = parseTasks('- [ ] 1. 导出\n  - _需求：1.1–1.2_\n  - 依赖: 3\n- [ ] 2. Export\n  - _Anforderungen: 2.1_\n  - Depends on: 1\n');
		expect(doc.all.map((t) => [t.id, t.requirements, t.depends])).toEqual([
			['1', ['1.1', '1.2'], ['3']],
			['2', ['2.1'], ['1']]
		]);
	});

	it('records offsets that point at the bracket character and the id', () => {
		const text = '# T\r\n\r\n- [ ]* 12.3 Title\r\n';
		const t = parseTasks(text).all[0] as Task;
		expect(text[t.markerAt]).toBe(' ');
		expect(text.slice(...(t.idSpan as [number, number]))).toBe('12.3');
		expect(t.optional).toBe(true);
	});
});

describe('citations', () => {
	it.each([
		['1.1, 2.3', ['1.1', '2.3']],
		['1.1–1.4', ['1.1', '1.2', '1.3', '1.4']],
		['1.1-1.3, 2.1', ['1.1', '1.2', '1.3', '2.1']],
		['1.2 — 1.3', ['1.2', '1.3']],
		['2.1 to 2.2', ['2.1', '2.2']],
		['1.5-2.2', ['1.5', '2.2']],
		['1-3', ['1', '2', '3']],
		['Requirements 01.02', ['1.2']],
		['REQ-1.1, v2, 3D', ['1.1']],
		['1.1-1.99999999', ['1.1', '1.99999999']],
		['none', []]
	])('%s', (text, ids) => expect(citedIds(text)).toEqual(ids));

	it('expands only ranges that differ in the last component', () => {
		expect(expandRange('3.1.2', '3.1.4')).toEqual(['3.1.2', '3.1.3', '3.1.4']);
		expect(expandRange('3.4', '3.1')).toEqual(['3.4', '3.1']);
	});
});
