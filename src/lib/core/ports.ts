/**
 * The interfaces the platform implements. Core and state code depend on these only, so they run
 * in Node tests with fakes and the adapters stay swappable.
 */

export type FileData = Uint8Array | string;

export interface FileEntry {
	path: string;
	kind: 'file' | 'dir';
	size: number;
	mtime: number;
}

/** One project's files: the copy of record. Every promise settles after the write is durable. */
export interface ProjectFileSystem {
	list(): Promise<FileEntry[]>;
	readFile(path: string): Promise<Uint8Array>;
	readText(path: string): Promise<string>;
	/** Every file's content in one read: mounting a runtime, exporting a zip. */
	readAll(): Promise<Map<string, FileData>>;
	exists(path: string): Promise<boolean>;
	writeFile(path: string, data: FileData): Promise<void>;
	/** Many files in one durable batch: imports and samples use this. */
	writeMany(files: ReadonlyArray<{ path: string; data: FileData }>): Promise<void>;
	mkdir(path: string): Promise<void>;
	/** Removes a file, or a folder with everything inside it. */
	remove(path: string): Promise<void>;
	/** Moves a file or a folder; refuses to overwrite. */
	rename(from: string, to: string): Promise<void>;
}

export interface ProjectFileSystems {
	open(projectId: string): ProjectFileSystem;
	/** Deletes every file of a project. */
	drop(projectId: string): Promise<void>;
	/** Every project id that has files stored, with the time of its newest write. */
	stored(): Promise<Array<{ projectId: string; lastWrite: number }>>;
}

export interface Clock {
	now(): number;
}

export type IdGenerator = () => string;
