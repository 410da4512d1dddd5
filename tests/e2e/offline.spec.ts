import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createProject, openHome } from './app';

/*
 * The service worker: offline shell, cross-origin isolation added to what it serves, and
 * cross-origin requests left alone. Needs `npx vite build` first (the preview server serves build/).
 */

// Selectors in one place: adjust them here as the UI changes.
const ui = {
	/** The rendered home page (the project list). */
	home: (page: Page) => page.getByRole('heading', { level: 1, name: 'Projects' }),
	/** The page behind DEEP_LINK, rendered on the client from the cached shell. */
	deepLink: (page: Page) => page.getByRole('heading', { level: 1, name: 'Settings' })
};

const DEEP_LINK = '/settings';

/** Waits until the app has registered its service worker and the worker controls the page. */
async function waitForControl(page: Page): Promise<void> {
	await expect
		.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), {
			message: 'the app registers its service worker (registerServiceWorker from #lib/platform/pwa/register-sw)'
		})
		.toBe(true);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const isolated = (page: Page) => page.evaluate(() => globalThis.crossOriginIsolated);

/** Starts an HTTP server on 127.0.0.1 with a free port; `close` stops it. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; close: () => Promise<void> }> {
	const server: Server = createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no port');
	return {
		origin: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};
}

test('the served app is cross-origin isolated', async ({ page }) => {
	await page.goto('/');
	await expect(ui.home(page)).toBeVisible();
	expect(await isolated(page)).toBe(true);
});

test('after one visit the app starts offline, on / and on a deep link, still isolated', async ({ page, context }) => {
	await page.goto('/');
	await expect(ui.home(page)).toBeVisible();
	await waitForControl(page);

	// Each test has its own browser context, so nothing needs to go back online afterwards.
	await context.setOffline(true);
	// Proves the network is really gone, for the worker too (this file is never cached).
	await expect(page.evaluate(() => fetch('/_app/version.json', { cache: 'no-store' }).then((r) => r.status))).rejects.toThrow();

	const reload = await page.reload();
	expect(reload?.status()).toBe(200);
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(ui.home(page)).toBeVisible();
	expect(await isolated(page)).toBe(true);

	const deep = await page.goto(DEEP_LINK);
	expect(deep?.status()).toBe(200);
	expect(deep?.fromServiceWorker()).toBe(true);
	await expect(ui.deepLink(page)).toBeVisible();
	expect(new URL(page.url()).pathname).toBe(DEEP_LINK);
	expect(await isolated(page)).toBe(true);
});

test('offline, a project page reloads and an unknown address says so, whatever their depth', async ({ page, context }) => {
	await openHome(page);
	await createProject(page, 'Offline notes');
	await waitForControl(page);
	const projectUrl = page.url();
	await context.setOffline(true);

	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('treeitem', { name: 'README.md' })).toBeVisible();
	expect(page.url()).toBe(projectUrl);

	await page.goto('/no/such/page');
	await expect(page.getByRole('heading', { name: 'There is nothing at this address' })).toBeVisible();
});

test('cross-origin requests pass through untouched and are never cached', async ({ page, context }) => {
	const seen: { authorization: string | undefined }[] = [];
	const api = await listen((req, res) => {
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				'Access-Control-Allow-Origin': '*',
				'Access-Control-Allow-Headers': 'authorization',
				'Access-Control-Allow-Methods': 'GET, POST'
			});
			res.end();
			return;
		}
		seen.push({ authorization: req.headers.authorization });
		res.writeHead(200, {
			'Access-Control-Allow-Origin': '*',
			'Access-Control-Expose-Headers': '*',
			'Cache-Control': 'no-store',
			'Content-Type': 'text/plain',
			'X-Test-Server': 'api'
		});
		res.end(`hit ${seen.length}`);
	});
	try {
		await page.goto('/');
		await waitForControl(page);
		const url = `${api.origin}/v1/models`;

		const call = () =>
			page.evaluate(async (u) => {
				const r = await fetch(u, { headers: { authorization: 'Bearer sk-test' } });
				return {
					body: await r.text(),
					server: r.headers.get('x-test-server'),
					coop: r.headers.get('cross-origin-opener-policy')
				};
			}, url);

		expect(await call()).toEqual({ body: 'hit 1', server: 'api', coop: null });
		expect(await call()).toEqual({ body: 'hit 2', server: 'api', coop: null });
		expect(seen).toEqual([{ authorization: 'Bearer sk-test' }, { authorization: 'Bearer sk-test' }]);

		const cached = await page.evaluate(async (u) => {
			const found: string[] = [];
			for (const name of await caches.keys()) {
				const cache = await caches.open(name);
				for (const request of await cache.keys()) if (new URL(request.url).origin !== location.origin) found.push(request.url);
				if (await cache.match(u)) found.push(u);
			}
			return found;
		}, url);
		expect(cached).toEqual([]);

		// Offline, the worker has nothing to answer with: the request fails instead of being served from a cache.
		await context.setOffline(true);
		await expect(call()).rejects.toThrow();
		expect(seen).toHaveLength(2);
	} finally {
		await api.close();
	}
});

test('on a static host that sends no headers, the app becomes isolated after one reload', async ({ page, context }) => {
	const root = fileURLToPath(new URL('../../build/', import.meta.url));
	const types: Record<string, string> = {
		'.html': 'text/html',
		'.js': 'text/javascript',
		'.css': 'text/css',
		'.json': 'application/json',
		'.svg': 'image/svg+xml',
		'.png': 'image/png',
		'.webmanifest': 'application/manifest+json'
	};
	// A plain static host with an SPA fallback, and no COOP/COEP/CORP headers at all.
	const host = await listen((req, res) => {
		void (async () => {
			const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
			let file = join(root, path.endsWith('/') ? `${path}index.html` : path);
			let body: Buffer;
			try {
				body = await readFile(file);
			} catch {
				file = join(root, 'index.html');
				body = await readFile(file);
			}
			res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
			res.end(body);
		})().catch(() => {
			res.writeHead(500);
			res.end();
		});
	});
	let navigations = 0;
	page.on('request', (request) => {
		if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
	});
	try {
		await page.goto(`${host.origin}/`);
		await page
			.waitForFunction(() => globalThis.crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
			.catch((error: unknown) => {
				throw new Error(`the page never became isolated under the service worker (reloads: ${navigations - 1})`, { cause: error });
			});
		await expect(ui.home(page)).toBeVisible();
		// The first load, then the one reload that brought the page under the worker.
		expect(navigations).toBe(2);

		// Later loads come isolated straight from the worker, with no further reload, and offline
		// the headers can only come from the worker: this host never sent any.
		await page.reload();
		expect(await isolated(page)).toBe(true);
		await expect(ui.home(page)).toBeVisible();
		await context.setOffline(true);
		const deep = await page.goto(`${host.origin}${DEEP_LINK}`);
		expect(deep?.fromServiceWorker()).toBe(true);
		await expect(ui.deepLink(page)).toBeVisible();
		expect(await isolated(page)).toBe(true);
		expect(navigations).toBe(4);
	} finally {
		await host.close();
	}
});
