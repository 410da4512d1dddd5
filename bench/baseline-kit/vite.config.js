// A bare SvelteKit app, built and loaded by `npm run bench` beside the real one: how long SvelteKit
// itself takes to become interactive on this machine, against the same blank page (see bench/README.md).
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vite';

/** The same headers as the app's preview server, so both loads pay for the same isolation. */
const crossOriginIsolation = {
	name: 'baseline:cross-origin-isolation',
	/** @param {import('vite').PreviewServer} server */
	configurePreviewServer(server) {
		server.middlewares.use((_req, res, next) => {
			res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
			res.setHeader('Cross-Origin-Embedder-Policy', 'credentialless');
			res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
			next();
		});
	}
};

export default defineConfig({
	plugins: [crossOriginIsolation, sveltekit({ adapter: adapter({ fallback: 'index.html', strict: false }), paths: { relative: false } })]
});
