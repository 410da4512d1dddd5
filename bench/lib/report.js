// Results file and the printed table.
import { readFile, writeFile } from 'node:fs/promises';

/** @typedef {{ value: number, unit: string }} Metric */
/** @typedef {Metric & { goal?: number }} MeasuredMetric a metric with an optional "at most" goal */

/** Goals are upper bounds ("at most"); metrics without one are context for the others. */
export const GOALS = /** @type {Record<string, number>} */ ({
	'load.first_paint_js_gzip_kb': 60,
	'load.interactive_ratio': 1.5,
	'fs.write_1000_files_ratio': 3,
	'stream.render_overhead_ratio': 1.3,
	'stream.long_tasks_over_100ms': 0,
	'import.clone_ratio_vs_native_git': 4
});

/** @param {number[]} values */
export function median(values) {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/** @param {number} n */
export function round(n) {
	return Math.round(n * 100) / 100;
}

/**
 * Checks a bench's return value, so a malformed figure fails the run instead of landing in the file.
 * @param {string} source
 * @param {unknown} metrics
 * @returns {Record<string, MeasuredMetric>}
 */
export function validateMetrics(source, metrics) {
	if (typeof metrics !== 'object' || metrics === null) throw new Error(`${source} returned no metrics object`);
	for (const [name, m] of Object.entries(metrics)) {
		const ok =
			typeof m === 'object' && m !== null && Number.isFinite(m.value) && typeof m.unit === 'string' && (m.goal === undefined || Number.isFinite(m.goal));
		if (!ok) throw new Error(`${source}: metric "${name}" is not { value: finite number, unit: string, goal?: number }`);
	}
	return /** @type {Record<string, MeasuredMetric>} */ (metrics);
}

/**
 * Rewrites the results file with this run's figures over the ones other benches left there.
 * @param {string} file
 * @param {Record<string, MeasuredMetric>} measured
 */
export async function mergeResults(file, measured) {
	/** @type {Record<string, Metric>} */
	let existing = {};
	try {
		existing = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw new Error(`${file} is not valid JSON: ${error}`, { cause: error });
	}
	/** @type {Record<string, Metric>} */
	const merged = { ...existing };
	for (const [name, { value, unit }] of Object.entries(measured)) merged[name] = { value, unit };
	const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
	await writeFile(file, `${JSON.stringify(sorted, null, '\t')}\n`);
}

/** @param {Record<string, MeasuredMetric>} measured */
export function printTable(measured) {
	const rows = Object.entries(measured).map(([name, { value, unit, goal }]) => {
		const max = goal ?? GOALS[name];
		return [name, String(value), unit, max === undefined ? '-' : `<= ${max}`, max === undefined ? '-' : value <= max ? 'pass' : 'FAIL'];
	});
	const header = ['metric', 'value', 'unit', 'goal', 'result'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => /** @type {string} */ (r[i]).length)));
	const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows) console.log(line(r));
}
