import type { ClonedGitRepository, CloneHooks, CloneOptions } from '../../core/git/clone';
import { describeCloneFailure } from '../../core/git/clone-errors';
import { SpecwrightError } from '../../core/errors';
import type { WorkerReply, WorkerRequest } from './clone.worker';

/** Runs one clone in its own worker; aborting terminates the worker at once. */
export function cloneRepository(options: CloneOptions, hooks: CloneHooks): Promise<ClonedGitRepository> {
	hooks.signal.throwIfAborted();
	const worker = new Worker(new URL('./clone.worker.ts', import.meta.url), { type: 'module', name: 'git-clone' });
	return new Promise<ClonedGitRepository>((resolve, reject) => {
		const finish = () => {
			hooks.signal.removeEventListener('abort', abort);
			worker.terminate();
		};
		const abort = () => {
			finish();
			reject(new DOMException('The clone was cancelled.', 'AbortError'));
		};
		hooks.signal.addEventListener('abort', abort, { once: true });
		const send = (message: WorkerRequest) => worker.postMessage(message);

		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') hooks.onProgress({ phase: reply.phase, loaded: reply.loaded, total: reply.total });
			else if (reply.type === 'auth') {
				hooks.askCredentials(reply.url, reply.retry).then(
					(credentials) => send({ type: 'credentials', id: reply.id, credentials }),
					() => send({ type: 'credentials', id: reply.id, credentials: null })
				);
			} else if (reply.type === 'done') {
				finish();
				resolve({ files: reply.files, branch: reply.branch });
			} else {
				finish();
				reject(describeCloneFailure(reply.failure, options.url));
			}
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish();
			reject(
				new SpecwrightError('git-worker', 'The clone stopped unexpectedly.', {
					hint: 'The browser may have run out of memory. Close other tabs and try again, or clone without full history.'
				})
			);
		};
		send({ type: 'clone', url: options.url, branch: options.branch, fullHistory: options.fullHistory, corsProxy: options.corsProxy });
	});
}
