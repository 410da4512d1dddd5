/**
 * tasks.md: a checkbox list, `- [ ] 1. Title` with children `  - [ ] 1.1 Title`, detail bullets,
 * `_Requirements: …_`, `_Depends: …_`, `Files: …`, `**Property N: …**`, `- [ ]* 2.2` optional.
 * One pass over the lines with hand-written scanners: this runs on every keystroke in the editor
 * and on 10 MB pastes, so it must stay linear and allocation-light.
 */
import { citedIds, isCitationLabel, isDependsLabel, labelled, normalizeId } from './ids';
import { indentOf, isBlank, splitLines, type Line } from './lines';
import { FenceTracker, headingOf, sectionsOf, type Section } from './markdown';
import { taskLineOf } from './task-line';

export type TaskStatus = 'todo' | 'queued' | 'in_progress' | 'done';

export interface Task {
	/** `1`, `2.1` as written (leading zeros dropped); `@<line>` for a task without a number. */
	id: string;
	numbered: boolean;
	/** Without the id, the checkbox and any line ending. */
	title: string;
	status: TaskStatus;
	/** The character(s) inside the brackets as written (' ', 'x', 'X', '~', '-', '✅', …). */
	marker: string;
	optional: boolean;
	/** Cited criterion ids (`_Requirements:` and `Validates:` lines), ranges expanded. */
	requirements: string[];
	/** Design property numbers this task tests. */
	properties: string[];
	/** Task ids from `_Depends:` lines. */
	depends: string[];
	/** True when the task has a `_Depends:` line (even `_Depends: none_`): document order then no longer applies. */
	dependsExplicit: boolean;
	files: string[];
	/** The non-blank lines under the task (trimmed), excluding child tasks and their details. */
	details: string[];
	children: Task[];
	parentId: string | null;
	/** 0 for a top-level task. */
	depth: number;
	/** Indent width of the task line (tabs count to the next multiple of four). */
	indent: number;
	/** 1-based line of the task. */
	line: number;
	/** 1-based last non-blank line of the task's block, children included. */
	endLine: number;
	/** Document offset of the status character inside the brackets. */
	markerAt: number;
	/** Document offsets of the id as written, null when unnumbered. */
	idSpan: [number, number] | null;
}

export interface TasksDoc {
	title: string;
	/** Top-level tasks; each holds its children. */
	tasks: Task[];
	/** Every task in document order. */
	all: Task[];
	sections: Section[];
}

const DONE_MARKS = new Set(['x', 'X', '✓', '✔', '✅', '☑', '☒', '✔️', '☑️']);

export function statusOf(marker: string): TaskStatus {
	if (marker === ' ' || marker === '\t' || marker === '\u00a0') return 'todo';
	if (marker === '~') return 'queued';
	if (marker === '-' || marker === '/') return 'in_progress';
	if (DONE_MARKS.has(marker)) return 'done';
	return 'todo';
}

export const STATUS_MARKER: Record<TaskStatus, string> = { todo: ' ', queued: '~', in_progress: '-', done: 'x' };


export function parseTasks(text: string): TasksDoc {
	const lines = splitLines(text);
	const doc: TasksDoc = { title: '', tasks: [], all: [], sections: sectionsOf(lines) };
	const fence = new FenceTracker();
	const stack: Task[] = [];
	// Index in `doc.all` of each open task, and of each task's parent (-1 at the top level).
	const stackAt: number[] = [];
	const parents: number[] = [];
	const seen: Seen = new Map();
	let prevBlank = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as Line;
		const t = line.text;
		const wasOpen = fence.open;
		const f = fence.feed(t);
		if (f !== 'none' || wasOpen) {
			// A fence at the list's own indent after a blank line is a code block after the list.
			if (f === 'open' && stack.length > 0 && prevBlank && indentOf(t).width <= (stack[0] as Task).indent) {
				stack.length = 0;
				stackAt.length = 0;
			}
			if (stack.length > 0) (stack[stack.length - 1] as Task).endLine = i + 1;
			prevBlank = false;
			continue;
		}
		if (isBlank(t)) {
			prevBlank = true;
			continue;
		}
		const blankBefore = prevBlank;
		prevBlank = false;
		const h = headingOf(t);
		if (h) {
			if (h.level === 1 && !doc.title) doc.title = h.text;
			stack.length = 0;
			stackAt.length = 0;
			continue;
		}
		const tl = taskLineOf(t);
		// Outside a list, four spaces of indent make an indented code block, not a task.
		if (tl && !(stack.length === 0 && tl.indent >= 4)) {
			while (stack.length > 0 && (stack[stack.length - 1] as Task).indent >= tl.indent) {
				stack.pop();
				stackAt.pop();
			}
			const parent = stack[stack.length - 1];
			const task: Task = {
				id: tl.id ?? `@${i + 1}`,
				numbered: tl.id !== null,
				title: tl.title,
				status: statusOf(tl.marker),
				marker: tl.marker,
				optional: tl.optional,
				requirements: [],
				properties: [],
				depends: [],
				dependsExplicit: false,
				files: [],
				details: [],
				children: [],
				parentId: parent ? parent.id : null,
				depth: parent ? parent.depth + 1 : 0,
				indent: tl.indent,
				line: i + 1,
				endLine: i + 1,
				markerAt: line.start + tl.markerStart,
				idSpan: tl.id === null ? null : [line.start + tl.idStart, line.start + tl.idEnd]
			};
			parents.push(parent ? (stackAt[stackAt.length - 1] as number) : -1);
			stackAt.push(doc.all.length);
			doc.all.push(task);
			if (parent) parent.children.push(task);
			else doc.tasks.push(task);
			stack.push(task);
			addUnique(seen, task, task.properties, propertiesIn(tl.title), 'p');
			continue;
		}
		if (stack.length === 0) continue;
		const { width } = indentOf(t);
		// An unindented line after a blank line is a paragraph after the list, not a task detail.
		if (blankBefore && width <= (stack[0] as Task).indent) {
			stack.length = 0;
			stackAt.length = 0;
			continue;
		}
		while (stack.length > 1 && (stack[stack.length - 1] as Task).indent >= width) {
			stack.pop();
			stackAt.pop();
		}
		const owner = stack[stack.length - 1] as Task;
		owner.endLine = i + 1;
		readDetail(owner, t, seen);
	}
	// Children come after their parent in `all`, so walking backwards rolls block ends upwards.
	for (let k = doc.all.length - 1; k >= 0; k--) {
		const p = parents[k] as number;
		if (p < 0) continue;
		const parent = doc.all[p] as Task;
		const child = doc.all[k] as Task;
		if (child.endLine > parent.endLine) parent.endLine = child.endLine;
	}
	return doc;
}

/** Per-task sets of recorded ids, made only once a list grows past a few entries. */
type Seen = Map<Task, Set<string>>;

/**
 * Appends ids not yet in `list`. Short lists (the normal case) are checked with includes(); a task
 * with hundreds of citations switches to a Set so that pathological files stay linear.
 */
function addUnique(seen: Seen, task: Task, list: string[], ids: readonly string[], kind: string): void {
	if (ids.length === 0) return;
	if (list.length + ids.length <= 16 && !seen.has(task)) {
		for (const id of ids) if (!list.includes(id)) list.push(id);
		return;
	}
	let set = seen.get(task);
	if (!set) {
		set = new Set();
		for (const id of task.requirements) set.add(`r${id}`);
		for (const id of task.depends) set.add(`d${id}`);
		for (const id of task.properties) set.add(`p${id}`);
		seen.set(task, set);
	}
	for (const id of ids) {
		const key = kind + id;
		if (set.has(key)) continue;
		set.add(key);
		list.push(id);
	}
}

function readDetail(task: Task, t: string, seen: Seen): void {
	task.details.push(t.trim());
	const label = labelled(t);
	if (!label) return;
	const name = label.label;
	if (isCitationLabel(name)) {
		addUnique(seen, task, task.requirements, citedIds(label.rest), 'r');
	} else if (isDependsLabel(name)) {
		task.dependsExplicit = true;
		addUnique(seen, task, task.depends, citedIds(label.rest), 'd');
	} else if (name === 'files' || name === 'file') {
		for (const f of label.rest.split(/[,，]/)) {
			const name = f.replace(/[`*_]/g, '').trim();
			if (name) task.files.push(name);
		}
	} else if (name.startsWith('property ')) {
		addUnique(seen, task, task.properties, [normalizeId(name.slice(9).trim())], 'p');
	}
}

function propertiesIn(title: string): string[] {
	if (!/property/i.test(title)) return [];
	const out: string[] = [];
	for (const m of title.matchAll(/\bproperty\s+(\d{1,9})\b/gi)) {
		const n = normalizeId(m[1] as string);
		if (!out.includes(n)) out.push(n);
	}
	return out;
}
