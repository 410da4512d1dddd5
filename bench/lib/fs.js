// File system store benchmark: bundles bench/harness/fs-harness.ts and runs it in Chromium.
import { rm } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { BENCH_PATH } from './server.js';
import { median, round } from './report.js';

/** Measured runs per store, after one discarded warm-up round (JIT, IndexedDB backing store start). */
const ROUNDS = 5;
/** @typedef {'raw-idb' | 'idb-fs' | 'lightningfs' | 'opfs'} StoreName */
/** @type {StoreName[]} */
const STORES = ['raw-idb', 'idb-fs', 'lightningfs', 'opfs'];

/**
 * Runs in a browser with an on-disk profile: a plain Playwright context is off the record, and
 * Chromium then keeps IndexedDB and OPFS in memory, which would time neither store's real cost.
 * @param {import('@playwright/test').LaunchOptions} launchOptions
 * @param {string} baseUrl
 * @param {string} profile an empty folder for the browser profile; removed afterwards
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureFs(launchOptions, baseUrl, profile) {
	const context = await chromium.launchPersistentContext(profile, { ...launchOptions, serviceWorkers: 'block' });
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		await page.goto(`${baseUrl}${BENCH_PATH}/blank.html`);
		await page.evaluate(async (src) => {
			/** @type {any} */ (globalThis).__fsHarness = await import(src);
		}, `${BENCH_PATH}/fs-harness.js`);

		/** @type {Record<StoreName, number[]>} */
		const times = { 'raw-idb': [], 'idb-fs': [], lightningfs: [], opfs: [] };
		/** @type {Record<StoreName, number[]>} */
		const writes = { 'raw-idb': [], 'idb-fs': [], lightningfs: [], opfs: [] };
		for (let pass = 0; pass <= ROUNDS; pass++) {
			// Rotate the order each round so no store always runs right after the same neighbour.
			const order = [...STORES.slice(pass % STORES.length), ...STORES.slice(0, pass % STORES.length)];
			for (const store of order) {
				const name = `bench-${store}-${pass}-${Date.now()}`;
				/** @type {{ ms: number, writeMs: number }} */
				const run = await page.evaluate(
					([s, n]) => /** @type {any} */ (globalThis).__fsHarness.runOnce(s, n),
					/** @type {const} */ ([store, name])
				);
				if (pass === 0) continue; // the warm-up round
				times[store].push(run.ms);
				writes[store].push(run.writeMs);
			}
		}
		/** @type {string[]} */
		const leaked = await page.evaluate(() => /** @type {any} */ (globalThis).__fsHarness.leftovers());
		if (leaked.length > 0) throw new Error(`bench databases were not deleted: ${leaked.join(', ')}`);
		if (pageErrors.length > 0) throw new Error(`errors in the fs harness page: ${pageErrors.join('; ')}`);

		if (process.env.BENCH_VERBOSE) {
			const list = (/** @type {number[]} */ xs) => xs.map((t) => t.toFixed(0)).join(' ');
			for (const s of STORES) console.log(`  ${s} ms: ${list(times[s])} (writing: ${list(writes[s])})`);
		}
		const base = median(times['raw-idb']);
		const ratio = (/** @type {StoreName} */ s) => ({ value: round(median(times[s]) / base), unit: 'ratio' });
		const ms = (/** @type {StoreName} */ s) => ({ value: round(median(times[s])), unit: 'ms' });
		return {
			'fs.write_1000_files_ratio': ratio('idb-fs'),
			'fs.lightningfs_ratio': ratio('lightningfs'),
			'fs.opfs_ratio': ratio('opfs'),
			'fs.raw_idb_ms': ms('raw-idb'),
			'fs.idb_fs_ms': ms('idb-fs'),
			'fs.lightningfs_ms': ms('lightningfs'),
			'fs.opfs_ms': ms('opfs')
		};
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
}
