import { expect, test } from '@playwright/test';
import { openHome, storedFile } from './app';
import { taskProgress } from '../../src/lib/core/workflow/dashboard';
import { approveButton, approveShown, doc, newSpec, setUpModel, specName, test as specTest } from './spec-helpers';

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

specTest('a generated spec shows its documents in the file tree and its progress on the dashboard', async ({ page, llm }) => {
	await setUpModel(page, llm);
	await newSpec(page, 'A todo list');
	await expect(approveButton(page)).toBeEnabled();
	await approveShown(page);
	await expect(doc(page).getByRole('heading', { name: 'Design Document: Todo List' })).toBeVisible();
	await expect(approveButton(page)).toBeEnabled();

	const name = await specName(page);
	const row = page.getByRole('list', { name: 'Specs in this project' }).getByRole('listitem').filter({ hasText: name });
	await expect(row).toContainText('Design · 1/3 approved');

	await page.getByRole('button', { name: 'Files' }).click();
	const tree = page.getByRole('tree', { name: 'Project files' });
	await tree.getByRole('treeitem', { name: '.kiro' }).click();
	await tree.getByRole('treeitem', { name: 'specs' }).click();
	await tree.getByRole('treeitem', { name }).click();
	await expect(tree.getByRole('treeitem', { name: 'requirements.md' })).toBeVisible();
	await expect(tree.getByRole('treeitem', { name: 'design.md' })).toBeVisible();
});
