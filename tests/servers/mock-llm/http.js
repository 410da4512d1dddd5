// HTTP plumbing shared by the mock's routes: CORS, auth, JSON and error responses.
import { errorBody } from './openai-format.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./faults.js').Fault} Fault
 */

// The openai client sends these; Access-Control-Allow-Headers: * would not cover Authorization.
const ALLOWED_HEADERS = [
	'authorization', 'content-type', 'accept', 'openai-organization', 'openai-project', 'x-mock-scenario',
	'x-mock-fault', 'x-stainless-arch', 'x-stainless-lang', 'x-stainless-os', 'x-stainless-package-version',
	'x-stainless-retry-count', 'x-stainless-runtime', 'x-stainless-runtime-version', 'x-stainless-timeout'
].join(', ');
// Without these a browser client cannot read how long to back off after a 429.
const EXPOSED_HEADERS = 'retry-after, retry-after-ms, x-request-id';

/**
 * @param {string | undefined} authorization
 * @param {string[]} keys
 * @param {string} keyPrefix
 */
export function checkAuth(authorization, keys, keyPrefix) {
	const key = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
	if (!key) {
		const message = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.";
		return { status: 401, body: errorBody(message, 'invalid_request_error', 'missing_api_key') };
	}
	if (key === 'sk-forbidden') {
		const message = 'You are not allowed to use this project.';
		return { status: 403, body: errorBody(message, 'invalid_request_error', 'permission_denied') };
	}
	if (keys.includes(key) || key.startsWith(keyPrefix)) return null;
	const message = `Incorrect API key provided: ${key.slice(0, 5)}***. Check your key and try again.`;
	return { status: 401, body: errorBody(message, 'invalid_request_error', 'invalid_api_key') };
}

/** @param {Res} res @param {Fault} fault */
export function sendHttpFault(res, fault) {
	if (fault.type === '429') {
		const seconds = fault.retryAfter ?? 1;
		res.setHeader('retry-after', String(Math.ceil(seconds)));
		res.setHeader('retry-after-ms', String(Math.round(seconds * 1000)));
		const message = 'Rate limit reached for requests. Please try again later.';
		return sendJson(res, 429, errorBody(message, 'requests', 'rate_limit_exceeded'));
	}
	sendJson(res, 500, errorBody('The server had an error while processing your request.', 'server_error', null));
}

/** @param {Res} res */
export function setCorsHeaders(res) {
	res.setHeader('access-control-allow-origin', '*');
	res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Answers a preflight; CORS headers, if any, were already set by the caller. @param {Req} req @param {Res} res */
export function preflight(req, res) {
	if (res.hasHeader('access-control-allow-origin')) {
		res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
		// Echoing the requested headers also covers any future x-stainless-* header.
		res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] || ALLOWED_HEADERS);
		res.setHeader('access-control-max-age', '600');
		// Chrome's Private Network Access: a page on a public origin calling 127.0.0.1.
		if (req.headers['access-control-request-private-network']) res.setHeader('access-control-allow-private-network', 'true');
	}
	res.writeHead(204).end();
}

/** @param {Req} req @returns {Promise<string>} */
export async function readBody(req) {
	const parts = [];
	for await (const part of req) parts.push(/** @type {Buffer} */ (part));
	return Buffer.concat(parts).toString('utf8');
}

/** @param {string} raw @returns {unknown} */
export function parseBody(raw) {
	if (!raw) return null;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

/**
 * Drops the connection mid-response. Ending first flushes what was already written, so the client
 * really sees a partial body before the socket goes away.
 * @param {Req} req
 */
export function cutConnection(req) {
	req.socket.end(() => req.socket.destroy());
}

/** @param {Res} res @param {number} status @param {unknown} body */
export function sendJson(res, status, body) {
	const json = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
}

/** @param {unknown} err */
export const messageOf = (err) => (err instanceof Error ? err.message : String(err));
