import type { FolderListing, ImportDeps, ImportOutcome, ImportProgress, RemoteCandidate, ZipExtractor } from '../core/archive/run-import';
import { SpecwrightError } from '../core/errors';
import type { CloneOptions, CloneProgress, Credentials, GitCloner } from '../core/git/clone';
import type { Dialogs } from './dialogs.svelte';
import type { Projects } from './projects.svelte';

export interface ImportStatus {
	source: 'zip' | 'folder' | 'git' | 'github';
	/** The zip's file name, the folder's name, the repository's URL, or "owner/repo". */
	name: string;
	phase: 'reading' | 'cloning' | 'checking' | 'writing';
	/** While a git repository is cloned: isomorphic-git's phase and counts. */
	clone?: CloneProgress;
	/** Files found so far while a dropped folder is walked. */
	found: number;
	progress: ImportProgress | null;
}

export interface ImportSummary {
	outcome: ImportOutcome;
	/** One line per skipped item, shown so nothing is left out silently. */
	skipped: string[];
}

/** A git server asked for credentials: the dialog answers through `resolve` (null = cancel). */
export interface CredentialsRequest {
	url: string;
	/** The previous answer was refused. */
	retry: boolean;
	/** The user name given last time, offered again on a retry. */
	username: string;
	resolve(credentials: Credentials | null): void;
}

/** Lists a remote repository; each candidate's read() downloads its file when the import asks. */
export type RemoteLister = (signal: AbortSignal, excludedFolders: readonly string[]) => Promise<{ name: string; candidates: RemoteCandidate[] }>;

export type FolderLister = (signal: AbortSignal, excludedFolders: readonly string[], onFound: (files: number) => void) => Promise<FolderListing>;

/**
 * Zips and local folders imported into new projects, one at a time, with progress and cancel. The
 * archive code is loaded on first use so it stays out of the first paint.
 */
export class ProjectImports {
	status = $state<ImportStatus | null>(null);
	summary = $state<ImportSummary | null>(null);
	/** Leave .git and node_modules folders out: on by default, the user can turn it off. */
	skipHeavyFolders = $state(true);
	/** Set while a git server waits for a user name and token; they are never stored. */
	credentials = $state<CredentialsRequest | null>(null);
	#controller: AbortController | null = null;

	constructor(
		private readonly projects: Projects,
		private readonly dialogs: Dialogs,
		private readonly loadExtractor: () => Promise<(zip: Uint8Array) => ZipExtractor>,
		private readonly loadCloner?: () => Promise<GitCloner>
	) {}

	get busy(): boolean {
		return this.status !== null;
	}

	/** Resolves to null when the user cancelled or declined; throws what went wrong otherwise. */
	importZip(file: File): Promise<ImportOutcome | null> {
		return this.#run('zip', file.name, async (run, deps) => {
			run.checkArchiveSize(file.size, deps.limits);
			const bytes = new Uint8Array(await file.arrayBuffer());
			deps.signal.throwIfAborted();
			this.#setPhase('checking');
			const open = await this.loadExtractor();
			return run.importZip(bytes, file.name, open, deps);
		});
	}

	importFolder(name: string, list: FolderLister): Promise<ImportOutcome | null> {
		return this.#run('folder', name, async (run, deps) => {
			const listing = await list(deps.signal, deps.excludedFolders, (found) => {
				if (this.status) this.status.found = found;
			});
			this.#setPhase('checking');
			return run.importFolder(listing, deps);
		});
	}

	/** Clones a git repository in a worker, then writes working tree and .git into a new project. */
	cloneGit(options: CloneOptions): Promise<ImportOutcome | null> {
		// The clone steps load with the first clone: the home page's first paint stays as it was.
		return this.#run('git', options.url, async (run, deps) =>
			(await import('./clone-run')).runClone(options, run, deps, this.loadCloner, {
				update: (patch) => {
					if (this.status) this.status = { ...this.status, ...patch };
				},
				ask: (request) => {
					this.credentials = request;
				}
			})
		);
	}

	/** A repository read through an API (GitHub): listed first, then downloaded file by file. */
	importRemote(source: 'github', label: string, list: RemoteLister): Promise<ImportOutcome | null> {
		return this.#run(source, label, async (run, deps) => {
			const listing = await list(deps.signal, deps.excludedFolders);
			this.#setPhase('checking');
			return run.importRemote(listing.name, listing.candidates, source, deps);
		});
	}

	cancel(): void {
		this.#controller?.abort();
	}

	dismissSummary(): void {
		this.summary = null;
	}

	async #run(
		source: ImportStatus['source'],
		name: string,
		body: (run: typeof import('../core/archive/run-import'), deps: ImportDeps) => Promise<ImportOutcome | null>
	): Promise<ImportOutcome | null> {
		if (this.#controller) {
			throw new SpecwrightError('import-busy', 'Another import is still running.', { hint: 'Wait for it to finish, or cancel it.' });
		}
		const controller = new AbortController();
		this.#controller = controller;
		this.summary = null;
		this.status = { source, name, phase: 'reading', found: 0, progress: null };
		try {
			const [run, limits, report] = await Promise.all([
				import('../core/archive/run-import'),
				import('../core/archive/limits'),
				import('../core/archive/import-report')
			]);
			const deps: ImportDeps = {
				signal: controller.signal,
				excludedFolders: this.skipHeavyFolders ? limits.DEFAULT_EXCLUDED_FOLDERS : [],
				onProgress: (progress) => {
					if (this.status) this.status = { ...this.status, phase: 'writing', progress };
				},
				confirmManyFiles: (count, bytes) =>
					this.dialogs.confirm({
						title: `Import ${count.toLocaleString('en')} files?`,
						message: `This ${source === 'github' ? 'repository' : source} holds ${count.toLocaleString('en')} files (${limits.formatMegabytes(bytes)}). An import this large takes a while and uses a lot of browser storage.`,
						confirmLabel: 'Import them'
					}),
				createProject: (baseName, fill) => this.projects.createFilled(baseName, fill)
			};
			const outcome = await body(run, deps);
			if (outcome && outcome.skipped.length > 0) {
				this.summary = { outcome, skipped: outcome.skipped.map((item) => report.describeSkipped(item)) };
			}
			return outcome;
		} catch (error) {
			if (controller.signal.aborted) return null;
			throw error;
		} finally {
			this.credentials = null;
			this.status = null;
			this.#controller = null;
		}
	}

	#setPhase(phase: ImportStatus['phase']): void {
		if (this.status) this.status = { ...this.status, phase };
	}
}
