import { SpecwrightError } from '../../core/errors';
import { failureError, type InitReply, type InitRequest } from './init-protocol';

/** Runs `initWithCommit` on a project's stored files in a worker of its own, ended once it answers. */
export function initInBackground(projectId: string, message: string, author: { name: string; email: string }): Promise<void> {
	const worker = new Worker(new URL('./init.worker.ts', import.meta.url), { type: 'module', name: 'git-init' });
	return new Promise<void>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<InitReply>) => {
			worker.terminate();
			const reply = event.data;
			if (reply.type === 'done') resolve();
			else reject(failureError(reply));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(
				new SpecwrightError('git-worker', 'Making the project a repository stopped unexpectedly.', {
					hint: 'The browser may have run out of memory. Close other tabs and reopen the project.'
				})
			);
		};
		const request: InitRequest = { projectId, message, author };
		worker.postMessage(request);
	});
}
