import { SpecwrightError } from '../../core/errors';
import type { FileData, ProjectFileSystem } from '../../core/ports';
import { pushable } from '../../core/github/tree';
import { GitHubClient, encodePath, limiter, type GitHubConnection, type RequestContext } from './client';

/**
 * Pushes a project's saved files as one commit through the git data API: blobs → tree → commit →
 * ref, no git protocol and no proxy. The tree is the whole project, so files deleted here are
 * deleted on the branch too. The ref moves only if nobody pushed meanwhile (no force).
 */

const CONCURRENCY = 8;

export interface PushRequest {
	owner: string;
	repo: string;
	/** Create the repository (under the token's account) first. */
	create: boolean;
	private: boolean;
	branch: string;
	message: string;
}

export interface PushProgress {
	phase: 'preparing' | 'uploading' | 'committing';
	files: number;
	totalFiles: number;
	bytes: number;
	totalBytes: number;
}

export interface PushResult {
	/** The repository's page (its branch's page when not the default branch). */
	url: string;
	commit: string;
	files: number;
	created: boolean;
}

interface RepoJson {
	html_url: string;
	default_branch: string;
	owner: { login: string };
	name: string;
}
interface RefJson {
	object: { sha: string };
}

export async function pushProject(
	connection: GitHubConnection,
	fs: ProjectFileSystem,
	request: PushRequest,
	signal: AbortSignal,
	onProgress: (progress: PushProgress) => void
): Promise<PushResult> {
	const client = new GitHubClient(connection, 'push');
	if (!client.hasToken) {
		throw new SpecwrightError('github-token-needed', 'Pushing to GitHub needs a token.', {
			hint: 'Add one in Settings › GitHub (classic: "repo" scope; fine-grained: Contents read and write).'
		});
	}
	const progress: PushProgress = { phase: 'preparing', files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
	onProgress({ ...progress });
	const files = [...(await fs.readAll())].filter(([path]) => pushable(path)).sort(([a], [b]) => (a < b ? -1 : 1));
	if (files.length === 0) throw new SpecwrightError('github-nothing-to-push', 'This project has no files to push.');
	const repo = await openRepository(client, request, signal);
	const repoPath = `/repos/${encodeURIComponent(repo.owner.login)}/${encodeURIComponent(repo.name)}`;
	const context: RequestContext = { repo: `${repo.owner.login}/${repo.name}`, resource: 'write', branch: request.branch };
	const head = await client.find<RefJson>(`${repoPath}/git/ref/heads/${encodePath(request.branch)}`, context, signal);
	// A new branch starts from the default branch, so it can be compared and merged on GitHub.
	const base =
		head ?? (request.branch === repo.default_branch ? null : await client.find<RefJson>(`${repoPath}/git/ref/heads/${encodePath(repo.default_branch)}`, context, signal));

	const encoded = files.map(([path, data]) => ({ path, ...encode(data) }));
	Object.assign(progress, { phase: 'uploading', totalFiles: encoded.length, totalBytes: encoded.reduce((s, f) => s + f.size, 0) });
	onProgress({ ...progress });
	const run = limiter(CONCURRENCY);
	// The first failed upload stops the others: its error is the one the user needs.
	const failed = new AbortController();
	const uploads = AbortSignal.any([signal, failed.signal]);
	let firstError: unknown;
	const blobs = await Promise.all(
		encoded.map((file) =>
			run(async () => {
				const body = { content: file.content, encoding: file.encoding };
				let blob: { sha: string };
				try {
					uploads.throwIfAborted();
					blob = await client.request<{ sha: string }>('POST', `${repoPath}/git/blobs`, body, context, uploads);
				} catch (error) {
					if (failed.signal.aborted && !signal.aborted) throw firstError;
					firstError = error;
					failed.abort();
					throw error;
				}
				progress.files++;
				progress.bytes += file.size;
				onProgress({ ...progress });
				return { path: file.path, mode: '100644', type: 'blob', sha: blob.sha };
			})
		)
	);

	onProgress({ ...progress, phase: 'committing' });
	const tree = await client.request<{ sha: string }>('POST', `${repoPath}/git/trees`, { tree: blobs }, context, signal);
	const parents = base ? [base.object.sha] : [];
	const commit = await client.request<{ sha: string }>('POST', `${repoPath}/git/commits`, { message: request.message, tree: tree.sha, parents }, context, signal);
	if (head) {
		await client.request('PATCH', `${repoPath}/git/refs/heads/${encodePath(request.branch)}`, { sha: commit.sha, force: false }, context, signal);
	} else {
		await client.request('POST', `${repoPath}/git/refs`, { ref: `refs/heads/${request.branch}`, sha: commit.sha }, context, signal);
	}
	const url = request.branch === repo.default_branch ? repo.html_url : `${repo.html_url}/tree/${encodePath(request.branch)}`;
	return { url, commit: commit.sha, files: blobs.length, created: request.create };
}

async function openRepository(client: GitHubClient, request: PushRequest, signal: AbortSignal): Promise<RepoJson> {
	const full = `${request.owner}/${request.repo}`;
	if (!request.create) {
		return client.get<RepoJson>(`/repos/${encodeURIComponent(request.owner)}/${encodeURIComponent(request.repo)}`, { repo: full, resource: 'repo' }, signal);
	}
	const user = await client.get<{ login: string }>('/user', { repo: full, resource: 'user' }, signal);
	if (request.owner !== '' && request.owner.toLowerCase() !== user.login.toLowerCase()) {
		throw new SpecwrightError('github-owner-mismatch', `A new repository is created under your account, ${user.login}, not ${request.owner}.`, {
			hint: `Write ${user.login}/${request.repo}, or create the repository in ${request.owner} on GitHub and choose "Existing repository".`
		});
	}
	// auto_init gives the repository a first commit: the git data API cannot write into an empty one.
	return client.request<RepoJson>(
		'POST',
		'/user/repos',
		{ name: request.repo, private: request.private, auto_init: true, description: 'Pushed from Specwright' },
		{ repo: `${user.login}/${request.repo}`, resource: 'write' },
		signal
	);
}

/** Text goes as UTF-8, bytes as base64: the API takes both. */
function encode(data: FileData): { content: string; encoding: 'utf-8' | 'base64'; size: number } {
	if (typeof data === 'string') return { content: data, encoding: 'utf-8', size: new TextEncoder().encode(data).byteLength };
	let binary = '';
	for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
	return { content: btoa(binary), encoding: 'base64', size: data.byteLength };
}
