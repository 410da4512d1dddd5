// Fake WebContainer backend for browser tests: the real, unmodified `@webcontainer/api` client boots
// against it when the page sets `globalThis.WEBCONTAINER_API_IFRAME_URL` to its origin. File-system
// calls land in a real temporary folder (`root`) and commands run as real processes on this machine.
// Listens on 127.0.0.1 only. See README.md.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Workspace } from './fs-ops.js';
import { Session } from './session.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {{ port?: number, hang?: boolean, bootError?: string | null, clearOnBoot?: boolean }} BackendOptions
 * @typedef {{ command: string, args: string[], cwd: string, terminal: boolean }} CommandRecord
 * @typedef {{
 *   origin: string,
 *   root: string,
 *   boots: number,
 *   commands: CommandRecord[],
 *   setHang(hang: boolean): void,
 *   setBootError(message: string | null): void,
 *   close(): Promise<void>
 * }} WebContainerBackend
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
// The client's own Comlink copy: both ends of the channel must speak the same wire format.
const COMLINK = join(HERE, '../../../node_modules/@webcontainer/api/dist/vendor/index.js');

/** @param {string | null} coep */
function isolationHeaders(coep) {
	return {
		// The page embedding this iframe is cross-origin isolated: the frame must opt in to being embedded.
		'cross-origin-embedder-policy': coep === 'credentialless' ? 'credentialless' : 'require-corp',
		'cross-origin-resource-policy': 'cross-origin',
		'cache-control': 'no-store'
	};
}

/** @param {string} token */
const headlessPage = (token) => `<!doctype html>
<meta charset="utf-8">
<title>WebContainer test backend</title>
<script type="module">
import { Comlink } from './vendor/comlink.js';
import { startHeadless } from './headless.js';
startHeadless(Comlink, ${JSON.stringify(token)});
</script>`;

// Never posts `init`: `WebContainer.boot()` then never settles, as when StackBlitz is unreachable.
const hangingPage = `<!doctype html>
<meta charset="utf-8">
<title>WebContainer test backend (never answers)</title>`;

/** @param {unknown} value @returns {unknown} */
function decodeArgs(value) {
	if (Array.isArray(value)) return value.map(decodeArgs);
	if (value && typeof value === 'object') {
		if ('$b64' in value) return new Uint8Array(Buffer.from(String(value.$b64), 'base64'));
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeArgs(v)]));
	}
	return value;
}

/** @param {unknown} value @returns {unknown} */
function encodeResult(value) {
	if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
	if (Array.isArray(value)) return value.map(encodeResult);
	return value;
}

/** @param {Req} req */
async function readJson(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * @param {BackendOptions} [options]
 * @returns {Promise<WebContainerBackend>}
 */
export async function startWebContainerBackend({ port = 0, hang = false, bootError = null, clearOnBoot = true } = {}) {
	const root = await mkdtemp(join(tmpdir(), 'wc-backend-'));
	// Only the /headless page knows it; other pages on the machine cannot drive the backend.
	const token = randomBytes(16).toString('hex');
	/** @type {Map<string, Session>} */
	const sessions = new Map();
	const state = { hang, bootError, boots: 0 };
	/** @type {CommandRecord[]} every command a page spawned, in order */
	const commands = [];

	/**
	 * @param {string} op @param {unknown[]} args @param {string | undefined} id
	 */
	const call = async (op, args, id) => {
		if (op === 'build') {
			if (state.bootError) throw new Error(state.bootError);
			const { workdirName } = /** @type {{ workdirName?: string }} */ (args[0] ?? {});
			const workspace = new Workspace(root, `/home/${workdirName || 'projects'}`);
			if (clearOnBoot) await workspace.clear();
			const session = new Session(workspace);
			sessions.set(session.id, session);
			state.boots++;
			return { session: session.id, runtimeInfo: { cwd: workspace.workdir, path: '/usr/local/bin:/usr/bin:/bin' } };
		}
		const session = sessions.get(id ?? '');
		if (!session || session.closed) throw new Error('WebContainer is torn down');
		const ws = session.workspace;
		/** @type {any[]} */
		const a = args;
		switch (op) {
			case 'readFile': return ws.readFile(a[0], a[1]);
			case 'writeFile': return ws.writeFile(a[0], a[1], a[2]);
			case 'readdir': return ws.readdir(a[0], a[1]);
			case 'mkdir': return ws.mkdir(a[0], a[1]);
			case 'rm': return ws.rm(a[0], a[1]);
			case 'rename': return ws.rename(a[0], a[1]);
			case 'loadFiles': return ws.loadFiles(a[0], a[1] ?? undefined);
			case 'serialize': return ws.serialize(a[0], a[1]);
			case 'watch': return session.watch(a[0], a[1]);
			case 'unwatch': return session.unwatch(a[0]);
			case 'run': {
				const id = session.run(a[0]);
				const { command, args = [], cwd, terminal } = a[0];
				commands.push({ command, args, cwd: posix.resolve(ws.workdir, cwd ?? '.'), terminal: !!terminal });
				return id;
			}
			case 'write': return session.process(a[0]).write(a[1]);
			case 'kill': return session.process(a[0]).kill();
			case 'resize': return session.process(a[0]).resize(a[1]);
			case 'teardown':
				sessions.delete(session.id);
				return session.teardown();
			default: throw new Error(`Unknown operation ${op}`);
		}
	};

	/** @param {Req} req @param {Res} res */
	const handle = async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const headers = isolationHeaders(url.searchParams.get('coep'));
		if (req.method === 'GET' && url.pathname === '/headless') {
			res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
			return res.end(state.hang ? hangingPage : headlessPage(token));
		}
		if (req.method === 'GET' && (url.pathname === '/headless.js' || url.pathname === '/vendor/comlink.js')) {
			const file = url.pathname === '/headless.js' ? join(HERE, 'headless.js') : COMLINK;
			res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
			return res.end(await readFile(file));
		}
		// The remaining routes drive the machine: same-origin callers holding the token only.
		if (req.headers['x-wc-token'] !== token) {
			res.writeHead(403, headers);
			return res.end();
		}
		if (req.method === 'GET' && url.pathname === '/events') {
			const session = sessions.get(url.searchParams.get('session') ?? '');
			if (!session) {
				res.writeHead(404, headers);
				return res.end();
			}
			res.writeHead(200, { ...headers, 'content-type': 'application/x-ndjson' });
			res.flushHeaders();
			session.attach({ write: (line) => res.write(line), end: () => res.end() });
			// The page went away (closed, reloaded): its processes go with it.
			res.on('close', () => {
				sessions.delete(session.id);
				void session.teardown();
			});
			return;
		}
		if (req.method === 'POST' && url.pathname === '/rpc') {
			const { op, session, args } = await readJson(req);
			let body;
			try {
				body = { value: encodeResult(await call(op, /** @type {unknown[]} */ (decodeArgs(args ?? [])), session)) };
			} catch (error) {
				const ws = sessions.get(session)?.workspace;
				body = { error: (ws ? ws.clean(error) : /** @type {Error} */ (error)).message };
			}
			res.writeHead(200, { ...headers, 'content-type': 'application/json' });
			return res.end(JSON.stringify(body ?? { value: null }));
		}
		res.writeHead(404, headers);
		res.end();
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(error?.message ?? error));
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());

	return {
		origin: `http://127.0.0.1:${address.port}`,
		root,
		get boots() {
			return state.boots;
		},
		commands,
		/** @param {string | null} message */
		setBootError(message) {
			state.bootError = message;
		},
		/** @param {boolean} value */
		setHang(value) {
			state.hang = value;
		},
		async close() {
			await Promise.all([...sessions.values()].map((s) => s.teardown()));
			sessions.clear();
			await new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			});
			await rm(root, { recursive: true, force: true });
		}
	};
}
