/**
 * Prices per model, for the usage ledger. The table is user-editable (prices change, and
 * self-hosted or negotiated rates differ); these defaults are list prices at the time of writing.
 * Keys are exact ids, prefixes (`claude-sonnet-4` covers dated snapshots) or globs (`ollama/*`).
 */

export interface ModelPrice {
	/** USD per 1M input tokens. */
	input: number;
	/** USD per 1M output tokens. */
	output: number;
	/** USD per 1M cached input tokens, when the provider discounts them. */
	cachedInput?: number;
}

export type PriceTable = Record<string, ModelPrice>;

export interface TokenUsage {
	input: number;
	output: number;
	/** Cached tokens are part of `input`, not in addition to it. */
	cached: number;
}

const FREE: ModelPrice = { input: 0, output: 0, cachedInput: 0 };

export const DEFAULT_PRICES: PriceTable = {
	// OpenAI
	'gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
	'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
	'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
	'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
	'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
	'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
	'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
	'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
	o3: { input: 2, output: 8, cachedInput: 0.5 },
	'o3-pro': { input: 20, output: 80 },
	'o3-mini': { input: 1.1, output: 4.4, cachedInput: 0.55 },
	'o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },
	// Anthropic (cachedInput is the cache-read price)
	'claude-opus-4': { input: 15, output: 75, cachedInput: 1.5 },
	'claude-opus-4-5': { input: 5, output: 25, cachedInput: 0.5 },
	'claude-sonnet-4': { input: 3, output: 15, cachedInput: 0.3 },
	'claude-haiku-4': { input: 1, output: 5, cachedInput: 0.1 },
	'claude-3-7-sonnet': { input: 3, output: 15, cachedInput: 0.3 },
	'claude-3-5-sonnet': { input: 3, output: 15, cachedInput: 0.3 },
	'claude-3-5-haiku': { input: 0.8, output: 4, cachedInput: 0.08 },
	'claude-3-opus': { input: 15, output: 75, cachedInput: 1.5 },
	'claude-3-haiku': { input: 0.25, output: 1.25, cachedInput: 0.03 },
	// Google (prompts up to 200k tokens)
	'gemini-2.5-pro': { input: 1.25, output: 10, cachedInput: 0.125 },
	'gemini-2.5-flash': { input: 0.3, output: 2.5, cachedInput: 0.03 },
	'gemini-2.5-flash-lite': { input: 0.1, output: 0.4, cachedInput: 0.01 },
	'gemini-2.0-flash': { input: 0.1, output: 0.4, cachedInput: 0.025 },
	// Llama on Groq
	'llama-3.3-70b': { input: 0.59, output: 0.79 },
	'llama-3.1-8b': { input: 0.05, output: 0.08 },
	'llama-4-scout': { input: 0.11, output: 0.34 },
	'llama-4-maverick': { input: 0.2, output: 0.6 },
	// DeepSeek
	'deepseek-chat': { input: 0.28, output: 0.42, cachedInput: 0.028 },
	'deepseek-reasoner': { input: 0.28, output: 0.42, cachedInput: 0.028 },
	// Local servers and the test mock cost nothing.
	'ollama/*': FREE,
	'lmstudio/*': FREE,
	'mock/*': FREE,
	'mock*': FREE
};

/** Anthropic writes `claude-sonnet-4-5`, OpenRouter `claude-sonnet-4.5`: compare them as equal. */
function norm(id: string): string {
	return id.trim().toLowerCase().replace(/(\d)\.(?=\d)/g, '$1-');
}

function globMatches(pattern: string, id: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`).test(id);
}

/** A prefix counts only at a word boundary: `o3` covers `o3-2025-04-16`, not `o3x`. */
function prefixMatches(key: string, id: string): boolean {
	return id.startsWith(key) && (id.length === key.length || /[-_:@.]/.test(id[key.length] as string));
}

/**
 * The most specific id first: the provider-qualified one (so `ollama/*` wins for local models),
 * the id as given, then without routing prefixes (`openai/gpt-4.1` on OpenRouter, `models/…` on
 * Gemini) and without a tag (`llama3.2:latest`).
 */
function candidates(model: string, providerId?: string): string[] {
	const id = norm(model);
	const last = id.slice(id.lastIndexOf('/') + 1);
	const untagged = last.replace(/:[^/]*$/, '');
	const list = providerId ? [`${norm(providerId)}/${id}`, id, last, untagged] : [id, last, untagged];
	return [...new Set(list.filter((c) => c !== ''))];
}

/** The price entry for a model, or null when the table has none. */
export function priceFor(model: string, table: PriceTable, providerId?: string): { key: string; price: ModelPrice } | null {
	const entries = Object.entries(table).map(([key, price]) => ({ key, id: norm(key), price }));
	for (const id of candidates(model, providerId)) {
		const exact = entries.find((e) => e.id === id);
		if (exact) return { key: exact.key, price: exact.price };
		let best: (typeof entries)[number] | null = null;
		for (const e of entries) {
			const hit = e.id.includes('*') ? globMatches(e.id, id) : prefixMatches(e.id, id);
			// Longest literal wins: `gpt-4o-mini` over `gpt-4o`, `claude-opus-4-5` over `claude-opus-4`.
			if (hit && (best === null || e.id.replace(/\*/g, '').length > best.id.replace(/\*/g, '').length)) best = e;
		}
		if (best) return { key: best.key, price: best.price };
	}
	return null;
}

export function costOf(usage: TokenUsage, model: string, table: PriceTable, providerId?: string): { usd: number; priced: boolean } {
	// OpenRouter's free variants are free whatever the base model costs.
	if (/:free$/i.test(model.trim())) return { usd: 0, priced: true };
	const found = priceFor(model, table, providerId);
	if (!found) return { usd: 0, priced: false };
	const { price } = found;
	const input = Math.max(0, usage.input);
	const cached = Math.min(Math.max(0, usage.cached), input);
	const usd = ((input - cached) * price.input + cached * (price.cachedInput ?? price.input) + Math.max(0, usage.output) * price.output) / 1_000_000;
	return { usd, priced: true };
}

/** "$0.0123", "$1.23", "<$0.0001": enough digits to see a cheap request, not a wall of them. */
export function formatUsd(usd: number): string {
	if (usd === 0) return '$0.00';
	if (usd > 0 && usd < 0.0001) return '<$0.0001';
	if (usd < 1) return `$${usd.toFixed(4)}`;
	return `$${usd.toFixed(2)}`;
}
