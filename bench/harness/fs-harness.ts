/**
 * Browser side of the file system benchmark, bundled by bench/lib/fs.js and driven by page.evaluate.
 * Each candidate writes the same 1,000 files, then lists and reads them back, as an import followed
 * by opening the project would. Opening the store is not timed: the app does that once at start.
 */
import FS from '@isomorphic-git/lightning-fs';
import { IdbProjectFileSystems } from '../../src/lib/platform/fs/idb-fs';
import { openSpecwrightDb } from '../../src/lib/platform/store/db';
import { PlainOpfs } from './opfs-adapter';
import { folders, makeFiles, verify, type BenchFile } from './workload';

export type StoreName = 'raw-idb' | 'idb-fs' | 'lightningfs' | 'opfs';

interface Session {
	write(files: readonly BenchFile[]): Promise<void>;
	readAll(): Promise<Map<string, Uint8Array>>;
	dispose(): Promise<void>;
}

const files = makeFiles();

/** Runs one timed write + read-back in a fresh store; `writeMs` is the write part, for diagnosis. */
export async function runOnce(store: StoreName, name: string): Promise<{ ms: number; writeMs: number }> {
	const session = await OPENERS[store](name);
	try {
		const start = performance.now();
		await session.write(files);
		const written = performance.now();
		const back = await session.readAll();
		const end = performance.now();
		verify(files, back);
		return { ms: end - start, writeMs: written - start };
	} finally {
		await session.dispose();
	}
}

/** Names of bench databases still present: the runner fails if a run leaked one. */
export async function leftovers(): Promise<string[]> {
	const dbs = await indexedDB.databases();
	return dbs.map((d) => d.name ?? '').filter((n) => n.startsWith('bench-'));
}

const OPENERS: Record<StoreName, (name: string) => Promise<Session>> = {
	'raw-idb': openRawIdb,
	'idb-fs': openIdbFs,
	lightningfs: openLightningFs,
	opfs: openOpfs
};

/** The baseline: all files put in one transaction, then all keys and values fetched in another. */
async function openRawIdb(name: string): Promise<Session> {
	const open = indexedDB.open(name, 1);
	open.onupgradeneeded = () => open.result.createObjectStore('files');
	const db = await request(open);
	return {
		async write(files) {
			const tx = db.transaction('files', 'readwrite');
			for (const f of files) tx.objectStore('files').put(f.data, f.path);
			await complete(tx);
		},
		async readAll() {
			const tx = db.transaction('files', 'readonly');
			const [keys, values] = await Promise.all([
				request(tx.objectStore('files').getAllKeys()),
				request(tx.objectStore('files').getAll())
			]);
			return new Map(keys.map((k, i) => [String(k), values[i] as Uint8Array]));
		},
		async dispose() {
			db.close();
			await deleteDb(name);
		}
	};
}

/** The project file system the app uses: one `writeMany` batch, then a listing and one batch read (as a runtime mount does). */
async function openIdbFs(name: string): Promise<Session> {
	const db = await openSpecwrightDb(name);
	const fs = new IdbProjectFileSystems(db).open('bench-project');
	return {
		write: (files) => fs.writeMany(files),
		async readAll() {
			const [, contents] = await Promise.all([fs.list(), fs.readAll()]);
			return contents as Map<string, Uint8Array>;
		},
		async dispose() {
			db.close();
			await deleteDb(name);
		}
	};
}

/** LightningFS writes each file in its own IndexedDB transaction; `flush` persists its superblock. */
async function openLightningFs(name: string): Promise<Session> {
	const fs = new FS(name).promises;
	await fs.stat('/'); // activates it: loads the superblock and takes its lock
	return {
		async write(files) {
			for (const dir of folders(files)) await fs.mkdir(`/${dir}`);
			await Promise.all(files.map((f) => fs.writeFile(`/${f.path}`, f.data)));
			await fs.flush();
		},
		async readAll() {
			const paths: string[] = [];
			const walk = async (dir: string): Promise<void> => {
				for (const entry of await fs.readdir(dir)) {
					const path = `${dir === '/' ? '' : dir}/${entry}`;
					if ((await fs.stat(path)).isDirectory()) await walk(path);
					else paths.push(path);
				}
			};
			await walk('/');
			const read = paths.map(async (p) => [p.slice(1), (await fs.readFile(p)) as Uint8Array] as const);
			return new Map(await Promise.all(read));
		},
		// LightningFS closes its database after 500 ms idle; the delete waits for that close.
		dispose: () => deleteDb(name)
	};
}

async function openOpfs(name: string): Promise<Session> {
	const fs = await PlainOpfs.open(name);
	return {
		async write(files) {
			await Promise.all(files.map((f) => fs.writeFile(f.path, f.data)));
		},
		async readAll() {
			const paths = await fs.list();
			return new Map(await Promise.all(paths.map(async (p) => [p, await fs.readFile(p)] as const)));
		},
		dispose: () => PlainOpfs.remove(name)
	};
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function complete(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
	});
}

function deleteDb(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
	});
}
