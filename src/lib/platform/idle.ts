/** Longest a job waits for the page to be idle: a page that never is still gets it done. */
const AT_MOST_MS = 300;

/**
 * Runs `job` once the page is idle, after what is pending has been drawn; returns a function that
 * cancels it. Where there is no `requestIdleCallback` (Safari), a short timer stands in.
 */
export function whenIdle(job: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(job, { timeout: AT_MOST_MS });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(job, 50);
	return () => clearTimeout(timer);
}
