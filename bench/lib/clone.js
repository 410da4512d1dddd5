// Clone benchmark: native `git clone` against the app's own clone (the Import → Clone git repository
// path of the built app: worker, isomorphic-git, the import pipeline, writes into the project store)
// of the same generated repository from the same local git server, in the same run.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, expect } from '@playwright/test';
import { startGitServer } from '../../tests/servers/git/server.js';
import { median, round } from './report.js';

const run = promisify(execFile);
/** Measured runs each, after one discarded warm-up (disk cache, JIT, the worker's first load). */
const ROUNDS = 3;
const FILES = 2000;
const FILE_BYTES = 1500;

/**
 * @param {import('@playwright/test').LaunchOptions} launchOptions
 * @param {string} baseUrl the built app
 * @param {string} profile an empty folder for the browser profile; removed afterwards
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureClone(launchOptions, baseUrl, profile) {
	const git = await startGitServer();
	const scratch = await mkdtemp(join(tmpdir(), 'specwright-clone-bench-'));
	// On-disk profile: off the record, Chromium keeps IndexedDB in memory and the writes would cost nothing.
	const context = await chromium.launchPersistentContext(profile, { ...launchOptions, serviceWorkers: 'block' });
	try {
		const url = await git.createRepo('bench', { count: FILES, bytes: FILE_BYTES });
		/** @type {number[]} */
		const native = [];
		/** @type {number[]} */
		const browser = [];
		const page = context.pages()[0] ?? (await context.newPage());
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		for (let pass = 0; pass <= ROUNDS; pass++) {
			const n = await nativeClone(url, join(scratch, `native-${pass}`));
			const b = await browserClone(page, baseUrl, url);
			if (pass === 0) continue;
			native.push(n);
			browser.push(b);
		}
		if (pageErrors.length > 0) throw new Error(`errors in the app while cloning: ${pageErrors.join('; ')}`);
		if (process.env.BENCH_VERBOSE) {
			const list = (/** @type {number[]} */ xs) => xs.map((t) => t.toFixed(0)).join(' ');
			console.log(`  native git clone ms: ${list(native)}; in-browser clone ms: ${list(browser)}`);
		}
		const nativeMs = median(native);
		const browserMs = median(browser);
		return {
			'import.clone_ratio_vs_native_git': { value: round(browserMs / nativeMs), unit: 'ratio' },
			'import.clone_native_ms': { value: round(nativeMs), unit: 'ms' },
			'import.clone_browser_ms': { value: round(browserMs), unit: 'ms' }
		};
	} finally {
		await context.close();
		await git.close();
		await rm(scratch, { recursive: true, force: true });
		await rm(profile, { recursive: true, force: true });
	}
}

/** The same choices as the app's default: the newest commit of the default branch. */
async function nativeClone(/** @type {string} */ url, /** @type {string} */ dir) {
	const start = performance.now();
	await run('git', ['clone', '-q', '--depth', '1', '--single-branch', url, dir], {
		env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' }
	});
	return performance.now() - start;
}

/**
 * From the click on "Clone" to the new project's file tree on screen, with every file stored.
 * @param {import('@playwright/test').Page} page
 * @param {string} baseUrl
 * @param {string} url
 */
async function browserClone(page, baseUrl, url) {
	await page.goto(`${baseUrl}/`);
	await expect(page.locator('html[data-app-ready="true"]')).toBeAttached();
	await page.getByRole('button', { name: 'Import' }).click();
	await page.getByRole('button', { name: 'Clone git repository…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Clone git repository' });
	await dialog.getByLabel('Repository URL').fill(url);
	const start = performance.now();
	await dialog.getByRole('button', { name: 'Clone' }).click();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible({ timeout: 120_000 });
	const ms = performance.now() - start;
	const alert = await page.getByRole('alert').allTextContents();
	if (alert.length > 0) throw new Error(`the clone showed an error: ${alert.join('; ')}`);
	return ms;
}
