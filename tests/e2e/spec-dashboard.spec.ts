import { expect, test } from '@playwright/test';
import { openHome, storedFile } from './app';
import { taskProgress } from '../../src/lib/core/workflow/dashboard';

test('the specs dashboard shows progress and archives specs', async ({ page }) => {
	await openHome(page);
	await page.getByRole('button', { name: 'Open sample' }).first().click();
	await page.getByRole('button', { name: 'Specs' }).click();
	const list = page.getByRole('list', { name: 'Specs in this project' });
	const row = list.getByRole('listitem').filter({ hasText: 'task-filters' });
	const tasks = taskProgress((await storedFile(page, '.kiro/specs/task-filters/tasks.md')) ?? '');
	expect(tasks.total).toBeGreaterThan(tasks.done);
	await expect(row).toContainText('Feature');
	await expect(row).toContainText(`Tasks ${tasks.done}/${tasks.total}`);
	await expect(row).toContainText('Requirements · 0/3 approved');

	await row.getByRole('button', { name: 'Archive task-filters' }).click();
	await expect(list.getByRole('listitem').filter({ hasText: 'task-filters' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Archived (1)' }).click();
	const archived = page.getByRole('list', { name: 'Archived specs' });
	await archived.getByRole('button', { name: 'Unarchive task-filters' }).click();
	await expect(list).toContainText('task-filters');

	await list.getByRole('button', { name: /^task-filters/ }).click();
	await expect(page.getByRole('region', { name: 'Spec task-filters' }).getByRole('heading', { name: 'Requirements Document' })).toBeVisible();
});
