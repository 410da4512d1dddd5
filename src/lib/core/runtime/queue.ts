import { isWithin } from '../fs/paths';
import type { FileData } from '../ports';

/** One change to carry from one copy of the project to the other. */
export type MirrorOp =
	| { kind: 'write'; path: string; data: FileData }
	| { kind: 'mkdir'; path: string }
	| { kind: 'remove'; path: string }
	| { kind: 'rename'; from: string; to: string }
	/** Copy what a process did to `path` back into the persistent files. */
	| { kind: 'sync'; path: string };

interface Pending {
	op: MirrorOp;
	waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

function touches(op: MirrorOp, path: string): boolean {
	const related = (p: string) => isWithin(p, path) || isWithin(path, p);
	return op.kind === 'rename' ? related(op.from) || related(op.to) : related(op.path);
}

/**
 * Runs mirror operations one at a time, in order, through an injected executor. A write waiting in
 * the queue is replaced by a later write to the same path (and a waiting sync by a later sync), as
 * long as nothing queued between them touches that path: rapid saves of one file cost one write.
 * The queue starts paused so changes made while the runtime boots are kept and applied after mount.
 */
export class MirrorQueue {
	#pending: Pending[] = [];
	#running = false;
	#paused = true;
	#idle: Array<() => void> = [];

	constructor(
		private readonly execute: (op: MirrorOp) => Promise<void>,
		private readonly onError: (error: unknown, op: MirrorOp) => void = () => {}
	) {}

	get size(): number {
		return this.#pending.length;
	}

	push(op: MirrorOp): Promise<void> {
		return new Promise((resolve, reject) => {
			const merged = this.#mergeTarget(op);
			if (merged) {
				merged.op = op;
				merged.waiters.push({ resolve, reject });
			} else {
				this.#pending.push({ op, waiters: [{ resolve, reject }] });
			}
			void this.#drain();
		});
	}

	start(): void {
		this.#paused = false;
		void this.#drain();
	}

	/** Settles once everything queued so far has run. */
	idle(): Promise<void> {
		if (!this.#running && this.#pending.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.#idle.push(resolve));
	}

	/** Drops what has not started: the runtime is going away. */
	clear(): void {
		const dropped = this.#pending;
		this.#pending = [];
		for (const item of dropped) for (const w of item.waiters) w.resolve();
		if (!this.#running) this.#settleIdle();
	}

	#mergeTarget(op: MirrorOp): Pending | undefined {
		if (op.kind !== 'write' && op.kind !== 'sync') return undefined;
		for (let i = this.#pending.length - 1; i >= 0; i--) {
			const item = this.#pending[i]!;
			if (item.op.kind === op.kind && item.op.path === op.path) return item;
			if (touches(item.op, op.path)) return undefined;
		}
		return undefined;
	}

	async #drain(): Promise<void> {
		if (this.#running || this.#paused) return;
		this.#running = true;
		try {
			for (let item = this.#pending.shift(); item; item = this.#pending.shift()) {
				try {
					await this.execute(item.op);
					for (const w of item.waiters) w.resolve();
				} catch (error) {
					this.onError(error, item.op);
					for (const w of item.waiters) w.reject(error);
				}
				if (this.#paused) break;
			}
		} finally {
			this.#running = false;
		}
		if (this.#pending.length === 0) this.#settleIdle();
	}

	#settleIdle(): void {
		const waiting = this.#idle;
		this.#idle = [];
		for (const resolve of waiting) resolve();
	}
}
