/**
 * The interfaces the platform implements. Core and state code depend on these only, so they run
 * in Node tests with fakes and the adapters stay swappable.
 */

import type { SpecwrightError } from './errors';

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
	/**
	 * `initWithCommit` on a stored project's files, away from the page's thread (hashing thousands of
	 * files takes seconds). Settles once the result is durable; a repository opened after reads it.
	 */
	initInBackground(projectId: string, message: string, author: { name: string; email: string }): Promise<void>;
}

/** A process running in the runtime, attached to a pseudoterminal. */
export interface RuntimeProcess {
	/** Everything the process and its children print, terminal escapes included. */
	readonly output: ReadableStream<string>;
	/** Settles with the exit code once the process ends (a killed process may never settle). */
	readonly exit: Promise<number>;
	write(data: string): Promise<void>;
	resize(size: TerminalSize): void;
	kill(): void;
}

export interface TerminalSize {
	cols: number;
	rows: number;
}

export interface SpawnOptions {
	cwd?: string;
	env?: Record<string, string>;
	terminal?: TerminalSize;
}

export interface ExecOptions {
	cwd?: string;
	signal?: AbortSignal;
	/** Kills the process after this long and reports `timedOut`. */
	timeoutMs?: number;
}

export interface ExecResult {
	exitCode: number;
	/** The combined output (the tail, when a command prints a lot). */
	output: string;
	timedOut: boolean;
}

/** What a path is inside the runtime's file system, read in one call. */
export type RuntimeEntry = { kind: 'file'; data: Uint8Array } | { kind: 'dir'; names: string[] } | null;

/** A booted sandbox: a disposable mirror of the project where commands run. */
export interface Runtime {
	mount(files: ReadonlyMap<string, FileData>): Promise<void>;
	writeFile(path: string, data: FileData): Promise<void>;
	mkdir(path: string): Promise<void>;
	remove(path: string): Promise<void>;
	rename(from: string, to: string): Promise<void>;
	inspect(path: string): Promise<RuntimeEntry>;
	spawn(command: string, args: string[], options?: SpawnOptions): Promise<RuntimeProcess>;
	/** Runs a command to its end: what the agent and hooks use. */
	exec(command: string, args: string[], options?: ExecOptions): Promise<ExecResult>;
	/** Paths (relative to the project) that processes create, change or delete. */
	watch(listener: (path: string) => void): () => void;
	onServerReady(listener: (port: number, url: string) => void): () => void;
	onPort(listener: (port: number, type: 'open' | 'close', url: string) => void): () => void;
	teardown(): Promise<void>;
}

export interface RuntimeBootOptions {
	workdirName: string;
	timeoutMs: number;
	signal?: AbortSignal;
}

/**
 * The runtime behind a two-method port: `check` says, without loading anything heavy, whether this
 * browser can run one at all; `boot` loads the adapter and starts it.
 */
export interface RuntimeHost {
	check(): SpecwrightError | null;
	boot(options: RuntimeBootOptions): Promise<Runtime>;
}
