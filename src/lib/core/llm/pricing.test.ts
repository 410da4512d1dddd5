import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_PRICES, formatUsd, priceFor, type PriceTable } from './pricing';

describe('priceFor', () => {
	it.each<[string, string | undefined, string | null]>([
		['gpt-4.1', undefined, 'gpt-4.1'],
		['gpt-4.1-mini', undefined, 'gpt-4.1-mini'],
		['gpt-4.1-mini-2025-04-14', undefined, 'gpt-4.1-mini'],
		['GPT-4o', undefined, 'gpt-4o'],
		['gpt-4o-2024-08-06', undefined, 'gpt-4o'],
		['gpt-4o-mini', undefined, 'gpt-4o-mini'],
		['o3', undefined, 'o3'],
		['o3-2025-04-16', undefined, 'o3'],
		['o3-mini', undefined, 'o3-mini'],
		['o4-mini', undefined, 'o4-mini'],
		['openai/gpt-4.1-mini', 'openrouter', 'gpt-4.1-mini'],
		['anthropic/claude-sonnet-4.5', 'openrouter', 'claude-sonnet-4'],
		['claude-sonnet-4-5-20250929', 'anthropic', 'claude-sonnet-4'],
		['claude-opus-4-1-20250805', undefined, 'claude-opus-4'],
		['claude-opus-4-5', undefined, 'claude-opus-4-5'],
		['claude-haiku-4-5', undefined, 'claude-haiku-4'],
		['claude-3-5-haiku-latest', undefined, 'claude-3-5-haiku'],
		['models/gemini-2.5-flash', 'gemini', 'gemini-2.5-flash'],
		['gemini-2.5-flash-lite', undefined, 'gemini-2.5-flash-lite'],
		['gemini-2.5-pro', undefined, 'gemini-2.5-pro'],
		['llama-3.3-70b-versatile', 'groq', 'llama-3.3-70b'],
		['meta-llama/llama-4-scout-17b-16e-instruct', 'groq', 'llama-4-scout'],
		['deepseek/deepseek-chat', 'openrouter', 'deepseek-chat'],
		['llama3.2', 'ollama', 'ollama/*'],
		['gpt-oss:20b', 'ollama', 'ollama/*'],
		['qwen2.5-coder-7b', 'lmstudio', 'lmstudio/*'],
		['mock-model', 'custom', 'mock*'],
		['o3x', undefined, null],
		['llama3.2', 'custom', null],
		['totally-unknown', undefined, null]
	])('%s (%s) → %s', (model, provider, key) => {
		expect(priceFor(model, DEFAULT_PRICES, provider)?.key ?? null).toBe(key);
	});

	it('prefers an exact user entry over a prefix', () => {
		const table: PriceTable = { ...DEFAULT_PRICES, 'gpt-4o-2024-08-06': { input: 1, output: 2 } };
		expect(priceFor('gpt-4o-2024-08-06', table)?.key).toBe('gpt-4o-2024-08-06');
	});
});

describe('costOf', () => {
	it.each<[string, { input: number; output: number; cached: number }, string, string | undefined, number, boolean]>([
		['1M in + 1M out on gpt-4.1', { input: 1e6, output: 1e6, cached: 0 }, 'gpt-4.1', undefined, 10, true],
		['cached input is billed at the cached price', { input: 1e6, output: 0, cached: 400_000 }, 'gpt-4.1', undefined, 0.6 * 2 + 0.4 * 0.5, true],
		['cached without a cached price costs full input', { input: 1e6, output: 0, cached: 1e6 }, 'o3-pro', undefined, 20, true],
		['cached cannot exceed input', { input: 100, output: 0, cached: 1e9 }, 'gpt-4.1', undefined, (100 * 0.5) / 1e6, true],
		['a local model is free', { input: 5e6, output: 5e6, cached: 0 }, 'llama3.2', 'ollama', 0, true],
		['an OpenRouter free variant is free', { input: 5e6, output: 5e6, cached: 0 }, 'meta-llama/llama-3.3-70b-instruct:free', 'openrouter', 0, true],
		['an unknown model is unpriced', { input: 1000, output: 1000, cached: 0 }, 'mystery', undefined, 0, false]
	])('%s', (_name, usage, model, provider, usd, priced) => {
		const cost = costOf(usage, model, DEFAULT_PRICES, provider);
		expect(cost.priced).toBe(priced);
		expect(cost.usd).toBeCloseTo(usd, 10);
	});

	it('uses an edited table', () => {
		expect(costOf({ input: 1e6, output: 0, cached: 0 }, 'mystery', { mystery: { input: 7, output: 0 } }).usd).toBe(7);
	});

	it('has a price for every default entry that is not negative', () => {
		for (const price of Object.values(DEFAULT_PRICES)) {
			expect(price.input).toBeGreaterThanOrEqual(0);
			expect(price.output).toBeGreaterThanOrEqual(0);
			expect(price.cachedInput ?? 0).toBeLessThanOrEqual(price.input);
		}
	});
});

describe('formatUsd', () => {
	it.each([
		[0, '$0.00'],
		[0.00001, '<$0.0001'],
		[0.01234, '$0.0123'],
		[1.5, '$1.50'],
		[123.456, '$123.46']
	])('%d → %s', (usd, text) => {
		expect(formatUsd(usd)).toBe(text);
	});
});
