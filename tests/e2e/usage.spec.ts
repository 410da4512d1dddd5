import { expect, test as base, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { startMockLlm, type MockLlm } from '../servers/mock-llm/server.js';
import { computeUsage } from '../servers/mock-llm/openai-format.js';
import { createProject, openHome } from './app';

const test = base.extend<{ llm: MockLlm }>({
	// eslint-disable-next-line no-empty-pattern
	llm: async ({}, use) => {
		const llm = await startMockLlm();
		await use(llm);
		await llm.close();
	}
});

// The prices the tests set for the mock's model, in USD per 1M tokens: high, so a request costs dollars.
const PRICE = { input: 1000, cachedInput: 100, output: 2000 };
const requirementsReply = readFileSync(new URL('../servers/mock-llm/scenarios/requirements-doc.md', import.meta.url), 'utf8');

async function setUpModel(page: Page, llm: MockLlm) {
	await page.goto('/settings');
	await page.getByLabel('Provider').selectOption({ label: 'Custom (OpenAI-compatible)' });
	await page.getByLabel('Base URL').fill(llm.url);
	await page.getByLabel('API key').fill('sk-test');
	await page.getByRole('combobox', { name: 'Model' }).fill('mock-small');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Model settings saved in this browser.')).toBeVisible();
}

async function priceMockSmall(page: Page) {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Add a row' }).click();
	await expect(page.getByRole('textbox', { name: 'Model pattern for the new row' })).toBeFocused();
	await page.keyboard.type('mock-small');
	await page.getByRole('textbox', { name: 'Input price for mock-small', exact: true }).fill(String(PRICE.input));
	await page.getByRole('textbox', { name: 'Cached input price for mock-small', exact: true }).fill(String(PRICE.cachedInput));
	await page.getByRole('textbox', { name: 'Output price for mock-small', exact: true }).fill(String(PRICE.output));
	await page.getByRole('button', { name: 'Apply prices' }).click();
	await expect(page.getByText('Model prices saved.')).toBeVisible();
}

async function newSpec(page: Page, prompt: string) {
	await openHome(page);
	await createProject(page, 'Todo');
	await page.getByRole('button', { name: 'Specs' }).click();
	await page.getByRole('button', { name: 'New spec' }).click();
	const dialog = page.getByRole('dialog', { name: 'New spec' });
	await dialog.getByLabel('What should be built?').fill(prompt);
	await dialog.getByRole('button', { name: 'Create and generate' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
}

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const chats = (llm: MockLlm) => llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));
const specName = async (page: Page) => ((await page.getByRole('region', { name: /^Spec / }).getAttribute('aria-label')) ?? '').slice('Spec '.length);
const tokens = (n: number) => n.toLocaleString('en-US');
/** As the app writes dollars: cents from $1 up, four decimals below. */
const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

/** What the mock billed for a request, worked out from the request itself and the scripted reply. */
function expectedUsage(request: { body: unknown }) {
	const { messages } = request.body as { messages: Parameters<typeof computeUsage>[0] };
	const usage = computeUsage(messages, { content: requirementsReply, toolCalls: [], finishReason: 'stop' }, undefined);
	const input = usage.prompt_tokens;
	const cached = usage.prompt_tokens_details.cached_tokens;
	const output = usage.completion_tokens;
	const cost = ((input - cached) * PRICE.input + cached * PRICE.cachedInput + output * PRICE.output) / 1e6;
	return { input, cached, output, cost };
}

async function setCap(page: Page, value: string) {
	await page.getByRole('group', { name: /^Spend on / }).getByRole('button').click();
	const dialog = page.getByRole('dialog', { name: /^Spending cap for / });
	await dialog.getByLabel('Cap in USD').fill(value);
	await dialog.getByRole('button', { name: 'Save cap' }).click();
	await expect(dialog).toBeHidden();
}

test('the usage view lists each request with its model, tokens and the cost from the price table', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await priceMockSmall(page);
	await newSpec(page, 'A todo list with filters that is stored in the browser');
	const spec = await specName(page);
	expect(chats(llm)).toHaveLength(1);
	const expected = expectedUsage(chats(llm)[0]!);
	// Big enough that formatUsd shows cents, and the cached price really is used.
	expect(expected.cost).toBeGreaterThan(1);
	expect(expected.cached).toBeGreaterThan(0);

	await expect(page.getByRole('group', { name: `Spend on ${spec}` })).toContainText(`${usd(expected.cost)} spent`);

	await page.getByRole('button', { name: 'Usage', exact: true }).click();
	const requests = page.getByRole('table', { name: 'Requests, newest first' }).locator('tbody').getByRole('row');
	await expect(requests).toHaveCount(1);
	await expect(requests.first().getByRole('cell')).toHaveText([
		/\d/,
		'mock-small custom',
		`${spec} · requirements · generate`,
		tokens(expected.input),
		tokens(expected.output),
		tokens(expected.cached),
		usd(expected.cost),
		'completed'
	]);

	const perSpec = page.getByRole('table', { name: 'Spend per spec' });
	await expect(perSpec.getByRole('row', { name: new RegExp(`^${spec}`) })).toContainText(usd(expected.cost));
	await expect(perSpec.getByRole('row', { name: /^Project total/ })).toContainText(usd(expected.cost));
	await expect(page.getByRole('region', { name: 'Project usage' }).getByRole('definition').first()).toHaveText(usd(expected.cost));
	expect(await seriousViolations(page)).toEqual([]);

	// The sidebar narrows the view to one spec.
	await page.getByRole('region', { name: 'Usage', exact: true }).getByRole('button', { name: new RegExp(`^${spec}`) }).click();
	await expect(page.getByRole('table', { name: `Requests for ${spec}, newest first` }).locator('tbody').getByRole('row')).toHaveCount(1);
});

test('a spending cap warns near the limit, then stops the next request before it is sent', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await priceMockSmall(page);
	await newSpec(page, 'A todo list');
	const spec = await specName(page);
	const { cost } = expectedUsage(chats(llm)[0]!);

	const spend = page.getByRole('group', { name: `Spend on ${spec}` });
	const near = Number((cost * 1.1).toFixed(2));
	await setCap(page, String(near));
	await expect(spend).toHaveText(`${usd(cost)} spent cap ${usd(near)} near the cap`);

	const low = Number((cost / 2).toFixed(2));
	await setCap(page, String(low));
	await expect(spend).toHaveText(`${usd(cost)} spent cap ${usd(low)} cap reached`);
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	const stopped = page.getByRole('alert').filter({ hasText: 'spending cap' });
	await expect(stopped).toContainText(`Generation stopped: spec "${spec}" has reached its spending cap (${usd(cost)} of ${usd(low)}). Raise the cap to go on.`);
	await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Generate', exact: true }).click();
	await expect(stopped).toBeVisible();
	expect(chats(llm)).toHaveLength(1);

	// Clearing the cap lets the spec go on.
	await setCap(page, '');
	await page.getByRole('button', { name: 'Generate', exact: true }).click();
	await expect(page.locator('.doc').getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	expect(chats(llm)).toHaveLength(2);
});

test.describe('in the dark theme', () => {
	test.use({ colorScheme: 'dark' });

	test('a model without a price is marked, never shown as free', async ({ page, llm }) => {
		await setUpModel(page, llm);
		await page.goto('/settings');
		await page.getByRole('searchbox', { name: 'Find a model in the price table' }).fill('mock');
		await page.getByRole('button', { name: 'Remove mock*', exact: true }).click();
		await page.getByRole('button', { name: 'Remove mock/*', exact: true }).click();
		await page.getByRole('button', { name: 'Apply prices' }).click();
		await expect(page.getByText('Model prices saved.')).toBeVisible();

		await newSpec(page, 'A todo list');
		await page.getByRole('button', { name: 'Usage', exact: true }).click();
		const row = page.getByRole('table', { name: 'Requests, newest first' }).locator('tbody').getByRole('row').first();
		await expect(row).toContainText('no price for model mock-small');
		await expect(page.getByText('1 request has no price, so the real cost is higher than shown.')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
	});
});

test('the price table checks what is typed, keeps edits across reloads and resets to the defaults', async ({ page }) => {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Add a row' }).click();
	await page.keyboard.type('gpt-4.1');
	await page.getByRole('textbox', { name: 'Input price for gpt-4.1', exact: true }).last().fill('-1');
	await page.getByRole('textbox', { name: 'Output price for gpt-4.1', exact: true }).last().fill('abc');
	await page.getByRole('button', { name: 'Apply prices' }).click();
	await expect(page.getByRole('alert')).toHaveText('3 fields need fixing before the prices can be saved.');
	await expect(page.getByText(/^gpt-4\.1 is already in row \d+\.$/)).toBeVisible();
	await expect(page.getByText('The input price cannot be negative.')).toBeVisible();
	await expect(page.getByText('The output price must be a number, like 2.5.')).toBeVisible();

	const pattern = page.getByRole('textbox', { name: 'Model pattern' }).last();
	await expect(pattern).toBeFocused();
	await pattern.fill('house-model');
	await page.getByRole('textbox', { name: 'Input price for house-model', exact: true }).fill('1.5');
	await page.getByRole('textbox', { name: 'Output price for house-model', exact: true }).fill('$3');
	await page.getByRole('button', { name: 'Apply prices' }).click();
	await expect(page.getByText('Model prices saved.')).toBeVisible();

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Output price for house-model', exact: true })).toHaveValue('3');
	await expect(page.getByRole('textbox', { name: 'Cached input price for house-model', exact: true })).toHaveValue('');

	await page.getByRole('button', { name: 'Reset to defaults' }).click();
	await page.getByRole('dialog', { name: 'Reset model prices' }).getByRole('button', { name: 'Reset to defaults' }).click();
	await expect(page.getByText('Model prices reset to the defaults.')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Input price for house-model', exact: true })).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Input price for gpt-4.1', exact: true })).toHaveValue('2');
	await expect(page.getByRole('textbox', { name: 'Input price for house-model', exact: true })).toHaveCount(0);
});
