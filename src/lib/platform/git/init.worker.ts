import { failureReply, type InitReply, type InitRequest } from './init-protocol';

/**
 * Makes a project a repository with a first commit, off the page's thread: isomorphic-git hashes and
 * compresses every file, which for a few thousand files took seconds of the page's thread. The worker opens
 * its own connection to the same IndexedDB store and writes there; the page reads the result after.
 */

interface WorkerScope {
	onmessage: ((event: MessageEvent<InitRequest>) => void) | null;
	postMessage(message: InitReply): void;
	close(): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
	void init(event.data)
		.then(
			() => scope.postMessage({ type: 'done' }),
			(error: unknown) => scope.postMessage(failureReply(error))
		)
		// One job per worker: the reply is already queued, so closing now loses nothing.
		.finally(() => scope.close());
};

async function init({ projectId, message, author }: InitRequest): Promise<void> {
	// isomorphic-git reads Buffer at load time (DESIGN.md): the global must exist before it is imported.
	await import('./buffer-global');
	const [{ IsoProjectGit }, { openSpecwrightDb }, { IdbProjectFileSystems }] = await Promise.all([
		import('./project-git'),
		import('../store/db'),
		import('../fs/idb-fs')
	]);
	const db = await openSpecwrightDb();
	try {
		const files = new IdbProjectFileSystems(db).open(projectId);
		// No pushing here, so no HTTP client is ever loaded.
		const repo = new IsoProjectGit(files, () => Promise.reject(new Error('No network in the init worker.')));
		await repo.initWithCommit(message, author);
	} finally {
		db.close();
	}
}
