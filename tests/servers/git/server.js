// Git smart-HTTP server for tests and benchmarks: repositories the tests generate, served through the
// real `git http-backend` CGI (clone, fetch and push), with CORS so a browser can talk to it, optional
// basic auth per repository and faults on demand (drop or stall a response). 127.0.0.1 only. See README.md.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRepo } from './repo.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./repo.js').RepoFiles} RepoFiles
 * @typedef {import('./repo.js').GeneratedFiles} GeneratedFiles
 * @typedef {{ username: string, password: string }} BasicAuth
 * @typedef {{
 *   branch?: string,
 *   branches?: Record<string, RepoFiles>,
 *   auth?: BasicAuth,
 *   message?: string
 * }} RepoOptions
 *   `branch`: the default branch (default 'main'). `branches`: further branches, each one commit on top
 *   of the default branch adding or replacing these files. `auth`: the repository needs these credentials.
 * @typedef {{
 *   type: 'drop' | 'stall',
 *   afterBytes?: number,
 *   service?: 'git-upload-pack' | 'git-receive-pack' | 'info-refs',
 *   times?: number
 * }} GitFault
 *   `drop`: send `afterBytes` of the response (default 1024) then cut the connection. `stall`: send
 *   `afterBytes` then hold the response open until the client gives up or the server closes.
 *   `service`: which requests it applies to (default git-upload-pack, the pack transfer of a clone).
 *   `times`: the next n matching requests (default 1).
 * @typedef {{ port?: number, cors?: boolean, gitBackend?: string }} GitServerOptions
 * @typedef {{ method: string, path: string, service: string, status: number, bytes: number }} GitRequest
 * @typedef {{
 *   url: string,
 *   root: string,
 *   createRepo(name: string, files: RepoFiles | GeneratedFiles, options?: RepoOptions): Promise<string>,
 *   setFault(fault: GitFault | null): void,
 *   setCors(enabled: boolean): void,
 *   requests: GitRequest[],
 *   close(): Promise<void>
 * }} GitServer
 */

const GIT_BACKEND = '/usr/lib/git-core/git-http-backend';
// isomorphic-git and git send these; `*` would not cover Authorization.
const ALLOWED_HEADERS = 'authorization, content-type, git-protocol, accept, accept-encoding, content-encoding, user-agent, x-authorization';
const EXPOSED_HEADERS = 'content-type, content-length, www-authenticate, x-git-server';

/**
 * @param {GitServerOptions} [options]
 * @returns {Promise<GitServer>}
 */
export async function startGitServer({ port = 0, cors = true, gitBackend = GIT_BACKEND } = {}) {
	const root = await mkdtemp(join(tmpdir(), 'specwright-git-'));
	/** @type {Map<string, BasicAuth>} */
	const protectedRepos = new Map();
	/** @type {Set<Res>} */
	const stalled = new Set();
	/** @type {GitRequest[]} */
	const requests = [];
	const state = { cors, fault: /** @type {GitFault | null} */ (null), faultLeft: 0 };

	/** @param {Req} req @param {Res} res */
	function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (state.cors) {
			res.setHeader('access-control-allow-origin', '*');
			res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
		}
		if (req.method === 'OPTIONS') {
			if (state.cors) {
				res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
				res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
				res.setHeader('access-control-max-age', '600');
			}
			res.writeHead(204).end();
			return;
		}
		// A plain web page, for "this URL is not a git server" tests.
		if (url.pathname.startsWith('/web/')) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end('<!doctype html><title>Welcome</title><p>Just a web page.</p>\n');
			return;
		}
		// `/name.git/info/refs` → the non-bare repository folder `root/name`.
		const match = /^\/([\w.-]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*))$/.exec(url.pathname);
		const service = url.searchParams.get('service') ?? match?.[2]?.slice(1) ?? '';
		const record = { method: req.method ?? 'GET', path: url.pathname, service, status: 0, bytes: 0 };
		requests.push(record);
		if (!match) return send(res, 404, 'Not a git repository path\n', record);
		const name = match[1] ?? '';
		const rest = match[2] ?? '';
		const auth = protectedRepos.get(name);
		if (auth && !authorized(req.headers.authorization, auth)) {
			res.setHeader('www-authenticate', `Basic realm="${name}"`);
			return send(res, 401, 'Authentication required\n', record);
		}
		const faultKind = rest === '/info/refs' ? 'info-refs' : rest.slice(1);
		const fault = state.fault && (state.fault.service ?? 'git-upload-pack') === faultKind ? state.fault : null;
		runBackend(req, res, `/${name}${rest}`, url.search.slice(1), auth ? auth.username : '', fault, record);
	}

	/**
	 * Runs the CGI with the request on stdin and turns its output (headers, blank line, body) into the response.
	 * @param {Req} req @param {Res} res @param {string} pathInfo @param {string} query @param {string} user
	 * @param {GitFault | null} fault @param {GitRequest} record
	 */
	function runBackend(req, res, pathInfo, query, user, fault, record) {
		const env = {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			GIT_PROJECT_ROOT: root,
			GIT_HTTP_EXPORT_ALL: '1',
			PATH_INFO: pathInfo,
			REQUEST_METHOD: req.method ?? 'GET',
			QUERY_STRING: query,
			CONTENT_TYPE: req.headers['content-type'] ?? '',
			REMOTE_USER: user,
			REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
			GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
			HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
			GIT_CONFIG_NOSYSTEM: '1',
			HOME: root
		};
		const child = spawn(gitBackend, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
		req.pipe(child.stdin);
		child.stdin.on('error', () => {}); // the backend may answer before reading the whole request
		let head = Buffer.alloc(0);
		let headersSent = false;
		let sent = 0;
		let limit = fault ? (fault.afterBytes ?? 1024) : Infinity;
		/** @param {Buffer} chunk */
		const writeBody = (chunk) => {
			if (fault && state.fault !== fault) limit = Infinity; // used up by a concurrent request
			if (sent >= limit) return;
			const part = sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
			sent += part.length;
			record.bytes = sent;
			res.write(part);
			if (sent >= limit && fault) applyFault(fault);
		};
		/** @param {GitFault} f */
		const applyFault = (f) => {
			// Counted only when it fires: with protocol v2 a short ls-refs reply comes before the pack.
			if (state.fault === f && --state.faultLeft <= 0) state.fault = null;
			child.kill();
			if (f.type === 'drop') setTimeout(() => res.socket?.destroy(), 20);
			else stalled.add(res);
		};
		child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
			if (headersSent) return writeBody(chunk);
			head = Buffer.concat([head, chunk]);
			const end = headerEnd(head);
			if (!end) return;
			const { status, headers } = parseCgiHeaders(head.subarray(0, end.at).toString('latin1'));
			record.status = status;
			res.writeHead(status, headers);
			res.flushHeaders();
			headersSent = true;
			if (head.length > end.at + end.len) writeBody(head.subarray(end.at + end.len));
		});
		child.stderr.on('data', () => {});
		child.on('close', () => {
			if (stalled.has(res) || res.destroyed) return;
			if (!headersSent) return send(res, 500, 'git http-backend failed\n', record);
			if (sent < limit || !fault) res.end();
		});
		res.on('close', () => {
			stalled.delete(res);
			if (child.exitCode === null) child.kill();
		});
	}

	const server = createServer(handle);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://127.0.0.1:${address.port}`;

	return {
		url,
		root,
		requests,
		async createRepo(name, files, options = {}) {
			if (!/^[\w.-]+$/.test(name) || name.endsWith('.git')) throw new Error(`git-server: bad repository name "${name}"`);
			await buildRepo(join(root, name), files, options);
			if (options.auth) protectedRepos.set(name, options.auth);
			return `${url}/${name}.git`;
		},
		setFault(fault) {
			state.fault = fault;
			state.faultLeft = fault ? (fault.times ?? 1) : 0;
		},
		setCors(enabled) {
			state.cors = enabled;
		},
		async close() {
			for (const res of stalled) res.socket?.destroy();
			stalled.clear();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
			await rm(root, { recursive: true, force: true });
		}
	};
}

/** @param {string | undefined} header @param {BasicAuth} auth */
function authorized(header, auth) {
	const encoded = /^Basic\s+(\S+)/i.exec(header ?? '')?.[1];
	if (!encoded) return false;
	return Buffer.from(encoded, 'base64').toString('utf8') === `${auth.username}:${auth.password}`;
}

/** @param {Res} res @param {number} status @param {string} text @param {GitRequest} record */
function send(res, status, text, record) {
	record.status = status;
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/** @param {Buffer} buf */
function headerEnd(buf) {
	const crlf = buf.indexOf('\r\n\r\n');
	const lf = buf.indexOf('\n\n');
	if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { at: crlf, len: 4 };
	if (lf >= 0) return { at: lf, len: 2 };
	return null;
}

/** @param {string} text */
function parseCgiHeaders(text) {
	let status = 200;
	/** @type {Record<string, string>} */
	const headers = {};
	for (const line of text.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (key === 'status') status = Number.parseInt(value, 10) || 200;
		else headers[key] = value;
	}
	return { status, headers };
}
