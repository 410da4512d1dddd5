/**
 * Registers the service worker (src/service-worker) that makes Specwright work offline and keeps
 * the page cross-origin isolated on static hosts that cannot send COOP/COEP headers.
 *
 * On such a host the first page load is not isolated: the worker adds the headers, but only to
 * responses it serves. So once it controls the page, the page reloads once. A sessionStorage flag
 * stops a reload loop where isolation cannot be had (a browser without COEP `credentialless`,
 * for one): the app then runs without the runtime, as the design allows.
 */

export interface RegisterServiceWorkerOptions {
	/** The app's base path (`base` from `$app/paths`), without a trailing slash. */
	base?: string;
}

const RELOAD_FLAG = 'specwright.sw.isolation-reload';

export async function registerServiceWorker(options: RegisterServiceWorkerOptions = {}): Promise<void> {
	// In dev Vite serves modules that change on every edit; a caching worker would only get in the way.
	if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const base = options.base ?? '';
	const container = navigator.serviceWorker;

	if (globalThis.crossOriginIsolated) forgetReload();

	const registration = await container.register(`${base}/service-worker.js`, {
		scope: `${base}/`,
		// The build emits an ES module, as SvelteKit's own registration expects.
		type: 'module',
		// Always revalidate the worker script, so a deploy is picked up on the next visit.
		updateViaCache: 'none'
	});

	if (globalThis.crossOriginIsolated) return;
	// A first visit: wait until the worker activates and claims this page. After a hard reload,
	// which bypasses an active worker, a normal reload is enough to come under it.
	if (container.controller || registration.active || (await controlled(container, registration))) reloadOnce();
}

/** Resolves true once a worker controls the page, false if the new worker failed to install. */
function controlled(container: ServiceWorkerContainer, registration: ServiceWorkerRegistration): Promise<boolean> {
	return new Promise((resolve) => {
		const worker = registration.installing ?? registration.waiting;
		container.addEventListener('controllerchange', () => resolve(true), { once: true });
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'redundant') resolve(false);
		});
		if (container.controller) resolve(true);
		else if (!worker || worker.state === 'redundant') resolve(false);
	});
}

function reloadOnce(): void {
	try {
		if (sessionStorage.getItem(RELOAD_FLAG)) return;
		sessionStorage.setItem(RELOAD_FLAG, String(Date.now()));
	} catch {
		// Without storage there is no loop guard, so no reload either.
		return;
	}
	location.reload();
}

function forgetReload(): void {
	try {
		sessionStorage.removeItem(RELOAD_FLAG);
	} catch {
		// Storage unavailable: nothing was stored either.
	}
}
