import type { Git, GitChange, GitCommitInfo, GitFileDiff, ProjectFileSystem, ProjectGit } from '../core/ports';
import { commitIdentity, validateCommitMessage } from '../core/git/messages';
import { remoteHost, validateBranchName, validateRemoteUrl } from '../core/git/remote';
import { isAbort } from '../core/errors';
import type { GitSettings } from '../core/git/git-settings';
import { whenIdle } from '../platform/idle';


/** Tokens the user chose to remember, per remote host; the settings record 'gitTokens'. */
export type RememberedTokens = Record<string, { username: string; token: string }>;

export interface GitDeps {
	/** The project whose stored files `files` are: a first commit is made on them off the page's thread. */
	projectId: string;
	files: ProjectFileSystem;
	loadGit: () => Promise<Git>;
	/** Settings → Git: the CORS proxy and the commit author. */
	settings: () => Promise<GitSettings>;
	tokens: { load: () => Promise<RememberedTokens>; save: (tokens: RememberedTokens) => Promise<void> };
	onError: (error: unknown) => void;
	/** After a restore rewrote a file, so the tree and open tabs catch up. */
	onRestored: (path: string) => Promise<void>;
}

export interface PushRequest {
	url: string;
	branch: string;
	username: string;
	token: string;
	remember: boolean;
}

export type GitSelection = { kind: 'change'; path: string } | { kind: 'commit'; sha: string } | null;

/** Source control for one open project. isomorphic-git is loaded after the workbench has painted. */
export class ProjectGitState {
	ready = $state(false);
	changes = $state<GitChange[]>([]);
	branch = $state<string | null>(null);
	history = $state<GitCommitInfo[]>([]);
	selection = $state<GitSelection>(null);
	diff = $state<GitFileDiff | null>(null);
	commitDiffs = $state<GitFileDiff[]>([]);
	message = $state('');
	busy = $state<'commit' | 'push' | 'restore' | null>(null);
	pushProgress = $state<string | null>(null);
	#repo: Promise<ProjectGit> | null = null;
	#refreshing: Promise<void> | null = null;
	#again = false;
	/** Cancels the status read `changed` has asked for, while it waits for the page to be idle. */
	#idle: (() => void) | null = null;

	constructor(private readonly deps: GitDeps) {}

	/** Loads git, makes the project a repository with a first commit if it is not one, reads the status. */
	start(): Promise<void> {
		return this.refresh();
	}

	private repo(): Promise<ProjectGit> {
		this.#repo ??= (async () => {
			const git = await this.deps.loadGit();
			const repo = git.open(this.deps.files);
			if (!(await repo.isRepository())) {
				// The first commit writes only .git, which the runtime never mirrors, so the store is enough.
				await git.initInBackground(this.deps.projectId, 'Initial commit\n', commitIdentity(await this.deps.settings()));
			}
			return repo;
		})();
		// A failed start is retried on the next call rather than remembered.
		this.#repo.catch(() => (this.#repo = null));
		return this.#repo;
	}

	/** Re-reads the status (and the open diff); calls made during a refresh fold into one more. */
	refresh(): Promise<void> {
		if (this.#refreshing) {
			this.#again = true;
			return this.#refreshing;
		}
		this.#refreshing = (async () => {
			try {
				do {
					this.#again = false;
					const repo = await this.repo();
					[this.changes, this.branch] = await Promise.all([repo.status(), repo.currentBranch()]);
					this.ready = true;
					if (this.selection?.kind === 'change') await this.loadChange(repo, this.selection.path);
				} while (this.#again);
			} finally {
				this.#refreshing = null;
			}
		})();
		return this.#refreshing;
	}

	/**
	 * After the project's files changed (a save, a rename, a generated document). The status reads and
	 * hashes every changed file, so it is read once the page is idle: not in the middle of what the
	 * user is waiting for (a streaming reply, the frame that shows a saved file). Changes meanwhile
	 * fold into that one read. Before git has started there is nothing to update: starting reads it all.
	 */
	changed(): void {
		// A read under way (the first one included, while git starts) reads once more when it is done.
		if (this.#refreshing) {
			this.#again = true;
			return;
		}
		if (!this.ready || this.#idle) return;
		this.#idle = whenIdle(() => {
			this.#idle = null;
			this.refresh().catch(this.deps.onError);
		});
	}

	/** The project is closed: a status read still waiting for an idle moment is not needed. */
	dispose(): void {
		this.#idle?.();
		this.#idle = null;
	}

	async showChange(path: string): Promise<void> {
		this.selection = { kind: 'change', path };
		await this.loadChange(await this.repo(), path);
	}

	private async loadChange(repo: ProjectGit, path: string): Promise<void> {
		if (!this.changes.some((c) => c.path === path)) {
			this.diff = null;
			return;
		}
		const diff = await repo.diff(path);
		if (this.selection?.kind === 'change' && this.selection.path === path) this.diff = diff;
	}

	async commit(): Promise<string | null> {
		if (this.busy) return null;
		const message = validateCommitMessage(this.message);
		this.busy = 'commit';
		try {
			const repo = await this.repo();
			const sha = await repo.commit(message, commitIdentity(await this.deps.settings()));
			this.message = '';
			this.selection = null;
			this.diff = null;
			await Promise.all([this.refresh(), this.loadHistory()]);
			return sha;
		} finally {
			this.busy = null;
		}
	}

	async loadHistory(): Promise<void> {
		this.history = await (await this.repo()).log();
	}

	async showCommit(sha: string): Promise<void> {
		this.selection = { kind: 'commit', sha };
		this.commitDiffs = [];
		const diffs = await (await this.repo()).commitChanges(sha);
		if (this.selection?.kind === 'commit' && this.selection.sha === sha) this.commitDiffs = diffs;
	}

	/** Puts one file back as the last commit has it. The caller has asked the user. */
	async restore(path: string): Promise<void> {
		this.busy = 'restore';
		try {
			await (await this.repo()).restore(path);
			await this.deps.onRestored(path);
			await this.refresh();
		} finally {
			this.busy = null;
		}
	}

	/** What the push dialog starts with: the last remote, the current branch, a remembered token. */
	async pushDefaults(): Promise<PushRequest> {
		const repo = await this.repo();
		const [url, branch] = await Promise.all([repo.remoteUrl(), repo.currentBranch()]);
		const saved = url ? (await this.deps.tokens.load())[safeHost(url)] : undefined;
		return { url: url ?? '', branch: branch ?? 'main', username: saved?.username ?? '', token: saved?.token ?? '', remember: saved !== undefined };
	}

	async push(request: PushRequest, signal?: AbortSignal): Promise<boolean> {
		const url = validateRemoteUrl(request.url);
		const branch = validateBranchName(request.branch);
		const token = request.token.trim();
		const username = request.username.trim();
		this.busy = 'push';
		this.pushProgress = 'Connecting…';
		try {
			const settings = await this.deps.settings();
			await (await this.repo()).push({
				url,
				branch,
				corsProxy: settings.corsProxy.trim(),
				auth: token ? { username, token } : undefined,
				signal,
				onProgress: (phase, loaded, total) => (this.pushProgress = total ? `${phase} ${Math.round((loaded / total) * 100)}%` : phase)
			});
			await this.rememberToken(url, request.remember && token ? { username, token } : null);
			return true;
		} catch (error) {
			if (isAbort(error)) return false;
			throw error;
		} finally {
			this.busy = null;
			this.pushProgress = null;
		}
	}

	/** Stored only when asked for; unticking the box forgets a token stored before. */
	private async rememberToken(url: string, entry: { username: string; token: string } | null): Promise<void> {
		const tokens = { ...(await this.deps.tokens.load()) };
		const host = remoteHost(url);
		if (entry) tokens[host] = entry;
		else if (host in tokens) delete tokens[host];
		else return;
		await this.deps.tokens.save(tokens);
	}
}

function safeHost(url: string): string {
	try {
		return remoteHost(url);
	} catch {
		return '';
	}
}
