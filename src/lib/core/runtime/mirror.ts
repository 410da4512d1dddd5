import type { FileData, ProjectFileSystem, Runtime } from '../ports';
import { isGitInternal, joinPath } from '../fs/paths';
import { MirrorQueue, type MirrorOp } from './queue';

/** Writes the user (or the agent) makes, as seen by the runtime. */
export interface FileChangeSink {
	written(path: string, data: FileData): void;
	madeDir(path: string): void;
	removed(path: string): void;
	renamed(from: string, to: string): void;
}

export interface MirrorOptions {
	/** True for paths that never flow back (node_modules, build outputs…). */
	excluded: (path: string) => boolean;
	/** Persistent files changed by a process: the file tree refreshes. */
	onSynced: (paths: string[]) => void;
	onError: (error: unknown) => void;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.byteLength !== b.byteLength) return false;
	for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * Keeps the runtime a mirror of the persistent files, and copies back what processes make. Both
 * directions go through one serial queue, so a sync-back never reads the runtime before an earlier
 * save has reached it (which would write an old version over the user's edit). A sync-back that
 * finds equal content does nothing: that is what stops our own writes echoing back and forth.
 */
export class RuntimeMirror implements FileChangeSink {
	readonly queue: MirrorQueue;

	constructor(
		private readonly runtime: Pick<Runtime, 'mount' | 'writeFile' | 'mkdir' | 'remove' | 'rename' | 'inspect'>,
		/** The persistent files themselves, not the notifying wrapper: writes here must not echo. */
		private readonly store: ProjectFileSystem,
		private readonly options: MirrorOptions
	) {
		this.queue = new MirrorQueue((op) => this.#execute(op), (error) => options.onError(error));
	}

	/** Copies every project file (except .git) into the runtime, then lets queued changes through. */
	async mount(): Promise<number> {
		const all = await this.store.readAll();
		const files = new Map([...all].filter(([path]) => !isGitInternal(path)));
		await this.runtime.mount(files);
		this.queue.start();
		return files.size;
	}

	// The repository stays out of the runtime (see mount): git's own writes are not mirrored.
	written(path: string, data: FileData): void {
		if (isGitInternal(path)) return;
		void this.queue.push({ kind: 'write', path, data }).catch(() => {});
	}
	madeDir(path: string): void {
		if (isGitInternal(path)) return;
		void this.queue.push({ kind: 'mkdir', path }).catch(() => {});
	}
	removed(path: string): void {
		if (isGitInternal(path)) return;
		void this.queue.push({ kind: 'remove', path }).catch(() => {});
	}
	renamed(from: string, to: string): void {
		void this.queue.push({ kind: 'rename', from, to }).catch(() => {});
	}

	/** A process touched `path` in the runtime. */
	changedInRuntime(path: string): void {
		if (path === '' || this.options.excluded(path)) return;
		void this.queue.push({ kind: 'sync', path }).catch(() => {});
	}

	async #execute(op: MirrorOp): Promise<void> {
		switch (op.kind) {
			case 'write':
				return this.runtime.writeFile(op.path, op.data);
			case 'mkdir':
				return this.runtime.mkdir(op.path);
			case 'remove':
				return this.runtime.remove(op.path);
			case 'rename':
				return this.runtime.rename(op.from, op.to);
			case 'sync': {
				const changed = await this.#syncBack(op.path);
				if (changed.length > 0) this.options.onSynced(changed);
			}
		}
	}

	async #syncBack(path: string): Promise<string[]> {
		const entry = await this.runtime.inspect(path);
		if (entry === null) {
			if (!(await this.store.exists(path))) return [];
			await this.store.remove(path);
			return [path];
		}
		if (entry.kind === 'dir') {
			// A folder appeared (or was moved in): its files may not each get their own event.
			const changed: string[] = [];
			for (const name of entry.names) {
				const child = joinPath(path, name);
				if (!this.options.excluded(child)) changed.push(...(await this.#syncBack(child)));
			}
			return changed;
		}
		if (await this.store.exists(path)) {
			const stored = await this.store.readFile(path).catch(() => null);
			if (stored && sameBytes(stored, entry.data)) return [];
		}
		await this.store.writeFile(path, entry.data);
		return [path];
	}
}
