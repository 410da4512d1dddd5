import type { ClonedRepository } from '../archive/run-import';

/** What the user asked for in the clone dialog. */
export interface CloneOptions {
	url: string;
	/** '' or undefined: the repository's default branch. */
	branch?: string;
	/** Every commit of every branch, instead of the newest commit of one branch (the default). */
	fullHistory: boolean;
	/** '' or undefined: no proxy. */
	corsProxy?: string;
}

/** isomorphic-git's phases ("Receiving objects", "Resolving deltas", "Updating workdir"…) with counts. */
export interface CloneProgress {
	phase: string;
	loaded: number;
	/** 0 when the phase does not know its total. */
	total: number;
}

export interface Credentials {
	username: string;
	password: string;
}

export interface CloneHooks {
	signal: AbortSignal;
	onProgress(progress: CloneProgress): void;
	/** Asked when the server answers 401; `retry` when the previous answer was refused. null = give up. */
	askCredentials(url: string, retry: boolean): Promise<Credentials | null>;
}

export interface ClonedGitRepository extends ClonedRepository {
	/** The branch checked out, or null for a detached HEAD. */
	branch: string | null;
}

/** Clones into memory; rejects with a SpecwrightError the user can act on, or an AbortError. */
export type GitCloner = (options: CloneOptions, hooks: CloneHooks) => Promise<ClonedGitRepository>;
