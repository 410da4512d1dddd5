import { expect, test } from '@playwright/test';
import { createProject, openHome } from './app';

test('blocked IndexedDB shows what happened instead of a blank page', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await page.goto('/');
	const alert = page.getByRole('alert').filter({ hasText: 'Specwright could not start' });
	await expect(alert).toContainText('The browser storage could not be read.');
	await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('a full disk while creating a project says so and keeps what was stored', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Kept');
	await page.goto('/');
	await page.evaluate(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if (this.name === 'files') throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await page.getByRole('button', { name: 'New project' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'New project' });
	await dialog.getByLabel('Name').fill('Too big');
	await dialog.getByRole('button', { name: 'Create project' }).click();
	await expect(dialog.getByRole('alert')).toContainText('storage for Specwright is full');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await page.reload();
	const list = page.getByRole('list', { name: 'Projects' });
	await expect(list).toContainText('Kept');
	await expect(list).not.toContainText('Too big');
});
