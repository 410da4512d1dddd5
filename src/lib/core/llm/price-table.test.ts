import { describe, expect, it } from 'vitest';
import { applyOverrides, NO_OVERRIDES, overridesFor, parsePrice, readOverrides, rowsOf, validateRows, type PriceRow } from './price-table';
import { costOf, DEFAULT_PRICES, type PriceTable } from './pricing';

const defaults: PriceTable = {
	'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
	'mock*': { input: 0, output: 0 }
};

const row = (pattern: string, input = '1', output = '2', cachedInput = ''): PriceRow => ({ pattern, input, cachedInput, output });

describe('overrides', () => {
	it('applies nothing when there are none', () => {
		expect(applyOverrides(DEFAULT_PRICES, NO_OVERRIDES)).toEqual(DEFAULT_PRICES);
	});

	it('stores only what differs from the defaults, and gives the edited table back', () => {
		const edited: PriceTable = { 'gpt-4.1': { input: 3, output: 8, cachedInput: 0.5 }, 'mock-small': { input: 1000, output: 0 } };
		const overrides = overridesFor(defaults, edited);
		expect(overrides).toEqual({ set: edited, removed: ['mock*'] });
		expect(applyOverrides(defaults, overrides)).toEqual(edited);
	});

	it('an unchanged row follows the defaults (a missing cached price equals the input price)', () => {
		expect(overridesFor({ a: { input: 1, output: 2 } }, { a: { input: 1, output: 2, cachedInput: 1 } })).toEqual({ set: {}, removed: [] });
	});

	it('a user row wins over the default with the same pattern in the cost', () => {
		const table = applyOverrides(DEFAULT_PRICES, { set: { 'mock-small': { input: 1000, output: 0 } }, removed: [] });
		expect(costOf({ input: 1000, output: 10, cached: 0 }, 'mock-small', table, 'custom')).toEqual({ usd: 1, priced: true });
		expect(costOf({ input: 1000, output: 10, cached: 0 }, 'mock-large', table, 'custom')).toEqual({ usd: 0, priced: true });
	});

	it('removing the default rows leaves the model without a price', () => {
		const table = applyOverrides(DEFAULT_PRICES, { set: {}, removed: ['mock*', 'mock/*'] });
		expect(costOf({ input: 1000, output: 10, cached: 0 }, 'mock-small', table, 'custom').priced).toBe(false);
	});

	it.each<[string, unknown]>([
		['nothing', undefined],
		['a string', 'prices'],
		['a wrong shape', { set: 3, removed: 'x' }]
	])('reads %s from storage as no overrides', (_name, value) => {
		expect(readOverrides(value)).toEqual(NO_OVERRIDES);
	});

	it('drops unsound stored rows and keeps the sound ones', () => {
		const stored = { set: { ok: { input: 1, output: 2 }, negative: { input: -1, output: 2 }, text: { input: '1', output: 2 }, '': { input: 1, output: 1 } }, removed: ['a', 4] };
		expect(readOverrides(stored)).toEqual({ set: { ok: { input: 1, output: 2 } }, removed: ['a'] });
	});
});

describe('parsePrice', () => {
	it.each<[string, number | undefined | string]>([
		['2.5', 2.5],
		[' 0 ', 0],
		['$1000', 1000],
		['.5', 0.5],
		['3.', 3],
		['-1', 'cannot be negative'],
		['1e3', 'must be a number'],
		['abc', 'must be a number'],
		['1,5', 'must be a number'],
		['', 'Enter the input price']
	])('%j → %j', (text, expected) => {
		const result = parsePrice(text, 'input');
		if (typeof expected === 'string') expect(result).toEqual({ error: expect.stringContaining(expected) });
		else expect(result).toBe(expected);
	});

	it('a blank optional price is no price', () => {
		expect(parsePrice('  ', 'cached input', true)).toBeUndefined();
	});
});

describe('validateRows', () => {
	it('round-trips the default table through the form', () => {
		expect(validateRows(rowsOf(DEFAULT_PRICES))).toEqual({ ok: true, table: DEFAULT_PRICES });
	});

	it('gives every problem its own message on its own field', () => {
		const result = validateRows([row('gpt-4.1'), row(''), row('GPT-4.1', '-2', 'x', 'y'), row('my model')]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toEqual({});
		expect(result.errors[1]).toEqual({ pattern: expect.stringContaining('Enter a model name') });
		expect(result.errors[2]).toEqual({
			pattern: 'GPT-4.1 is already in row 1.',
			input: 'The input price cannot be negative.',
			cachedInput: 'The cached input price must be a number, like 2.5.',
			output: 'The output price must be a number, like 2.5.'
		});
		expect(result.errors[3]).toEqual({ pattern: 'A model pattern has no spaces.' });
		expect(result.count).toBe(6);
	});

	it('keeps a cached price only when one is given, and trims patterns', () => {
		expect(validateRows([row(' a ', '1', '2', '0.1'), row('b', '0', '0')])).toEqual({
			ok: true,
			table: { a: { input: 1, output: 2, cachedInput: 0.1 }, b: { input: 0, output: 0 } }
		});
	});
});
