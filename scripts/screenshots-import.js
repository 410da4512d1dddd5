// Screenshots of the import and export interface (menu, drop target, progress, summary, refusal,
// export button), light and dark, from the built app. It also cancels a large import halfway and
// checks that nothing was left behind.
// Usage: npm run build && node scripts/screenshots-import.js [outDir]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

const port = Number(process.env.PORT ?? 4191);
const out = process.argv[2] ?? 'test-results/screens';
mkdirSync(out, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'specwright-shots-'));
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
const base = `http://127.0.0.1:${port}`;

// Incompressible content, so that unpacking and saving take long enough to see the progress.
/** @type {import('fflate').Zippable} */
const big = {};
for (let i = 0; i < 1500; i++) big[`big-repo/data/chunk-${i}.bin`] = [randomBytes(64 * 1024), { level: 0 }];
const bigZip = join(scratch, 'big-repo.zip');
writeFileSync(bigZip, zipSync(big));
const evilZip = join(scratch, 'evil.zip');
writeFileSync(evilZip, zipSync({ 'ok.txt': strToU8('ok'), '../evil.txt': strToU8('evil') }));
for (const [path, text] of Object.entries({
	'shop/README.md': '# Shop\n',
	'shop/src/cart.ts': 'export {};\n',
	'shop/node_modules/left-pad/index.js': 'module.exports = 1;\n',
	'shop/.git/HEAD': 'ref: refs/heads/main\n'
})) {
	mkdirSync(join(scratch, path, '..'), { recursive: true });
	writeFileSync(join(scratch, path), text);
}

try {
	await waitFor(base);
	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
	});
	for (const theme of /** @type {const} */ (['light', 'dark'])) {
		const context = await browser.newContext({ viewport: { width: 1024, height: 640 }, colorScheme: theme, serviceWorkers: 'block' });
		const page = await context.newPage();
		const home = async () => {
			await page.goto(base);
			await page.locator('html[data-app-ready="true"]').waitFor();
		};
		await home();
		await page.getByRole('button', { name: 'Open sample' }).first().click();
		await page.getByRole('tree', { name: 'Project files' }).waitFor();
		await page.screenshot({ path: `${out}/export-button-${theme}.png` });

		await home();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Zip file…' }).waitFor();
		await page.screenshot({ path: `${out}/import-menu-${theme}.png` });
		await page.keyboard.press('Escape');

		const transfer = await page.evaluateHandle(() => {
			const dt = new DataTransfer();
			dt.items.add(new File(['x'], 'project.zip', { type: 'application/zip' }));
			return dt;
		});
		await page.getByRole('region', { name: 'Project list' }).dispatchEvent('dragenter', { dataTransfer: transfer });
		await page.screenshot({ path: `${out}/import-drop-${theme}.png` });
		await page.getByRole('region', { name: 'Project list' }).dispatchEvent('dragleave', { dataTransfer: transfer });

		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Zip file…' }).click();
		await (await chooser).setFiles(bigZip);
		const progress = page.getByRole('dialog', { name: 'Importing big-repo.zip' });
		await progress.getByText(/[1-9]\d* of 1500 files/).waitFor();
		await page.screenshot({ path: `${out}/import-progress-${theme}.png` });
		await progress.getByRole('button', { name: 'Cancel' }).click();
		await progress.waitFor({ state: 'hidden' });
		const projects = await page.getByRole('list', { name: 'Projects' }).getByRole('listitem').count();
		if (projects !== 1) throw new Error(`a cancelled import left a project behind (${projects} projects)`);

		await page.getByLabel('Folder to import').setInputFiles(join(scratch, 'shop'));
		await page.getByRole('dialog', { name: 'Imported “shop”' }).waitFor();
		await page.screenshot({ path: `${out}/import-summary-${theme}.png` });
		await page.getByRole('button', { name: 'Close' }).click();

		const evil = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Zip file…' }).click();
		await (await evil).setFiles(evilZip);
		await page.getByRole('alert').waitFor();
		await page.screenshot({ path: `${out}/import-refused-${theme}.png` });
		await context.close();
	}
	await browser.close();
	console.log(`Screenshots written to ${out}`);
} finally {
	rmSync(scratch, { recursive: true, force: true });
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
