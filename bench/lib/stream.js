// Streaming render: the app generating a ~200 KB requirements.md from the mock LLM at full speed,
// against a bare fetch of the same stream from the same page. See bench/README.md.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockLlm } from '../../tests/servers/mock-llm/server.js';
import { median, round } from './report.js';
import { requirementsDoc } from './requirements-doc.js';
import { BENCH_PATH } from './server.js';

const DOC_CHARS = 200_000;
const CHUNK_CHARS = 200;
/** Measured runs of each side, after one discarded warm-up run of each (lazy chunks, JIT, preflight). */
const RUNS = 15;
const RUN_TIMEOUT_MS = 120_000;
const LONG_TASK_MS = 100;

/** Runs in the page before its scripts: keeps every long task (the observer sees only what comes after it). */
function recordLongTasks() {
	const g = /** @type {any} */ (globalThis);
	g.__longTasks = [];
	new PerformanceObserver((list) => g.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({
		type: 'longtask',
		buffered: true
	});
}

/**
 * Runs in the page before the click: start = the click on "Create and generate" (capture phase, so
 * before the app's handlers), dom = the first DOM change after which this spec's view shows the last
 * requirement's heading and no "Writing requirements.md…" note, end = after the next frame is painted.
 * @param {{ spec: string, heading: string }} arg
 */
function armRun({ spec, heading }) {
	const g = /** @type {any} */ (globalThis);
	/** @type {{ start?: number, dom?: number, end?: number }} */
	const run = (g.__streamRun = {});
	const onClick = (/** @type {Event} */ e) => {
		const button = e.target instanceof Element ? e.target.closest('button') : null;
		if (run.start === undefined && button?.textContent?.trim() === 'Create and generate') run.start = performance.now();
	};
	window.addEventListener('click', onClick, { capture: true });
	const check = () => {
		if (run.start === undefined || run.dom !== undefined) return;
		const view = document.querySelector(`section.spec[aria-label="Spec ${spec}"]`);
		const headings = view?.querySelectorAll('.doc h3');
		if (!view || headings?.[headings.length - 1]?.textContent?.trim() !== heading) return;
		if ([...view.querySelectorAll('.notes .note')].some((n) => n.textContent?.includes('Writing requirements.md'))) return;
		run.dom = performance.now();
		observer.disconnect();
		window.removeEventListener('click', onClick, { capture: true });
		// rAF callbacks run before the frame's style, layout and paint; a message posted there runs after it.
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => (run.end = performance.now());
			channel.port2.postMessage(null);
		});
	};
	const observer = new MutationObserver(check);
	observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * Runs in the page: a bare fetch of the same request, read to the end of the body.
 * @param {{ url: string, body: string }} arg
 */
async function bareFetch({ url, body }) {
	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body });
	if (!response.ok || !response.body) throw new Error(`bare fetch: HTTP ${response.status}`);
	const reader = response.body.getReader();
	let bytes = 0;
	for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
	return { ms: performance.now() - started, bytes };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureStream(browser, baseUrl) {
	const doc = requirementsDoc(DOC_CHARS);
	// An empty scenarios folder: the shipped `spec-requirements` scenario would match first otherwise.
	const noScenarios = await mkdtemp(join(tmpdir(), 'specwright-bench-scenarios-'));
	const llm = await startMockLlm({
		scenariosDir: noScenarios,
		scenarios: [
			{
				name: 'bench-requirements-200kb',
				match: { systemIncludes: 'Write requirements.md in exactly this format' },
				chunkSize: CHUNK_CHARS,
				delayMs: 0,
				replies: [{ content: doc.text }]
			}
		]
	});
	const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseUrl });
	try {
		const page = await context.newPage();
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		await page.addInitScript(recordLongTasks);
		await setUp(page, llm.url);

		/** @type {{ app: number[], dom: number[], fetch: number[], longTasks: number[], longest: number[], body: string }} */
		const s = { app: [], dom: [], fetch: [], longTasks: [], longest: [], body: '' };
		for (let i = 0; i <= RUNS; i++) {
			const app = await appRun(page, llm, `bench-stream-${i}`, doc.lastHeading);
			const fetched = await page.evaluate(bareFetch, { url: `${llm.url}/chat/completions`, body: app.body });
			if (fetched.bytes < doc.text.length) throw new Error(`bare fetch read ${fetched.bytes} bytes, less than the document`);
			if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
			s.body = app.body;
			if (i === 0) continue; // the warm-up run
			s.app.push(app.ms);
			s.dom.push(app.domMs);
			s.fetch.push(fetched.ms);
			s.longTasks.push(app.longTasks);
			s.longest.push(app.longestMs);
		}
		// In a context of its own once the app's page is closed: a page left open shares the renderer.
		await page.close();
		const reference = await measureReference(browser, baseUrl, `${llm.url}/chat/completions`, s.body, doc);
		if (process.env.BENCH_VERBOSE) {
			const list = (/** @type {number[]} */ xs) => xs.map((t) => t.toFixed(0)).join(' ');
			console.log(`  ${doc.text.length} chars, ${doc.requirements} requirements, ${Math.ceil(doc.text.length / CHUNK_CHARS)} chunks`);
			console.log(`  app ms: ${list(s.app)} (in the DOM: ${list(s.dom)})\n  bare fetch ms: ${list(s.fetch)}`);
			console.log(`  long tasks > ${LONG_TASK_MS} ms: ${s.longTasks.join(' ')}; longest task ms: ${list(s.longest)}`);
			console.log(`  reference render ms: ${list(reference.render)}\n  its bare fetch ms: ${list(reference.fetch)}`);
			console.log(`  reference parts ms: read ${list(reference.read)}; markdown ${list(reference.markdown)}; into the page ${list(reference.put)}; frame ${list(reference.frame)}`);
		}
		const appMs = median(s.app);
		const fetchMs = median(s.fetch);
		const referenceMs = median(reference.render);
		return {
			'stream.bare_render_ratio': { value: round(referenceMs / median(reference.fetch)), unit: 'ratio' },
			'stream.bare_render_ms': { value: round(referenceMs), unit: 'ms' },
			'stream.bare_render_fetch_ms': { value: round(median(reference.fetch)), unit: 'ms' },
			'stream.bare_render_markdown_ms': { value: round(median(reference.markdown)), unit: 'ms' },
			'stream.bare_render_dom_ms': { value: round(median(reference.put.map((ms, i) => ms + (reference.frame[i] ?? 0)))), unit: 'ms' },
			'stream.render_overhead_ratio': { value: round(appMs / fetchMs), unit: 'ratio' },
			'stream.long_tasks_over_100ms': { value: Math.max(...s.longTasks), unit: 'count' },
			'stream.render_ms': { value: round(appMs), unit: 'ms' },
			'stream.fetch_ms': { value: round(fetchMs), unit: 'ms' },
			'stream.longest_task_ms': { value: round(Math.max(...s.longest)), unit: 'ms' }
		};
	} finally {
		await context.close();
		await llm.close();
		await rm(noScenarios, { recursive: true, force: true });
	}
}

/**
 * The reference: bench/harness/stream-harness.ts in a blank page of the same origin renders the same
 * reply the least a page can (read, take the events, render once, put it in the page in parts),
 * interleaved with a bare fetch of the same request in that page. One discarded warm-up of each.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {string} url the mock's chat completions URL
 * @param {string} body the JSON body the app sent
 * @param {{ text: string, lastHeading: string }} doc
 */
async function measureReference(browser, baseUrl, url, body, doc) {
	const context = await browser.newContext({ serviceWorkers: 'block', baseURL: baseUrl });
	const page = await context.newPage();
	try {
		/** @type {string[]} */
		const pageErrors = [];
		page.on('pageerror', (e) => pageErrors.push(e.message));
		await page.goto(`${BENCH_PATH}/blank.html`);
		await page.evaluate(async (src) => {
			/** @type {any} */ (globalThis).__streamHarness = await import(src);
		}, `${BENCH_PATH}/stream-harness.js`);
		/** @type {{ render: number[], fetch: number[], read: number[], markdown: number[], put: number[], frame: number[] }} */
		const r = { render: [], fetch: [], read: [], markdown: [], put: [], frame: [] };
		for (let i = 0; i <= RUNS; i++) {
			/** @type {{ ms: number, readMs: number, markdownMs: number, putMs: number, frameMs: number, chars: number, lastHeading: string }} */
			const run = await page.evaluate(({ url, body }) => /** @type {any} */ (globalThis).__streamHarness.renderStream(url, body), { url, body });
			if (run.chars !== doc.text.length || run.lastHeading !== doc.lastHeading) {
				throw new Error(`reference render: got ${run.chars} chars ending at "${run.lastHeading}", expected ${doc.text.length} ending at "${doc.lastHeading}"`);
			}
			await page.evaluate(() => document.body.replaceChildren());
			const fetched = await page.evaluate(bareFetch, { url, body });
			if (pageErrors.length > 0) throw new Error(`errors in the reference page: ${pageErrors.join('; ')}`);
			if (i === 0) continue; // the warm-up run
			r.render.push(run.ms);
			r.fetch.push(fetched.ms);
			r.read.push(run.readMs);
			r.markdown.push(run.markdownMs);
			r.put.push(run.putMs);
			r.frame.push(run.frameMs);
		}
		return r;
	} finally {
		await context.close();
	}
}

/**
 * Model settings pointing at the mock, then one blank project with the Specs panel open.
 * @param {import('@playwright/test').Page} page
 * @param {string} llmUrl
 */
async function setUp(page, llmUrl) {
	await page.goto('/settings');
	await page.getByLabel('Provider').selectOption({ label: 'Custom (OpenAI-compatible)' });
	await page.getByLabel('Base URL').fill(llmUrl);
	await page.getByLabel('API key').fill('sk-test');
	await page.getByRole('combobox', { name: 'Model' }).fill('mock-small');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByText('Model settings saved in this browser.').waitFor();
	await page.goto('/');
	await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: 'New project' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'New project' });
	await dialog.getByLabel('Name').fill('Stream bench');
	await dialog.getByLabel(/Blank project/).check();
	await dialog.getByRole('button', { name: 'Create project' }).click();
	await page.getByRole('tree', { name: 'Project files' }).waitFor();
	await page.getByRole('button', { name: 'Specs' }).click();
}

/**
 * One generation in a new spec, timed in the page.
 * @param {import('@playwright/test').Page} page
 * @param {import('../../tests/servers/mock-llm/server.js').MockLlm} llm
 * @param {string} spec
 * @param {string} heading the last requirement's heading
 */
async function appRun(page, llm, spec, heading) {
	const chats = () => llm.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));
	const before = chats().length;
	await page.getByRole('button', { name: 'New spec' }).click();
	const dialog = page.getByRole('dialog', { name: 'New spec' });
	await dialog.getByLabel('What should be built?').fill(`Task boards across many workspaces (bench ${spec})`);
	await dialog.getByLabel('Spec name').fill(spec);
	await page.evaluate(armRun, { spec, heading });
	await dialog.getByRole('button', { name: 'Create and generate' }).click();
	try {
		await page.waitForFunction(() => /** @type {any} */ (globalThis).__streamRun.end !== undefined, null, { timeout: RUN_TIMEOUT_MS, polling: 100 });
	} catch {
		const alert = await page.locator('.notes').allInnerTexts();
		throw new Error(`spec ${spec}: "${heading}" was not rendered within ${RUN_TIMEOUT_MS / 1000}s. Notes: ${alert.join(' | ')}`);
	}
	// Long task entries reach the observer after the task: give them a moment.
	await page.waitForTimeout(300);
	const run = await page.evaluate((limit) => {
		const g = /** @type {any} */ (globalThis);
		const { start, dom, end } = g.__streamRun;
		/** @type {{ start: number, ms: number }[]} */
		const tasks = g.__longTasks.filter((/** @type {{ start: number, ms: number }} */ t) => t.start + t.ms > start && t.start < end);
		return { ms: end - start, domMs: dom - start, longTasks: tasks.filter((t) => t.ms > limit).length, longestMs: Math.max(0, ...tasks.map((t) => t.ms)) };
	}, LONG_TASK_MS);
	const sent = chats().slice(before);
	// One request, no repair: the document was accepted as it streamed in.
	if (sent.length !== 1) throw new Error(`spec ${spec}: expected one chat request, the app sent ${sent.length}`);
	const problem = await page.locator(`section.spec[aria-label="Spec ${spec}"] .notes [role="alert"]`).count();
	if (problem > 0) throw new Error(`spec ${spec}: the spec view shows a problem after generating`);
	return { ...run, body: JSON.stringify(/** @type {{ body: unknown }} */ (sent[0]).body) };
}
