// Screenshots of the source control, runtime and import screens (light 1440 px, dark 1024 px) from
// the built app, with the local WebContainer test backend standing in for StackBlitz.
// Usage: npm run build && node scripts/screenshots-workbench.js [outDir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { startWebContainerBackend } from '../tests/servers/webcontainer/server.js';

const port = Number(process.env.PORT ?? 4191);
const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
const base = `http://127.0.0.1:${port}`;
const backend = await startWebContainerBackend();

try {
	await waitFor(base);
	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
	});
	for (const [theme, width] of /** @type {const} */ ([['light', 1440], ['dark', 1024]])) {
		const context = await browser.newContext({ viewport: { width, height: Math.round(width * 0.62) }, colorScheme: theme, serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.addInitScript((url) => {
			/** @type {any} */ (globalThis).WEBCONTAINER_API_IFRAME_URL = url;
		}, backend.origin);
		const shot = (/** @type {string} */ name) => page.screenshot({ path: `${out}/${name}-${theme}-${width}.png` });

		await page.goto(base);
		await page.locator('html[data-app-ready="true"]').waitFor();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await shot('import-menu');
		await page.getByRole('button', { name: /Clone git repository/ }).click();
		await page.getByRole('dialog').first().waitFor();
		await shot('clone-dialog');
		await page.keyboard.press('Escape');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: /GitHub repository/ }).click();
		await page.getByRole('dialog').first().waitFor();
		await shot('github-dialog');
		await page.keyboard.press('Escape');

		await page.getByRole('button', { name: 'Open sample' }).first().click();
		await page.getByRole('tree', { name: 'Project files' }).waitFor();
		await page.getByRole('button', { name: 'Source control' }).click();
		await page.getByRole('list', { name: 'History' }).getByRole('button').first().waitFor();
		await page.getByRole('button', { name: 'Files' }).click();
		await page.getByRole('treeitem', { name: 'README.md' }).click();
		await page.locator('.cm-content').click();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.type('\nA line added to show a change.');
		await page.keyboard.press('ControlOrMeta+s');
		await page.getByText('All changes saved').waitFor();
		await page.getByRole('button', { name: 'Source control' }).click();
		await page.getByRole('list', { name: 'Changes' }).getByRole('button', { name: /README\.md/ }).first().click();
		await page.waitForTimeout(500);
		await shot('source-control');
		await page.getByRole('list', { name: 'History' }).getByRole('button').first().click();
		await page.waitForTimeout(500);
		await shot('history');

		await page.getByRole('button', { name: 'Files' }).click();
		await page.getByRole('button', { name: 'Start runtime' }).first().click();
		await page.getByRole('tab', { name: /Terminal/ }).waitFor({ timeout: 20_000 });
		await page.locator('.xterm-screen').first().click();
		await page.keyboard.insertText('ls');
		await page.keyboard.press('Enter');
		await page.waitForTimeout(800);
		await shot('runtime');

		await page.goto(`${base}/settings`);
		await page.getByRole('heading', { name: 'Model connection' }).waitFor();
		await page.screenshot({ path: `${out}/settings-full-${theme}-${width}.png`, fullPage: true });
		await context.close();
	}
	await browser.close();
	console.log(`Screenshots written to ${out}`);
} finally {
	await backend.close();
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
