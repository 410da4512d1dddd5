import { expect, test as base, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import { startMockLlm, type MockLlm } from '../servers/mock-llm/server.js';
import { openHome } from './app';

const test = base.extend<{ llm: MockLlm }>({
	// eslint-disable-next-line no-empty-pattern
	llm: async ({}, use) => {
		const llm = await startMockLlm();
		await use(llm);
		await llm.close();
	}
});

async function fillModelForm(page: Page, fields: { baseURL: string; apiKey: string; model: string }) {
	await page.goto('/settings');
	await page.getByLabel('Provider').selectOption({ label: 'Custom (OpenAI-compatible)' });
	await page.getByLabel('Base URL').fill(fields.baseURL);
	await page.getByLabel('API key').fill(fields.apiKey);
	await page.getByRole('combobox', { name: 'Model' }).fill(fields.model);
}

async function testConnection(page: Page) {
	await page.getByRole('button', { name: 'Test connection' }).click();
	const result = page.locator('[data-problem]');
	await expect(result).toBeVisible();
	return result;
}

test('settings persist, and the key is stored nowhere but IndexedDB', async ({ page, llm }) => {
	const key = 'sk-mock-e2e-0123456789';
	const console: string[] = [];
	page.on('console', (m) => console.push(m.text()));
	await fillModelForm(page, { baseURL: llm.url, apiKey: key, model: 'mock-small' });
	const result = await testConnection(page);
	await expect(result).toHaveAttribute('data-problem', 'ok');
	await expect(result).toContainText('Connected');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Model settings saved in this browser.')).toBeVisible();
	expect(llm.requests.some((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);

	await page.reload();
	await expect(page.getByLabel('Base URL')).toHaveValue(llm.url);
	await expect(page.getByLabel('API key')).toHaveValue(key);
	await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('mock-small');
	await openHome(page);
	await expect(page.getByText('Connect a model')).toHaveCount(0);

	const places = await page.evaluate(async () => {
		const storage = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
		const cached: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
		}
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
		});
		const settings = await new Promise<unknown[]>((resolve) => {
			const request = db.transaction('settings').objectStore('settings').getAll();
			request.onsuccess = () => resolve(request.result);
		});
		db.close();
		return {
			url: location.href,
			cookies: document.cookie,
			local: storage(localStorage),
			session: storage(sessionStorage),
			cached: cached.join('\n'),
			indexedDb: JSON.stringify(settings)
		};
	});
	expect(places.indexedDb).toContain(key);
	for (const place of ['url', 'cookies', 'local', 'session', 'cached'] as const) expect(places[place]).not.toContain(key);
	expect(console.join('\n')).not.toContain(key);
});

test('a wrong key is told apart from a forbidden one', async ({ page, llm }) => {
	await fillModelForm(page, { baseURL: llm.url, apiKey: 'sk-wrong', model: 'mock-small' });
	const result = await testConnection(page);
	await expect(result).toHaveAttribute('data-problem', 'wrong-key');
	await expect(result).toContainText('The API key was rejected (401 Unauthorized).');
	await page.getByLabel('API key').fill('sk-forbidden');
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.locator('[data-problem="wrong-key"]')).toContainText('403 Forbidden');
});

test('a server that blocks the page by CORS is told apart from one that is unreachable', async ({ page, llm }) => {
	llm.setCors(false);
	await fillModelForm(page, { baseURL: llm.url, apiKey: 'sk-test', model: 'mock-small' });
	const cors = await testConnection(page);
	await expect(cors).toHaveAttribute('data-problem', 'cors');
	await expect(cors).toContainText('CORS policy blocks requests from this page');

	const closedPort = await new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
	await page.getByLabel('Base URL').fill(`http://127.0.0.1:${closedPort}/v1`);
	await page.getByRole('button', { name: 'Test connection' }).click();
	const unreachable = page.locator('[data-problem="unreachable"]');
	await expect(unreachable).toContainText(`Could not reach 127.0.0.1:${closedPort}`);
});

test('rate limits and unknown models get their own messages', async ({ page, llm }) => {
	llm.setFault({ type: '429', retryAfter: 7 });
	await fillModelForm(page, { baseURL: llm.url, apiKey: 'sk-test', model: 'mock-small' });
	const limited = await testConnection(page);
	await expect(limited).toHaveAttribute('data-problem', 'rate-limited');
	await expect(limited).toContainText('Try again in 7 s');

	llm.setFault(null);
	await page.getByRole('combobox', { name: 'Model' }).fill('no-such-model');
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.locator('[data-problem="model-not-found"]')).toContainText('"no-such-model" was not found');
});

test('an empty or malformed base URL is refused before anything is sent', async ({ page, llm }) => {
	await fillModelForm(page, { baseURL: '', apiKey: 'sk-test', model: 'mock-small' });
	await page.getByRole('button', { name: 'Test connection' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the base URL of the API.');
	await page.getByLabel('Base URL').fill('not a url');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toContainText('"not a url" is not a valid URL.');
	await page.getByLabel('Base URL').fill('http://models.example.test/v1');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('alert')).toContainText('Plain http is only allowed for servers on this computer.');
	expect(llm.requests).toHaveLength(0);
	await page.reload();
	await expect(page.getByLabel('Base URL')).toHaveValue('https://api.openai.com/v1');
});
