// Bundles the in-page bench harnesses (bench/harness) with Vite's JS API, served from /__bench/.
import { join } from 'node:path';
import { build } from 'vite';

/**
 * Bundles the harnesses with the app's real code (the fs adapters; the stream reference's reader,
 * renderer and sanitizer) into `<root>/bench/dist`.
 * @param {string} root
 * @returns {Promise<string>} the output folder
 */
export async function buildHarness(root) {
	const outDir = join(root, 'bench/dist');
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		// Library mode leaves `process.env.NODE_ENV` in dependencies; the browser has no `process`.
		define: { 'process.env.NODE_ENV': JSON.stringify('production') },
		build: {
			outDir,
			emptyOutDir: true,
			target: 'es2022',
			lib: {
				entry: { 'fs-harness': join(root, 'bench/harness/fs-harness.ts'), 'stream-harness': join(root, 'bench/harness/stream-harness.ts') },
				formats: ['es'],
				fileName: (_format, name) => `${name}.js`
			}
		}
	});
	return outDir;
}
