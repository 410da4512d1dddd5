import type { IDBPTransaction } from 'idb';
import type { FileData, FileEntry, ProjectFileSystem, ProjectFileSystems } from '../../core/ports';
import { dirname, isWithin, normalizePath } from '../../core/fs/paths';
import { SpecwrightError } from '../../core/errors';
import { toStorageError, type FileRecord, type SpecwrightDb, type SpecwrightSchema } from '../store/db';

type WriteTx = IDBPTransaction<SpecwrightSchema, ('files' | 'contents')[], 'readwrite'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function byteSize(data: FileData): number {
	return typeof data === 'string' ? encoder.encode(data).byteLength : data.byteLength;
}

/** Every key of one project: paths are strings, and '\uffff' sorts after any of them. */
function projectRange(projectId: string): IDBKeyRange {
	return IDBKeyRange.bound([projectId, ''], [projectId, '\uffff']);
}

/**
 * Project files in IndexedDB: metadata records (listing) and content records (bytes), both keyed by
 * [projectId, path]. Chosen over LightningFS and OPFS by `npm run bench` (see bench/README.md): a batch
 * of writes is one transaction, folders are implicit in paths, and a listing never loads file bytes.
 */
export class IdbProjectFileSystems implements ProjectFileSystems {
	constructor(private readonly db: SpecwrightDb) {}

	open(projectId: string): ProjectFileSystem {
		return new IdbProjectFileSystem(this.db, projectId);
	}

	async drop(projectId: string): Promise<void> {
		try {
			const tx = this.db.transaction(['files', 'contents'], 'readwrite');
			const range = projectRange(projectId);
			await Promise.all([tx.objectStore('files').delete(range), tx.objectStore('contents').delete(range), tx.done]);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	async stored(): Promise<Array<{ projectId: string; lastWrite: number }>> {
		try {
			const found = new Map<string, number>();
			// Metadata records only (no file bytes): path, size and mtime per file.
			let cursor = await this.db.transaction('files').store.openCursor();
			while (cursor) {
				const { projectId, mtime } = cursor.value;
				found.set(projectId, Math.max(found.get(projectId) ?? 0, mtime));
				cursor = await cursor.continue();
			}
			return [...found].map(([projectId, lastWrite]) => ({ projectId, lastWrite }));
		} catch (error) {
			throw toStorageError(error);
		}
	}
}

class IdbProjectFileSystem implements ProjectFileSystem {
	constructor(
		private readonly db: SpecwrightDb,
		private readonly projectId: string
	) {}

	private async guard<T>(op: () => Promise<T>): Promise<T> {
		try {
			return await op();
		} catch (error) {
			throw toStorageError(error);
		}
	}

	private records(): Promise<FileRecord[]> {
		return this.guard(() => this.db.getAll('files', projectRange(this.projectId)));
	}

	async list(): Promise<FileEntry[]> {
		const entries = new Map<string, FileEntry>();
		for (const r of await this.records()) {
			entries.set(r.path, { path: r.path, kind: r.kind, size: r.size, mtime: r.mtime });
			// Folders are implicit in file paths; list each ancestor once.
			for (let dir = dirname(r.path); dir !== '' && !entries.has(dir); dir = dirname(dir)) {
				entries.set(dir, { path: dir, kind: 'dir', size: 0, mtime: r.mtime });
			}
		}
		return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	async readFile(path: string): Promise<Uint8Array> {
		const data = await this.content(path);
		return typeof data === 'string' ? encoder.encode(data) : data;
	}

	async readText(path: string): Promise<string> {
		const data = await this.content(path);
		return typeof data === 'string' ? data : decoder.decode(data);
	}

	async readAll(): Promise<Map<string, FileData>> {
		const records = await this.guard(() => this.db.getAll('contents', projectRange(this.projectId)));
		return new Map(records.map((r) => [r.path, r.data]));
	}

	private async content(path: string): Promise<FileData> {
		const record = await this.guard(() => this.db.get('contents', [this.projectId, normalizePath(path)]));
		if (!record) throw notFound(path);
		return record.data;
	}

	async exists(path: string): Promise<boolean> {
		const p = normalizePath(path);
		const range = IDBKeyRange.bound([this.projectId, p], [this.projectId, `${p}/\uffff`]);
		const keys = await this.guard(() => this.db.getAllKeys('files', range, 1));
		return keys.some(([, k]) => isWithin(k, p));
	}

	writeFile(path: string, data: FileData): Promise<void> {
		return this.writeMany([{ path, data }]);
	}

	async writeMany(files: ReadonlyArray<{ path: string; data: FileData }>): Promise<void> {
		const mtime = Date.now();
		const items = files.map(({ path, data }) => ({ path: normalizePath(path), data }));
		await this.write(async (tx) => {
			const meta = tx.objectStore('files');
			const contents = tx.objectStore('contents');
			const ops: Promise<unknown>[] = [];
			for (const { path, data } of items) {
				ops.push(meta.put({ projectId: this.projectId, path, kind: 'file', size: byteSize(data), mtime }));
				ops.push(contents.put({ projectId: this.projectId, path, data }));
			}
			ops.push(this.settleParents(tx, items.map((i) => i.path)));
			await Promise.all(ops);
		});
	}

	async mkdir(path: string): Promise<void> {
		const p = normalizePath(path);
		await this.write(async (tx) => {
			await Promise.all([
				tx.objectStore('files').put({ projectId: this.projectId, path: p, kind: 'dir', size: 0, mtime: Date.now() }),
				this.settleParents(tx, [p])
			]);
		});
	}

	async remove(path: string): Promise<void> {
		const p = normalizePath(path);
		const doomed = (await this.records()).filter((r) => isWithin(r.path, p));
		if (doomed.length === 0) throw notFound(path);
		await this.write(async (tx) => {
			const ops: Promise<unknown>[] = doomed.flatMap((r) => this.deleteBoth(tx, r.path));
			// Keep the parent folder visible when its last entry goes.
			if (dirname(p) !== '') ops.push(this.keepFolder(tx, dirname(p)));
			await Promise.all(ops);
		});
	}

	async rename(from: string, to: string): Promise<void> {
		const src = normalizePath(from);
		const dst = normalizePath(to);
		if (src === dst) return;
		if (isWithin(dst, src)) throw new SpecwrightError('path-into-self', 'A folder cannot be moved into itself.');
		const records = await this.records();
		const moving = records.filter((r) => isWithin(r.path, src));
		if (moving.length === 0) throw notFound(from);
		if (records.some((r) => isWithin(r.path, dst))) {
			throw new SpecwrightError('path-exists', `"${dst}" already exists.`, { hint: 'Choose another name.' });
		}
		await this.write(async (tx) => {
			const meta = tx.objectStore('files');
			const contents = tx.objectStore('contents');
			const ops: Promise<unknown>[] = [];
			for (const r of moving) {
				const path = dst + r.path.slice(src.length);
				ops.push(meta.put({ ...r, path }));
				if (r.kind === 'file') {
					ops.push(
						contents.get([this.projectId, r.path]).then((c) => c && contents.put({ ...c, path }))
					);
				}
				ops.push(...this.deleteBoth(tx, r.path));
			}
			ops.push(this.settleParents(tx, [dst]));
			if (dirname(src) !== '') ops.push(this.keepFolder(tx, dirname(src)));
			await Promise.all(ops);
		});
	}

	private async write(body: (tx: WriteTx) => Promise<void>): Promise<void> {
		await this.guard(async () => {
			const tx = this.db.transaction(['files', 'contents'], 'readwrite');
			await Promise.all([body(tx), tx.done]);
		});
	}

	private deleteBoth(tx: WriteTx, path: string): Promise<unknown>[] {
		return [tx.objectStore('files').delete([this.projectId, path]), tx.objectStore('contents').delete([this.projectId, path])];
	}

	/** Parents of new entries must not be files; explicit markers of folders that now hold entries go. */
	private async settleParents(tx: WriteTx, paths: string[]): Promise<void> {
		const parents = new Set(paths.flatMap(ancestors));
		const meta = tx.objectStore('files');
		await Promise.all(
			[...parents].map(async (dir) => {
				const existing = await meta.get([this.projectId, dir]);
				if (existing?.kind === 'file') {
					throw new SpecwrightError('path-is-file', `"${dir}" is a file, so it cannot hold other files.`);
				}
				if (existing?.kind === 'dir') await meta.delete([this.projectId, dir]);
			})
		);
	}

	/** Leaves an explicit marker for `dir` when nothing else in the transaction's view keeps it alive. */
	private async keepFolder(tx: WriteTx, dir: string): Promise<void> {
		const meta = tx.objectStore('files');
		const range = IDBKeyRange.bound([this.projectId, `${dir}/`], [this.projectId, `${dir}/\uffff`]);
		if ((await meta.count(range)) === 0) {
			await meta.put({ projectId: this.projectId, path: dir, kind: 'dir', size: 0, mtime: Date.now() });
		}
	}
}

function ancestors(path: string): string[] {
	const out: string[] = [];
	for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) out.push(dir);
	return out;
}

function notFound(path: string): SpecwrightError {
	return new SpecwrightError('not-found', `"${path}" does not exist.`);
}
