/**
 * A small in-memory file system with the promise API isomorphic-git expects (see its docs/fs.md).
 * A clone runs into it inside a worker: far faster than a persistent store, and the result is handed to
 * the import pipeline whole, so a failed or cancelled clone leaves nothing anywhere.
 */

export interface MemoryStat {
	type: 'file' | 'dir' | 'symlink';
	mode: number;
	size: number;
	ino: number;
	mtimeMs: number;
	ctimeMs: number;
	uid: number;
	gid: number;
	dev: number;
	isFile(): boolean;
	isDirectory(): boolean;
	isSymbolicLink(): boolean;
}

type Node =
	| { type: 'file'; data: Uint8Array; mode: number; ino: number; mtimeMs: number }
	| { type: 'dir'; children: Set<string>; ino: number; mtimeMs: number }
	| { type: 'symlink'; target: string; ino: number; mtimeMs: number };

export interface MemoryEntry {
	/** Relative to the root given to `entries`, with `/`. */
	path: string;
	kind: 'file' | 'symlink';
	data: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fsError(code: string, op: string, path: string): Error & { code: string } {
	return Object.assign(new Error(`${code}: ${op} '${path}'`), { code });
}

function clean(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

function baseOf(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

export class MemoryFs {
	#nodes = new Map<string, Node>([['/', { type: 'dir', children: new Set(), ino: 1, mtimeMs: 0 }]]);
	#ino = 1;
	readonly #now: () => number;

	constructor(now: () => number = () => 0) {
		this.#now = now;
	}

	#dirFor(path: string, op: string): Node & { type: 'dir' } {
		const parent = this.#nodes.get(parentOf(path));
		if (!parent) throw fsError('ENOENT', op, path);
		if (parent.type !== 'dir') throw fsError('ENOTDIR', op, path);
		return parent;
	}

	#get(path: string, op: string): Node {
		const node = this.#nodes.get(path);
		if (!node) throw fsError('ENOENT', op, path);
		return node;
	}

	async readFile(path: string, options?: { encoding?: string } | string): Promise<Uint8Array | string> {
		const p = clean(path);
		const node = this.#get(p, 'open');
		if (node.type === 'dir') throw fsError('EISDIR', 'read', p);
		const data = node.type === 'file' ? node.data : encoder.encode(node.target);
		const encoding = typeof options === 'string' ? options : options?.encoding;
		return encoding === 'utf8' || encoding === 'utf-8' ? decoder.decode(data) : data;
	}

	async writeFile(path: string, data: Uint8Array | string, options?: { mode?: number } | string): Promise<void> {
		const p = clean(path);
		const parent = this.#dirFor(p, 'open');
		const existing = this.#nodes.get(p);
		if (existing?.type === 'dir') throw fsError('EISDIR', 'open', p);
		// A copy: callers hand in views of shared buffers (Buffer pools) that must not be transferred later.
		const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
		const mode = (typeof options === 'object' && options?.mode) || 0o100644;
		this.#nodes.set(p, { type: 'file', data: bytes, mode, ino: existing?.ino ?? ++this.#ino, mtimeMs: this.#now() });
		parent.children.add(baseOf(p));
	}

	async unlink(path: string): Promise<void> {
		const p = clean(path);
		const node = this.#get(p, 'unlink');
		if (node.type === 'dir') throw fsError('EISDIR', 'unlink', p);
		this.#nodes.delete(p);
		this.#dirFor(p, 'unlink').children.delete(baseOf(p));
	}

	async mkdir(path: string): Promise<void> {
		const p = clean(path);
		if (this.#nodes.has(p)) throw fsError('EEXIST', 'mkdir', p);
		const parent = this.#dirFor(p, 'mkdir');
		this.#nodes.set(p, { type: 'dir', children: new Set(), ino: ++this.#ino, mtimeMs: this.#now() });
		parent.children.add(baseOf(p));
	}

	async rmdir(path: string): Promise<void> {
		const p = clean(path);
		const node = this.#get(p, 'rmdir');
		if (node.type !== 'dir') throw fsError('ENOTDIR', 'rmdir', p);
		if (node.children.size > 0) throw fsError('ENOTEMPTY', 'rmdir', p);
		if (p === '/') throw fsError('EPERM', 'rmdir', p);
		this.#nodes.delete(p);
		this.#dirFor(p, 'rmdir').children.delete(baseOf(p));
	}

	async readdir(path: string): Promise<string[]> {
		const p = clean(path);
		const node = this.#get(p, 'scandir');
		if (node.type !== 'dir') throw fsError('ENOTDIR', 'scandir', p);
		return [...node.children];
	}

	async stat(path: string): Promise<MemoryStat> {
		let p = clean(path);
		let node = this.#get(p, 'stat');
		for (let hops = 0; node.type === 'symlink'; hops++) {
			if (hops > 40) throw fsError('ELOOP', 'stat', path);
			p = node.target.startsWith('/') ? clean(node.target) : clean(`${parentOf(p)}/${node.target}`);
			node = this.#get(p, 'stat');
		}
		return statOf(node);
	}

	async lstat(path: string): Promise<MemoryStat> {
		return statOf(this.#get(clean(path), 'lstat'));
	}

	async readlink(path: string): Promise<string> {
		const p = clean(path);
		const node = this.#get(p, 'readlink');
		if (node.type !== 'symlink') throw fsError('EINVAL', 'readlink', p);
		return node.target;
	}

	async symlink(target: string, path: string): Promise<void> {
		const p = clean(path);
		if (this.#nodes.has(p)) throw fsError('EEXIST', 'symlink', p);
		const parent = this.#dirFor(p, 'symlink');
		this.#nodes.set(p, { type: 'symlink', target, ino: ++this.#ino, mtimeMs: this.#now() });
		parent.children.add(baseOf(p));
	}

	async chmod(path: string, mode: number): Promise<void> {
		const node = this.#get(clean(path), 'chmod');
		if (node.type === 'file') node.mode = mode;
	}

	/** Every file and link under `root`, depth first in name order; a link's data is its target. */
	entries(root: string): MemoryEntry[] {
		const base = clean(root);
		const out: MemoryEntry[] = [];
		const walk = (dir: string, rel: string) => {
			const node = this.#nodes.get(dir);
			if (node?.type !== 'dir') return;
			for (const name of [...node.children].sort()) {
				const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
				const relPath = rel === '' ? name : `${rel}/${name}`;
				const child = this.#nodes.get(path);
				if (child?.type === 'dir') walk(path, relPath);
				else if (child?.type === 'file') out.push({ path: relPath, kind: 'file', data: child.data });
				else if (child?.type === 'symlink') out.push({ path: relPath, kind: 'symlink', data: encoder.encode(child.target) });
			}
		};
		walk(base, '');
		return out;
	}
}

function statOf(node: Node): MemoryStat {
	const mode = node.type === 'file' ? node.mode : node.type === 'dir' ? 0o040000 : 0o120000;
	const size = node.type === 'file' ? node.data.byteLength : node.type === 'symlink' ? node.target.length : 0;
	return {
		type: node.type,
		mode,
		size,
		ino: node.ino,
		mtimeMs: node.mtimeMs,
		ctimeMs: node.mtimeMs,
		uid: 1,
		gid: 1,
		dev: 1,
		isFile: () => node.type === 'file',
		isDirectory: () => node.type === 'dir',
		isSymbolicLink: () => node.type === 'symlink'
	};
}
