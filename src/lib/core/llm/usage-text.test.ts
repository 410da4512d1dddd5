import { describe, expect, it } from 'vitest';
import { describePurpose, entryCost, formatTokens, parseCap, totalCost } from './usage-text';

describe('formatTokens', () => {
	it.each([
		[0, '0'],
		[999, '999'],
		[1234, '1,234'],
		[1234567, '1,234,567']
	])('%d → %s', (n, text) => expect(formatTokens(n)).toBe(text));
});

describe('describePurpose', () => {
	it('names the spec, phase and kind', () => {
		expect(describePurpose({ projectId: 'p', spec: 'todo-list', phase: 'requirements', kind: 'generate' })).toBe('todo-list · requirements · generate');
	});
	it('falls back to the project and names a task', () => {
		expect(describePurpose({ projectId: 'p', task: '1.2', kind: 'test' })).toBe('project · task 1.2 · test');
	});
});

describe('costs', () => {
	it('never shows an unpriced request as free', () => {
		expect(entryCost({ usd: 0, priced: false, model: 'mystery-7b' })).toBe('no price for model mystery-7b');
		expect(entryCost({ usd: 0, priced: true, model: 'llama3' })).toBe('$0.00');
		expect(entryCost({ usd: 1.5, priced: true, model: 'gpt-4.1' })).toBe('$1.50');
	});
	it('marks a total with unpriced requests as a lower bound', () => {
		expect(totalCost({ usd: 0.5, unpriced: 0 })).toBe('$0.5000');
		expect(totalCost({ usd: 0.5, unpriced: 2 })).toBe('$0.5000 + 2 unpriced');
	});
});

describe('parseCap', () => {
	it.each<[string, number | null | string]>([
		['', null],
		['  ', null],
		['0', null],
		['2.50', 2.5],
		['$ 3', 3],
		['.25', 0.25],
		['-1', 'cannot be negative'],
		['two', 'Enter an amount'],
		['1e2', 'Enter an amount']
	])('%j → %j', (text, expected) => {
		const result = parseCap(text);
		if (typeof expected === 'string') expect(result).toEqual({ error: expect.stringContaining(expected) });
		else expect(result).toBe(expected);
	});
});
