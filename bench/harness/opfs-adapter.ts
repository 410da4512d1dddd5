/**
 * A plain OPFS adapter, written only to compare stores: one real folder per path segment and one
 * `createWritable` per file on the main thread (sync access handles would need a worker).
 */
export class PlainOpfs {
	private readonly dirs = new Map<string, Promise<FileSystemDirectoryHandle>>();

	private constructor(private readonly root: FileSystemDirectoryHandle) {}

	static async open(name: string): Promise<PlainOpfs> {
		const top = await navigator.storage.getDirectory();
		return new PlainOpfs(await top.getDirectoryHandle(name, { create: true }));
	}

	static async remove(name: string): Promise<void> {
		const top = await navigator.storage.getDirectory();
		await top.removeEntry(name, { recursive: true });
	}

	/** Folder handles are cached as promises so concurrent writes into one folder create it once. */
	private dir(path: string): Promise<FileSystemDirectoryHandle> {
		if (path === '') return Promise.resolve(this.root);
		let handle = this.dirs.get(path);
		if (!handle) {
			const cut = path.lastIndexOf('/');
			const parent = this.dir(cut < 0 ? '' : path.slice(0, cut));
			handle = parent.then((p) => p.getDirectoryHandle(path.slice(cut + 1), { create: true }));
			this.dirs.set(path, handle);
		}
		return handle;
	}

	async writeFile(path: string, data: Uint8Array): Promise<void> {
		const cut = path.lastIndexOf('/');
		const dir = await this.dir(cut < 0 ? '' : path.slice(0, cut));
		const file = await dir.getFileHandle(path.slice(cut + 1), { create: true });
		const writable = await file.createWritable();
		// Copy into a plain ArrayBuffer-backed view: the DOM typings reject views over shared buffers.
		await writable.write(new Uint8Array(data));
		await writable.close();
	}

	/** Every file path under the root, found by walking the folders as opening a project would. */
	async list(): Promise<string[]> {
		const out: string[] = [];
		const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
			const children: Promise<void>[] = [];
			for await (const [name, handle] of dir.entries()) {
				if (handle.kind === 'directory') children.push(walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`));
				else out.push(`${prefix}${name}`);
			}
			await Promise.all(children);
		};
		await walk(this.root, '');
		return out;
	}

	async readFile(path: string): Promise<Uint8Array> {
		const cut = path.lastIndexOf('/');
		const dir = await this.dir(cut < 0 ? '' : path.slice(0, cut));
		const file = await (await dir.getFileHandle(path.slice(cut + 1))).getFile();
		return new Uint8Array(await file.arrayBuffer());
	}
}
