/**
 * tasks.md checks, and the cross-document ones that hinge on tasks: citations of criteria that
 * do not exist, criteria no task covers, properties no task tests, dependency problems.
 */
import { parseDesign } from './design';
import { isBlank } from './lines';
import { lintSections, type Report } from './lint-common';
import { taskGraph, taskWaves } from './graph';
import { parseTasks, type Task } from './tasks';
import { criteriaIndex, resolveCitation, type SpecTexts } from './trace';

const file = 'tasks.md';

export function lintTasks(texts: SpecTexts, report: Report): void {
	const text = texts.tasks ?? '';
	const doc = parseTasks(text);
	if (doc.all.length === 0) {
		report({ file, line: 1, severity: 'error', code: 'no-tasks', message: isBlank(text) ? 'tasks.md is empty.' : 'No tasks found.', hint: 'List tasks as "- [ ] 1. Title", subtasks indented two spaces as "  - [ ] 1.1 Title".' });
	}
	lintSections(file, doc.sections, report);
	lintIds(doc.tasks, report);
	for (const t of doc.all) {
		if (t.depth >= 2) {
			report({ file, line: t.line, severity: 'warning', code: 'task-too-deep', message: `Task ${t.id} is nested ${t.depth + 1} levels deep.`, hint: 'Keep at most two levels: split the parent task or flatten its subtasks.' });
		}
		if (t.title === '') {
			report({ file, line: t.line, severity: 'warning', code: 'task-no-title', message: `Task ${t.id} has no title.`, hint: 'Say what the task does.' });
		}
	}
	lintGraph(doc.tasks, report);
	lintCoverage(texts, doc.all, report);
}

/** Duplicate ids anywhere; among siblings, gaps and ids that do not extend their parent's. */
function lintIds(tasks: readonly Task[], report: Report): void {
	const seen = new Map<string, number>();
	// An explicit stack instead of recursion: a pathological file may nest thousands deep.
	const work: { list: readonly Task[]; parent: Task | null }[] = [{ list: tasks, parent: null }];
	while (work.length > 0) {
		const { list, parent: p } = work.pop() as { list: readonly Task[]; parent: Task | null };
		let expected = 1;
		for (const t of list) {
			if (t.numbered) {
				const prior = seen.get(t.id);
				if (prior !== undefined) {
					report({ file, line: t.line, severity: 'error', code: 'duplicate-id', message: `Task ${t.id} is a duplicate (first on line ${prior}).`, hint: 'Renumber the tasks so that every id is unique.' });
				} else seen.set(t.id, t.line);
				const parts = t.id.split('.');
				const n = Number(parts.pop());
				const prefix = parts.join('.');
				if (p?.numbered && prefix !== p.id) {
					report({ file, line: t.line, severity: 'warning', code: 'task-id-mismatch', message: `Task ${t.id} sits under task ${p.id}.`, hint: `Number it ${p.id}.${expected}, or move it under task ${prefix || 'the top level'}.` });
				} else if (prior === undefined && n !== expected) {
					report({ file, line: t.line, severity: 'warning', code: 'gapped-id', message: `Task ${t.id} comes where ${prefix ? `${prefix}.` : ''}${expected} was expected.`, hint: 'Renumber the tasks so that ids run without gaps.' });
				}
				if (Number.isSafeInteger(n)) expected = n + 1;
			}
			if (t.children.length > 0) work.push({ list: t.children, parent: t });
		}
	}
}

function lintGraph(tasks: readonly Task[], report: Report): void {
	const lineOf = new Map<string, number>();
	const stack = [...tasks];
	while (stack.length > 0) {
		const t = stack.pop() as Task;
		if (!lineOf.has(t.id)) lineOf.set(t.id, t.line);
		for (const c of t.children) stack.push(c);
	}
	for (const u of taskGraph(tasks).unknown) {
		report({ file, line: lineOf.get(u.task) ?? 1, severity: 'error', code: 'depends-unknown', message: `Task ${u.task} depends on ${u.depends}, which does not exist.`, hint: 'Fix the _Depends:_ line to name an existing task.' });
	}
	// Status does not matter for a cycle: a done task in one is still a contradiction.
	for (const cycle of taskWaves(tasks, { ignoreStatus: true }).cycles) {
		report({
			file,
			line: lineOf.get(cycle[0] ?? '') ?? 1,
			severity: 'error',
			code: 'depends-cycle',
			message: `Tasks ${cycle.join(', ')} wait for each other.`,
			hint: 'Remove one of the _Depends:_ lines in the cycle.'
		});
	}
}

function lintCoverage(texts: SpecTexts, all: readonly Task[], report: Report): void {
	const hasCriteria = texts.requirements !== undefined || texts.bugfix !== undefined;
	if (hasCriteria) {
		const index = criteriaIndex(texts);
		const covered = new Set<string>();
		for (const t of all) {
			for (const id of t.requirements) {
				const hit = resolveCitation(index, id);
				if (hit.length === 0) {
					report({ file, line: t.line, severity: 'error', code: 'task-unknown-criterion', message: `Task ${t.id} cites ${id}, which does not exist.`, hint: 'Cite an existing criterion (N.M) or fix the numbering.' });
				}
				for (const c of hit) covered.add(c.id);
			}
		}
		for (const c of index.criteria) {
			if (!c.coverable || covered.has(c.id)) continue;
			report({ file: c.file, line: c.line, severity: 'warning', code: 'criterion-uncovered', message: `No task covers criterion ${c.id}.`, hint: `Cite ${c.id} in a task's _Requirements:_ line, or add a task for it.` });
		}
	}
	if (texts.design !== undefined) {
		const properties = parseDesign(texts.design).properties;
		const known = new Set(properties.map((p) => p.id));
		const tested = new Set<string>();
		for (const t of all) {
			for (const p of t.properties) {
				tested.add(p);
				if (!known.has(p)) report({ file, line: t.line, severity: 'warning', code: 'task-unknown-property', message: `Task ${t.id} tests Property ${p}, which design.md does not define.`, hint: 'Fix the property number or add the property to design.md.' });
			}
		}
		for (const p of properties) {
			if (!tested.has(p.id)) report({ file: 'design.md', line: p.line, severity: 'info', code: 'property-untested', message: `No task tests Property ${p.id}.`, hint: 'Add a property-based test task that names it.' });
		}
	}
}
