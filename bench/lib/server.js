// Serves the built app and the bench pages from one `vite preview`, so both get the same server,
// headers (COOP/COEP) and origin, and the baseline is measured under the same conditions.
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';

/** Where bench pages appear on the server. */
export const BENCH_PATH = '/__bench';

/**
 * SvelteKit's `vite preview` serves `.svelte-kit/output/client` (the files adapter-static copies to
 * build/), and its static file server indexes that folder at start-up: stage before starting.
 * @param {string} root project root
 * @param {string[]} sources files to copy into the bench folder, or folders whose contents to copy
 * @returns {Promise<string>} the staged folder, to remove afterwards
 */
export async function stageBenchFiles(root, sources) {
	const dir = join(root, '.svelte-kit/output/client', BENCH_PATH);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const src of sources) {
		const into = (await stat(src)).isDirectory() ? dir : join(dir, basename(src));
		await cp(src, into, { recursive: true });
	}
	return dir;
}

/** @returns {Promise<number>} a port free on 127.0.0.1 right now */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * @typedef {{ url: string, stop: () => Promise<void>, died: () => string | null }} Preview
 * `died()` gives the server's output if it exited on its own, to explain failures that follow.
 * @param {string} root the app to serve (its `.svelte-kit/output`)
 * @param {string} [vite] Vite's command-line script, when `root` has no node_modules of its own
 * @returns {Promise<Preview>}
 */
export async function startPreview(root, vite = join(root, 'node_modules/vite/bin/vite.js')) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// The Node running this script (22 under `npm run bench`), not whatever `node` is first on PATH.
	const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	/** @type {Promise<number | null>} */
	const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));

	const running = () => child.exitCode === null && child.signalCode === null;
	const kill = () => void (running() && child.kill('SIGKILL'));
	// Never outlive this script, however it ends (an 'exit' listener may only do synchronous work).
	process.on('exit', kill);
	const stop = async () => {
		if (!running()) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	};

	try {
		await waitForServer(url, exited, 30_000);
	} catch (error) {
		await stop();
		const why = error instanceof Error ? error.message : String(error);
		throw new Error(`vite preview did not start: ${why}\n${output.trim()}`, { cause: error });
	}
	const died = () => (running() ? null : output.trim());
	return { url, stop, died };
}

/**
 * Polls until the server answers; gives up early if the process exits.
 * @param {string} url
 * @param {Promise<number | null>} exited
 * @param {number} timeoutMs
 */
async function waitForServer(url, exited, timeoutMs) {
	let gone = false;
	void exited.then(() => (gone = true));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (gone) throw new Error('the server process exited');
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await res.body?.cancel();
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no answer from ${url} within ${timeoutMs / 1000}s`);
}
