import { self } from '$app/service-worker';
import { immutable, assets, prerendered } from '$app/manifest';
import { version } from '$app/env';

/*
 * Offline shell + cross-origin isolation for static hosts.
 *
 * - Install: precache the app shell (`/`, the SPA fallback page) and every built and static file
 *   into a cache named after the build version, atomically (one missing file fails the install,
 *   so a half-cached app never takes over).
 * - Activate: delete this app's older caches, take control of open pages.
 * - Navigations: network first with a short timeout, then the cached shell. Every route is
 *   rendered on the client, so the shell serves any path.
 * - Built and static files: cache first.
 * - Every same-origin response gets COOP/COEP/CORP, so `crossOriginIsolated` (needed by
 *   WebContainer) holds on hosts that cannot set headers and when served from the cache.
 * - Cross-origin requests (model APIs carrying keys) and non-GET requests are never intercepted
 *   and never cached.
 */

const CACHE_PREFIX = 'specwright-';
const CACHE = `${CACHE_PREFIX}${version}`;
const NAVIGATION_TIMEOUT_MS = 3000;

/**
 * Same values as the dev/preview middleware in vite.config.ts. COEP is `credentialless` there so
 * that a no-cors probe can reach a model endpoint; the worker must agree or the page would behave
 * differently once installed.
 */
const ISOLATION_HEADERS: Record<string, string> = {
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Embedder-Policy': 'credentialless',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

/** Resolves a manifest path (relative to the base path) against the worker's own location. */
const toUrl = (path: string) => new URL(path, self.location.href).href;

const SHELL_URL = toUrl('./');
const PRECACHE = new Set<string>([
	SHELL_URL,
	...immutable.map(({ path }) => toUrl(path)),
	...assets.map(({ path }) => toUrl(path)),
	...prerendered.map(({ path }) => toUrl(path))
]);
/** Content-hashed build output: safe to cache forever, even files missing from the manifest. */
const IMMUTABLE_PREFIX = toUrl('_app/immutable/');

self.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const names = await caches.keys();
			await Promise.all(
				names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name))
			);
			// Without this the first visit stays uncontrolled (not isolated on a static host) until a reload.
			await self.clients.claim();
		})()
	);
});

// An "update ready, reload" prompt can activate a waiting worker; by default an update waits until
// every tab of the old version is closed, so no open page loses the lazy chunks it was built with.
self.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	// Chromium's devtools can issue these, and fetch() rejects them outside same-origin mode.
	if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
	// Range requests (media) get partial responses, which the Cache API refuses.
	if (request.headers.has('range')) {
		event.respondWith(fetch(request).then(isolated));
		return;
	}

	const key = stripSearch(url);
	if (PRECACHE.has(key) && key !== SHELL_URL) {
		event.respondWith(cacheFirst(request, key, false));
	} else if (key.startsWith(IMMUTABLE_PREFIX)) {
		event.respondWith(cacheFirst(request, key, true));
	} else if (request.mode === 'navigate') {
		event.respondWith(navigate(request));
	} else {
		event.respondWith(networkFirst(request));
	}
});

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	// `no-cache` revalidates with the server, so a stale HTTP-cached page or static file never
	// ends up in a cache that lives as long as this version.
	await cache.addAll([...PRECACHE].map((url) => new Request(url, { cache: url.startsWith(IMMUTABLE_PREFIX) ? 'default' : 'no-cache' })));
}

async function cacheFirst(request: Request, key: string, store: boolean): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(key);
	if (cached) return isolated(cached);
	const response = await fetch(request);
	if (store && cacheable(response)) await cache.put(key, response.clone());
	return isolated(response);
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		return isolated(await fetch(request));
	} catch (error) {
		const cached = await caches.match(request, { cacheName: CACHE });
		if (cached) return isolated(cached);
		throw error;
	}
}

async function navigate(request: Request): Promise<Response> {
	const network = fetch(request);
	// Keep the rejection handled when the timeout wins and nobody awaits `network` any more.
	network.catch(() => undefined);
	const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), NAVIGATION_TIMEOUT_MS));

	let response: Response | 'timeout' | undefined;
	try {
		response = await Promise.race([network, timeout]);
	} catch {
		response = undefined;
	}
	// A redirect from the server: the browser follows it and the next navigation comes back here.
	if (response instanceof Response && response.type === 'opaqueredirect') return response;
	if (response instanceof Response && response.ok) return isolated(response);

	const shell = await caches.match(SHELL_URL, { cacheName: CACHE });
	if (shell) return isolated(shell);
	// No shell (the install never finished): wait for the network after all.
	return isolated(response instanceof Response ? response : await network);
}

/** Returns the response with the isolation headers, rebuilt because fetched headers are immutable. */
function isolated(response: Response): Response {
	// Opaque responses cannot be read or rebuilt, and have no status to copy.
	if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
	// A new Response also drops the `redirected` flag, which would make a navigation fail when the
	// cached shell came through a redirect (e.g. a host sending `/` to `/index.html`).
	const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
	return new Response(nullBody ? null : response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

function cacheable(response: Response): boolean {
	return response.status === 200 && response.type === 'basic';
}

function stripSearch(url: URL): string {
	return url.origin + url.pathname;
}
