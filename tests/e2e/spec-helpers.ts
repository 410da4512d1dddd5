import { expect, test as base, type Page } from '@playwright/test';
import { startMockLlm, type MockLlm } from '../servers/mock-llm/server.js';
import { createProject, openHome } from './app';

export type { MockLlm };

/** Playwright's test with a fresh mock LLM per test, closed afterwards. */
export const test = base.extend<{ llm: MockLlm }>({
	// eslint-disable-next-line no-empty-pattern
	llm: async ({}, use) => {
		const llm = await startMockLlm();
		await use(llm);
		await llm.close();
	}
});

export async function setUpModel(page: Page, llm: MockLlm): Promise<void> {
	await page.goto('/settings');
	await page.getByLabel('Provider').selectOption({ label: 'Custom (OpenAI-compatible)' });
	await page.getByLabel('Base URL').fill(llm.url);
	await page.getByLabel('API key').fill('sk-test');
	await page.getByRole('combobox', { name: 'Model' }).fill('mock-small');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Model settings saved in this browser.')).toBeVisible();
}

export interface NewSpecOptions {
	type?: 'Feature' | 'Bug fix';
	workflow?: 'Requirements first' | 'Design first';
	/** Runs with the filled-in dialog open, right before "Create and generate". */
	beforeCreate?: () => Promise<void>;
}

/** A new project "Todo", then a new spec from `prompt` through the New spec dialog. */
export async function newSpec(page: Page, prompt: string, options: NewSpecOptions = {}): Promise<void> {
	await openHome(page);
	await createProject(page, 'Todo');
	await page.getByRole('button', { name: 'Specs' }).click();
	await page.getByRole('button', { name: 'New spec' }).click();
	const dialog = page.getByRole('dialog', { name: 'New spec' });
	await dialog.getByLabel('What should be built?').fill(prompt);
	await expect(dialog.getByLabel('Spec name')).toHaveValue(/todo/);
	if (options.type) await dialog.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: options.type });
	if (options.workflow) await dialog.getByRole('combobox', { name: 'Workflow', exact: true }).selectOption({ label: options.workflow });
	await options.beforeCreate?.();
	await dialog.getByRole('button', { name: 'Create and generate' }).click();
	await expect(dialog).toBeHidden();
}

/** The spec's folder name, as the spec view's title shows it. */
export const specName = async (page: Page): Promise<string> =>
	((await page.getByRole('region', { name: /^Spec / }).getAttribute('aria-label')) ?? '').slice('Spec '.length);
export const specDir = async (page: Page): Promise<string> => '.kiro/specs/' + (await specName(page));
export const doc = (page: Page) => page.locator('.doc');
export const phases = (page: Page) => page.getByRole('list', { name: 'Phases' }).getByRole('button');
export const phase = (page: Page, name: string) =>
	page.getByRole('list', { name: 'Phases' }).getByRole('button', { name: new RegExp(`^${name} \\(`) });
export const approveButton = (page: Page) => page.getByRole('button', { name: 'Approve', exact: true });

/** Approves the phase on screen once its document has finished arriving. */
export async function approveShown(page: Page): Promise<void> {
	await expect(approveButton(page)).toBeEnabled();
	await approveButton(page).click();
}

/** The chat requests the app made, preflights left out. */
export const chatPosts = (llm: MockLlm) => llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));

type Message = { role: string; content: string };
const messagesOf = (request: { body: unknown } | undefined): Message[] => (request?.body as { messages?: Message[] } | undefined)?.messages ?? [];
export const systemPromptOf = (request: { body: unknown } | undefined): string =>
	messagesOf(request).filter((m) => m.role === 'system').map((m) => m.content).join('\n');
export const lastUserOf = (request: { body: unknown } | undefined): string => messagesOf(request).findLast((m) => m.role === 'user')?.content ?? '';
