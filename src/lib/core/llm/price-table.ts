/**
 * The user's price table: stored as overrides on top of DEFAULT_PRICES rather than as a full copy,
 * so rows the user never touched follow the defaults when a later version updates list prices.
 * Rows are edited as text (what the form holds) and validated here, so the rules have tests.
 */
import type { ModelPrice, PriceTable } from './pricing';

export interface PriceOverrides {
	/** Rows added or changed by the user. */
	set: PriceTable;
	/** Default patterns the user removed. */
	removed: string[];
}

export const NO_OVERRIDES: PriceOverrides = { set: {}, removed: [] };

/** One row of the form, as typed. A blank cached price means "same as input". */
export interface PriceRow {
	pattern: string;
	input: string;
	cachedInput: string;
	output: string;
}

export type PriceField = keyof PriceRow;
export type RowErrors = Partial<Record<PriceField, string>>;

export type PriceValidation = { ok: true; table: PriceTable } | { ok: false; errors: RowErrors[]; count: number };

export function applyOverrides(defaults: PriceTable, overrides: PriceOverrides): PriceTable {
	const table: PriceTable = {};
	for (const [key, price] of Object.entries(defaults)) if (!overrides.removed.includes(key)) table[key] = price;
	return { ...table, ...overrides.set };
}

function samePrice(a: ModelPrice, b: ModelPrice): boolean {
	return a.input === b.input && a.output === b.output && (a.cachedInput ?? a.input) === (b.cachedInput ?? b.input);
}

/** The overrides that turn `defaults` into `table`: only what differs is stored. */
export function overridesFor(defaults: PriceTable, table: PriceTable): PriceOverrides {
	const set: PriceTable = {};
	for (const [key, price] of Object.entries(table)) {
		const base = defaults[key];
		if (!base || !samePrice(base, price)) set[key] = price;
	}
	const removed = Object.keys(defaults).filter((key) => !(key in table));
	return { set, removed };
}

function isPrice(value: unknown): value is ModelPrice {
	if (!value || typeof value !== 'object') return false;
	const p = value as Record<string, unknown>;
	const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
	return ok(p.input) && ok(p.output) && (p.cachedInput === undefined || ok(p.cachedInput));
}

/** Stored data may come from an older version or a hand-edited export: keep only what is sound. */
export function readOverrides(value: unknown): PriceOverrides {
	if (!value || typeof value !== 'object') return NO_OVERRIDES;
	const raw = value as { set?: unknown; removed?: unknown };
	const set: PriceTable = {};
	if (raw.set && typeof raw.set === 'object') {
		for (const [key, price] of Object.entries(raw.set)) {
			if (key.trim() !== '' && isPrice(price)) set[key] = { ...price };
		}
	}
	const removed = Array.isArray(raw.removed) ? raw.removed.filter((k): k is string => typeof k === 'string') : [];
	return { set, removed };
}

function text(n: number | undefined): string {
	return n === undefined ? '' : String(n);
}

export function rowsOf(table: PriceTable): PriceRow[] {
	return Object.entries(table).map(([pattern, p]) => ({ pattern, input: text(p.input), cachedInput: text(p.cachedInput), output: text(p.output) }));
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** A price in USD per 1M tokens: a plain decimal, 0 or more. Returns the number or a message. */
export function parsePrice(value: string, what: string, optional = false): number | undefined | { error: string } {
	const v = value.trim().replace(/^\$/, '');
	if (v === '') return optional ? undefined : { error: `Enter the ${what} price (0 if it is free).` };
	if (v.startsWith('-') && DECIMAL.test(v.slice(1))) return { error: `The ${what} price cannot be negative.` };
	if (!DECIMAL.test(v)) return { error: `The ${what} price must be a number, like 2.5.` };
	return Number(v);
}

/** Checks every row; the table is returned only when all of them are sound. */
export function validateRows(rows: readonly PriceRow[]): PriceValidation {
	const errors: RowErrors[] = rows.map(() => ({}));
	const table: PriceTable = {};
	const seen = new Map<string, number>();
	rows.forEach((row, i) => {
		const e = errors[i]!;
		const pattern = row.pattern.trim();
		if (pattern === '') e.pattern = 'Enter a model name or pattern, like gpt-4.1 or ollama/*.';
		else if (/\s/.test(pattern)) e.pattern = 'A model pattern has no spaces.';
		else if (seen.has(pattern.toLowerCase())) e.pattern = `${pattern} is already in row ${seen.get(pattern.toLowerCase())! + 1}.`;
		else seen.set(pattern.toLowerCase(), i);
		const input = parsePrice(row.input, 'input');
		const cachedInput = parsePrice(row.cachedInput, 'cached input', true);
		const output = parsePrice(row.output, 'output');
		if (typeof input === 'object') e.input = input.error;
		if (typeof cachedInput === 'object') e.cachedInput = cachedInput.error;
		if (typeof output === 'object') e.output = output.error;
		if (Object.keys(e).length === 0 && typeof input === 'number' && typeof output === 'number') {
			table[pattern] = typeof cachedInput === 'number' ? { input, cachedInput, output } : { input, output };
		}
	});
	const count = errors.reduce((n, e) => n + Object.keys(e).length, 0);
	return count === 0 ? { ok: true, table } : { ok: false, errors, count };
}
