import type { FileData, ProjectFileSystem } from '../../core/ports';

type Kind = 'file' | 'dir';
interface Node {
	kind: Kind;
	size: number;
	mtime: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The errors isomorphic-git tells apart by `code`, shaped like Node's. */
function fsError(code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL', syscall: string, path: string): Error {
	const error = new Error(`${code}: ${syscall} '${path}'`) as Error & { code: string; syscall: string; path: string };
	error.code = code;
	error.syscall = syscall;
	error.path = path;
	return error;
}

/** "/a//b/./c" → "a/b/c"; the root is "". isomorphic-git joins paths onto `dir` ("/"). */
function clean(path: string): string {
	return path
		.split('/')
		.filter((part) => part !== '' && part !== '.')
		.join('/');
}

function parentOf(path: string): string {
	const i = path.lastIndexOf('/');
	return i === -1 ? '' : path.slice(0, i);
}

function nameOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** Enough of Node's Stats for isomorphic-git: the index compares mtime, size and mode. */
function stats(node: Node) {
	const isFile = node.kind === 'file';
	return {
		type: node.kind,
		mode: isFile ? 0o100644 : 0o40000,
		size: node.size,
		ino: 0,
		dev: 0,
		uid: 0,
		gid: 0,
		mtimeMs: node.mtime,
		ctimeMs: node.mtime,
		isFile: () => isFile,
		isDirectory: () => !isFile,
		isSymbolicLink: () => false
	};
}

/**
 * isomorphic-git's `fs` over a project's persistent files, for one operation at a time: the listing is
 * read once, and writes are held in memory and written in one durable batch by `flush()`. So a
 * commit of a few hundred objects is one IndexedDB transaction, not hundreds, and an operation that
 * fails half-way leaves nothing behind. Reads see the operation's own writes.
 */
export class GitFs {
	#nodes: Map<string, Node> | null = null;
	#children = new Map<string, Set<string>>();
	#writes = new Map<string, FileData>();
	#deletes = new Set<string>();
	#newDirs = new Set<string>();

	/** The object isomorphic-git is given as `fs`. */
	readonly promises = {
		readFile: (path: string, options?: { encoding?: string } | string) => this.readFile(path, options),
		writeFile: (path: string, data: FileData) => this.writeFile(path, data),
		unlink: (path: string) => this.unlink(path),
		readdir: (path: string) => this.readdir(path),
		mkdir: (path: string) => this.mkdir(path),
		rmdir: (path: string) => this.rmdir(path),
		stat: (path: string) => this.stat(path),
		lstat: (path: string) => this.stat(path),
		readlink: async (path: string) => {
			throw fsError('EINVAL', 'readlink', path);
		},
		// The store has no links: a link is kept as a file holding its target, as git does with core.symlinks=false.
		symlink: (target: string, path: string) => this.writeFile(path, target),
		chmod: async () => undefined
	};

	constructor(private readonly fs: ProjectFileSystem) {}

	private async nodes(): Promise<Map<string, Node>> {
		if (this.#nodes) return this.#nodes;
		const nodes = new Map<string, Node>([['', { kind: 'dir', size: 0, mtime: 0 }]]);
		this.#children = new Map([['', new Set()]]);
		for (const entry of await this.fs.list()) {
			nodes.set(entry.path, { kind: entry.kind, size: entry.size, mtime: entry.mtime });
		}
		this.#nodes = nodes;
		for (const path of nodes.keys()) if (path !== '') this.link(path);
		return nodes;
	}

	private link(path: string): void {
		const parent = parentOf(path);
		let set = this.#children.get(parent);
		if (!set) this.#children.set(parent, (set = new Set()));
		set.add(nameOf(path));
		if (!this.#children.has(path) && this.#nodes?.get(path)?.kind === 'dir') this.#children.set(path, new Set());
	}

	private unlinkNode(path: string): void {
		this.#nodes?.delete(path);
		this.#children.get(parentOf(path))?.delete(nameOf(path));
		this.#children.delete(path);
	}

	private async node(path: string, syscall: string): Promise<Node> {
		const nodes = await this.nodes();
		const node = nodes.get(path);
		if (node) return node;
		// A path that runs through a file is ENOTDIR, as in Node: isomorphic-git treats both as "missing".
		for (let dir = parentOf(path); dir !== ''; dir = parentOf(dir)) {
			if (nodes.get(dir)?.kind === 'file') throw fsError('ENOTDIR', syscall, path);
		}
		throw fsError('ENOENT', syscall, path);
	}

	async readFile(raw: string, options?: { encoding?: string } | string): Promise<Uint8Array | string> {
		const path = clean(raw);
		const node = await this.node(path, 'open');
		if (node.kind === 'dir') throw fsError('EISDIR', 'read', raw);
		const pending = this.#writes.get(path);
		const data: FileData =
			pending ??
			(await this.fs.readFile(path).catch((error: { code?: string }) => {
				// Removed since the listing was read (a delete in the editor meanwhile): missing, as git expects.
				throw error.code === 'not-found' ? fsError('ENOENT', 'open', raw) : error;
			}));
		const encoding = typeof options === 'string' ? options : options?.encoding;
		if (encoding === 'utf8' || encoding === 'utf-8') return typeof data === 'string' ? data : decoder.decode(data);
		return typeof data === 'string' ? encoder.encode(data) : data;
	}

	async writeFile(raw: string, data: FileData): Promise<void> {
		const path = clean(raw);
		const nodes = await this.nodes();
		if (nodes.get(path)?.kind === 'dir') throw fsError('EISDIR', 'open', raw);
		const parent = nodes.get(parentOf(path));
		if (!parent) throw fsError('ENOENT', 'open', raw);
		if (parent.kind === 'file') throw fsError('ENOTDIR', 'open', raw);
		// Copy: isomorphic-git may reuse the buffer it hands over.
		const bytes = typeof data === 'string' ? data : new Uint8Array(data);
		this.#writes.set(path, bytes);
		this.#deletes.delete(path);
		nodes.set(path, { kind: 'file', size: typeof bytes === 'string' ? encoder.encode(bytes).byteLength : bytes.byteLength, mtime: Date.now() });
		this.link(path);
	}

	async unlink(raw: string): Promise<void> {
		const path = clean(raw);
		const node = await this.node(path, 'unlink');
		if (node.kind === 'dir') throw fsError('EISDIR', 'unlink', raw);
		// flush() removes it from the store only if it is stored; a file made and removed in one go never lands.
		this.#writes.delete(path);
		this.#deletes.add(path);
		this.unlinkNode(path);
	}

	async readdir(raw: string): Promise<string[]> {
		const path = clean(raw);
		const node = await this.node(path, 'scandir');
		if (node.kind === 'file') throw fsError('ENOTDIR', 'scandir', raw);
		return [...(this.#children.get(path) ?? [])];
	}

	async mkdir(raw: string): Promise<void> {
		const path = clean(raw);
		const nodes = await this.nodes();
		if (nodes.has(path)) throw fsError('EEXIST', 'mkdir', raw);
		const parent = nodes.get(parentOf(path));
		if (!parent) throw fsError('ENOENT', 'mkdir', raw);
		if (parent.kind === 'file') throw fsError('ENOTDIR', 'mkdir', raw);
		nodes.set(path, { kind: 'dir', size: 0, mtime: Date.now() });
		this.link(path);
		this.#newDirs.add(path);
	}

	async rmdir(raw: string): Promise<void> {
		const path = clean(raw);
		const node = await this.node(path, 'rmdir');
		if (node.kind === 'file') throw fsError('ENOTDIR', 'rmdir', raw);
		if ((this.#children.get(path)?.size ?? 0) > 0) throw fsError('ENOTEMPTY', 'rmdir', raw);
		if (path === '') return;
		this.unlinkNode(path);
		if (!this.#newDirs.delete(path)) this.#deletes.add(path);
	}

	async stat(raw: string) {
		return stats(await this.node(clean(raw), 'stat'));
	}

	/** Whether the operation has anything left to write. */
	get dirty(): boolean {
		return this.#writes.size > 0 || this.#deletes.size > 0 || this.#newDirs.size > 0;
	}

	/**
	 * Makes the operation's writes durable: removals first, then every written file in one batch,
	 * then folders that were made and stayed empty (git expects refs/tags and the like to exist).
	 */
	async flush(): Promise<void> {
		const nodes = await this.nodes();
		for (const path of this.#deletes) {
			if (await this.fs.exists(path)) await this.fs.remove(path);
		}
		if (this.#writes.size > 0) {
			await this.fs.writeMany([...this.#writes].map(([path, data]) => ({ path, data })));
		}
		for (const dir of this.#newDirs) {
			if (nodes.get(dir)?.kind === 'dir' && (this.#children.get(dir)?.size ?? 0) === 0) await this.fs.mkdir(dir);
		}
		this.#writes.clear();
		this.#deletes.clear();
		this.#newDirs.clear();
	}

	/** Forgets the listing, so the next operation sees changes made meanwhile. */
	reset(): void {
		this.#nodes = null;
		this.#writes.clear();
		this.#deletes.clear();
		this.#newDirs.clear();
	}
}
