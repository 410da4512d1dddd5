// Spec parser bench: median time for parseTasks on a generated ~1 MB tasks.md ÷ median time for marked's
// lexer on the same text, in the same run and process. src/lib/core/spec is bundled with Vite's build API
// into a temporary ES module first: Vite's module runner (runnerImport) would work too, but its SSR
// transform turns every cross-module call into a getter lookup and made the parser ~15× slower than the
// code the app ships, which would measure the runner rather than the parser.
// Run alone: `node_modules/.bin/node bench/spec-parse.js` (BENCH_VERBOSE=1 prints every sample).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_BYTES = 1024 * 1024;
const WARMUP = 3;
const RUNS = 9;

/**
 * A small deterministic PRNG (mulberry32) so every run parses the same document.
 * @param {number} seed
 */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A tasks.md in the variety real files show: two levels, detail bullets, `_Requirements:` with
 * ranges, `_Depends:`, `Files:`, property tests, optional tasks, [X]/[-]/[~], runs of blank lines,
 * emoji and non-English titles.
 * @param {number} bytes
 */
export function generateTasks(bytes) {
	const rnd = random(20261101);
	const pick = (/** @type {readonly string[]} */ list) => list[Math.floor(rnd() * list.length)];
	const words = ['parser', 'store', 'sync', 'queue', 'editor', 'index', 'cache', 'route', 'schema', 'worker', 'retry', 'export', '导出', 'Prüfung', 'レビュー', '✅'];
	const marks = [' ', ' ', ' ', 'x', 'X', '-', '~'];
	const title = () => `${pick(['Implement', 'Add', 'Wire', 'Test', 'Refactor', 'Document'])} ${pick(words)} ${pick(words)} ${pick(words)}`;
	const out = ['# Implementation Plan: Generated', '', '## Overview', '', 'Generated for the parser benchmark.', '', '## Tasks', ''];
	let size = out.join('\n').length;
	for (let k = 1; size < bytes; k++) {
		const block = [`- [${pick(marks)}] ${k}. ${title()}`];
		const children = 1 + Math.floor(rnd() * 5);
		for (let j = 1; j <= children; j++) {
			const optional = rnd() < 0.2;
			block.push(`  - [${pick(marks)}]${optional ? '*' : ''} ${k}.${j} ${title()}`);
			block.push(`    - ${title()} in src/${pick(words)}/${pick(words)}.ts`);
			if (rnd() < 0.3) for (let b = Math.floor(rnd() * 8); b > 0; b--) block.push('');
			const r = 1 + Math.floor(rnd() * 9);
			block.push(rnd() < 0.5 ? `    - _Requirements: ${r}.1, ${r}.${2 + Math.floor(rnd() * 4)}_` : `    - _Requirements: ${r}.1–${r}.${2 + Math.floor(rnd() * 6)}_`);
			if (rnd() < 0.3) block.push(`    - _Depends: ${k}.${Math.max(1, j - 1)}_`);
			if (rnd() < 0.2) block.push(`    - Files: src/${pick(words)}.ts, src/${pick(words)}.test.ts`);
			if (optional) block.push(`    - **Property ${1 + Math.floor(rnd() * 20)}: ${title()}**`, `    - **Validates: Requirements ${r}.1**`);
		}
		block.push('');
		const text = block.join('\n');
		out.push(text);
		size += text.length + 1;
	}
	out.push('## Notes', '', '- Tasks marked * are optional.');
	return out.join('\n');
}

/** @param {number[]} xs */
function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}

/** @param {() => unknown} fn */
function time(fn) {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}

/**
 * Bundles the spec core as the app would ship it and imports it.
 * @returns {Promise<{ parseTasks: (text: string) => { all: unknown[] } }>}
 */
async function loadSpecCore() {
	const result = /** @type {import('vite').Rollup.RollupOutput | import('vite').Rollup.RollupOutput[]} */ (
		await build({
			configFile: false,
			root,
			logLevel: 'warn',
			publicDir: false,
			build: {
				write: false,
				target: 'es2022',
				minify: false,
				lib: { entry: join(root, 'src/lib/core/spec/index.ts'), formats: ['es'], fileName: () => 'spec.js' }
			}
		})
	);
	const out = Array.isArray(result) ? result : [result];
	const chunk = out[0]?.output.find((o) => o.type === 'chunk');
	if (!chunk || chunk.type !== 'chunk') throw new Error('building src/lib/core/spec produced no chunk');
	const dir = await mkdtemp(join(tmpdir(), 'specwright-spec-bench-'));
	try {
		const file = join(dir, 'spec.mjs');
		await writeFile(file, chunk.code);
		return await import(pathToFileURL(file).href);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function benchSpecParse() {
	const { parseTasks } = await loadSpecCore();
	const text = generateTasks(TARGET_BYTES);
	const tasks = parseTasks(text).all.length;
	if (tasks < 1000) throw new Error(`the generated tasks.md parsed to only ${tasks} tasks`);
	for (let i = 0; i < WARMUP; i++) {
		parseTasks(text);
		marked.lexer(text);
	}
	// Alternate the two so drift on the machine (GC, frequency scaling) hits both medians alike.
	const ours = [];
	const theirs = [];
	for (let i = 0; i < RUNS; i++) {
		ours.push(time(() => parseTasks(text)));
		theirs.push(time(() => marked.lexer(text)));
	}
	const parseMs = median(ours);
	const markedMs = median(theirs);
	if (process.env.BENCH_VERBOSE) console.log({ bytes: text.length, tasks, ours, theirs });
	const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000;
	return {
		'spec.parse_ratio_vs_marked': { value: round(parseMs / markedMs), unit: 'ratio', goal: 0.5 },
		'spec.parse_ms': { value: round(parseMs), unit: 'ms' },
		'spec.marked_lexer_ms': { value: round(markedMs), unit: 'ms' }
	};
}

// Run directly: print the figures without touching results.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	console.log(await benchSpecParse());
}
