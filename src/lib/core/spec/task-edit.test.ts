import { describe, expect, it } from 'vitest';
import { changedLines, fixture } from '../../../../tests/unit/spec/helpers';
import { addTask, moveTask, parseTasks, removeTask, renumberRequirements, renumberTasks, setTaskStatus, splitLines, type TaskStatus } from './index';

const kiro1 = fixture('tasks-kiro1.md');
const messy = fixture('tasks-messy-crlf.md');

function diffChars(a: string, b: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i);
	return out;
}

describe('lossless on every fixture', () => {
	const names = ['tasks-kiro1.md', 'tasks-messy-crlf.md', 'tasks-kiro0.md', 'requirements-kiro1.md', 'requirements-kiro0-crlf.md', 'requirements-i18n.md', 'bugfix.md', 'design.md', 'not-a-spec.md'];
	it.each(names)('%s: lines rebuild the file; every status change is one character and undoes cleanly', (name) => {
		const text = fixture(name);
		expect(splitLines(text).map((l) => l.text + l.eol).join('')).toBe(text);
		for (const task of parseTasks(text).all) {
			for (const status of ['todo', 'queued', 'in_progress', 'done'] as const) {
				const out = setTaskStatus(text, task.id, status);
				expect(diffChars(text, out).length).toBe(status === task.status ? 0 : 1);
				expect(setTaskStatus(out, task.id, task.status) === text || task.marker === 'X').toBe(true);
			}
		}
		expect(renumberTasks(text) === text || name === 'tasks-kiro0.md').toBe(true);
	});
});

describe('setTaskStatus', () => {
	it.each<[string, TaskStatus, string]>([
		['2.4', 'in_progress', '  - [-] 2.4 Disable the button during import'],
		['1', 'todo', '- [ ] 1. Set up the project and data model'],
		['2.3', 'done', '  - [x]* 2.3 Write property test for import'],
		['3.1', 'queued', '  - [~] 3.1 Scale quantities']
	])('task %s → %s changes one character', (id, status, line) => {
		const out = setTaskStatus(kiro1, id, status);
		const changed = diffChars(kiro1, out);
		if (status === parseTasks(kiro1).all.find((t) => t.id === id)?.status) expect(changed).toEqual([]);
		else expect(changed).toHaveLength(1);
		expect(out.split('\n')).toContain(line);
		expect(parseTasks(out).all.find((t) => t.id === id)?.status).toBe(status);
	});

	it('keeps CRLF and leaves [X] alone when it already means done', () => {
		expect(setTaskStatus(messy, '1', 'done')).toBe(messy);
		const out = setTaskStatus(messy, '3.2.1', 'in_progress');
		expect(diffChars(messy, out)).toHaveLength(1);
		expect(out.match(/\r\n/g)?.length).toBe(messy.match(/\r\n/g)?.length);
	});

	it('throws a typed error for an unknown task', () => {
		expect(() => setTaskStatus(kiro1, '9.9', 'done')).toThrow(expect.objectContaining({ code: 'spec-task-not-found' }));
	});
});

describe('addTask', () => {
	it('appends a top-level task after the last one with a blank separator', () => {
		const out = addTask(kiro1, { title: 'Deploy', requirements: ['3.1'] });
		const last = '    - _Requirements: 3.2, 3.3_\n';
		expect(out).toBe(kiro1.replace(last, `${last}\n- [ ] 6. Deploy\n  - _Requirements: 3.1_\n`));
		expect(parseTasks(out).tasks.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6']);
	});

	it('appends a subtask under a parent in its indentation and id style', () => {
		const out = addTask(kiro1, { title: 'Remember the last servings', optional: true }, { parent: '3' });
		expect(changedLines(kiro1, out).added).toEqual(['  - [ ]* 3.4 Remember the last servings\n']);
		expect(parseTasks(out).tasks[2]?.children.map((c) => c.id)).toEqual(['3.1', '3.2', '3.3', '3.4']);
	});

	it('inserts in the middle and shifts the ids that collide (depends follow)', () => {
		const out = addTask(messy, { title: 'Merge edits' }, { after: '2.1' });
		const doc = parseTasks(out);
		expect(doc.tasks[1]?.children.map((c) => [c.id, c.title])).toEqual([
			['2.1', 'Upload queue ✅'],
			['2.2', 'Merge edits'],
			['2.3', 'Conflict detection'],
			['2.4', 'Conflict UI']
		]);
		expect(doc.all.find((t) => t.id === '2.4')?.depends).toEqual(['2.3', '1']);
		// Only the new line, two ids and one _Depends_ line changed; CRLF kept.
		const before = messy.split('\r\n');
		const after = out.split('\r\n');
		expect(after.length).toBe(before.length + 1);
		const changed = after.filter((l) => !before.includes(l));
		expect(changed).toEqual(['  - [ ] 2.2 Merge edits', '  - [-] 2.3 Conflict detection', '  - [ ] 2.4 Conflict UI', '    - _Depends: 2.3, 1_']);
	});

	it('adds the first task under "## Tasks" of an empty plan, and to a file without line ending', () => {
		const empty = '# Implementation Plan\n\n## Tasks\n\n## Notes\n- none\n';
		expect(addTask(empty, { title: 'Start' })).toBe('# Implementation Plan\n\n## Tasks\n\n- [ ] 1. Start\n\n## Notes\n- none\n');
		expect(addTask('- [ ] 1. A', { title: 'B' })).toBe('- [ ] 1. A\n\n- [ ] 2. B');
		expect(addTask('', { title: 'A' })).toBe('- [ ] 1. A\n');
	});
});

describe('removeTask', () => {
	it('removes a top-level block and one blank separator', () => {
		const out = removeTask(kiro1, '4');
		const d = changedLines(kiro1, out);
		expect(d.added).toEqual([]);
		expect(d.removed.join('')).toMatch(/^(\n)?- \[ \] 4\. Checkpoint[^\n]*\n(\n)?$/);
		expect(out.split('\n').length).toBe(kiro1.split('\n').length - 2);
		expect(parseTasks(out).tasks.map((t) => t.id)).toEqual(['1', '2', '3', '5']);
	});

	it('removes a subtask with its details and nothing else', () => {
		const out = removeTask(messy, '2.1');
		const d = changedLines(messy, out);
		expect(d.added).toEqual([]);
		expect(d.removed[0]).toBe('  - [X] 2.1 Upload queue ✅\r\n');
		expect(d.removed.at(-1)).toBe('    - Retry with backoff\r\n');
		expect(d.removed).toHaveLength(11);
	});

	it('removes the last task of a file that has no final line ending', () => {
		expect(removeTask('- [ ] 1. A\n\n- [ ] 2. B', '2')).toBe('- [ ] 1. A');
	});
});

describe('moveTask', () => {
	it('moves a subtask to another parent, re-indenting it, ids unchanged', () => {
		const out = moveTask(messy, '3.1', { parent: '4' });
		const doc = parseTasks(out);
		expect(doc.tasks[2]?.children.map((c) => c.id)).toEqual(['3.2']);
		expect(doc.tasks[3]?.children.map((c) => c.id)).toEqual(['4.1', '@34', '3.1']);
		expect(out).toContain('  - [ ] 3.1 Full-text index\r\n      - _Requirements: 2.1–2.3_');
		const a = messy.split('\r\n');
		const b = out.split('\r\n');
		expect(b.length).toBe(a.length);
		expect([...b].sort()).toEqual(
			[...a.filter((l) => l !== '\t- [ ] 3.1 Full-text index' && l !== '\t\t- _Requirements: 2.1–2.3_'), '  - [ ] 3.1 Full-text index', '      - _Requirements: 2.1–2.3_'].sort()
		);
	});

	it('moves a top-level block before another and renumbering follows on request', () => {
		const out = moveTask(kiro1, '5', { before: '3' });
		expect(parseTasks(out).tasks.map((t) => t.id)).toEqual(['1', '2', '5', '3', '4']);
		expect(out.split('\n').sort()).toEqual(kiro1.split('\n').sort());
		const renumbered = renumberTasks(out);
		expect(parseTasks(renumbered).tasks.map((t) => [t.id, t.title])).toEqual([
			['1', 'Set up the project and data model'],
			['2', 'Implement recipe import'],
			['3', 'Implement the shopping list'],
			['4', 'Implement serving scaler'],
			['5', 'Checkpoint - make sure all tests pass, ask the user if questions arise']
		]);
		expect(parseTasks(renumbered).tasks[2]?.children.map((c) => c.id)).toEqual(['3.1', '3.2', '3.3']);
	});

	it('is a no-op when the task is already there, and refuses to move into itself', () => {
		expect(moveTask(kiro1, '2', { before: '3' })).toBe(kiro1);
		expect(() => moveTask(kiro1, '2', { parent: '2.1' })).toThrow(expect.objectContaining({ code: 'spec-task-move-into-self' }));
	});
});

describe('renumbering', () => {
	it('renumberTasks rewrites ids and _Depends_ references only', () => {
		const text = '- [ ] 1. A\n\n- [ ] 3. B\n  - [ ] 3.1 C\n  - [ ] 3.5 D\n    - _Depends: 3.1_\n\n- [ ] 7. E\n  - _Depends: 3, 1_\n';
		expect(renumberTasks(text)).toBe('- [ ] 1. A\n\n- [ ] 2. B\n  - [ ] 2.1 C\n  - [ ] 2.2 D\n    - _Depends: 2.1_\n\n- [ ] 3. E\n  - _Depends: 2, 1_\n');
		expect(renumberTasks(kiro1)).toBe(kiro1);
	});

	it('renumberRequirements follows with _Requirements_ and Validates citations', () => {
		const requirements = fixture('requirements-kiro0-crlf.md');
		const tasks = '- [ ] 1. Delete\n  - _Requirements: 4.1, 4.2_\n- [ ] 2. Search\n  - _Requirements: 2.1–2.3, 4_\n  - **Validates: Requirements 4.2**\n  - Note: requirement 4.1 prose is left alone\n';
		const design = '### Property 1: Trash\n\n**Validates: Requirements 4.1-4.2**\n';
		const out = renumberRequirements(requirements, { tasks, design });
		const d = changedLines(requirements, out.requirements);
		expect(d.removed).toEqual(['### Requirement 4\r\n', '\r\n', '**User Story:** As a user, I want to delete notes, so that old notes do not clutter the list\r\n', '\r\n', '#### Acceptance Criteria\r\n', '\r\n', '1. WHEN the user deletes a note THEN the system SHALL move it to the trash\r\n', '3. WHEN a note has been in the trash for 30 days THEN the system SHALL remove it permanently\r\n']);
		expect(d.added[0]).toBe('### Requirement 3\r\n');
		expect(d.added.at(-1)).toBe('2. WHEN a note has been in the trash for 30 days THEN the system SHALL remove it permanently\r\n');
		expect(out.tasks).toBe('- [ ] 1. Delete\n  - _Requirements: 3.1, 3.2_\n- [ ] 2. Search\n  - _Requirements: 2.1–2.3, 3_\n  - **Validates: Requirements 3.2**\n  - Note: requirement 4.1 prose is left alone\n');
		expect(out.design).toBe('### Property 1: Trash\n\n**Validates: Requirements 3.1-3.2**\n');
	});

	it('swaps citations when requirements swap numbers', () => {
		const requirements = '### Requirement 2: B\n1. THE App SHALL b\n### Requirement 1: A\n1. THE App SHALL a\n';
		const out = renumberRequirements(requirements, { tasks: '- [ ] 1. T\n  - _Requirements: 1.1, 2.1_\n' });
		expect(out.requirements).toBe('### Requirement 1: B\n1. THE App SHALL b\n### Requirement 2: A\n1. THE App SHALL a\n');
		expect(out.tasks).toBe('- [ ] 1. T\n  - _Requirements: 2.1, 1.1_\n');
	});
});
