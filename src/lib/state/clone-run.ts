import type { ImportDeps, ImportOutcome } from '../core/archive/run-import';
import type { CloneOptions, Credentials, GitCloner } from '../core/git/clone';
import { projectNameFromUrl } from '../core/git/clone-errors';
import { SpecwrightError } from '../core/errors';
import type { CredentialsRequest, ImportStatus } from './imports.svelte';

/** How the clone reports to ProjectImports: status changes, and the credentials question (null = none). */
export interface CloneUi {
	update(patch: Partial<ImportStatus>): void;
	ask(request: CredentialsRequest | null): void;
}

/**
 * A clone as an import: fetch into memory in the worker, then the import pipeline writes working tree
 * and .git into a new project. Loaded with the first clone, not with the page.
 */
export async function runClone(
	options: CloneOptions,
	run: typeof import('../core/archive/run-import'),
	deps: ImportDeps,
	loadCloner: (() => Promise<GitCloner>) | undefined,
	ui: CloneUi
): Promise<ImportOutcome | null> {
	const name = projectNameFromUrl(options.url);
	ui.update({ name, phase: 'cloning' });
	if (!loadCloner) throw new SpecwrightError('git-unavailable', 'Cloning git repositories is not available here.');
	// Marks for the clone benchmark's breakdown (bench/lib/clone.js); cheap, and visible in devtools.
	performance.mark('clone:start');
	const clone = await loadCloner();
	let phase = '';
	let username = '';
	const repo = await clone(options, {
		signal: deps.signal,
		onProgress: (progress) => {
			if (progress.phase !== phase) performance.mark(`clone:${progress.phase}`);
			phase = progress.phase;
			ui.update({ clone: progress });
		},
		askCredentials: (url, retry) =>
			new Promise<Credentials | null>((resolve) => {
				ui.ask({
					url,
					retry,
					username,
					resolve: (answer) => {
						ui.ask(null);
						username = answer?.username ?? username;
						resolve(answer);
					}
				});
			})
	});
	performance.mark('clone:fetched');
	ui.update({ phase: 'checking' });
	const outcome = await run.importClone(repo, name, { ...deps, excludedFolders: [] });
	performance.mark('clone:stored');
	return outcome;
}
