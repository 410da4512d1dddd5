// HTTP plumbing of the GitHub stand-in: CORS as api.github.com sends it, JSON bodies and errors.

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 */

// What api.github.com allows and exposes; without the exposed x-ratelimit-* a page could not read the reset time.
const ALLOWED_HEADERS =
	'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, X-GitHub-Api-Version';
const EXPOSED_HEADERS =
	'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset';

export const DOCS = 'https://docs.github.com/rest';

/** @param {Res} res */
export function setCorsHeaders(res) {
	res.setHeader('access-control-allow-origin', '*');
	res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** @param {Req} req @param {Res} res */
export function preflight(req, res) {
	res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, PUT, DELETE');
	res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
	res.setHeader('access-control-max-age', '86400');
	// Chrome's Private Network Access: a page on a public origin calling 127.0.0.1.
	if (req.headers['access-control-request-private-network']) res.setHeader('access-control-allow-private-network', 'true');
	res.writeHead(204).end();
}

/** @param {Req} req @returns {Promise<unknown>} */
export async function readJson(req) {
	const parts = [];
	for await (const part of req) parts.push(/** @type {Buffer} */ (part));
	const raw = Buffer.concat(parts).toString('utf8');
	if (raw === '') return null;
	try {
		return JSON.parse(raw);
	} catch {
		throw new HttpError(400, 'Problems parsing JSON');
	}
}

/** @param {Res} res @param {number} status @param {unknown} body */
export function sendJson(res, status, body) {
	const json = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
}

/** A GitHub-shaped error reply: `{ message, documentation_url, status }`. */
export class HttpError extends Error {
	/**
	 * @param {number} status
	 * @param {string} message
	 * @param {{ headers?: Record<string, string>, errors?: unknown[], docs?: string }} [extra]
	 */
	constructor(status, message, extra = {}) {
		super(message);
		this.status = status;
		this.headers = extra.headers ?? {};
		this.errors = extra.errors;
		this.docs = extra.docs ?? DOCS;
	}

	/** @param {Res} res */
	send(res) {
		for (const [k, v] of Object.entries(this.headers)) res.setHeader(k, v);
		/** @type {Record<string, unknown>} */
		const body = { message: this.message, documentation_url: this.docs, status: String(this.status) };
		if (this.errors) body.errors = this.errors;
		sendJson(res, this.status, body);
	}
}

export const notFound = () => new HttpError(404, 'Not Found');

/** Drops the connection without a reply, as a network failure would. @param {Req} req */
export function dropConnection(req) {
	req.socket.destroy();
}
