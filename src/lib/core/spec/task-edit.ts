/**
 * Edits to tasks.md that change only the bytes they mean to: a status is one bracket character,
 * adding/removing/moving a task touches that task's lines (and one blank separator). Each function
 * takes the text and returns new text; nothing is re-serialized from the model.
 */
import { SpecwrightError } from '../errors';
import { applyEdits, dominantEol, indentOf, isBlank, lineEnd, splitLines, type Edit, type Line } from './lines';
import { renumberSiblingsFrom } from './renumber';
import { parseTasks, STATUS_MARKER, statusOf, type Task, type TaskStatus, type TasksDoc } from './tasks';

export type TaskPosition = { after: string } | { before: string } | { parent: string } | 'end';

export interface NewTask {
	title: string;
	/** Defaults to the number after the previous sibling; later siblings shift up when it is taken. */
	id?: string;
	status?: TaskStatus;
	optional?: boolean;
	details?: readonly string[];
	requirements?: readonly string[];
	depends?: readonly string[];
}

export function findTask(doc: TasksDoc, id: string): Task | undefined {
	return doc.all.find((t) => t.id === id);
}

function mustFind(doc: TasksDoc, id: string): Task {
	const task = findTask(doc, id);
	if (!task) throw new SpecwrightError('spec-task-not-found', `There is no task ${id} in tasks.md.`, { hint: 'Reload the task list; the file may have changed.' });
	return task;
}

/** Sets a task's status by rewriting the one character inside its brackets. */
export function setTaskStatus(text: string, taskId: string, status: TaskStatus): string {
	const task = mustFind(parseTasks(text), taskId);
	if (statusOf(task.marker) === status) return text;
	return applyEdits(text, [{ start: task.markerAt, end: task.markerAt + task.marker.length, insert: STATUS_MARKER[status] }]);
}

interface Context {
	text: string;
	lines: Line[];
	doc: TasksDoc;
	eol: string;
}

function context(text: string): Context {
	const lines = splitLines(text);
	return { text, lines, doc: parseTasks(text), eol: dominantEol(lines) };
}

function siblingsOf(doc: TasksDoc, task: Task): Task[] {
	if (task.parentId === null) return doc.tasks;
	const parent = doc.all.find((t) => t.children.includes(task));
	return parent ? parent.children : doc.tasks;
}

function leading(line: Line | undefined): string {
	if (!line) return '';
	const m = /^[ \t]*/.exec(line.text);
	return m ? m[0] : '';
}

/** Whether top-level blocks in this list are separated by blank lines (Kiro's style). */
function separated(ctx: Context, list: readonly Task[]): boolean {
	const first = list[0];
	if (!first || list.length < 2) return first ? first.depth === 0 : true;
	const after = ctx.lines[first.endLine];
	return after !== undefined && isBlank(after.text);
}

interface Slot {
	/** 0-based index of the line the new lines go after (-1: top of the file). */
	after: number;
	/** Blank line before (true) or after (false) the block when the list is blank-separated. */
	blankBefore: boolean;
	siblings: Task[];
	/** Index in `siblings` the new task takes. */
	index: number;
	indent: string;
	parent: Task | null;
}

function slotFor(ctx: Context, position: TaskPosition, resolve = (id: string): Task => mustFind(ctx.doc, id)): Slot {
	const { doc, lines } = ctx;
	if (position === 'end' || 'parent' in position) {
		const parent = position === 'end' ? null : resolve(position.parent);
		const siblings = parent ? parent.children : doc.tasks;
		const last = siblings[siblings.length - 1];
		if (last) return { after: last.endLine - 1, blankBefore: true, siblings, index: siblings.length, indent: leading(lines[last.line - 1]), parent };
		if (parent) {
			const own = leading(lines[parent.line - 1]);
			return { after: parent.endLine - 1, blankBefore: false, siblings, index: 0, indent: own + (own.includes('\t') ? '\t' : '  '), parent };
		}
		// No tasks yet: under a "## Tasks" heading when there is one, else at the end.
		const heading = doc.sections.find((s) => /tasks|implementation|任务|タスク/i.test(s.title) && s.level >= 2);
		const at = heading ? heading.line - 1 : lastNonBlank(lines);
		return { after: at, blankBefore: true, siblings, index: 0, indent: '', parent: null };
	}
	const anchor = resolve('after' in position ? position.after : position.before);
	const siblings = siblingsOf(doc, anchor);
	const parent = doc.all.find((t) => t.children.includes(anchor)) ?? null;
	const k = siblings.indexOf(anchor);
	const indent = leading(lines[anchor.line - 1]);
	if ('after' in position) return { after: anchor.endLine - 1, blankBefore: true, siblings, index: k + 1, indent, parent };
	return { after: anchor.line - 2, blankBefore: false, siblings, index: k, indent, parent };
}

function lastNonBlank(lines: readonly Line[]): number {
	let k = lines.length - 1;
	while (k >= 0 && isBlank((lines[k] as Line).text)) k--;
	return k;
}

function insertion(ctx: Context, slot: Slot, block: readonly string[]): Edit {
	const { lines, eol } = ctx;
	let after = slot.after;
	const blank = slot.parent === null && separated(ctx, slot.siblings);
	let wanted = blank ? (slot.blankBefore ? ['', ...block] : [...block, '']) : [...block];
	if (blank && slot.blankBefore && slot.siblings.length === 0) {
		// First task of the file: after the heading's own blank line, or at the very top.
		if (after < 0) wanted = [...block];
		else if (lines[after + 1] && isBlank((lines[after + 1] as Line).text)) {
			after++;
			wanted = [...block];
		}
		// Keep a following heading or paragraph apart from the new list.
		const next = lines[after + 1];
		if (next && !isBlank(next.text)) wanted.push('');
	}
	const line = lines[after];
	if (after < 0 || !line) return { start: 0, end: 0, insert: wanted.map((l) => l + eol).join('') };
	const at = lineEnd(line);
	if (line.eol === '') return { start: at, end: at, insert: eol + wanted.join(eol) };
	return { start: at, end: at, insert: wanted.map((l) => l + eol).join('') };
}

function idStyle(ctx: Context, siblings: readonly Task[], depth: number): string {
	const sample = siblings.find((t) => t.idSpan);
	if (!sample?.idSpan) return depth === 0 ? '.' : '';
	return ctx.text[sample.idSpan[1]] === '.' ? '.' : '';
}

/** Adds a task; returns the new text. Lines of other tasks stay byte-identical unless ids had to shift. */
export function addTask(text: string, task: NewTask, position: TaskPosition = 'end'): string {
	const ctx = context(text);
	const slot = slotFor(ctx, position);
	const prev = slot.siblings[slot.index - 1];
	const prefix = slot.parent ? `${slot.parent.id}.` : '';
	const prevNumber = prev ? Number(prev.id.split('.').pop()) : 0;
	const id = task.id ?? `${prefix}${Number.isFinite(prevNumber) ? prevNumber + 1 : slot.index + 1}`;
	const marker = STATUS_MARKER[task.status ?? 'todo'];
	const depth = slot.parent ? slot.parent.depth + 1 : 0;
	const inner = slot.indent + (slot.indent.includes('\t') ? '\t' : '  ');
	const block = [`${slot.indent}- [${marker}]${task.optional ? '*' : ''} ${id}${idStyle(ctx, slot.siblings, depth)} ${task.title.trim()}`];
	for (const d of task.details ?? []) block.push(`${inner}- ${d}`);
	if (task.requirements?.length) block.push(`${inner}- _Requirements: ${task.requirements.join(', ')}_`);
	if (task.depends?.length) block.push(`${inner}- _Depends: ${task.depends.join(', ')}_`);
	const shifts = task.id === undefined ? renumberSiblingsFrom(ctx.text, slot.siblings.slice(slot.index), id) : [];
	return applyEdits(text, [insertion(ctx, slot, block), ...shifts]);
}

/** Lines [from, to] (0-based) of a task block plus the blank separator it leaves behind. */
function removal(ctx: Context, task: Task): { edit: Edit; from: number; to: number } {
	const { lines } = ctx;
	let from = task.line - 1;
	let to = task.endLine - 1;
	let after = to + 1;
	while (after < lines.length && isBlank((lines[after] as Line).text)) after++;
	const followedByTask = ctx.doc.all.some((t) => t.line === after + 1);
	if (after > to + 1 && followedByTask) to = after - 1;
	else {
		let before = from - 1;
		while (before >= 0 && isBlank((lines[before] as Line).text)) before--;
		if (before < from - 1) from = before + 1;
	}
	const first = lines[from] as Line;
	const last = lines[to] as Line;
	let start = first.start;
	const prev = lines[from - 1];
	if (last.eol === '' && prev) start = prev.start + prev.text.length;
	return { edit: { start, end: lineEnd(last), insert: '' }, from, to };
}

/** Removes a task with its details and children. Numbers of other tasks are left alone. */
export function removeTask(text: string, taskId: string): string {
	const ctx = context(text);
	return applyEdits(text, [removal(ctx, mustFind(ctx.doc, taskId)).edit]);
}

/**
 * Moves a task block (with children) next to another task or under a parent, re-indenting it to
 * its new level. Ids are not changed; call renumberTasks afterwards if numbering should follow.
 */
export function moveTask(text: string, taskId: string, position: TaskPosition): string {
	const ctx = context(text);
	const task = mustFind(ctx.doc, taskId);
	const targetId = position === 'end' ? null : 'after' in position ? position.after : 'before' in position ? position.before : position.parent;
	const anchor = targetId === null ? null : mustFind(ctx.doc, targetId);
	if (anchor && anchor.line >= task.line && anchor.line <= task.endLine) {
		throw new SpecwrightError('spec-task-move-into-self', `Task ${taskId} cannot move next to or into itself or its own subtasks.`);
	}
	// Two steps, remove then insert, so that an anchor next to (or around) the block is never ambiguous.
	const remove = removal(ctx, task);
	const oldLines = ctx.lines.slice(task.line - 1, task.endLine).map((l) => l.text);
	const removed = applyEdits(text, [remove.edit]);
	// The line ending comes from the original: the removal may have left no line ending to copy.
	const next = { ...context(removed), eol: ctx.eol };
	let resolve = (id: string): Task => mustFind(next.doc, id);
	if (anchor) {
		// Find the anchor again by line: "@12" ids and duplicated numbers do not survive the removal.
		const line = anchor.line - 1 > remove.to ? anchor.line - (remove.to - remove.from + 1) : anchor.line;
		const again = next.doc.all.find((t) => t.line === line);
		if (again) resolve = () => again;
	}
	const slot = slotFor(next, position, resolve);
	const oldIndent = leading(ctx.lines[task.line - 1]);
	const base = indentOf(oldIndent).width;
	const targetWidth = indentOf(slot.indent).width;
	const block = oldLines.map((t) => {
		if (isBlank(t)) return t;
		if (!slot.indent.includes('\t')) {
			// Spaces at the target: keep each line's depth relative to the task, written in spaces.
			const { width, chars } = indentOf(t);
			return ' '.repeat(Math.max(0, width - base + targetWidth)) + t.slice(chars);
		}
		return t.startsWith(oldIndent) ? slot.indent + t.slice(oldIndent.length) : t;
	});
	return applyEdits(removed, [insertion(next, slot, block)]);
}
