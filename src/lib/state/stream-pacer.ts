/** How often streamed text is shown at most: ten times a second reads as a steady flow. */
export const SHOW_EVERY_MS = 100;

/**
 * Passes the latest of a streamed reply on at most every `SHOW_EVERY_MS`, the first of it at once
 * (in the next task). A fast endpoint delivers a read every millisecond or so; showing each would
 * redraw the view hundreds of times, and on a busy machine that work slows the stream itself.
 */
export class StreamPacer<T> {
	#pending: T | null = null;
	#shownAt = -Infinity;

	constructor(
		private readonly show: (latest: T) => void,
		private readonly now: () => number = () => performance.now()
	) {}

	/** The reply so far: shown in the next task, or once `SHOW_EVERY_MS` has passed since the last. */
	push(latest: T): void {
		const scheduled = this.#pending !== null;
		this.#pending = latest;
		if (scheduled) return;
		setTimeout(
			() => {
				const pending = this.#pending;
				this.#pending = null;
				if (pending === null) return;
				this.#shownAt = this.now();
				this.show(pending);
			},
			Math.max(0, this.#shownAt + SHOW_EVERY_MS - this.now())
		);
	}

	/** A new reply, or none: what was not shown yet is dropped, and the next text is shown at once. */
	reset(): void {
		this.#pending = null;
		this.#shownAt = -Infinity;
	}
}
