import type { RemoteCandidate } from '../../core/archive/run-import';
import { excludedFolder } from '../../core/archive/import-plan';
import { budgetError } from '../../core/github/errors';
import type { RepoRef } from '../../core/github/repo-ref';
import { projectNameForRef } from '../../core/github/repo-ref';
import { treeCandidates, underFolder, type GitTreeEntry } from '../../core/github/tree';
import { GitHubClient, encodePath, limiter, type GitHubConnection, type RequestContext } from './client';

/**
 * Lists a repository (or one folder of it) through the REST API, for the import pipeline: the
 * branch, its whole tree with sizes, and a reader per file that downloads the blob when asked.
 * Nothing is downloaded before the pipeline's checks have passed.
 */

/** Parallel blob downloads: hides the round trips without tripping GitHub's abuse limits. */
const CONCURRENCY = 8;

interface RepoJson {
	default_branch: string;
}
interface BranchJson {
	commit: { sha: string; commit: { tree: { sha: string } } };
}
interface TreeJson {
	sha: string;
	tree: GitTreeEntry[];
	truncated: boolean;
}
interface BlobJson {
	content: string;
	encoding: string;
}

export interface RepositoryListing {
	name: string;
	branch: string;
	candidates: RemoteCandidate[];
}

export async function listRepository(
	connection: GitHubConnection,
	ref: RepoRef,
	signal: AbortSignal,
	excludedFolders: readonly string[] = []
): Promise<RepositoryListing> {
	const client = new GitHubClient(connection, 'import');
	const repoPath = `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}`;
	const where = `${ref.owner}/${ref.repo}`;
	const context: RequestContext = { repo: where, resource: 'repo' };
	const repo = await client.get<RepoJson>(repoPath, context, signal);
	const branch = ref.branch || repo.default_branch;
	const head = await client.get<BranchJson>(`${repoPath}/branches/${encodePath(branch)}`, { ...context, resource: 'branch', branch }, signal);
	const entries = await readTree(client, repoPath, head.commit.commit.tree.sha, context, signal);
	const tree = treeCandidates(entries, ref.subfolder, `${where} (${branch})`);
	// One request per file: refuse now what the hour's remaining requests cannot finish.
	const needed = tree.filter((c) => c.kind === 'file' && excludedFolder(c.path, 'file', excludedFolders) === null).length;
	if (client.rate && needed > client.rate.remaining) throw budgetError(needed, client.rate.remaining, client.rate.reset, client.hasToken);
	const run = limiter(CONCURRENCY);
	// The first failed download stops the others: its error is the one the user needs.
	const failed = new AbortController();
	const reads = AbortSignal.any([signal, failed.signal]);
	let firstError: unknown;
	const candidates = tree.map(
		(c): RemoteCandidate => ({
			path: c.path,
			kind: c.kind,
			size: c.size,
			read: () =>
				run(async () => {
					try {
						reads.throwIfAborted();
						return decodeBlob(await client.get<BlobJson>(`${repoPath}/git/blobs/${c.sha}`, context, reads));
					} catch (error) {
						if (failed.signal.aborted && !signal.aborted) throw firstError;
						firstError = error;
						failed.abort();
						throw error;
					}
				})
		})
	);
	return { name: projectNameForRef(ref), branch, candidates };
}

/**
 * The whole tree in one request when GitHub can; a tree too large for that comes back `truncated`,
 * and is then walked folder by folder, each folder again in one request where it fits.
 */
async function readTree(client: GitHubClient, repoPath: string, sha: string, context: RequestContext, signal: AbortSignal): Promise<GitTreeEntry[]> {
	const whole = await client.get<TreeJson>(`${repoPath}/git/trees/${sha}?recursive=1`, context, signal);
	if (!whole.truncated) return whole.tree;
	const top = await client.get<TreeJson>(`${repoPath}/git/trees/${sha}`, context, signal);
	const out: GitTreeEntry[] = [];
	for (const entry of top.tree) {
		out.push(entry);
		if (entry.type !== 'tree') continue;
		out.push(...underFolder(entry.path, await readTree(client, repoPath, entry.sha, context, signal)));
	}
	return out;
}

function decodeBlob(blob: BlobJson): Uint8Array {
	if (blob.encoding !== 'base64') return new TextEncoder().encode(blob.content);
	// atob skips the newlines GitHub wraps base64 with.
	const binary = atob(blob.content);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
