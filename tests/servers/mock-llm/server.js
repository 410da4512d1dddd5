// OpenAI-compatible mock LLM for unit and browser tests: scripted scenarios, usage, streamed tool
// calls, faults on demand and switchable CORS. Listens on 127.0.0.1 only. See README.md.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadScenarioDir, pickReply, pickScenario } from './scenarios.js';
import { FaultSlot, HTTP_FAULTS, parseFault, parseFaultHeader } from './faults.js';
import { completionBody, computeUsage, corruptToolArgs, errorBody, normalizeReply, streamChunks } from './openai-format.js';
import {
	checkAuth, cutConnection, messageOf, parseBody, preflight, readBody, sendHttpFault, sendJson, setCorsHeaders
} from './http.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./scenarios.js').Scenario} Scenario
 * @typedef {import('./scenarios.js').ChatMessage} ChatMessage
 * @typedef {import('./faults.js').Fault} Fault
 * @typedef {import('./faults.js').FaultType} FaultType
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, body: unknown }} RecordedRequest
 * @typedef {{
 *   port?: number,
 *   scenariosDir?: string,
 *   scenarios?: Scenario[],
 *   models?: string[],
 *   keys?: string[],
 *   keyPrefix?: string
 * }} MockLlmOptions
 * @typedef {{
 *   url: string,
 *   port: number,
 *   close(): Promise<void>,
 *   setScenario(name: string | null): void,
 *   setFault(fault: Fault | FaultType | null): void,
 *   setCors(enabled: boolean): void,
 *   reset(): void,
 *   requests: RecordedRequest[],
 *   models: string[],
 *   scenarioNames: string[]
 * }} MockLlm
 */

export const DEFAULT_MODELS = ['mock-small', 'mock-large'];
const DEFAULT_CHUNK_SIZE = 6;
const HERE = fileURLToPath(new URL('.', import.meta.url));

/**
 * @param {MockLlmOptions} [options]
 * @returns {Promise<MockLlm>}
 */
export async function startMockLlm({
	port = 0,
	scenariosDir = join(HERE, 'scenarios'),
	scenarios = [],
	models = [],
	keys = ['sk-test'],
	keyPrefix = 'sk-mock'
} = {}) {
	/** @type {Map<string, Scenario>} */
	const byName = new Map();
	for (const s of [...loadScenarioDir(scenariosDir), ...scenarios]) byName.set(s.name, s);
	const modelIds = [...new Set([...DEFAULT_MODELS, ...models, ...[...byName.values()].flatMap((s) => s.model ?? [])])];
	const faults = new FaultSlot();
	/** @type {RecordedRequest[]} */
	const requests = [];
	const state = { scenario: /** @type {string | null} */ (null), cors: true, counter: 0 };

	/** @param {string | null} name */
	const setScenario = (name) => {
		if (name !== null && !byName.has(name)) throw new Error(`mock-llm: unknown scenario "${name}"`);
		state.scenario = name;
	};
	/** @param {unknown} fault */
	const setFault = (fault) => faults.set(parseFault(fault));
	const reset = () => {
		state.scenario = null;
		state.cors = true;
		faults.set(null);
		requests.length = 0;
	};

	/** @param {Req} req @param {Res} res @param {string} path @param {unknown} body */
	function admin(req, res, path, body) {
		setCorsHeaders(res);
		if (req.method === 'OPTIONS') return preflight(req, res);
		const data = /** @type {Record<string, unknown> | null} */ (body && typeof body === 'object' ? body : null);
		try {
			if (path === '/__admin/requests' && req.method === 'GET') return sendJson(res, 200, requests);
			if (req.method !== 'POST') return sendJson(res, 404, errorBody(`no admin route ${path}`, 'not_found', null));
			if (path === '/__admin/scenario') setScenario(typeof data?.name === 'string' ? data.name : null);
			else if (path === '/__admin/fault') setFault(body);
			else if (path === '/__admin/cors') state.cors = data?.enabled !== false;
			else if (path === '/__admin/reset') reset();
			else return sendJson(res, 404, errorBody(`no admin route ${path}`, 'not_found', null));
		} catch (err) {
			return sendJson(res, 400, errorBody(messageOf(err), 'invalid_request_error', 'bad_admin_request'));
		}
		sendJson(res, 200, { ok: true, scenario: state.scenario, fault: faults.peek(), cors: state.cors });
	}

	/** @param {Req} req @param {Res} res */
	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const body = parseBody(await readBody(req));
		if (url.pathname.startsWith('/__admin/')) return admin(req, res, url.pathname, body);
		requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body });

		// A fault from the request header applies to that request only; a set fault counts down.
		/** @type {Fault | null} */
		let headerFault;
		try {
			headerFault = parseFaultHeader(req.headers['x-mock-fault']);
		} catch (err) {
			setCorsHeaders(res);
			return sendJson(res, 400, errorBody(messageOf(err), 'invalid_request_error', 'bad_mock_fault'));
		}
		const fault = headerFault ?? faults.peek();
		const use = () => void (headerFault || faults.consume());

		if (fault?.type === 'no-cors') use();
		else if (state.cors) setCorsHeaders(res);
		if (req.method === 'OPTIONS') return preflight(req, res);

		const authError = checkAuth(req.headers.authorization, keys, keyPrefix);
		if (authError) return sendJson(res, authError.status, authError.body);

		if (fault && HTTP_FAULTS.has(fault.type) && fault.type !== 'no-cors') {
			use();
			return sendHttpFault(res, fault);
		}
		if (url.pathname === '/v1/models' && req.method === 'GET') {
			const data = modelIds.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'mock-llm' }));
			return sendJson(res, 200, { object: 'list', data });
		}
		if (url.pathname === '/v1/chat/completions' && req.method === 'POST') {
			return chat(req, res, body, fault, use);
		}
		sendJson(res, 404, errorBody(`Unknown route ${req.method} ${url.pathname}`, 'invalid_request_error', 'unknown_url'));
	}

	/**
	 * @param {Req} req @param {Res} res @param {unknown} raw
	 * @param {Fault | null} fault @param {() => void} use
	 */
	async function chat(req, res, raw, fault, use) {
		/** @type {{ model?: string, messages?: ChatMessage[], stream?: boolean, stream_options?: { include_usage?: boolean } }} */
		const body = /** @type {any} */ (raw ?? {});
		const { model, messages } = body;
		if (typeof model !== 'string' || !Array.isArray(messages)) {
			return sendJson(res, 400, errorBody('model and messages are required', 'invalid_request_error', 'invalid_request'));
		}
		if (!modelIds.includes(model)) {
			const message = `The model \`${model}\` does not exist or you do not have access to it.`;
			return sendJson(res, 404, errorBody(message, 'invalid_request_error', 'model_not_found', 'model'));
		}
		if (fault?.type === 'context-length') {
			use();
			const message = `This model's maximum context length is 8192 tokens. However, your messages resulted in more tokens.`;
			return sendJson(res, 400, errorBody(message, 'invalid_request_error', 'context_length_exceeded', 'messages'));
		}
		let scenario;
		try {
			const header = req.headers['x-mock-scenario'];
			scenario = pickScenario(byName, (Array.isArray(header) ? header[0] : header) || state.scenario, messages);
		} catch (err) {
			return sendJson(res, 400, errorBody(messageOf(err), 'invalid_request_error', 'unknown_scenario'));
		}
		const n = ++state.counter;
		const meta = { id: `chatcmpl-mock-${n}`, model, created: Math.floor(Date.now() / 1000), system_fingerprint: 'fp_mock' };
		let reply = normalizeReply(pickReply(scenario, messages).reply, `mock${n}`);
		if (fault?.type === 'malformed-tool-args') {
			use();
			reply = corruptToolArgs(reply, `mock${n}`);
		}
		const usage = computeUsage(messages, reply, scenario.usage);
		const includeUsage = body.stream_options?.include_usage === true;
		const chunks = streamChunks(meta, reply, usage, { chunkSize: scenario.chunkSize ?? DEFAULT_CHUNK_SIZE, includeUsage });
		const cut = fault?.type === 'cut';
		const slow = fault?.type === 'slow';
		if (cut || slow) use();
		const delayMs = slow ? (fault.delayMs ?? 50) : (scenario.delayMs ?? 0);

		if (!body.stream) {
			const json = JSON.stringify(completionBody(meta, reply, usage));
			if (delayMs) await sleep(delayMs * chunks.length);
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'x-request-id': meta.id });
			if (!cut) return void res.end(json);
			res.write(json.slice(0, json.length >> 1));
			return cutConnection(req);
		}
		const sse = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
		res.writeHead(200, { ...sse, 'x-request-id': meta.id });
		res.flushHeaders();
		const cutAfter = cut ? (fault.afterChunks ?? 2) : Infinity;
		for (const [i, chunk] of chunks.entries()) {
			if (i >= cutAfter) return cutConnection(req);
			// Yield even without a delay so chunks leave as separate writes, as they do from a real model.
			await (delayMs ? sleep(delayMs) : new Promise((resolve) => setImmediate(resolve)));
			if (res.destroyed) return; // the client gave up (abort button, test closed the server)
			res.write(`data: ${JSON.stringify(chunk)}\n\n`);
		}
		res.end('data: [DONE]\n\n');
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((err) => {
			if (res.headersSent) return void res.destroy();
			sendJson(res, 500, errorBody(`mock-llm crashed: ${messageOf(err)}`, 'server_error', null));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;

	return {
		url: `http://127.0.0.1:${actualPort}/v1`,
		port: actualPort,
		close: () =>
			new Promise((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections(); // keep-alive and half-sent streams would otherwise hold close()
			}),
		setScenario,
		setFault,
		setCors: (enabled) => void (state.cors = enabled),
		reset,
		requests,
		models: modelIds,
		scenarioNames: [...byName.keys()]
	};
}
