// `npm run bench` (after `vite build`): measures the built app in headless Chromium and merges the
// figures into bench/results.json. Missing a goal is a result, not a failure: only errors exit non-zero.
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { runnerImport } from 'vite';
import { measureBaselineKit } from './lib/baseline-kit.js';
import { measureClone } from './lib/clone.js';
import { measureFs } from './lib/fs.js';
import { buildHarness } from './lib/harness.js';
import { measureGitHub } from './lib/github.js';
import { measureLoad } from './lib/load.js';
import { mergeResults, printTable, validateMetrics } from './lib/report.js';
import { startPreview, stageBenchFiles } from './lib/server.js';
import { measureStream } from './lib/stream.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(root, 'bench/results.json');

// SvelteKit 3's preview server needs Node >= 22.17; system Node is older, so say how to run it.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 17)) {
	console.error(`Node ${process.versions.node} is too old: run \`npm run bench\`, which uses Node 22 from node_modules.`);
	process.exit(1);
}

/** @type {Record<string, import('./lib/report.js').MeasuredMetric>} */
const measured = {};
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null;
/** @type {string[]} */
const errors = [];
/** @type {import('./lib/server.js').Preview | undefined} */
let preview;
/** @type {import('@playwright/test').Browser | undefined} */
let browser;
/** @type {string | undefined} */
let staged;
/** Scratch space for this run (the fs bench's browser profile). */
const scratch = await mkdtemp(join(tmpdir(), 'specwright-bench-'));

let cleaning = false;
/** The graceful path: close the browser, let the server stop, remove what was staged. */
async function cleanup() {
	if (cleaning) return;
	cleaning = true;
	// A browser that already died (a crash, Ctrl-C) has nothing left to close.
	await browser?.close().catch(() => {});
	await preview?.stop();
	removeLeftovers();
}
/**
 * Synchronous, so it also runs from the 'exit' event whichever way the process ends. Pages are staged
 * outside build/, but build/ is what gets deployed, so make sure no bench page is ever left there.
 */
function removeLeftovers() {
	for (const dir of [staged, scratch, join(root, 'build/__bench'), join(root, 'bench/baseline-kit/.svelte-kit/output/client/__bench')]) if (dir) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', removeLeftovers);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

/**
 * Runs one group of measurements; an error is reported and fails the run, but the other groups
 * still run and their figures are still written.
 * @param {string} name
 * @param {() => Promise<Record<string, import('./lib/report.js').MeasuredMetric> | null>} bench
 */
async function group(name, bench) {
	// BENCH_ONLY=clone,fs runs just those groups.
	if (only && !only.includes(name)) return;
	const started = Date.now();
	try {
		const metrics = await bench();
		if (metrics) Object.assign(measured, validateMetrics(name, metrics));
		console.log(`${name}: ${metrics ? 'done' : 'skipped'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	} catch (error) {
		const died = preview?.died();
		const server = died === null || died === undefined ? '' : `\n(vite preview had exited; its output:\n${died})`;
		errors.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${server}`);
		console.log(`${name}: FAILED`);
	}
}

/** The spec parser bench is written separately and may not exist yet; anything else wrong with it is an error. */
async function specParse() {
	const file = join(root, 'bench/spec-parse.js');
	const href = pathToFileURL(file).href;
	/** @type {{ benchSpecParse?: unknown }} */
	let mod;
	try {
		mod = await import(href);
	} catch (error) {
		// Only the file itself missing: a missing import *inside* it names the file too, as the importer.
		const e = /** @type {NodeJS.ErrnoException & { url?: string }} */ (error);
		const missing = e?.code === 'ERR_MODULE_NOT_FOUND' && (e.url === href || String(e.message).startsWith(`Cannot find module '${file}'`));
		if (missing) return null;
		throw error;
	}
	if (typeof mod.benchSpecParse !== 'function') throw new Error('bench/spec-parse.js does not export benchSpecParse()');
	return validateMetrics('bench/spec-parse.js', await mod.benchSpecParse());
}

try {
	// Checked first so a missing build is not hidden behind an empty staging folder.
	if (!existsSync(join(root, '.svelte-kit/output/server/manifest.js'))) {
		throw new Error('no app build in .svelte-kit/output: run `npm run bench`, which builds first (or `vite build`).');
	}
	const harness = await buildHarness(root);
	staged = await stageBenchFiles(root, [join(root, 'bench/blank.html'), harness]);
	preview = await startPreview(root);
	// tests/browser.ts holds the Chromium flags the tests use; Vite's module runner transpiles it.
	const { module: launch } = await runnerImport(join(root, 'tests/browser.ts'), { configFile: false, root, logLevel: 'warn' });
	const options = {
		.../** @type {{ chromiumLaunchOptions: () => import('@playwright/test').LaunchOptions }} */ (launch).chromiumLaunchOptions(),
		headless: true,
		// Playwright would otherwise kill the browsers and exit on Ctrl-C before our cleanup runs.
		handleSIGINT: false,
		handleSIGTERM: false
	};
	browser = await chromium.launch(options);
	const b = browser;
	const url = preview.url;
	await group('load', () => measureLoad(b, url));
	await group('baseline-kit', () => measureBaselineKit(b, root));
	await group('fs', () => measureFs(options, url, join(scratch, 'profile')));
	await group('stream', () => measureStream(b, url));
	await group('github', () => measureGitHub(options, url, join(scratch, 'github')));
	await group('spec-parse', specParse);
	await group('clone', () => measureClone(options, url, join(scratch, 'clone-profile')));
} catch (error) {
	errors.push(`setup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
	await cleanup();
}

if (Object.keys(measured).length > 0) {
	await mergeResults(RESULTS, measured);
	console.log('');
	printTable(measured);
	console.log(`\nwritten to ${RESULTS}`);
}
if (errors.length > 0) {
	console.error(`\n${errors.length} error(s):\n${errors.join('\n\n')}`);
	process.exitCode = 1;
}
