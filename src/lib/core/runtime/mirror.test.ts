import { describe, expect, it } from 'vitest';
import type { FileData, FileEntry, ProjectFileSystem, Runtime, RuntimeEntry } from '../ports';
import { RuntimeMirror } from './mirror';
import { NotifyingFileSystem } from './notifying-fs';
import { excludeMatcher } from './excludes';

const bytes = (data: FileData) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : undefined);

/** A map of files standing in for IndexedDB. */
class MemoryFs implements ProjectFileSystem {
	files = new Map<string, Uint8Array>();
	writes = 0;
	async list(): Promise<FileEntry[]> {
		return [...this.files].map(([path, d]) => ({ path, kind: 'file', size: d.byteLength, mtime: 0 }));
	}
	async readFile(path: string) {
		const data = this.files.get(path);
		if (!data) throw new Error(`missing ${path}`);
		return data;
	}
	async readText(path: string) {
		return text(await this.readFile(path))!;
	}
	async readAll() {
		return new Map<string, FileData>(this.files);
	}
	async exists(path: string) {
		return this.files.has(path);
	}
	async writeFile(path: string, data: FileData) {
		this.writes++;
		this.files.set(path, bytes(data));
	}
	async writeMany(files: ReadonlyArray<{ path: string; data: FileData }>) {
		for (const f of files) await this.writeFile(f.path, f.data);
	}
	async mkdir() {}
	async remove(path: string) {
		for (const key of [...this.files.keys()]) if (key === path || key.startsWith(`${path}/`)) this.files.delete(key);
	}
	async rename(from: string, to: string) {
		const data = this.files.get(from)!;
		this.files.delete(from);
		this.files.set(to, data);
	}
}

/** The runtime's in-memory file system. */
class FakeRuntime implements Pick<Runtime, 'mount' | 'writeFile' | 'mkdir' | 'remove' | 'rename' | 'inspect'> {
	files = new Map<string, Uint8Array>();
	log: string[] = [];
	async mount(files: ReadonlyMap<string, FileData>) {
		for (const [p, d] of files) this.files.set(p, bytes(d));
		this.log.push(`mount ${[...files.keys()].sort().join(',')}`);
	}
	async writeFile(path: string, data: FileData) {
		this.files.set(path, bytes(data));
		this.log.push(`write ${path}=${text(bytes(data))}`);
	}
	async mkdir(path: string) {
		this.log.push(`mkdir ${path}`);
	}
	async remove(path: string) {
		this.files.delete(path);
		this.log.push(`rm ${path}`);
	}
	async rename(from: string, to: string) {
		this.files.set(to, this.files.get(from)!);
		this.files.delete(from);
		this.log.push(`mv ${from} ${to}`);
	}
	async inspect(path: string): Promise<RuntimeEntry> {
		const data = this.files.get(path);
		if (data) return { kind: 'file', data };
		const names = [...this.files.keys()].filter((k) => k.startsWith(`${path}/`)).map((k) => k.slice(path.length + 1).split('/')[0]!);
		return names.length ? { kind: 'dir', names: [...new Set(names)] } : null;
	}
}

function setup() {
	const store = new MemoryFs();
	const runtime = new FakeRuntime();
	const synced: string[][] = [];
	const errors: unknown[] = [];
	const mirror = new RuntimeMirror(runtime, store, {
		excluded: excludeMatcher(),
		onSynced: (paths) => synced.push(paths),
		onError: (e) => errors.push(e)
	});
	let sinkOn = true;
	const fs = new NotifyingFileSystem(store, () => (sinkOn ? mirror : null));
	return { store, runtime, mirror, fs, synced, errors, off: () => (sinkOn = false) };
}

describe('RuntimeMirror', () => {
	it('mounts every file but .git, then applies writes made while booting', async () => {
		const { store, runtime, mirror, fs } = setup();
		store.files.set('a.txt', bytes('a'));
		store.files.set('.git/HEAD', bytes('ref'));
		await fs.writeFile('b.txt', 'early');
		await mirror.mount();
		await mirror.queue.idle();
		expect(runtime.log).toEqual(['mount a.txt,b.txt', 'write b.txt=early']);
	});

	it('mirrors writes, folders, removals and renames in order', async () => {
		const { runtime, mirror, fs } = setup();
		await mirror.mount();
		await fs.mkdir('src');
		await fs.writeFile('src/x.ts', 'one');
		await fs.rename('src/x.ts', 'src/y.ts');
		await fs.writeMany([{ path: 'z', data: 'z' }]);
		await fs.remove('z');
		await mirror.queue.idle();
		expect(runtime.log.slice(1)).toEqual(['mkdir src', 'write src/x.ts=one', 'mv src/x.ts src/y.ts', 'write z=z', 'rm z']);
	});

	it('copies files a process creates back, but not excluded ones, and not unchanged ones', async () => {
		const { store, runtime, mirror, synced } = setup();
		store.files.set('same.txt', bytes('same'));
		await mirror.mount();
		runtime.files.set('reports/today.txt', bytes('made by a process'));
		runtime.files.set('node_modules/pkg/index.js', bytes('dep'));
		mirror.changedInRuntime('reports');
		mirror.changedInRuntime('node_modules/pkg/index.js');
		mirror.changedInRuntime('same.txt');
		await mirror.queue.idle();
		expect(text(store.files.get('reports/today.txt'))).toBe('made by a process');
		expect(store.files.has('node_modules/pkg/index.js')).toBe(false);
		expect(synced).toEqual([['reports/today.txt']]);
	});

	it('does not echo its own writes back into the store', async () => {
		const { store, mirror, fs } = setup();
		await mirror.mount();
		await fs.writeFile('a.txt', 'mine');
		const writes = store.writes;
		mirror.changedInRuntime('a.txt');
		await mirror.queue.idle();
		expect(store.writes).toBe(writes);
	});

	it('never writes an old runtime copy over a newer save still in the queue', async () => {
		const { store, runtime, mirror, fs } = setup();
		store.files.set('a.txt', bytes('v1'));
		await mirror.mount();
		await fs.writeFile('a.txt', 'v2');
		mirror.changedInRuntime('a.txt');
		await mirror.queue.idle();
		expect(text(store.files.get('a.txt'))).toBe('v2');
		expect(text(runtime.files.get('a.txt'))).toBe('v2');
	});

	it('removes a file a process deleted', async () => {
		const { store, runtime, mirror, synced } = setup();
		store.files.set('gone.txt', bytes('x'));
		await mirror.mount();
		runtime.files.delete('gone.txt');
		mirror.changedInRuntime('gone.txt');
		await mirror.queue.idle();
		expect(store.files.has('gone.txt')).toBe(false);
		expect(synced).toEqual([['gone.txt']]);
	});

	it('tells nobody when no runtime is running', async () => {
		const { store, runtime, fs, off } = setup();
		off();
		await fs.writeFile('a', '1');
		expect(text(store.files.get('a'))).toBe('1');
		expect(runtime.log).toEqual([]);
	});
});
