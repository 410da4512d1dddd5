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

export default defineConfig({
	plugins: [
		crossOriginIsolation(),
		sveltekit({
			adapter: adapter({ fallback: 'index.html', strict: false }),
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
