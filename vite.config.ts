import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * WebContainer needs cross-origin isolation. SvelteKit's dev and preview servers ignore
 * `server.headers`, so the headers are set by middleware on both servers. COEP is `credentialless`
 * rather than `require-corp` so that a no-cors probe can still reach a model endpoint: that is how
 * "Test connection" tells a CORS block from an unreachable host.
 */
function crossOriginIsolation(): Plugin {
	const setHeaders = (_req: unknown, res: { setHeader(k: string, v: string): void }, next: () => void) => {
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
		res.setHeader('Cross-Origin-Embedder-Policy', 'credentialless');
		res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
		next();
	};
	return {
		name: 'specwright:cross-origin-isolation',
		configureServer: (server) => void server.middlewares.use(setHeaders),
		configurePreviewServer: (server) => void server.middlewares.use(setHeaders)
	};
}

/**
 * The first paint needs Svelte, the router, storage and the shell; left to itself the bundler
 * splits them into a dozen small chunks, and a cold load then waits on round trips (browsers open
 * six connections per host). One startup chunk holds them; everything loaded lazily (the editor,
 * language modes, the sample project, the model client) keeps its own chunks. SvelteKit's own
 * runtime stays out of it: moved into this chunk, an unknown address reloads the page forever.
 */
function startupChunk(): Plugin {
	const lazy = /node_modules\/(@codemirror|codemirror|@lezer|crelt|style-mod|w3c-keyname|@marijn|openai)\/|src\/lib\/(sample|ui\/editor\/codemirror)/;
	const startup = /node_modules\/(svelte|idb|esm-env|clsx)\/|src\/lib\/(boot\.ts|platform\/store\/|core\/(errors|ports)\.ts|state\/(app|notices|theme|commands|storage|dialogs)\.svelte\.ts|ui\/shell\/(TopBar|Logo)\.svelte|ui\/common\/format\.ts|ui\/lazy\.ts)/;
	// The icons the home page and the shell draw, with their shared base: each would be a chunk of its own.
	const startupIcons = /node_modules\/@lucide\/svelte\/dist\/(Icon\.svelte|context\.js|defaultAttributes\.js|icons\/(x|circle-alert|circle-check|info|settings|sun|moon|command|plus|sparkles|pencil|trash|folder-open|upload)\.svelte)/;
	return {
		name: 'specwright:startup-chunk',
		configEnvironment(name, config) {
			const output = config.build?.rolldownOptions?.output;
			if (name !== 'client' || !output || Array.isArray(output)) return;
			const splitting = output.codeSplitting;
			if (!splitting || typeof splitting !== 'object') return;
			splitting.groups = [
				...(splitting.groups ?? []),
				{ name: 'startup', test: (id: string) => (startup.test(id) || startupIcons.test(id)) && !lazy.test(id), priority: -1 }
			];
		}
	};
}

export default defineConfig({
	plugins: [
		crossOriginIsolation(),
		startupChunk(),
		sveltekit({
			adapter: adapter({ fallback: 'index.html', strict: false }),
			// Absolute asset paths: the service worker answers every address with one cached page, which
			// must load the app's code from any depth (/project/<id>, or an unknown address).
			paths: { relative: false },
			serviceWorker: { register: false }
		})
	],
	build: { target: 'es2022' },
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
