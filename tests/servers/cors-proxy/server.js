// A CORS proxy for tests, speaking the protocol isomorphic-git uses with `corsProxy`: a request to
// `<proxy>/<host:port>/<path>` is forwarded to `http://<host:port>/<path>` and the answer gets CORS
// headers. It forwards to 127.0.0.1 only (tests never reach out), and records what it forwarded.
import { createServer, request as httpRequest } from 'node:http';

const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS',
	'access-control-allow-headers': 'authorization, content-type, git-protocol, accept, accept-encoding, content-encoding, user-agent, x-authorization',
	'access-control-expose-headers': 'content-type, content-length, www-authenticate'
};

/**
 * @param {{ port?: number }} [options]
 * @returns {Promise<{ url: string, requests: string[], close(): Promise<void> }>}
 */
export async function startCorsProxy({ port = 0 } = {}) {
	/** @type {string[]} */
	const requests = [];
	const server = createServer((req, res) => {
		if (req.method === 'OPTIONS') {
			res.writeHead(204, CORS).end();
			return;
		}
		const target = new URL(`http://${(req.url ?? '/').slice(1)}`);
		if (target.hostname !== '127.0.0.1') {
			res.writeHead(403, CORS).end('This test proxy forwards to 127.0.0.1 only\n');
			return;
		}
		requests.push(`${req.method} ${target.pathname}`);
		const headers = { ...req.headers, host: target.host };
		delete headers.origin;
		delete headers.referer;
		const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...CORS });
			answer.pipe(res);
		});
		upstream.on('error', () => res.writeHead(502, CORS).end());
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
