import { SpecwrightError } from '../../core/errors';
import type { FileData, ProjectFileSystem } from '../../core/ports';
import { pushable } from '../../core/github/tree';
import { GitHubClient, encodePath, limiter, type GitHubConnection, type RequestContext } from './client';

/**
 * Pushes a project's saved files as one commit through the git data API: blobs → tree → commit →
 * ref, no git protocol and no proxy. The tree is the whole project, so files deleted here are
 * deleted on the branch too. The ref moves only if nobody pushed meanwhile (no force).
 *
 * Text files travel inside the tree requests (a few hundred per request) and only binary files as
 * blobs of their own: GitHub limits content-creating requests to about 80 a minute and 500 an hour,
 * which one blob request per file would exhaust on any real project.
 */

const CONCURRENCY = 8;
const TREE_FILES = 300;
const TREE_BYTES = 4 * 1024 * 1024;

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
interface TreeEntry {
	path: string;
	mode: '100644';
	type: 'blob';
	sha?: string;
	content?: string;
}
interface Encoded {
	path: string;
	size: number;
	text?: string;
	base64?: string;
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
	const refPath = (branch: string) => `${repoPath}/git/ref/heads/${encodePath(branch)}`;
	if (request.create) await waitForFirstCommit(client, refPath(repo.default_branch), context, signal);
	const head = await client.find<RefJson>(refPath(request.branch), context, signal);
	// A new branch starts from the default branch, so it can be compared and merged on GitHub.
	const base = head ?? (request.branch === repo.default_branch ? null : await client.find<RefJson>(refPath(repo.default_branch), context, signal));

	const encoded = files.map(([path, data]) => encode(path, data));
	Object.assign(progress, { phase: 'uploading', totalFiles: encoded.length, totalBytes: encoded.reduce((s, f) => s + f.size, 0) });
	onProgress({ ...progress });
	const done = (file: Encoded) => {
		progress.files++;
		progress.bytes += file.size;
	};
	const binaries = await uploadBlobs(client, `${repoPath}/git/blobs`, encoded.filter((f) => f.base64 !== undefined), context, signal, (file) => {
		done(file);
		onProgress({ ...progress });
	});
	const entries: Array<TreeEntry & { size: number }> = encoded.map((file) =>
		file.text !== undefined
			? { path: file.path, mode: '100644', type: 'blob', content: file.text, size: file.size }
			: { path: file.path, mode: '100644', type: 'blob', sha: binaries.get(file.path), size: 0 }
	);

	// Each tree request adds its files on top of the previous tree; the first starts empty.
	let tree: string | undefined;
	for (const chunk of chunks(entries)) {
		const body = { tree: chunk.map(({ size: _size, ...entry }) => entry), ...(tree ? { base_tree: tree } : {}) };
		tree = (await client.request<{ sha: string }>('POST', `${repoPath}/git/trees`, body, context, signal)).sha;
		for (const entry of chunk) if (entry.content !== undefined) done({ path: entry.path, size: entry.size });
		onProgress({ ...progress });
	}

	onProgress({ ...progress, phase: 'committing' });
	const parents = base ? [base.object.sha] : [];
	const commit = await client.request<{ sha: string }>('POST', `${repoPath}/git/commits`, { message: request.message, tree, parents }, context, signal);
	if (head) {
		await client.request('PATCH', `${repoPath}/git/refs/heads/${encodePath(request.branch)}`, { sha: commit.sha, force: false }, context, signal);
	} else {
		await client.request('POST', `${repoPath}/git/refs`, { ref: `refs/heads/${request.branch}`, sha: commit.sha }, context, signal);
	}
	const url = request.branch === repo.default_branch ? repo.html_url : `${repo.html_url}/tree/${encodePath(request.branch)}`;
	return { url, commit: commit.sha, files: encoded.length, created: request.create };
}

/** Binary files as blobs, a few at a time; the first failure stops the rest and is the error shown. */
async function uploadBlobs(
	client: GitHubClient,
	path: string,
	files: readonly Encoded[],
	context: RequestContext,
	signal: AbortSignal,
	onUploaded: (file: Encoded) => void
): Promise<Map<string, string>> {
	const run = limiter(CONCURRENCY);
	const failed = new AbortController();
	const uploads = AbortSignal.any([signal, failed.signal]);
	let firstError: unknown;
	const shas = new Map<string, string>();
	await Promise.all(
		files.map((file) =>
			run(async () => {
				try {
					uploads.throwIfAborted();
					const blob = await client.request<{ sha: string }>('POST', path, { content: file.base64, encoding: 'base64' }, context, uploads);
					shas.set(file.path, blob.sha);
					onUploaded(file);
				} catch (error) {
					if (failed.signal.aborted && !signal.aborted) throw firstError;
					firstError = error;
					failed.abort();
					throw error;
				}
			})
		)
	);
	return shas;
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

/** GitHub writes a new repository's README commit a moment after answering: wait for its branch. */
async function waitForFirstCommit(client: GitHubClient, refPath: string, context: RequestContext, signal: AbortSignal): Promise<void> {
	for (let attempt = 0; attempt < 10; attempt++) {
		if (await client.find<RefJson>(refPath, context, signal)) return;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(resolve, 300 * (attempt + 1));
			signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
		});
	}
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text (valid UTF-8 without NUL bytes) goes inline as it is; anything else as base64. */
function encode(path: string, data: FileData): Encoded {
	if (typeof data === 'string') return { path, text: data, size: new TextEncoder().encode(data).byteLength };
	if (!data.includes(0)) {
		try {
			return { path, text: utf8.decode(data), size: data.byteLength };
		} catch {
			// Not UTF-8: a binary file.
		}
	}
	let binary = '';
	for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
	return { path, base64: btoa(binary), size: data.byteLength };
}

/** Consecutive runs of at most TREE_FILES entries and about TREE_BYTES of inline text. */
function chunks<T extends { size: number }>(entries: readonly T[]): T[][] {
	const out: T[][] = [];
	let current: T[] = [];
	let bytes = 0;
	for (const entry of entries) {
		if (current.length > 0 && (current.length >= TREE_FILES || bytes + entry.size > TREE_BYTES)) {
			out.push(current);
			current = [];
			bytes = 0;
		}
		current.push(entry);
		bytes += entry.size;
	}
	if (current.length > 0) out.push(current);
	return out;
}
