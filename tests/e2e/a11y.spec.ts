import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openHome } from './app';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });

		test('home, project and settings pages have no serious accessibility violations', async ({ page }) => {
			await openHome(page);
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Open sample' }).first().click();
			await page.getByRole('treeitem', { name: 'README.md' }).click();
			await expect(page.locator('.cm-content')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			// The spec view, with its rendered markdown and task states.
			await page.getByRole('button', { name: 'Specs' }).click();
			// The dashboard row, not the README's mention of the folder, which may be drawn first.
			await page.getByRole('list', { name: 'Specs in this project' }).getByRole('button', { name: /^task-filters/ }).click();
			await page.getByRole('button', { name: /^Tasks/ }).click();
			await expect(page.locator('.doc .task-state').first()).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/settings');
			await expect(page.getByRole('heading', { name: 'Model connection' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/no/such/page');
			await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}
