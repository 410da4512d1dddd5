// GitHub import throughput: the built app imports a generated repository of 2,000 files from the
// local GitHub stand-in, through its own UI and code path (tree → blobs → project store).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startGitHubStandIn } from '../../tests/servers/github/server.js';
import { median, round } from './report.js';

const FILES = 2000;
/** Measured imports, after one discarded warm-up import (JIT, the lazily loaded chunks, git's caches). */
const ROUNDS = 3;
const IMPORT_TIMEOUT_MS = 180_000;

/** Source-like files of 0.5–4 KB in 20 × 10 folders, the same every run. @returns {Record<string, string>} */
function generateFiles() {
	/** @type {Record<string, string>} */
	const files = {};
	for (let i = 0; i < FILES; i++) {
		const size = 512 + ((i * 2654435761) % 3584);
		const line = `export const value${i} = ${JSON.stringify(`line of module ${i}`)};\n`;
		files[`src/mod${i % 20}/part${Math.floor(i / 20) % 10}/file${i}.ts`] = line.repeat(Math.ceil(size / line.length)).slice(0, size);
	}
	return files;
}

/**
 * Each import runs in a fresh browser with an on-disk profile, as a user's would (an off-the-record
 * context keeps IndexedDB in memory). Timed from the click on Import until the project is open.
 * @param {import('@playwright/test').LaunchOptions} launchOptions
 * @param {string} baseUrl
 * @param {string} scratch a folder for the browser profiles; removed afterwards
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureGitHub(launchOptions, baseUrl, scratch) {
	const gh = await startGitHubStandIn();
	try {
		await gh.createRepo('bench', 'two-thousand', generateFiles());
		/** @type {number[]} */
		const times = [];
		for (let run = 0; run <= ROUNDS; run++) {
			const ms = await importOnce(launchOptions, baseUrl, join(scratch, `profile-${run}`), gh.apiUrl, gh.token);
			if (run > 0) times.push(ms);
		}
		if (process.env.BENCH_VERBOSE) console.log(`  github import ms: ${times.map((t) => t.toFixed(0)).join(' ')}`);
		const ms = median(times);
		return {
			'import.github_files_per_s': { value: round(FILES / (ms / 1000)), unit: 'files/s' },
			'import.github_ms': { value: round(ms), unit: 'ms' }
		};
	} finally {
		await gh.close();
		await rm(scratch, { recursive: true, force: true });
	}
}

/**
 * @param {import('@playwright/test').LaunchOptions} launchOptions
 * @param {string} baseUrl
 * @param {string} profile
 * @param {string} apiUrl
 * @param {string} token
 */
async function importOnce(launchOptions, baseUrl, profile, apiUrl, token) {
	const context = await chromium.launchPersistentContext(profile, { ...launchOptions, serviceWorkers: 'block', baseURL: baseUrl });
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		await page.goto('/settings');
		const form = page.getByRole('form', { name: 'GitHub' });
		await form.getByLabel('API URL').fill(apiUrl);
		// Signed in, as 2,000 files need: GitHub allows 60 anonymous requests an hour.
		await form.getByLabel('Token').fill(token);
		await form.getByRole('button', { name: 'Apply' }).click();
		await page.getByText('GitHub settings saved in this browser.').waitFor();
		await page.goto('/');
		await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'GitHub repository…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Import from GitHub' });
		await dialog.getByLabel('Repository').fill('bench/two-thousand');
		const started = performance.now();
		await dialog.getByRole('button', { name: 'Import', exact: true }).click();
		const failed = dialog.getByRole('alert');
		const opened = page.getByRole('tree', { name: 'Project files' });
		await Promise.race([opened.waitFor({ timeout: IMPORT_TIMEOUT_MS }), failed.waitFor({ timeout: IMPORT_TIMEOUT_MS })]);
		const ms = performance.now() - started;
		if (await failed.isVisible()) throw new Error(`the GitHub import failed: ${await failed.innerText()}`);
		/** @type {number} */
		const stored = await page.evaluate(async () => {
			const db = await new Promise((resolve, reject) => {
				const request = indexedDB.open('specwright');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const count = await new Promise((resolve, reject) => {
				const request = /** @type {IDBDatabase} */ (db).transaction('contents').objectStore('contents').count();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			/** @type {IDBDatabase} */ (db).close();
			return /** @type {number} */ (count);
		});
		if (stored !== FILES) throw new Error(`the import stored ${stored} files, not ${FILES}`);
		if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
		return ms;
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}
