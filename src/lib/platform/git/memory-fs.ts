import type { FileData, FileEntry, ProjectFileSystem } from '../../core/ports';
import { SpecwrightError } from '../../core/errors';

/**
 * An in-memory ProjectFileSystem with the store's rules (folders implicit in file paths, explicit
 * markers for empty ones, durable-when-settled) for tests, counting batches so tests can see them.
 */
export class MemoryProjectFs implements ProjectFileSystem {
	readonly files = new Map<string, { data: FileData; mtime: number }>();
	readonly dirs = new Set<string>();
	batches = 0;
	private clock = 1_700_000_000_000;

	async list(): Promise<FileEntry[]> {
		const out = new Map<string, FileEntry>();
		const addParents = (path: string, mtime: number) => {
			for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
				const dir = path.slice(0, i);
				if (!out.has(dir)) out.set(dir, { path: dir, kind: 'dir', size: 0, mtime });
			}
		};
		for (const [path, { data, mtime }] of this.files) {
			out.set(path, { path, kind: 'file', size: typeof data === 'string' ? new TextEncoder().encode(data).byteLength : data.byteLength, mtime });
			addParents(path, mtime);
		}
		for (const dir of this.dirs) {
			out.set(dir, { path: dir, kind: 'dir', size: 0, mtime: 0 });
			addParents(dir, 0);
		}
		return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
	}

	async readFile(path: string): Promise<Uint8Array> {
		const data = this.get(path);
		return typeof data === 'string' ? new TextEncoder().encode(data) : data;
	}

	async readText(path: string): Promise<string> {
		const data = this.get(path);
		return typeof data === 'string' ? data : new TextDecoder().decode(data);
	}

	async readAll(): Promise<Map<string, FileData>> {
		return new Map([...this.files].map(([p, f]) => [p, f.data]));
	}

	async exists(path: string): Promise<boolean> {
		return this.files.has(path) || this.dirs.has(path) || [...this.files.keys(), ...this.dirs].some((p) => p.startsWith(`${path}/`));
	}

	async writeFile(path: string, data: FileData): Promise<void> {
		await this.writeMany([{ path, data }]);
	}

	async writeMany(files: ReadonlyArray<{ path: string; data: FileData }>): Promise<void> {
		this.batches++;
		const mtime = (this.clock += 1000);
		for (const { path, data } of files) {
			this.files.set(path, { data, mtime });
			for (const dir of this.dirs) if (path.startsWith(`${dir}/`)) this.dirs.delete(dir);
		}
	}

	async mkdir(path: string): Promise<void> {
		this.batches++;
		this.dirs.add(path);
	}

	async remove(path: string): Promise<void> {
		this.batches++;
		if (!(await this.exists(path))) throw new SpecwrightError('not-found', `"${path}" does not exist.`);
		for (const p of [...this.files.keys()]) if (p === path || p.startsWith(`${path}/`)) this.files.delete(p);
		for (const p of [...this.dirs]) if (p === path || p.startsWith(`${path}/`)) this.dirs.delete(p);
	}

	async rename(): Promise<void> {
		throw new Error('not used');
	}

	private get(path: string): FileData {
		const file = this.files.get(path);
		if (!file) throw new SpecwrightError('not-found', `"${path}" does not exist.`);
		return file.data;
	}
}
