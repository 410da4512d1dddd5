// Cold loads of the home page against a blank page from the same server.
import { gzipSync } from 'node:zlib';
import { BENCH_PATH } from './server.js';
import { median, round } from './report.js';

/** The app sets this once the home page has rendered its project list. */
const READY_SELECTOR = 'html[data-app-ready="true"]';
const READY_TIMEOUT_MS = 15_000;
/** Measured loads of each page, after one discarded warm-up load of each (server and disk caches). */
const LOADS = 9;

/**
 * Runs in the page before its own scripts: records `performance.now()` (milliseconds since
 * navigation start) in the microtask after the ready marker appears, before the next paint.
 * @param {string} selector
 */
function recordReady(selector) {
	const g = /** @type {any} */ (globalThis);
	const check = () => {
		if (g.__benchReadyAt === undefined && document.querySelector(selector)) {
			g.__benchReadyAt = performance.now();
			observer.disconnect();
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true, attributes: true });
	check();
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureLoad(browser, baseUrl) {
	await appLoad(browser, baseUrl);
	await blankLoad(browser, baseUrl);
	/** @type {number[]} */
	const app = [];
	/** @type {number[]} */
	const blank = [];
	let jsKb = 0;
	// Alternate the pages so drift on the machine affects both medians alike.
	for (let i = 0; i < LOADS; i++) {
		const load = await appLoad(browser, baseUrl);
		app.push(load.readyMs);
		// The largest seen: a chunk that only sometimes arrives before ready still counts.
		jsKb = Math.max(jsKb, load.jsGzipKb);
		blank.push(await blankLoad(browser, baseUrl));
	}
	if (process.env.BENCH_VERBOSE) {
		// BENCH_VERBOSE=files also lists every script of the first paint, with its gzip size, per load.
		console.log(`  app ms: ${app.map((t) => t.toFixed(0)).join(' ')}\n  blank ms: ${blank.map((t) => t.toFixed(0)).join(' ')}`);
	}
	const appMs = median(app);
	const blankMs = median(blank);
	return {
		'load.first_paint_js_gzip_kb': { value: round(jsKb), unit: 'kB' },
		'load.interactive_ratio': { value: round(appMs / blankMs), unit: 'ratio' },
		'load.interactive_ms': { value: round(appMs), unit: 'ms' },
		'load.blank_ms': { value: round(blankMs), unit: 'ms' }
	};
}

/**
 * One cold load of the home page: fresh context (empty cache), service workers blocked.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @returns {Promise<{ readyMs: number, jsGzipKb: number }>}
 */
async function appLoad(browser, baseUrl) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.addInitScript(recordReady, READY_SELECTOR);
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		/** @type {Map<string, import('@playwright/test').Response>} */
		const responses = new Map();
		page.on('response', (r) => void responses.set(r.url(), r));
		await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
		try {
			await page.waitForFunction(() => /** @type {any} */ (globalThis).__benchReadyAt !== undefined, null, {
				timeout: READY_TIMEOUT_MS,
				polling: 50
			});
		} catch {
			throw new Error(
				`the home page did not become ready within ${READY_TIMEOUT_MS / 1000}s: no ${READY_SELECTOR} appeared. ` +
					'The app must set document.documentElement.dataset.appReady = "true" once the project list has rendered.' +
					(pageErrors.length > 0 ? `\nErrors in the page: ${pageErrors.join('; ')}` : '')
			);
		}
		/** @type {{ readyMs: number, urls: string[] }} */
		const { readyMs, urls } = await page.evaluate(() => {
			const readyAt = /** @type {number} */ (/** @type {any} */ (globalThis).__benchReadyAt);
			// Resource timing says which fetches had finished when the app became ready.
			const done = performance.getEntriesByType('resource').filter((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd <= readyAt);
			return { readyMs: readyAt, urls: done.map((e) => e.name) };
		});
		return { readyMs, jsGzipKb: await jsGzipKb(baseUrl, urls, responses) };
	} finally {
		await context.close();
	}
}

/**
 * Gzip size of the same-origin JavaScript among `urls`, from the bytes the browser received.
 * @param {string} baseUrl
 * @param {string[]} urls
 * @param {Map<string, import('@playwright/test').Response>} responses
 */
async function jsGzipKb(baseUrl, urls, responses) {
	const origin = new URL(baseUrl).origin;
	let bytes = 0;
	for (const url of new Set(urls)) {
		const { origin: o, pathname } = new URL(url);
		if (o !== origin || /service-worker/.test(pathname)) continue;
		const response = responses.get(url);
		if (!response) throw new Error(`no response recorded for ${url}`);
		const type = response.headers()['content-type'] ?? '';
		if (!/javascript/.test(type) && !pathname.endsWith('.js')) continue;
		const size = gzipSync(await response.body()).byteLength;
		if (process.env.BENCH_VERBOSE === 'files') console.log(`  ${(size / 1000).toFixed(2).padStart(6)} kB  ${pathname}`);
		bytes += size;
	}
	return bytes / 1000; // kB as Vite reports them
}

/**
 * One cold load of the blank page; its time to the load event is the floor for any page.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 */
async function blankLoad(browser, baseUrl) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}${BENCH_PATH}/blank.html`, { waitUntil: 'load' });
		return await page.evaluate(() => {
			const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
			return nav.loadEventStart;
		});
	} finally {
		await context.close();
	}
}
