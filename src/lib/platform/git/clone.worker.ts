import { Buffer } from 'buffer';
import type { CloneFailure } from '../../core/git/clone-errors';
import { MemoryFs, type MemoryEntry } from '../../core/git/memory-fs';

/**
 * Clones with isomorphic-git into memory, off the page's thread, then hands every file (working tree
 * and .git) to the page in one transfer. Cancelling terminates this worker: nothing was written anywhere.
 */

// isomorphic-git reads Buffer at load time (DESIGN.md): it must exist before the dynamic import below.
(globalThis as unknown as { Buffer: typeof Buffer }).Buffer ??= Buffer;

export interface CloneRequest {
	type: 'clone';
	url: string;
	branch?: string;
	/** Full history (all branches, every commit) instead of the newest commit of one branch. */
	fullHistory: boolean;
	corsProxy?: string;
}
export type WorkerRequest = CloneRequest | { type: 'credentials'; id: number; credentials: { username: string; password: string } | null };

export type WorkerReply =
	| { type: 'progress'; phase: string; loaded: number; total: number }
	| { type: 'auth'; id: number; url: string; retry: boolean }
	| { type: 'done'; files: MemoryEntry[]; branch: string | null }
	| { type: 'error'; failure: CloneFailure };

interface WorkerScope {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const DIR = '/repo';
/** Progress events come per object; a few per frame are plenty for a progress bar. */
const PROGRESS_EVERY_MS = 50;

const waiting = new Map<number, (answer: { username: string; password: string } | null) => void>();
let nextAuthId = 1;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.type === 'credentials') {
		waiting.get(request.id)?.(request.credentials);
		waiting.delete(request.id);
		return;
	}
	void clone(request);
};

function askForCredentials(url: string, retry: boolean) {
	const id = nextAuthId++;
	return new Promise<{ username: string; password: string } | null>((resolve) => {
		waiting.set(id, resolve);
		scope.postMessage({ type: 'auth', id, url, retry });
	});
}

async function clone(request: CloneRequest): Promise<void> {
	const seen = { answered: false, askedForCredentials: false };
	try {
		const [git, { default: webHttp }] = await Promise.all([import('isomorphic-git'), import('isomorphic-git/http/web')]);
		// Records whether the server ever answered: after that, a failed fetch is a dropped connection.
		const http = {
			async request(req: Parameters<typeof webHttp.request>[0]) {
				const res = await webHttp.request(req);
				seen.answered = true;
				return res;
			}
		};
		const fs = new MemoryFs(() => Date.now());
		let last = 0;
		await git.clone({
			fs,
			http,
			dir: DIR,
			url: request.url,
			corsProxy: request.corsProxy || undefined,
			ref: request.branch || undefined,
			singleBranch: !request.fullHistory,
			depth: request.fullHistory ? undefined : 1,
			noTags: !request.fullHistory,
			// Parsed pack indexes are kept between the fetch and the checkout instead of being read twice.
			cache: {},
			onProgress: ({ phase, loaded, total }) => {
				const now = Date.now();
				if (now - last < PROGRESS_EVERY_MS && loaded !== total) return;
				last = now;
				scope.postMessage({ type: 'progress', phase, loaded, total: total ?? 0 });
			},
			onAuth: async (_url, auth) => {
				seen.askedForCredentials = true;
				const answer = await askForCredentials(request.url, false);
				return answer ?? { ...auth, cancel: true };
			},
			onAuthFailure: async () => {
				const answer = await askForCredentials(request.url, true);
				return answer ?? { cancel: true };
			}
		});
		const branch = (await git.currentBranch({ fs, dir: DIR })) ?? null;
		const files = fs.entries(DIR);
		const buffers = files.map((f) => f.data.buffer as ArrayBuffer);
		scope.postMessage({ type: 'done', files, branch }, buffers);
	} catch (error) {
		const e = error as { code?: string; name?: string; message?: string; data?: { statusCode?: number } };
		scope.postMessage({
			type: 'error',
			failure: {
				code: e.code ?? e.name ?? 'Error',
				message: e.message ?? String(error),
				status: e.data?.statusCode,
				answered: seen.answered,
				proxied: Boolean(request.corsProxy),
				askedForCredentials: seen.askedForCredentials,
				branch: request.branch || undefined
			}
		});
	}
}
