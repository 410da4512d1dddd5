/**
 * Renumbering rewrites only number tokens: task ids in task lines, the `_Depends:` references
 * that name them, requirement and criterion numbers, and the `_Requirements:` / `Validates:`
 * citations that must follow a renumbered criterion. Everything else stays byte-identical.
 */
import { idTokens, isCitationLabel, isDependsLabel, labelled } from './ids';
import { applyEdits, splitLines, type Edit } from './lines';
import { parseRequirements } from './requirements';
import { parseTasks, type Task } from './tasks';

/** Edits that give `task` (and, by prefix, its descendants) new ids. Iterative: nesting may be deep. */
function subtreeEdits(task: Task, newId: string, out: Edit[], map: Map<string, string>): void {
	const work: [Task, string][] = [[task, newId]];
	while (work.length > 0) {
		const [t, id] = work.pop() as [Task, string];
		if (t.idSpan && t.id !== id) {
			out.push({ start: t.idSpan[0], end: t.idSpan[1], insert: id });
			if (!map.has(t.id)) map.set(t.id, id);
		}
		for (const child of t.children) {
			if (child.numbered) work.push([child, `${id}.${child.id.split('.').pop() as string}`]);
		}
	}
}

/** Rewrites task ids in `_Depends:` lines through `map` (old id → new id). */
function dependsEdits(text: string, map: ReadonlyMap<string, string>): Edit[] {
	if (map.size === 0) return [];
	return citationEdits(text, isDependsLabel, (id) => map.get(id));
}

/**
 * For each line whose label passes `accept`, replaces every id token `rename` maps to something
 * new. Shared by depends (task ids) and requirement citations (criterion ids).
 */
export function citationEdits(text: string, accept: (label: string) => boolean, rename: (id: string) => string | undefined): Edit[] {
	const edits: Edit[] = [];
	for (const line of splitLines(text)) {
		const label = labelled(line.text);
		if (!label || !accept(label.label)) continue;
		const restAt = line.start + line.text.length - label.rest.length;
		for (const token of idTokens(label.rest)) {
			const next = rename(token.id);
			if (next !== undefined && next !== token.id) edits.push({ start: restAt + token.at, end: restAt + token.at + token.raw.length, insert: next });
		}
	}
	return edits;
}

/** Numbers every numbered task by position: 1, 2, … and 1.1, 1.2, … under each parent. */
export function renumberTasks(text: string): string {
	const doc = parseTasks(text);
	const edits: Edit[] = [];
	const map = new Map<string, string>();
	// Iterative walk (nesting may be deep); the map keeps the first task of a duplicated id.
	const work: [readonly Task[], string][] = [[doc.tasks, '']];
	for (let q = 0; q < work.length; q++) {
		const [list, prefix] = work[q] as [readonly Task[], string];
		let n = 0;
		for (const task of list) {
			// Without a number of its own a task gives its subtasks no prefix: they keep theirs.
			if (!task.numbered) continue;
			n++;
			const id = `${prefix}${n}`;
			if (task.idSpan && task.id !== id) {
				edits.push({ start: task.idSpan[0], end: task.idSpan[1], insert: id });
				if (!map.has(task.id)) map.set(task.id, id);
			}
			work.push([task.children, `${id}.`]);
		}
	}
	return applyEdits(text, [...edits, ...dependsEdits(text, map)]);
}

/**
 * After a task took number `takenId` in front of `following`, shifts those whose number it
 * collides with up by one (a chain: 3→4 only if 4 would then collide, and so on).
 */
export function renumberSiblingsFrom(text: string, following: readonly Task[], takenId: string): Edit[] {
	const parts = takenId.split('.');
	let n = Number(parts.pop());
	const prefix = parts.length ? `${parts.join('.')}.` : '';
	const edits: Edit[] = [];
	const map = new Map<string, string>();
	for (const task of following) {
		if (!task.numbered) continue;
		const own = Number(task.id.split('.').pop());
		if (!Number.isFinite(own) || own > n) break;
		n++;
		subtreeEdits(task, `${prefix}${n}`, edits, map);
	}
	return [...edits, ...dependsEdits(text, map)];
}

export interface RenumberedSpec {
	requirements: string;
	tasks?: string;
	design?: string;
}

/**
 * Numbers requirements 1, 2, … by position and each requirement's criteria list 1, 2, …, and
 * rewrites `_Requirements:` / `Validates:` citations in tasks.md and design.md to match.
 */
export function renumberRequirements(requirements: string, others: { tasks?: string; design?: string } = {}): RenumberedSpec {
	const doc = parseRequirements(requirements);
	const edits: Edit[] = [];
	const map = new Map<string, string>();
	doc.requirements.forEach((req, k) => {
		const id = String(k + 1);
		if (req.numberSpan && req.id !== id) edits.push({ start: req.numberSpan[0], end: req.numberSpan[1], insert: id });
		if (!map.has(req.id)) map.set(req.id, id);
		req.criteria.forEach((c, m) => {
			const n = String(m + 1);
			if (c.numberSpan && c.number !== n) edits.push({ start: c.numberSpan[0], end: c.numberSpan[1], insert: n });
		});
	});
	const rename = (id: string): string | undefined => {
		const dot = id.indexOf('.');
		const head = dot === -1 ? id : id.slice(0, dot);
		const next = map.get(head);
		return next === undefined ? undefined : next + (dot === -1 ? '' : id.slice(dot));
	};
	const out: RenumberedSpec = { requirements: applyEdits(requirements, edits) };
	if (others.tasks !== undefined) out.tasks = applyEdits(others.tasks, citationEdits(others.tasks, isCitationLabel, rename));
	if (others.design !== undefined) out.design = applyEdits(others.design, citationEdits(others.design, isCitationLabel, rename));
	return out;
}
