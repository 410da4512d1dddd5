// `node tests/servers/webcontainer/cli.js [--hang] [--page]`: the fake WebContainer backend as a
// standalone server, to poke at by hand. WC_BACKEND_PORT picks the port (default: a free one).
import { startWebContainerBackend } from './server.js';
import { startIsolatedPage } from './isolated-page.js';

const hang = process.argv.includes('--hang');
const backend = await startWebContainerBackend({ port: Number(process.env.WC_BACKEND_PORT ?? 0), hang });
const page = process.argv.includes('--page') ? await startIsolatedPage() : null;

console.log(`Fake WebContainer backend on ${backend.origin}${hang ? ' (never answers boot)' : ''}
Files live in ${backend.root} (removed on exit); commands run as real processes on this machine.

Point a page at it before the client boots:
  globalThis.WEBCONTAINER_API_IFRAME_URL = '${backend.origin}';
${page ? `
A cross-origin-isolated page with the client as window.WebContainer: ${page.url}
  (run the line above in its console, then: wc = await WebContainer.boot({ coep: 'credentialless' }))
` : ''}
Ctrl+C stops the server.`);

const stop = async () => {
	await page?.close();
	await backend.close();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
