import type { IDBPObjectStore } from 'idb';
import type { FileData, FileEntry, ProjectFileSystem, ProjectFileSystems } from '../../core/ports';
import { dirname, isWithin, normalizePath } from '../../core/fs/paths';
import { SpecwrightError } from '../../core/errors';
import { toStorageError, type FileRecord, type SpecwrightDb, type SpecwrightSchema } from '../store/db';

type FilesStore = IDBPObjectStore<SpecwrightSchema, ['files'], 'files', 'readwrite'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function byteSize(data: FileData): number {
	return typeof data === 'string' ? encoder.encode(data).byteLength : data.byteLength;
}

/**
 * Project files as IndexedDB records keyed by [projectId, path]. Chosen over LightningFS and OPFS by
 * `npm run bench` (see README): one record per file makes a batch of writes one transaction,
 * folders are implicit in paths, so listing a project is one index read.
 */
export class IdbProjectFileSystems implements ProjectFileSystems {
	constructor(private readonly db: SpecwrightDb) {}

	open(projectId: string): ProjectFileSystem {
		return new IdbProjectFileSystem(this.db, projectId);
	}

	async drop(projectId: string): Promise<void> {
		try {
			const tx = this.db.transaction('files', 'readwrite');
			const keys = await tx.store.index('byProject').getAllKeys(projectId);
			await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
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

	private async all(): Promise<FileRecord[]> {
		try {
			return await this.db.getAllFromIndex('files', 'byProject', this.projectId);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	async list(): Promise<FileEntry[]> {
		const records = await this.all();
		const entries = new Map<string, FileEntry>();
		for (const r of records) {
			entries.set(r.path, { path: r.path, kind: r.kind, size: r.size, mtime: r.mtime });
			// Folders are implicit in file paths; list each ancestor once.
			for (let dir = dirname(r.path); dir !== '' && !entries.has(dir); dir = dirname(dir)) {
				entries.set(dir, { path: dir, kind: 'dir', size: 0, mtime: r.mtime });
			}
		}
		return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	private async record(path: string): Promise<FileRecord | undefined> {
		try {
			return await this.db.get('files', [this.projectId, normalizePath(path)]);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	async readFile(path: string): Promise<Uint8Array> {
		const r = await this.record(path);
		if (!r || r.kind !== 'file') throw notFound(path);
		return typeof r.data === 'string' ? encoder.encode(r.data) : r.data;
	}

	async readText(path: string): Promise<string> {
		const r = await this.record(path);
		if (!r || r.kind !== 'file') throw notFound(path);
		return typeof r.data === 'string' ? r.data : decoder.decode(r.data);
	}

	async exists(path: string): Promise<boolean> {
		const p = normalizePath(path);
		if (await this.record(p)) return true;
		return (await this.all()).some((r) => isWithin(r.path, p));
	}

	writeFile(path: string, data: FileData): Promise<void> {
		return this.writeMany([{ path, data }]);
	}

	async writeMany(files: ReadonlyArray<{ path: string; data: FileData }>): Promise<void> {
		const mtime = Date.now();
		const records: FileRecord[] = files.map(({ path, data }) => ({
			projectId: this.projectId,
			path: normalizePath(path),
			kind: 'file',
			data,
			size: byteSize(data),
			mtime
		}));
		await this.put(records, records.flatMap((r) => ancestors(r.path)));
	}

	async mkdir(path: string): Promise<void> {
		const p = normalizePath(path);
		await this.put([{ projectId: this.projectId, path: p, kind: 'dir', data: '', size: 0, mtime: Date.now() }], ancestors(p));
	}

	/** Writes records in one transaction; explicit folder markers that now hold files are dropped. */
	private async put(records: FileRecord[], parents: string[]): Promise<void> {
		try {
			const tx = this.db.transaction('files', 'readwrite');
			const ops: Promise<unknown>[] = records.map((r) => tx.store.put(r));
			for (const dir of new Set(parents)) {
				ops.push(
					tx.store.get([this.projectId, dir]).then((existing) => {
						if (existing?.kind === 'file') {
							throw new SpecwrightError('path-is-file', `"${dir}" is a file, so it cannot hold other files.`);
						}
						if (existing?.kind === 'dir') return tx.store.delete([this.projectId, dir]);
					})
				);
			}
			await Promise.all([...ops, tx.done]);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	async remove(path: string): Promise<void> {
		const p = normalizePath(path);
		const doomed = (await this.all()).filter((r) => isWithin(r.path, p));
		if (doomed.length === 0) throw notFound(path);
		const parent = dirname(p);
		try {
			const tx = this.db.transaction('files', 'readwrite');
			const ops: Promise<unknown>[] = doomed.map((r) => tx.store.delete([this.projectId, r.path]));
			// Keep the parent folder visible when its last entry goes.
			if (parent !== '') ops.push(this.keepFolder(tx.store, parent));
			await Promise.all([...ops, tx.done]);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	async rename(from: string, to: string): Promise<void> {
		const src = normalizePath(from);
		const dst = normalizePath(to);
		if (src === dst) return;
		if (isWithin(dst, src)) throw new SpecwrightError('path-into-self', 'A folder cannot be moved into itself.');
		const records = await this.all();
		const moving = records.filter((r) => isWithin(r.path, src));
		if (moving.length === 0) throw notFound(from);
		if (records.some((r) => isWithin(r.path, dst))) {
			throw new SpecwrightError('path-exists', `"${dst}" already exists.`, { hint: 'Choose another name.' });
		}
		try {
			const tx = this.db.transaction('files', 'readwrite');
			const ops: Promise<unknown>[] = [];
			for (const r of moving) {
				ops.push(tx.store.delete([this.projectId, r.path]));
				ops.push(tx.store.put({ ...r, path: dst + r.path.slice(src.length) }));
			}
			if (dirname(src) !== '') ops.push(this.keepFolder(tx.store, dirname(src)));
			await Promise.all([...ops, tx.done]);
		} catch (error) {
			throw toStorageError(error);
		}
	}

	/** Leaves an explicit marker for `dir` when nothing else in the transaction's view keeps it alive. */
	private async keepFolder(store: FilesStore, dir: string): Promise<void> {
		const range = IDBKeyRange.bound([this.projectId, `${dir}/`], [this.projectId, `${dir}/\uffff`]);
		const remaining = await store.count(range);
		if (remaining === 0) {
			await store.put({ projectId: this.projectId, path: dir, kind: 'dir', data: '', size: 0, mtime: Date.now() });
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
