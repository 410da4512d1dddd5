import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { storedFile } from './app';
import { approveButton, chatPosts, doc, lastUserOf, newSpec, setUpModel, specDir, systemPromptOf, test, type MockLlm } from './spec-helpers';
import { REPAIR_INSTRUCTION } from '../../src/lib/core/workflow/templates';

/* What a user sees when the model provider fails or misbehaves while a spec document is written. */

const requirementsDoc = readFileSync(new URL('../servers/mock-llm/scenarios/requirements-doc.md', import.meta.url), 'utf8');
/** What the app stores for a clean document: its text with one final newline. */
const asStored = (text: string) => `${text.trimEnd()}\n`;

test('two server errors are retried and the document still arrives', async ({ page, llm }) => {
	await setUpModel(page, llm);
	llm.setFault({ type: '500', times: 2 });
	await newSpec(page, 'A todo list');

	// While it waits between attempts the user sees a countdown, and it must not blame a rate limit.
	const waiting = page.getByText(/retrying in \d s/);
	await expect(waiting).toBeVisible();
	await expect.soft(waiting).not.toContainText('Rate-limited');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 6' })).toBeVisible();
	await expect(approveButton(page)).toBeEnabled();
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(chatPosts(llm)).toHaveLength(3);
	expect(await storedFile(page, `${await specDir(page)}/requirements.md`)).toBe(asStored(requirementsDoc));
});

test('a request too long for the context window stops with an alert that says so', async ({ page, llm }) => {
	await setUpModel(page, llm);
	llm.setFault({ type: 'context-length' });
	await newSpec(page, 'A todo list');

	const alert = page.getByRole('alert');
	await expect(alert).toContainText("too long for this model's context window");
	await expect(alert).toContainText(/shorten|larger context window/i);
	// It names the biggest part of the prompt: in a project holding only a README, the file list.
	await expect(alert).toContainText('the project file list is the largest part of it');
	await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Continue' })).toBeHidden();
	// Not a failure a wait can cure: exactly one request, no retry.
	expect(chatPosts(llm)).toHaveLength(1);
	expect(await storedFile(page, `${await specDir(page)}/requirements.md`)).toBeNull();
});

test('a stream cut mid-way keeps the partial text and offers Continue', async ({ page, llm }) => {
	await setUpModel(page, llm);
	// One role chunk, then 11 chunks of 24 characters: the reply breaks off in the first requirement.
	// The chunks are spaced out as a model's are: Chromium drops body bytes that arrive together with
	// the broken connection, so an instant cut would look like an unreachable provider instead.
	llm.setScenario('spec-requirements-slow');
	llm.setFault({ type: 'cut', afterChunks: 12, times: 1 });
	await newSpec(page, 'A todo list');

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('cut off');
	const resume = page.getByRole('button', { name: 'Continue' });
	await expect(resume).toBeVisible();
	await expect(doc(page).getByRole('heading', { name: 'Requirements Document' })).toBeVisible();

	const dir = await specDir(page);
	const kept = (await storedFile(page, `${dir}/requirements.md`)) ?? '';
	expect(kept).toMatch(/^# Requirements Document\n/);
	expect(kept.length).toBeLessThan(requirementsDoc.length);
	expect(requirementsDoc.startsWith(kept)).toBe(true);

	llm.setScenario(null);
	await resume.click();
	await expect(doc(page).getByRole('heading', { name: 'Requirement 6' })).toBeVisible();
	await expect(approveButton(page)).toBeEnabled();
	await expect(alert).toHaveCount(0);
	expect(await storedFile(page, `${dir}/requirements.md`)).toBe(asStored(requirementsDoc));
	expect(chatPosts(llm)).toHaveLength(2);
});

async function expectOfflineMessage(page: Page, llm: MockLlm): Promise<void> {
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(/offline/i);
	await expect(alert).toContainText(/draft is kept/i);
	await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
	expect(chatPosts(llm)).toHaveLength(0);
	// The spec itself was created while offline.
	expect(JSON.parse((await storedFile(page, `${await specDir(page)}/.config.kiro`)) ?? '{}')).toMatchObject({ specType: 'feature' });
}

test('offline, generation stops with a message that says so and that the draft is kept', async ({ page, llm, context }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list', {
		beforeCreate: async () => {
			// The app has loaded for offline use: its service worker serves the lazily loaded chunks.
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			await context.setOffline(true);
		}
	});
	await expectOfflineMessage(page, llm);
});

test.describe('before the app is installed for offline use', () => {
	test.use({ serviceWorkers: 'block' });

	test('offline on the first generation, the user is still told they are offline', async ({ page, llm, context }) => {
		await setUpModel(page, llm);
		await newSpec(page, 'A todo list', {
			beforeCreate: async () => {
				// The project's first commit loads its code in the background; offline before it has, that
				// would fail too, with an alert of its own. This test is about the generation's message.
				await expect.poll(() => storedFile(page, '.git/refs/heads/main')).toMatch(/^[0-9a-f]{40}\n$/);
				await context.setOffline(true);
			}
		});
		await expectOfflineMessage(page, llm);
	});
});

test('a document wrapped in a code fence with remarks around it is stored clean', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list [mock:fenced]');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 6' })).toBeVisible();
	await expect(approveButton(page)).toBeEnabled();
	await expect(doc(page)).not.toContainText('Here is the requirements document');
	await expect(doc(page)).not.toContainText('Let me know');
	const stored = (await storedFile(page, `${await specDir(page)}/requirements.md`)) ?? '';
	expect(stored).toMatch(/^# Requirements Document\n/);
	expect(stored).toBe(asStored(requirementsDoc));
	// Cleaned up in the browser: no repair request was needed.
	expect(chatPosts(llm)).toHaveLength(1);
});

test('a reply that is not a spec at all is repaired with a second request', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list [mock:not-a-spec]');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 6' })).toBeVisible();
	await expect(approveButton(page)).toBeEnabled();
	await expect(page.getByRole('alert')).toHaveCount(0);

	const chats = chatPosts(llm);
	expect(chats).toHaveLength(2);
	expect(lastUserOf(chats[0])).toContain('[mock:not-a-spec]');
	// The repair request sends the bad output back with the repair instruction (buildRepairMessages puts
	// it in the user turn), under the same format in the system prompt.
	expect(lastUserOf(chats[1])).toContain(REPAIR_INSTRUCTION);
	expect(lastUserOf(chats[1])).toContain('should the items sync between devices');
	expect(systemPromptOf(chats[1])).toContain('Write requirements.md in exactly this format');
	expect(await storedFile(page, `${await specDir(page)}/requirements.md`)).toBe(asStored(requirementsDoc));
});

/** A generated document with markup that would run script if shown as it is. */
async function expectHostileMarkupRemoved(page: Page, llm: MockLlm): Promise<void> {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list [mock:hostile]');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 1: Add items' })).toBeVisible();
	await expect(page.getByText('Writing requirements.md')).toBeHidden();
	await expect(doc(page).getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://example.com/docs');
	await expect(doc(page).getByRole('checkbox')).toBeChecked();
	await expect(doc(page).getByText('Open the list')).toBeVisible();
	expect(await doc(page).getByText('Open the list').getAttribute('href')).toBeNull();
	await expect(doc(page).locator('script, [onerror]')).toHaveCount(0);
	expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
	// The stored file is the model's text as written: only what is shown is cleaned.
	expect(await storedFile(page, `${await specDir(page)}/requirements.md`)).toContain('onerror=');
}

test('markup in a generated document that could run script is removed; links, checkboxes and plain markup stay', async ({ page, llm }) => {
	await expectHostileMarkupRemoved(page, llm);
});

test('in a browser without the HTML Sanitizer API, the same markup is removed', async ({ page, llm }) => {
	await page.addInitScript(() => delete (Element.prototype as { setHTML?: unknown }).setHTML);
	await expectHostileMarkupRemoved(page, llm);
});
