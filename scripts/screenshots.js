// Takes screenshots of the main screens (light and dark, 1024 and 1440 px wide) from the built app.
// Usage: npm run build && node scripts/screenshots.js [outDir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { startMockLlm } from '../tests/servers/mock-llm/server.js';

const port = Number(process.env.PORT ?? 4190);
const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
const base = `http://127.0.0.1:${port}`;

const llm = await startMockLlm();
try {
	await waitFor(base);
	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
	});
	for (const theme of /** @type {const} */ (['light', 'dark'])) {
		for (const width of [1024, 1440]) {
			const context = await browser.newContext({ viewport: { width, height: Math.round(width * 0.62) }, colorScheme: theme, serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(base);
			await page.locator('html[data-app-ready="true"]').waitFor();
			await page.getByRole('button', { name: 'Open sample' }).first().click();
			await page.getByRole('tree', { name: 'Project files' }).waitFor();
			await page.getByRole('treeitem', { name: 'src' }).click();
			await page.getByRole('treeitem', { name: 'tasks.js' }).click();
			await page.locator('.cm-content').waitFor();
			await page.screenshot({ path: `${out}/project-${theme}-${width}.png` });
			await page.goto(base);
			await page.locator('html[data-app-ready="true"]').waitFor();
			await page.screenshot({ path: `${out}/home-${theme}-${width}.png` });
			await page.goto(`${base}/settings`);
			await page.getByRole('heading', { name: 'Model connection' }).waitFor();
			await page.screenshot({ path: `${out}/settings-${theme}-${width}.png` });
			await page.getByLabel('Provider').selectOption({ label: 'Custom (OpenAI-compatible)' });
			await page.getByLabel('Base URL').fill(llm.url);
			await page.getByLabel('API key').fill('sk-test');
			await page.getByRole('combobox', { name: 'Model' }).fill('mock-small');
			await page.getByRole('button', { name: 'Save' }).click();
			await page.getByText('Model settings saved').waitFor();
			await page.goto(base);
			await page.locator('html[data-app-ready="true"]').waitFor();
			await page.getByRole('link', { name: /Sample/ }).first().click();
			await page.getByRole('button', { name: 'Specs' }).click();
			await page.getByRole('button', { name: 'New spec' }).click();
			await page.getByLabel('What should be built?').fill('A todo list with filters, stored in the browser');
			await page.getByRole('button', { name: 'Create and generate' }).click();
			await page.locator('.doc').getByRole('heading', { name: 'Requirement 6' }).waitFor();
			await page.screenshot({ path: `${out}/spec-${theme}-${width}.png` });
			await page.getByRole('button', { name: 'Usage', exact: true }).click();
			await page.getByRole('table', { name: 'Requests, newest first' }).waitFor();
			await page.screenshot({ path: `${out}/usage-${theme}-${width}.png` });
			await context.close();
		}
	}
	await browser.close();
	console.log(`Screenshots written to ${out}`);
} finally {
	await llm.close();
	if (server.pid) process.kill(-server.pid);
}

/** @param {string} url */
async function waitFor(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not up yet.
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not start`);
}
