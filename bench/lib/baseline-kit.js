// The same cold-load measurement as `load`, for a bare SvelteKit app (bench/baseline-kit): what the
// framework alone costs on this machine, so `load.interactive_ratio` can be read against it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { measureLoad } from './load.js';
import { startPreview, stageBenchFiles } from './server.js';

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} root the project root
 * @returns {Promise<Record<string, { value: number, unit: string }>>}
 */
export async function measureBaselineKit(browser, root) {
	const kit = join(root, 'bench/baseline-kit');
	const vite = join(root, 'node_modules/vite/bin/vite.js');
	// Built from its own folder: SvelteKit finds its routes and output from the working directory.
	execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: kit, stdio: ['ignore', 'ignore', 'inherit'] });
	await stageBenchFiles(kit, [join(root, 'bench/blank.html')]);
	const preview = await startPreview(kit, vite);
	try {
		const load = await measureLoad(browser, preview.url);
		const figure = (/** @type {string} */ name) => {
			const metric = load[`load.${name}`];
			if (!metric) throw new Error(`the load bench gave no load.${name}`);
			return metric;
		};
		return {
			'load.bare_sveltekit_interactive_ratio': figure('interactive_ratio'),
			'load.bare_sveltekit_interactive_ms': figure('interactive_ms'),
			'load.bare_sveltekit_first_paint_js_gzip_kb': figure('first_paint_js_gzip_kb')
		};
	} finally {
		await preview.stop();
	}
}
