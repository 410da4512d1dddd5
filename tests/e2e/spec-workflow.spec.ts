import { expect } from '@playwright/test';
import { storedFile } from './app';
import { doc, newSpec, phase, setUpModel, specName, test } from './spec-helpers';

test('a feature spec goes from prompt to approved requirements, design and tasks', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list with filters that is stored in the browser');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 1' })).toBeVisible();
	await expect(page.getByText('Writing requirements.md')).toBeHidden();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	await expect(phase(page, 'Requirements')).toHaveAttribute('data-state', 'approved');

	await expect(doc(page).getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();

	await expect(doc(page).getByRole('heading', { name: 'Implementation Plan' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	for (const name of ['Requirements', 'Design', 'Tasks']) await expect(phase(page, name)).toHaveAttribute('data-state', 'approved');

	const dir = '.kiro/specs/' + (await specName(page));
	expect(await storedFile(page, `${dir}/requirements.md`)).toMatch(/^# Requirements Document\n/);
	expect(await storedFile(page, `${dir}/design.md`)).toMatch(/^# Design Document: Todo List\n/);
	expect(await storedFile(page, `${dir}/tasks.md`)).toContain('- [ ] 1.1 Add, toggle, rename and remove items');
	expect(JSON.parse((await storedFile(page, `${dir}/.config.kiro`)) ?? '{}')).toMatchObject({
		specType: 'feature',
		workflowType: 'requirements-first'
	});
	const chats = llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));
	expect(chats).toHaveLength(3);
	// The design request carried the approved requirements; the tasks request both documents.
	expect(JSON.stringify(chats[1]?.body)).toContain('Requirement 1');
	expect(JSON.stringify(chats[2]?.body)).toContain('Property 1: Adding keeps every other item');
	const ledger = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
		});
		return new Promise<Array<{ outcome: string; tokens: { input: number; output: number } }>>((resolve) => {
			const request = db.transaction('usage').objectStore('usage').getAll();
			request.onsuccess = () => resolve(request.result);
		});
	});
	expect(ledger).toHaveLength(3);
	expect(ledger.every((e) => e.outcome === 'ok' && e.tokens.output > 0)).toBe(true);
});

test('Stop keeps what arrived, and Continue finishes the document', async ({ page, llm }) => {
	await setUpModel(page, llm);
	llm.setFault({ type: 'slow', delayMs: 60 });
	await newSpec(page, 'A todo list');
	await expect(doc(page)).toContainText('Requirements Document');
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(page.getByText('Stopped. What arrived is kept.')).toBeVisible();
	const dir = '.kiro/specs/' + (await specName(page));
	const kept = (await storedFile(page, `${dir}/requirements.md`)) ?? '';
	expect(kept).toContain('# Requirements Document');
	expect(kept).not.toContain('Requirement 6');

	llm.setFault(null);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	const last = llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')).at(-1);
	expect(JSON.stringify(last?.body)).toContain('Continue it exactly where it stopped');
});

test('a rate limit is waited out with a countdown, then the request is retried', async ({ page, llm }) => {
	await setUpModel(page, llm);
	llm.setFault({ type: '429', retryAfter: 2, times: 1 });
	await newSpec(page, 'A todo list');
	await expect(page.getByText(/Rate-limited by the provider: retrying in \d s/)).toBeVisible();
	await expect(doc(page).getByRole('heading', { name: 'Requirement 6' })).toBeVisible();
	expect(llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'))).toHaveLength(2);
});

test('a wrong key stops generation with a link to settings', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await page.goto('/settings');
	await page.getByLabel('API key').fill('sk-wrong');
	await page.getByRole('button', { name: 'Save' }).click();
	await newSpec(page, 'A todo list');
	const alert = page.getByRole('alert').filter({ hasText: 'Open settings' });
	await expect(alert).toBeVisible();
	await expect(alert.getByRole('link', { name: 'Open settings' })).toHaveAttribute('href', '/settings');
});

test('editing an approved document marks the documents after it stale', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list');
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	await expect(doc(page).getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	await expect(phase(page, 'Design')).toHaveAttribute('data-state', 'approved');

	await phase(page, 'Requirements').click();
	await page.getByRole('button', { name: 'Edit' }).click();
	const source = page.getByLabel('requirements.md source');
	await source.fill((await source.inputValue()).replace('Titles can be at most 200 characters', 'Titles can be at most 120 characters'));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(phase(page, 'Requirements')).toHaveAttribute('data-state', 'changed-after-approval');
	await expect(phase(page, 'Design')).toHaveAttribute('data-state', 'stale');
	await phase(page, 'Design').click();
	await expect(page.locator('.note.warn')).toBeVisible();
});
