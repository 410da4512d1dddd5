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

export type GitFileStatus = 'added' | 'modified' | 'deleted' | 'untracked';

export interface GitChange {
	path: string;
	status: GitFileStatus;
}

/** One file's text before and after a change; null where the file does not exist. */
export interface GitFileDiff {
	path: string;
	status: GitFileStatus;
	before: string | null;
	after: string | null;
	binary: boolean;
}

export interface GitCommitInfo {
	sha: string;
	message: string;
	author: { name: string; email: string };
	/** Milliseconds since the epoch. */
	time: number;
	parents: string[];
}

export interface GitPushOptions {
	url: string;
	branch: string;
	/** Empty: talk to the remote directly (it must allow CORS). */
	corsProxy: string;
	auth?: { username: string; token: string };
	onProgress?: (phase: string, loaded: number, total: number | undefined) => void;
	signal?: AbortSignal;
}

/** Git on one project's files. Every write settles once it is durable. */
export interface ProjectGit {
	isRepository(): Promise<boolean>;
	/** `git init` (branch main) and a first commit of every file, in one durable write. */
	initWithCommit(message: string, author: { name: string; email: string }): Promise<void>;
	currentBranch(): Promise<string | null>;
	status(): Promise<GitChange[]>;
	diff(path: string): Promise<GitFileDiff>;
	/** Commits every change in the working tree; returns the new commit's id. */
	commit(message: string, author: { name: string; email: string }): Promise<string>;
	log(limit?: number): Promise<GitCommitInfo[]>;
	commitChanges(sha: string): Promise<GitFileDiff[]>;
	/** Puts a file back as HEAD has it (or removes it when HEAD does not have it). */
	restore(path: string): Promise<void>;
	remoteUrl(): Promise<string | null>;
	push(options: GitPushOptions): Promise<void>;
}

export interface Git {
	open(fs: ProjectFileSystem): ProjectGit;
}
