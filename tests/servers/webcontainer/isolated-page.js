// A tiny cross-origin-isolated page (COOP same-origin, COEP credentialless, like Specwright's) that
// loads the real `@webcontainer/api` client as static ES modules, so the backend can be tested
// without the app. The page exposes the client as `window.WebContainer` once loaded.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../../node_modules/@webcontainer/api/dist/', import.meta.url));

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>WebContainer client</title>
<script type="module">
import * as api from '/api/index.js';
window.WebContainer = api.WebContainer;
document.title = 'WebContainer client ready';
</script>`;

/**
 * @param {{ coep?: 'credentialless' | 'require-corp' }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startIsolatedPage({ coep = 'credentialless' } = {}) {
	const headers = {
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-embedder-policy': coep,
		'cache-control': 'no-store'
	};
	const server = createServer(async (req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		if (path === '/') {
			res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
			return res.end(PAGE);
		}
		const rel = normalize(path.replace(/^\/api\//, ''));
		if (path.startsWith('/api/') && rel.endsWith('.js') && !rel.startsWith('..')) {
			const body = await readFile(join(DIST, rel)).catch(() => null);
			if (body) {
				res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
				return res.end(body);
			}
		}
		res.writeHead(404, headers);
		res.end();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
