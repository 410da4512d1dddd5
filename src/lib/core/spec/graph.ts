/**
 * The task graph: a parent waits for its children; `_Depends:` lines add edges; a task without a
 * `_Depends:` line follows its previous sibling (document order). A task also inherits what its
 * parent waits for, so 2.1 does not start before task 1 is done.
 *
 * Inheritance is modelled with a virtual "start" node per task (start(t) ← start(parent), deps)
 * so the graph stays linear in size however deep the nesting; a task itself ← start(t), children.
 */
import type { Task } from './tasks';

export type EdgeKind = 'child' | 'depends' | 'order';

export interface TaskEdge {
	/** The task that must finish first. */
	from: string;
	/** The task that waits. */
	to: string;
	kind: EdgeKind;
}

export interface TaskGraph {
	edges: TaskEdge[];
	/** Task ids cited by `_Depends:` that no task has. */
	unknown: { task: string; depends: string }[];
}

export interface WaveOptions {
	/** Treat optional (`- [ ]*`) tasks as skipped: left out, and nobody waits for them. */
	skipOptional?: boolean;
	/** Schedule every task as if none were done (for cycle checks and previews). */
	ignoreStatus?: boolean;
}

/** Waves of tasks that can run in parallel; `cycles` lists the members of each dependency cycle. */
export type TaskWaves = Task[][] & { readonly cycles: string[][]; readonly blocked: string[] };

function flatten(tasks: readonly Task[]): { all: Task[]; parent: number[] } {
	const all: Task[] = [];
	const parent: number[] = [];
	const stack: { task: Task; parent: number }[] = [];
	for (let k = tasks.length - 1; k >= 0; k--) stack.push({ task: tasks[k] as Task, parent: -1 });
	while (stack.length > 0) {
		const { task, parent: p } = stack.pop() as { task: Task; parent: number };
		const index = all.length;
		all.push(task);
		parent.push(p);
		for (let k = task.children.length - 1; k >= 0; k--) stack.push({ task: task.children[k] as Task, parent: index });
	}
	return { all, parent };
}

interface Built {
	all: Task[];
	/** Node 2i is start(task i), node 2i+1 is task i itself; preds[n] lists nodes n waits for. */
	preds: number[][];
	edges: TaskEdge[];
	unknown: TaskGraph['unknown'];
}

function build(tasks: readonly Task[]): Built {
	const { all, parent } = flatten(tasks);
	const byId = new Map<string, number>();
	all.forEach((t, i) => {
		if (!byId.has(t.id)) byId.set(t.id, i);
	});
	const preds: number[][] = Array.from({ length: all.length * 2 }, () => []);
	const edges: TaskEdge[] = [];
	const unknown: TaskGraph['unknown'] = [];
	const lastChild = new Map<number, number>();
	all.forEach((t, i) => {
		const p = parent[i] as number;
		const start = preds[2 * i] as number[];
		(preds[2 * i + 1] as number[]).push(2 * i);
		if (p >= 0) {
			start.push(2 * p);
			(preds[2 * p + 1] as number[]).push(2 * i + 1);
			edges.push({ from: t.id, to: (all[p] as Task).id, kind: 'child' });
		}
		const prevKey = p;
		const prev = lastChild.get(prevKey);
		lastChild.set(prevKey, i);
		if (t.dependsExplicit) {
			for (const d of t.depends) {
				const j = byId.get(d);
				if (j === undefined) unknown.push({ task: t.id, depends: d });
				else {
					start.push(2 * j + 1);
					edges.push({ from: (all[j] as Task).id, to: t.id, kind: 'depends' });
				}
			}
		} else if (prev !== undefined) {
			start.push(2 * prev + 1);
			edges.push({ from: (all[prev] as Task).id, to: t.id, kind: 'order' });
		}
	});
	return { all, preds, edges, unknown };
}

export function taskGraph(tasks: readonly Task[]): TaskGraph {
	const { edges, unknown } = build(tasks);
	return { edges, unknown };
}

/**
 * Groups pending tasks into waves: every task in wave k only waits for tasks in earlier waves (or
 * tasks already done). Tasks in a cycle, and tasks waiting on one, are left out and reported.
 */
export function taskWaves(tasks: readonly Task[], options: WaveOptions = {}): TaskWaves {
	const { all, preds } = build(tasks);
	const size = preds.length;
	const skipped = (i: number): boolean => {
		const t = all[i] as Task;
		return (t.status === 'done' && options.ignoreStatus !== true) || (options.skipOptional === true && t.optional);
	};
	const succs: number[][] = Array.from({ length: size }, () => []);
	const indegree = new Int32Array(size);
	preds.forEach((list, n) => {
		for (const m of list) (succs[m] as number[]).push(n);
		indegree[n] = list.length;
	});
	// level[n]: the wave a node can start in. A pending task occupies its wave; done ones add nothing.
	const level = new Int32Array(size);
	const queue: number[] = [];
	for (let n = 0; n < size; n++) if (indegree[n] === 0) queue.push(n);
	let processed = 0;
	for (let q = 0; q < queue.length; q++) {
		const n = queue[q] as number;
		processed++;
		const isTask = n % 2 === 1;
		const occupies = isTask && !skipped((n - 1) / 2);
		const ready = level[n] as number;
		const after = occupies ? ready + 1 : ready;
		for (const s of succs[n] as number[]) {
			if (after > (level[s] as number)) level[s] = after;
			indegree[s] = (indegree[s] as number) - 1;
			if (indegree[s] === 0) queue.push(s);
		}
	}
	const done = new Uint8Array(size);
	for (const n of queue) done[n] = 1;
	const waves: Task[][] = [];
	all.forEach((t, i) => {
		const n = 2 * i + 1;
		if (!done[n] || skipped(i)) return;
		const w = level[n] as number;
		while (waves.length <= w) waves.push([]);
		(waves[w] as Task[]).push(t);
	});
	const compact = waves.filter((w) => w.length > 0);
	const cycles = processed < size ? findCycles(preds, done, all) : [];
	const inCycle = new Set(cycles.flat());
	const blocked = all.filter((_t, i) => !done[2 * i + 1] && !inCycle.has((all[i] as Task).id)).map((t) => t.id);
	return Object.defineProperties(compact, {
		cycles: { value: cycles, enumerable: false },
		blocked: { value: blocked, enumerable: false }
	}) as TaskWaves;
}

/** Strongly connected components among unprocessed nodes (iterative Tarjan: no recursion limit). */
function findCycles(preds: number[][], done: Uint8Array, all: readonly Task[]): string[][] {
	const size = preds.length;
	const index = new Int32Array(size).fill(-1);
	const low = new Int32Array(size);
	const onStack = new Uint8Array(size);
	const stack: number[] = [];
	const cycles: string[][] = [];
	let counter = 0;
	for (let root = 0; root < size; root++) {
		if (done[root] || index[root] !== -1) continue;
		const work: { n: number; k: number }[] = [{ n: root, k: 0 }];
		index[root] = low[root] = counter++;
		stack.push(root);
		onStack[root] = 1;
		while (work.length > 0) {
			const frame = work[work.length - 1] as { n: number; k: number };
			const edges = preds[frame.n] as number[];
			if (frame.k < edges.length) {
				const m = edges[frame.k++] as number;
				if (done[m]) continue;
				if (index[m] === -1) {
					index[m] = low[m] = counter++;
					stack.push(m);
					onStack[m] = 1;
					work.push({ n: m, k: 0 });
				} else if (onStack[m]) low[frame.n] = Math.min(low[frame.n] as number, index[m] as number);
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low[parent.n] = Math.min(low[parent.n] as number, low[frame.n] as number);
			if (low[frame.n] !== index[frame.n]) continue;
			const members: number[] = [];
			let m: number;
			do {
				m = stack.pop() as number;
				onStack[m] = 0;
				members.push(m);
			} while (m !== frame.n);
			const selfLoop = members.length === 1 && (preds[frame.n] as number[]).includes(frame.n);
			if (members.length > 1 || selfLoop) {
				const ids = members
					.filter((x) => x % 2 === 1)
					.sort((x, y) => x - y)
					.map((x) => (all[(x - 1) / 2] as Task).id);
				if (ids.length > 0) cycles.push(ids);
			}
		}
	}
	return cycles;
}
