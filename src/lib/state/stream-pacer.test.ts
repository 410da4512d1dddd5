import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_EVERY_MS, StreamPacer } from './stream-pacer';

describe('StreamPacer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const setup = () => {
		const shown: string[] = [];
		const pacer = new StreamPacer<string>((text) => shown.push(text), () => Date.now());
		return { shown, pacer };
	};

	it('shows the first text in the next task, then the latest at most once per interval', () => {
		const { shown, pacer } = setup();
		pacer.push('a');
		expect(shown).toEqual([]);
		vi.advanceTimersByTime(0);
		expect(shown).toEqual(['a']);
		pacer.push('ab');
		pacer.push('abc');
		vi.advanceTimersByTime(SHOW_EVERY_MS - 1);
		expect(shown).toEqual(['a']);
		vi.advanceTimersByTime(1);
		expect(shown).toEqual(['a', 'abc']);
	});

	it('shows at once again after a quiet interval', () => {
		const { shown, pacer } = setup();
		pacer.push('a');
		vi.advanceTimersByTime(SHOW_EVERY_MS * 3);
		pacer.push('ab');
		vi.advanceTimersByTime(0);
		expect(shown).toEqual(['a', 'ab']);
	});

	it('drops what was not shown on reset, and shows the next reply at once', () => {
		const { shown, pacer } = setup();
		pacer.push('a');
		vi.advanceTimersByTime(0);
		pacer.push('ab');
		pacer.reset();
		vi.advanceTimersByTime(SHOW_EVERY_MS);
		expect(shown).toEqual(['a']);
		pacer.push('x');
		vi.advanceTimersByTime(0);
		expect(shown).toEqual(['a', 'x']);
	});
});
