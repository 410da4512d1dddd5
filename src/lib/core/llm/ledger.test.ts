import { describe, expect, it } from 'vitest';
import { checkSpendingCap, summarize, totalOf, type LedgerEntry } from './ledger';

let n = 0;
function entry(projectId: string, spec: string | undefined, usd: number, patch: Partial<LedgerEntry> = {}): LedgerEntry {
	n++;
	return {
		id: `e${n}`,
		at: n * 1000,
		providerId: 'openai',
		model: 'gpt-4.1-mini',
		purpose: { projectId, ...(spec === undefined ? {} : { spec }), kind: 'generate' },
		tokens: { input: 100, output: 50, cached: 10 },
		usd,
		priced: true,
		outcome: 'ok',
		...patch
	};
}

const entries = [
	entry('p1', 'login', 0.5),
	entry('p1', 'login', 0.25),
	entry('p1', 'search', 2),
	entry('p1', undefined, 0.01, { purpose: { projectId: 'p1', kind: 'test' } }),
	entry('p2', 'login', 1, { priced: false, usd: 0 })
];

describe('summarize', () => {
	it('totals per spec, most expensive first', () => {
		const totals = summarize(entries, 'spec');
		expect(totals.map((t) => [t.key, t.requests, t.usd])).toEqual([
			['p1/search', 1, 2],
			['p1/login', 2, 0.75],
			['p1', 1, 0.01],
			['p2/login', 1, 0]
		]);
		expect(totals[1]).toMatchObject({ projectId: 'p1', spec: 'login', tokens: { input: 200, output: 100, cached: 20 }, unpriced: 0, lastAt: 2000 });
		expect(totals[3]?.unpriced).toBe(1);
	});

	it('totals per project', () => {
		const totals = summarize(entries, 'project');
		expect(totals.map((t) => [t.key, t.requests])).toEqual([
			['p1', 4],
			['p2', 1]
		]);
		expect(totals[0]?.usd).toBeCloseTo(2.76);
		expect(totals[0]?.spec).toBeUndefined();
	});

	it('totals everything and nothing', () => {
		expect(totalOf(entries)).toMatchObject({ requests: 5, unpriced: 1, tokens: { input: 500 } });
		expect(summarize([], 'spec')).toEqual([]);
	});
});

describe('checkSpendingCap', () => {
	it.each<[string, Parameters<typeof checkSpendingCap>[1], number | null | undefined, boolean, boolean, RegExp]>([
		['no cap', 'login', undefined, true, false, /^$/],
		['a cap of 0 is off', 'login', 0, true, false, /^$/],
		['NaN is off', 'login', Number.NaN, true, false, /^$/],
		['under the cap', { projectId: 'p1', spec: 'login' }, 10, true, false, /^$/],
		['near the cap', { projectId: 'p1', spec: 'login' }, 0.8, true, true, /\$0\.7500 of its \$0\.8000 cap/],
		['at the cap', { projectId: 'p1', spec: 'login' }, 0.75, false, true, /Generation stopped: spec "login" has reached its spending cap \(\$0\.7500 of \$0\.7500\)/],
		['a name alone counts every project, and says what is not counted', 'login', 0.5, false, true, /1 request has no known price/]
	])('%s', (_name, spec, cap, allowed, nearCap, message) => {
		const check = checkSpendingCap(entries, spec, cap);
		expect(check.allowed).toBe(allowed);
		expect(check.nearCap).toBe(nearCap);
		expect(check.message).toMatch(message);
		expect(check.spent).toBeCloseTo(0.75);
	});
});
