import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices } from './notices.svelte';

describe('notices', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows the same notice once, however often it is said, and lets it go after a while', () => {
		const notices = new Notices();
		notices.show('info', 'The other tab changed README.md.', 'Your edits are kept.');
		notices.show('info', 'Saved.');
		notices.show('info', 'The other tab changed README.md.', 'Your edits are kept.');
		expect(notices.items.map((n) => n.message)).toEqual(['Saved.', 'The other tab changed README.md.']);
		vi.advanceTimersByTime(4000);
		expect(notices.items).toEqual([]);
	});

	it('keeps the four newest notices', () => {
		const notices = new Notices();
		for (const n of [1, 2, 3, 4, 5]) notices.show('error', `Problem ${n}`);
		expect(notices.items.map((n) => n.message)).toEqual(['Problem 2', 'Problem 3', 'Problem 4', 'Problem 5']);
	});
});
