/**
 * Property-based tests: generated task lists in the variety real files show (CRLF, tabs, runs of
 * blank lines, [X], optional tasks, unnumbered tasks, non-English titles), and arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedLines } from '../../../../tests/unit/spec/helpers';
import { addTask, lintSpec, moveTask, parseBugfix, parseConfig, parseDesign, parseRequirements, parseTasks, removeTask, renumberTasks, setTaskStatus, splitLines, traceability, taskWaves, type TaskStatus } from './index';
import { applyEdits } from './lines';
import { importSpecKit } from './speckit-import';
import { exportSpecKit } from './speckit-export';

interface GenTask {
	marker: string;
	optional: boolean;
	numbered: boolean;
	title: string;
	details: string[];
	blanks: number;
}
interface GenDoc {
	header: string;
	trailer: string;
	eol: string;
	indent: string;
	finalEol: boolean;
	tasks: (GenTask & { children: GenTask[] })[];
}

const chars = (s: string) => fc.constantFrom(...[...s]);
const text = (alphabet: string, max: number) => fc.string({ unit: chars(alphabet), maxLength: max });
const title = fc.tuple(chars('AZÜ写é'), text('abc XYZ0123456789éß中文✅🙂-_.,:()[]#/\t', 24)).map(([a, b]) => a + b);
const detail = fc.oneof(
	fc.constantFrom('- _Requirements: 1.1, 2.3_', '- _Requirements: 1.1–1.7_', '- _Depends: 1_', 'Files: a.ts, b.ts', '- **Property 1: Round trip**', '- **Validates: Requirements 2.1-2.2**'),
	text('abc XYZ 0123456789 éß中文✅:._-', 30).map((w) => `- ${w}`)
);
const task = fc.record({
	marker: fc.constantFrom(' ', 'x', 'X', '~', '-'),
	optional: fc.boolean(),
	numbered: fc.boolean(),
	title,
	details: fc.array(detail, { maxLength: 3 }),
	blanks: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 }))
});
const docArb: fc.Arbitrary<GenDoc> = fc.record({
	header: fc.constantFrom('', '# Implementation Plan\n\n', '# 実装計画: Ünïcode 🚀\n\n## Tasks\n\n'),
	trailer: fc.constantFrom('', '\n## Notes\n\n- Tasks marked * are optional.\n'),
	eol: fc.constantFrom('\n', '\r\n'),
	indent: fc.constantFrom('  ', '    ', '\t'),
	finalEol: fc.boolean(),
	tasks: fc.array(
		fc.tuple(task, fc.array(task, { maxLength: 4 })).map(([t, children]) => ({ ...t, children })),
		{ minLength: 1, maxLength: 6 }
	)
});

function render(doc: GenDoc): string {
	const lines: string[] = [];
	const line = (indent: string, t: GenTask, id: string) => `${indent}- [${t.marker}]${t.optional ? '*' : ''} ${t.numbered ? `${id} ` : ''}${t.title}`;
	doc.tasks.forEach((t, k) => {
		if (k > 0) lines.push('');
		lines.push(line('', t, `${k + 1}.`));
		for (let b = 0; b < t.blanks; b++) lines.push('');
		for (const d of t.details) lines.push(doc.indent + d);
		t.children.forEach((c, j) => {
			lines.push(line(doc.indent, c, `${k + 1}.${j + 1}`));
			for (let b = 0; b < c.blanks; b++) lines.push('');
			for (const d of c.details) lines.push(doc.indent + doc.indent + d);
		});
	});
	const body = (doc.header + lines.join('\n') + '\n' + doc.trailer).split('\n').join(doc.eol);
	return doc.finalEol ? body : body.replace(/(\r\n|\n)$/, '');
}

const statusOf = (m: string): TaskStatus => (m === ' ' ? 'todo' : m === '~' ? 'queued' : m === '-' ? 'in_progress' : 'done');
const flat = (doc: GenDoc) => doc.tasks.flatMap((t, k) => [{ t, id: `${k + 1}` }, ...t.children.map((c, j) => ({ t: c, id: `${k + 1}.${j + 1}` }))]);

describe('generated task lists', () => {
	it('parse to the structure they were generated from', () => {
		fc.assert(
			fc.property(docArb, (doc) => {
				const text = render(doc);
				const parsed = parseTasks(text);
				const want = flat(doc);
				expect(parsed.all).toHaveLength(want.length);
				parsed.all.forEach((p, k) => {
					const w = want[k] as (typeof want)[number];
					expect(p.title).toBe(w.t.title.trim());
					expect(p.status).toBe(statusOf(w.t.marker));
					expect(p.optional).toBe(w.t.optional);
					if (w.t.numbered) expect(p.id).toBe(w.id);
				});
				expect(parsed.tasks.map((t) => t.children.length)).toEqual(doc.tasks.map((t) => t.children.length));
			})
		);
	});

	it('splitLines is lossless on any string', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', '\t', '✅', '中') }), (s) => {
				expect(splitLines(s).map((l) => l.text + l.eol).join('')).toBe(s);
			})
		);
	});

	it('setTaskStatus changes exactly one character and only that task', () => {
		fc.assert(
			fc.property(docArb, fc.nat(), fc.constantFrom<TaskStatus>('todo', 'queued', 'in_progress', 'done'), (doc, pick, status) => {
				const text = render(doc);
				const before = parseTasks(text).all;
				const target = before[pick % before.length];
				if (!target) return;
				const out = setTaskStatus(text, target.id, status);
				let diff = 0;
				for (let i = 0; i < text.length; i++) if (text[i] !== out[i]) diff++;
				expect(out.length).toBe(text.length);
				expect(diff).toBe(target.status === status ? 0 : 1);
				const after = parseTasks(out).all;
				after.forEach((t, k) => expect(t.status).toBe(t === after[before.indexOf(target)] ? status : before[k]?.status));
			})
		);
	});

	it('addTask only inserts lines', () => {
		fc.assert(
			fc.property(docArb, fc.nat(), fc.constantFrom('after', 'before', 'parent', 'end'), (doc, pick, where) => {
				const text = render(doc);
				const all = parseTasks(text).all;
				const anchor = all[pick % all.length];
				if (!anchor) return;
				const position = where === 'end' ? 'end' : where === 'after' ? { after: anchor.id } : where === 'before' ? { before: anchor.id } : { parent: anchor.id };
				const out = addTask(text, { title: 'Nouvelle tâche ✨', id: '99' }, position);
				const d = changedLines(text, out);
				// Nothing removed, except a last line that had no line ending and now has one.
				if (d.removed.length > 0) {
					expect(d.removed).toHaveLength(1);
					expect(d.added[0]?.startsWith(d.removed[0] as string)).toBe(true);
				}
				expect(d.added.join('')).toContain('Nouvelle tâche ✨');
				expect(parseTasks(out).all).toHaveLength(all.length + 1);
			})
		);
	});

	it('removeTask removes only the task block and blank separators', () => {
		fc.assert(
			fc.property(docArb, fc.nat(), (doc, pick) => {
				const text = render(doc);
				const all = parseTasks(text).all;
				const target = all[pick % all.length];
				if (!target) return;
				const out = removeTask(text, target.id);
				const d = changedLines(text, out);
				const block = splitLines(text).slice(target.line - 1, target.endLine);
				const removedText = d.removed.map((l) => l.replace(/\r?\n$|\r$/, '')).filter((l) => l.trim() !== '');
				const blockText = block.map((l) => l.text).filter((l) => l.trim() !== '');
				// Sorted: with repeated lines the diff may show the same removal rotated by a line.
				if (d.added.length === 0) expect([...removedText].sort()).toEqual([...blockText].sort());
				else {
					// The block was at the end of a file without a final line ending: the line before lost its ending.
					expect(d.added).toHaveLength(1);
					expect(removedText).toHaveLength(blockText.length + 1);
					expect(d.removed[0]?.startsWith(d.added[0] as string)).toBe(true);
				}
				expect(parseTasks(out).all).toHaveLength(all.length - 1 - countDescendants(target));
			})
		);
	});

	it('moveTask keeps every other line byte-identical and in order', () => {
		fc.assert(
			fc.property(docArb, fc.nat(), fc.nat(), (doc, a, b) => {
				const text = render(doc);
				const all = parseTasks(text).all;
				const task = all[a % all.length];
				const target = all[b % all.length];
				if (!task || !target || (target.line >= task.line && target.line <= task.endLine)) return;
				const out = moveTask(text, task.id, { after: target.id });
				const blockTexts = new Set(splitLines(text).slice(task.line - 1, task.endLine).map((l) => l.text.trim()));
				const rest = (s: string) => splitLines(s).filter((l) => l.text.trim() !== '' && !blockTexts.has(l.text.trim())).map((l) => l.text);
				expect(rest(out)).toEqual(rest(text));
				// No new kind of line ending appears (CRLF files stay CRLF).
				const kinds = (s: string) => new Set(splitLines(s).map((l) => l.eol).filter(Boolean));
				for (const k of kinds(out)) expect(kinds(text).has(k)).toBe(true);
				expect(parseTasks(out).all).toHaveLength(all.length);
			})
		);
	});

	it('renumberTasks changes only numbers', () => {
		fc.assert(
			fc.property(docArb, (doc) => {
				const text = render(doc);
				const out = renumberTasks(text);
				const a = splitLines(text);
				const b = splitLines(out);
				expect(b).toHaveLength(a.length);
				a.forEach((l, k) => {
					const m = b[k] as (typeof b)[number];
					expect(m.eol).toBe(l.eol);
					if (m.text !== l.text) expect(m.text.replace(/\d+/g, '#')).toBe(l.text.replace(/\d+/g, '#'));
				});
			})
		);
	});
});

function countDescendants(t: { children: { children: unknown[] }[] }): number {
	let n = 0;
	const stack = [...t.children];
	while (stack.length) {
		const c = stack.pop() as { children: { children: unknown[] }[] };
		n++;
		stack.push(...c.children);
	}
	return n;
}

describe('nothing throws on any string', () => {
	const markdownish = fc.string({
		unit: fc.constantFrom('#', '-', '*', '[', ']', ' ', 'x', 'X', '~', '1', '.', '2', '\n', '\r\n', '\t', '`', '_', ':', 'WHEN ', 'SHALL ', 'Requirement ', 'Property ', 'Validates', 'Depends', '–', '中', '✅', '{', '}', '"', 'FR-001', 'T001 ', '[P]', '[US1]', 'User Story 1 - ', 'Given ', 'Then ', '## Phase 1: ', '```')
	});
	it('parsers, lint, traceability, waves and spec-kit conversion', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), markdownish, fc.string({ unit: 'binary' })), (s) => {
				parseConfig(s);
				parseRequirements(s);
				parseBugfix(s);
				parseDesign(s);
				const tasks = parseTasks(s);
				taskWaves(tasks.tasks);
				lintSpec({ requirements: s, bugfix: s, design: s, tasks: s });
				traceability({ requirements: s, design: s, tasks: s });
				importSpecKit({ spec: s, plan: s, tasks: s });
				exportSpecKit({ requirements: s, design: s, tasks: s });
				for (const t of tasks.all.slice(0, 3)) {
					expect(setTaskStatus(s, t.id, 'done').length).toBeGreaterThanOrEqual(s.length - 2);
					removeTask(s, t.id);
					addTask(s, { title: 'x' }, { after: t.id });
				}
				renumberTasks(s);
			}),
			{ numRuns: 300 }
		);
	});

	it('applyEdits refuses overlapping edits instead of corrupting text', () => {
		expect(() => applyEdits('abcdef', [{ start: 1, end: 4, insert: '' }, { start: 2, end: 3, insert: 'x' }])).toThrow(/Overlapping/);
	});
});
