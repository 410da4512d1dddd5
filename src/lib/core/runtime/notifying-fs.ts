import type { FileData, ProjectFileSystem } from '../ports';
import type { FileChangeSink } from './mirror';

/**
 * The project's persistent files, telling a sink about every write once it is durable. The
 * workspace, the spec session and the file tree all write through this, so the runtime sees every
 * change without each of them knowing a runtime exists. The sink is looked up per write: it is
 * null until the user starts a runtime.
 */
export class NotifyingFileSystem implements ProjectFileSystem {
	constructor(
		private readonly inner: ProjectFileSystem,
		private readonly sink: () => FileChangeSink | null
	) {}

	list() {
		return this.inner.list();
	}
	readFile(path: string) {
		return this.inner.readFile(path);
	}
	readText(path: string) {
		return this.inner.readText(path);
	}
	readAll() {
		return this.inner.readAll();
	}
	exists(path: string) {
		return this.inner.exists(path);
	}

	async writeFile(path: string, data: FileData): Promise<void> {
		await this.inner.writeFile(path, data);
		this.sink()?.written(path, data);
	}

	async writeMany(files: ReadonlyArray<{ path: string; data: FileData }>): Promise<void> {
		await this.inner.writeMany(files);
		const sink = this.sink();
		for (const file of files) sink?.written(file.path, file.data);
	}

	async mkdir(path: string): Promise<void> {
		await this.inner.mkdir(path);
		this.sink()?.madeDir(path);
	}

	async remove(path: string): Promise<void> {
		await this.inner.remove(path);
		this.sink()?.removed(path);
	}

	async rename(from: string, to: string): Promise<void> {
		await this.inner.rename(from, to);
		this.sink()?.renamed(from, to);
	}
}
