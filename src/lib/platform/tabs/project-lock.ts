/**
 * Which tab owns an open project. Every tab of this origin shares the Web Locks API, so a lock named
 * after the project, held while a workbench shows it, tells a second tab that the project is already
 * open elsewhere; that tab takes the lock over once the first closes the project.
 *
 * `onOwner(true)` is called when this tab holds the lock, `onOwner(false)` when another one does.
 * The returned function releases the lock, or stops waiting for it.
 */
export function holdProject(projectId: string, onOwner: (owner: boolean) => void): () => void {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) {
		// Without the API (very old browsers) there is no way to know: behave as the only tab.
		onOwner(true);
		return () => {};
	}
	const name = `specwright:project:${projectId}`;
	const waiting = new AbortController();
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	const own = () => {
		onOwner(true);
		return held;
	};
	locks
		.request(name, { ifAvailable: true }, (lock) => {
			if (lock) return own();
			onOwner(false);
			// Queued: granted when the other tab closes the project (or itself).
			locks.request(name, { signal: waiting.signal }, own).catch(() => undefined);
			return undefined;
		})
		.catch(() => undefined);
	return () => {
		waiting.abort();
		release();
	};
}
