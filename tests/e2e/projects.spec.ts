import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createProject, openHome, storedFile } from './app';

test('a project created and edited survives a reload', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Notes app');
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	const editor = page.locator('.cm-content');
	await expect(editor).toContainText('# Notes app');
	await editor.click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('\nA line typed by the user.');
	await expect(page.getByRole('button', { name: /^README\.md/ })).toContainText('●');
	await expect(page.getByText('Unsaved changes')).toBeVisible();
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	expect(await storedFile(page, 'README.md')).toBe('# Notes app\n\nA line typed by the user.');

	await page.reload();
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	await expect(page.locator('.cm-content')).toContainText('A line typed by the user.');
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Projects' })).toContainText('Notes app');
});

test('files and folders can be created, renamed, moved and deleted', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Tree');
	await page.getByRole('button', { name: 'New folder' }).click();
	await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Name').fill('src');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('treeitem', { name: 'src' })).toBeVisible();

	// The selected folder receives the new file.
	await page.getByRole('button', { name: 'New file' }).click();
	await page.getByRole('dialog', { name: 'New file' }).getByLabel(/Name/).fill('main.ts');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'main.ts', exact: true })).toBeVisible();
	await page.locator('.cm-content').click();
	await page.keyboard.type('export const answer = 42;');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();

	// Rename takes a path, so it moves too.
	await page.getByRole('treeitem', { name: 'main.ts' }).click();
	await page.keyboard.press('F2');
	await page.getByRole('dialog', { name: /Rename or move/ }).getByLabel('Path in the project').fill('lib/answer.ts');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('treeitem', { name: 'answer.ts' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'answer.ts', exact: true })).toBeVisible();
	expect(await storedFile(page, 'lib/answer.ts')).toBe('export const answer = 42;');
	expect(await storedFile(page, 'src/main.ts')).toBeNull();
	// The emptied folder stays until the user deletes it.
	await expect(page.getByRole('treeitem', { name: 'src' })).toBeVisible();

	await page.getByRole('treeitem', { name: 'lib' }).click();
	await page.keyboard.press('Delete');
	const confirm = page.getByRole('dialog', { name: 'Delete lib?' });
	await expect(confirm).toContainText('everything in it');
	await confirm.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('treeitem', { name: 'lib' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'answer.ts', exact: true })).toHaveCount(0);
	expect(await storedFile(page, 'lib/answer.ts')).toBeNull();
});

test('paths that leave the project and names that clash are refused with a message', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Guarded');
	await page.getByRole('button', { name: 'New file' }).click();
	const dialog = page.getByRole('dialog', { name: 'New file' });
	await dialog.getByLabel(/Name/).fill('../outside.txt');
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('alert')).toContainText('points outside the project');
	await dialog.getByLabel(/Name/).fill('README.md');
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('alert')).toContainText('"README.md" already exists');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	expect(await storedFile(page, 'README.md')).toBe('# Guarded\n');
});

test('closing a tab with unsaved work asks first', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Careful');
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	await page.locator('.cm-content').click();
	await page.keyboard.type('draft ');
	await page.getByRole('button', { name: 'Close README.md' }).click();
	const ask = page.getByRole('dialog', { name: /without saving/ });
	await expect(ask).toBeVisible();
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: /^README\.md/ })).toBeVisible();
	await page.getByRole('button', { name: 'Close README.md' }).click();
	await ask.getByRole('button', { name: 'Discard changes' }).click();
	await expect(page.getByRole('button', { name: /^README\.md/ })).toHaveCount(0);
	expect(await storedFile(page, 'README.md')).toBe('# Careful\n');
});

test('projects can be renamed and deleted, with clear messages for bad names', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Alpha');
	await page.goto('/');
	await createProject(page, 'Beta');
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Projects' });
	await expect(list.getByRole('listitem')).toHaveCount(2);

	await page.getByRole('button', { name: 'New project' }).first().click();
	const create = page.getByRole('dialog', { name: 'New project' });
	await create.getByLabel('Name').fill('  ');
	await create.getByRole('button', { name: 'Create project' }).click();
	await expect(create.getByRole('alert')).toHaveText('Give the project a name.');
	await create.getByLabel('Name').fill('alpha');
	await create.getByRole('button', { name: 'Create project' }).click();
	await expect(create.getByRole('alert')).toContainText('already exists');
	await create.getByRole('button', { name: 'Cancel' }).click();

	await page.getByRole('button', { name: 'Rename Beta' }).click();
	const rename = page.getByRole('dialog', { name: 'Rename project' });
	await rename.getByLabel('Name').fill('Alpha');
	await rename.getByRole('button', { name: 'Rename' }).click();
	await expect(rename.getByRole('alert')).toContainText('already exists');
	await rename.getByLabel('Name').fill('Gamma');
	await rename.getByRole('button', { name: 'Rename' }).click();
	await expect(list).toContainText('Gamma');

	await page.getByRole('button', { name: 'Delete Alpha' }).click();
	await page.getByRole('dialog', { name: 'Delete "Alpha"?' }).getByRole('button', { name: 'Cancel' }).click();
	await expect(list).toContainText('Alpha');
	await page.getByRole('button', { name: 'Delete Alpha' }).click();
	await page.getByRole('dialog', { name: 'Delete "Alpha"?' }).getByRole('button', { name: 'Delete project' }).click();
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await page.reload();
	await expect(page.getByRole('list', { name: 'Projects' })).toContainText('Gamma');
	await expect(page.getByRole('list', { name: 'Projects' })).not.toContainText('Alpha');
});

test('the sample project comes with a Kiro spec, steering and hooks', async ({ page }) => {
	await openHome(page);
	await page.getByRole('button', { name: 'Open sample' }).first().click();
	await expect(page.getByRole('heading', { name: 'Sample: Tasks app' })).toBeVisible();
	await page.getByRole('treeitem', { name: '.kiro' }).click();
	await expect(page.getByRole('treeitem', { name: 'specs' })).toBeVisible();
	await expect(page.getByRole('treeitem', { name: 'steering' })).toBeVisible();
	await expect(page.getByRole('treeitem', { name: 'hooks' })).toBeVisible();
	const tasks = await storedFile(page, '.kiro/specs/task-filters/tasks.md');
	expect(tasks).toMatch(/^# Implementation Plan/);
	expect(tasks).toContain('- [x]');
	expect(JSON.parse((await storedFile(page, '.kiro/specs/task-filters/.config.kiro')) ?? '')).toMatchObject({
		specType: 'feature'
	});

	// In the spec view, done tasks are ticked boxes and the task under way says so.
	await page.getByRole('button', { name: 'Specs' }).click();
	// The dashboard row, not the README's mention of the folder, which may be drawn first.
	await page.getByRole('list', { name: 'Specs in this project' }).getByRole('button', { name: /^task-filters/ }).click();
	await page.getByRole('button', { name: /^Tasks/ }).click();
	const item = page.locator('.doc li', { hasText: /^in progress 2\. Add the filter bar/ });
	await expect(item.locator('.task-state')).toHaveText('in progress');
	await expect(page.locator('.doc')).not.toContainText('[-]');
	await expect(page.locator('.doc li', { hasText: /^\s*1\.1 Implement/ }).getByRole('checkbox')).toBeChecked();
});

test('the command palette reaches actions by keyboard', async ({ page }) => {
	await openHome(page);
	await page.keyboard.press('ControlOrMeta+k');
	const palette = page.getByRole('dialog', { name: 'Command palette' });
	await expect(palette).toBeVisible();
	await page.keyboard.type('settings');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/settings$/);
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('files left by an import that never finished are removed at start, unless still being written', async ({ page }) => {
	await openHome(page);
	const hourAgo = Date.now() - 2 * 60 * 60 * 1000;
	const put = (projectId: string, mtime: number) =>
		page.evaluate(
			async ({ projectId, mtime }) => {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open('specwright');
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				const tx = db.transaction(['files', 'contents'], 'readwrite');
				tx.objectStore('files').put({ projectId, path: 'a.txt', kind: 'file', size: 1, mtime });
				tx.objectStore('contents').put({ projectId, path: 'a.txt', data: 'a' });
				await new Promise((resolve) => (tx.oncomplete = resolve));
				db.close();
			},
			{ projectId, mtime }
		);
	await put('abandoned-import', hourAgo);
	await put('import-in-another-tab', Date.now());
	const storedIds = () =>
		page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('specwright');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const keys = await new Promise<IDBValidKey[]>((resolve) => {
				const request = db.transaction('contents').objectStore('contents').getAllKeys();
				request.onsuccess = () => resolve(request.result);
			});
			db.close();
			return [...new Set(keys.map((k) => (k as string[])[0]))].sort();
		});
	expect(await storedIds()).toEqual(['abandoned-import', 'import-in-another-tab']);
	await page.reload();
	await expect.poll(storedIds, { timeout: 10_000 }).toEqual(['import-in-another-tab']);
});

test('an address the app does not have says so, and leads back to the projects', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Kept');
	await page.goto('/no/such/page');
	await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
	await expect(page.getByText('Status 404')).toBeVisible();
	await expect(page).toHaveTitle('Not found · Specwright');
	await page.getByRole('link', { name: 'Back to projects' }).click();
	await expect(page.getByRole('list', { name: 'Projects' })).toContainText('Kept');
});

/** A new project "Shared" open in `page` and in a second tab of the same browser, README.md open in both. */
async function openInTwoTabs(page: Page, context: BrowserContext): Promise<Page> {
	await openHome(page);
	await createProject(page, 'Shared');
	const second = await context.newPage();
	await second.goto(page.url());
	await expect(second.getByRole('tree', { name: 'Project files' })).toBeVisible();
	await second.getByRole('treeitem', { name: 'README.md' }).click();
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	return second;
}

/** Types a new last line into the open file's editor. */
async function appendLine(p: Page, text: string): Promise<void> {
	await p.locator('.cm-content').click();
	await p.keyboard.press('ControlOrMeta+End');
	await p.keyboard.type(`\n${text}`);
}

test('a project open in two tabs says so in the second, which takes over when the first closes it', async ({ page, context }) => {
	const second = await openInTwoTabs(page, context);
	const banner = (p: Page) => p.getByRole('status').filter({ hasText: 'also open in another tab' });
	await expect(banner(second)).toBeVisible();
	await expect(banner(page)).toHaveCount(0);

	// The first tab saves, then leaves the project: the second takes over and shows what was saved.
	await appendLine(page, 'Saved in the first tab.');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.goto('/');
	await expect(banner(second)).toHaveCount(0);
	await expect(second.locator('.cm-content')).toContainText('Saved in the first tab.');
});

test('what one tab saves shows in the other at once; unsaved edits there are kept, with a notice', async ({ page, context }) => {
	const second = await openInTwoTabs(page, context);
	await appendLine(page, 'Saved in the first tab.');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await expect(second.locator('.cm-content')).toContainText('Saved in the first tab.');

	// The second tab has its own unsaved edit when the first saves again: it keeps it and says why.
	await appendLine(second, 'Typed in the second tab.');
	await appendLine(page, 'Saved again.');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(second.getByText('The other tab changed README.md while it has unsaved edits.')).toBeVisible();
	await expect(second.locator('.cm-content')).toContainText('Typed in the second tab.');
	await expect(second.locator('.cm-content')).not.toContainText('Saved again.');
});
