import { expect } from '@playwright/test';
import { createProject, openHome, storedFile } from './app';
import { doc, newSpec, phase, setUpModel, specDir, specName, test } from './spec-helpers';

test('a feature spec goes from prompt to approved requirements, design and tasks', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list with filters that is stored in the browser');

	await expect(doc(page).getByRole('heading', { name: 'Requirement 1' })).toBeVisible();
	await expect(page.getByText('Writing requirements.md')).toBeHidden();
	await page.getByRole('button', { name: 'Approve', exact: true }).click();
	await expect(phase(page, 'Requirements')).toHaveAttribute('data-state', 'approved');

	await expect(doc(page).getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	// The architecture's mermaid block is drawn as a diagram once the text has settled.
	await expect(doc(page).getByRole('img', { name: 'Diagram' }).locator('svg')).toBeVisible();
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
	const dir = '.kiro/specs/' + (await specName(page));
	const original = (await storedFile(page, `${dir}/requirements.md`)) ?? '';
	// A vague criterion is flagged inline, beside its line, while the user types.
	await source.fill(original.replace('Titles can be at most 200 characters".', 'Titles can be at most 120 characters".\n5. THE system SHALL be fast.'));
	// Typing leaves the view at the end of the document; the editor draws only the lines in view, so
	// go back to the top, where the new line is, as a reader would.
	await source.press('Control+Home');
	await expect(page.locator('.cm-lintRange-warning, .cm-lintRange-error').first()).toBeVisible();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	expect(await storedFile(page, `${dir}/requirements.md`)).toContain('5. THE system SHALL be fast.');
	await expect(phase(page, 'Requirements')).toHaveAttribute('data-state', 'changed-after-approval');
	await expect(phase(page, 'Design')).toHaveAttribute('data-state', 'stale');
	await phase(page, 'Design').click();
	await expect(page.locator('.note.warn')).toBeVisible();
});

test('a refinement is shown as a diff and accepted per hunk', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list');
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	const dir = '.kiro/specs/' + (await specName(page));
	const before = (await storedFile(page, `${dir}/requirements.md`)) ?? '';

	await page.getByRole('button', { name: 'Refine' }).click();
	const ask = page.getByRole('dialog', { name: 'Refine requirements.md' });
	await ask.getByLabel('What should change?').fill('Shorter titles, and stricter contrast');
	await ask.getByRole('button', { name: 'Ask the model' }).click();
	const review = page.getByRole('region', { name: 'Review the proposed requirements.md' });
	await expect(review).toContainText('2 changes to review');
	// Nothing is written before the user decides.
	expect(await storedFile(page, `${dir}/requirements.md`)).toBe(before);

	await review.getByRole('button', { name: 'Accept', exact: true }).first().click();
	await expect(review).toContainText('1 change to review');
	// The editor renders only what is in view: scroll to the other change, as a reader would.
	await review.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
	await review.getByRole('button', { name: 'Reject', exact: true }).first().click();
	await expect(review).toContainText('Every change is decided.');
	await review.getByRole('button', { name: 'Save result' }).click();
	await expect(review).toBeHidden();

	const after = (await storedFile(page, `${dir}/requirements.md`)) ?? '';
	expect(after).toContain('longer than 120 characters');
	expect(after).toContain('Titles can be at most 120 characters');
	expect(after).toContain('contrast ratio of at least 4.5:1');
	expect(after.replaceAll('120', '200')).toBe(before);
});

test('a quick spec writes all three documents in one pass', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await openHome(page);
	await createProject(page, 'Quick');
	await page.getByRole('button', { name: 'Specs' }).click();
	await page.getByRole('button', { name: 'New spec' }).click();
	const dialog = page.getByRole('dialog', { name: 'New spec' });
	await dialog.getByLabel('What should be built?').fill('A todo list');
	await dialog.getByLabel(/Quick spec/).check();
	await dialog.getByRole('button', { name: 'Create and generate' }).click();
	for (const name of ['Requirements', 'Design', 'Tasks']) await expect(phase(page, name)).toHaveAttribute('data-state', 'draft');
	const dir = '.kiro/specs/' + (await specName(page));
	expect(await storedFile(page, `${dir}/requirements.md`)).toMatch(/^# Requirements Document\n[\s\S]*Requirement 6/);
	expect(await storedFile(page, `${dir}/design.md`)).toMatch(/^# Design Document: Todo List\n/);
	expect(await storedFile(page, `${dir}/tasks.md`)).toMatch(/^# Implementation Plan\n[\s\S]*4\. Checkpoint/);
	expect(llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'))).toHaveLength(1);
});

test('Analyze lists findings, and a suggested rewrite is reviewed as a diff', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list');
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
	await page.getByRole('button', { name: 'Analyze' }).click();
	const analysis = page.getByRole('region', { name: 'Analysis' });
	await expect(analysis.getByRole('heading', { name: '2 findings' })).toBeVisible();
	await expect(analysis).toContainText('Ambiguity');
	await expect(analysis).toContainText('Nothing says what happens when two tabs edit the list at once.');
	await analysis.getByRole('button', { name: 'Review this rewrite' }).click();
	const review = page.getByRole('region', { name: 'Review the proposed requirements.md' });
	await expect(review).toContainText('1 change to review');
	await review.getByRole('button', { name: 'Accept all' }).click();
	await expect(review).toBeHidden();
	const dir = '.kiro/specs/' + (await specName(page));
	expect(await storedFile(page, `${dir}/requirements.md`)).toContain('IF the title is longer than 200 Unicode characters');
	const kinds = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
		});
		return new Promise<string[]>((resolve) => {
			const request = db.transaction('usage').objectStore('usage').getAll();
			request.onsuccess = () => resolve(request.result.map((e: { purpose: { kind: string } }) => e.purpose.kind));
		});
	});
	expect(kinds.sort()).toEqual(['analyze', 'generate']);
});

test('the checks of a generated document are listed under it with their lines, and fixing it clears them', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list [mock:vague]');
	await expect(doc(page).getByRole('heading', { name: 'Requirement 2: Find items' })).toBeVisible();
	const checks = page.getByRole('region', { name: 'Checks for requirements.md' });
	await expect(checks.getByRole('heading', { name: '1 check' })).toBeVisible();
	await expect(checks.getByRole('listitem')).toHaveText(/^line 24 Criterion 2\.1 uses the vague term "quickly"\./);
	// A warning does not hold the phase back.
	await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();

	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	const stored = (await storedFile(page, `${await specDir(page)}/requirements.md`)) ?? '';
	await page.getByLabel('requirements.md source').fill(stored.replace('SHALL quickly show', 'SHALL show within 100 ms'));
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(doc(page)).toContainText('within 100 ms');
	await expect(checks).toBeHidden();
});

test('leaving the page while a document is being written asks first; once it is stored, it does not', async ({ page, llm }) => {
	await setUpModel(page, llm);
	llm.setFault({ type: 'slow', delayMs: 60 });
	await newSpec(page, 'A todo list');
	await expect(doc(page)).toContainText('Requirements Document');
	const asked: string[] = [];
	page.on('dialog', (dialog) => {
		asked.push(dialog.type());
		void dialog.dismiss();
	});
	// A reload the user confirms would lose the reply; dismissing the question keeps the page.
	await page.evaluate(() => location.reload()).catch(() => undefined);
	await expect.poll(() => asked).toEqual(['beforeunload']);
	await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

	llm.setFault(null);
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(page.getByText('Stopped. What arrived is kept.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	expect(asked).toEqual(['beforeunload']);
});
