import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createProject, openHome, storedFile } from './app';

async function openSourceControl(page: Page) {
	await page.getByRole('button', { name: 'Source control' }).click();
	await expect(page.getByRole('list', { name: 'History' }).getByRole('button')).not.toHaveCount(0);
}

async function appendAndSave(page: Page, file: string, text: string) {
	await page.getByRole('button', { name: 'Files' }).click();
	await page.getByRole('treeitem', { name: file }).click();
	const editor = page.locator('.cm-content');
	await editor.click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type(text);
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
}

test('a new project is a repository: edit, see the diff, commit, browse history, restore', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Versioned');
	// The repository is there but hidden from the tree.
	await expect.poll(() => storedFile(page, '.git/HEAD')).toBe('ref: refs/heads/main\n');
	await expect(page.getByRole('treeitem', { name: '.git' })).toHaveCount(0);

	await openSourceControl(page);
	const history = page.getByRole('list', { name: 'History' });
	await expect(history.getByRole('button')).toHaveCount(1);
	await expect(history).toContainText('Initial commit');
	await expect(page.getByRole('list', { name: 'Changes' })).toContainText('No changes since the last commit.');

	await appendAndSave(page, 'README.md', '\nA second line.');
	await page.getByRole('button', { name: 'Source control' }).click();
	const changes = page.getByRole('list', { name: 'Changes' });
	// The badge names the status: "M", read as "modified".
	const row = changes.getByRole('button', { name: 'modified README.md', exact: true });
	await expect(row).toContainText('M');
	await row.click();
	const diff = page.getByTestId('diff');
	await expect(diff).toContainText('A second line.');
	await expect(diff.locator('.cm-changedLine')).toHaveCount(2);

	await page.getByLabel('Commit message').fill('Add a second line');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.getByText(/Committed [0-9a-f]{7}\./)).toBeVisible();
	await expect(changes).toContainText('No changes since the last commit.');
	await expect(history.getByRole('button')).toHaveCount(2);
	const latest = history.getByRole('button').first();
	await expect(latest).toContainText('Add a second line');
	await expect(latest).toContainText('Specwright user');
	await latest.click();
	const files = page.getByRole('list', { name: 'Files changed in this commit' });
	await expect(files.getByRole('listitem')).toHaveCount(1);
	await expect(files).toContainText('README.md');
	await expect(files.getByTestId('diff')).toContainText('A second line.');

	// Another edit, then restore: the committed text comes back, in the store and in the editor.
	await appendAndSave(page, 'README.md', '\nA line to throw away.');
	expect(await storedFile(page, 'README.md')).toBe('# Versioned\n\nA second line.\nA line to throw away.');
	await page.getByRole('button', { name: 'Source control' }).click();
	await page.getByRole('button', { name: 'Restore README.md' }).click();
	const confirm = page.getByRole('dialog', { name: 'Restore README.md?' });
	await expect(confirm).toContainText('cannot be undone');
	await confirm.getByRole('button', { name: 'Restore' }).click();
	await expect(changes).toContainText('No changes since the last commit.');
	expect(await storedFile(page, 'README.md')).toBe('# Versioned\n\nA second line.');
	await page.getByRole('button', { name: 'Files' }).click();
	await expect(page.getByRole('textbox', { name: 'Editor: README.md' }).locator('.cm-line')).toHaveText(['# Versioned', '', 'A second line.']);
});

test('a new file shows as untracked, and the commit adds it with the author from the settings', async ({ page }) => {
	await page.goto('/settings');
	const git = page.locator('form#git');
	await git.getByLabel('Commit author name').fill('Ada Lovelace');
	await git.getByLabel('Commit author email').fill('ada@example.test');
	await git.getByRole('button', { name: 'Apply git settings' }).click();
	await expect(git.getByRole('button', { name: 'Apply git settings' })).toBeDisabled();
	await openHome(page);
	await createProject(page, 'Adding');
	// The first commit is made once the project has opened; files made after it are changes.
	await openSourceControl(page);
	await page.getByRole('button', { name: 'Files' }).click();
	await page.getByRole('button', { name: 'New file' }).click();
	await page.getByRole('dialog', { name: 'New file' }).getByLabel(/Name/).fill('notes.txt');
	await page.keyboard.press('Enter');
	await page.locator('.cm-content').click();
	await page.keyboard.type('hello');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await openSourceControl(page);
	const row = page.getByRole('list', { name: 'Changes' }).getByRole('button', { name: 'untracked notes.txt', exact: true });
	await expect(row).toContainText('U');
	await page.getByLabel('Commit message').fill('Add notes');
	await page.getByRole('button', { name: 'Commit', exact: true }).click();
	const latest = page.getByRole('list', { name: 'History' }).getByRole('button').first();
	await expect(latest).toContainText('Add notes');
	await expect(latest).toContainText('Ada Lovelace');
	await expect(page.getByRole('list', { name: 'Changes' })).toContainText('No changes since the last commit.');
});

for (const scheme of ['light', 'dark'] as const) {
	test(`source control, its diff and the push dialog have no serious accessibility violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		const serious = async () =>
			(await new AxeBuilder({ page }).analyze()).violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		await openHome(page);
		await createProject(page, 'Accessible');
		await openSourceControl(page);
		await appendAndSave(page, 'README.md', '\nMore.');
		await page.getByRole('button', { name: 'Source control' }).click();
		await page.getByRole('button', { name: 'modified README.md', exact: true }).click();
		await expect(page.getByTestId('diff').locator('.cm-line').first()).toBeVisible();
		expect(await serious()).toEqual([]);
		await page.getByRole('button', { name: 'Push', exact: true }).click();
		await expect(page.getByRole('dialog', { name: 'Push' })).toBeVisible();
		expect(await serious()).toEqual([]);
	});
}
