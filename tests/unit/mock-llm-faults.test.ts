import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../servers/mock-llm/server.js';
import { assemble, readSse } from '../servers/mock-llm/client.js';

let mock: MockLlm;
beforeEach(async () => {
	mock = await startMockLlm();
});
afterEach(() => mock.close());

const AUTH = { authorization: 'Bearer sk-test' };

function chat(body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
	return fetch(`${mock.url}/chat/completions`, {
		method: 'POST',
		headers: { ...AUTH, 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'hello' }], ...body })
	});
}
const models = (headers: Record<string, string> = AUTH) => fetch(`${mock.url}/models`, { headers });

describe('mock LLM faults', () => {
	it('429 carries retry-after in seconds and milliseconds, and clears after `times`', async () => {
		mock.setFault({ type: '429', times: 1, retryAfter: 1.5 });
		const limited = await chat();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(limited.headers.get('retry-after-ms')).toBe('1500');
		expect((await limited.json()).error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
		expect((await chat()).status).toBe(200);
	});

	it('500 stays until cleared and also hits the models list', async () => {
		mock.setFault('500');
		expect((await chat()).status).toBe(500);
		const failed = await models();
		expect(failed.status).toBe(500);
		expect((await failed.json()).error.type).toBe('server_error');
		mock.setFault(null);
		expect((await chat()).status).toBe(200);
	});

	it('cut drops a stream after a few chunks, without [DONE]', async () => {
		mock.setFault({ type: 'cut', afterChunks: 3 });
		const { chunks, done, error } = await readSse(await chat({ stream: true }));
		expect(chunks).toHaveLength(3);
		expect(done).toBe(false);
		expect(error).toBeInstanceOf(Error);
	});

	it('cut also truncates a non-streaming body', async () => {
		const res = await chat({}, { 'x-mock-fault': 'cut' });
		expect(res.status).toBe(200);
		await expect(res.json()).rejects.toThrow();
	});

	it('chat-only faults are not used up by other requests', async () => {
		mock.setFault({ type: 'cut', times: 1 });
		expect((await models()).status).toBe(200);
		expect((await readSse(await chat({ stream: true }))).done).toBe(false);
		expect((await readSse(await chat({ stream: true }))).done).toBe(true);
	});

	it('malformed-tool-args streams tool call arguments that are not JSON', async () => {
		const res = await chat({ stream: true }, { 'x-mock-fault': 'malformed-tool-args', 'x-mock-scenario': 'tool-call' });
		const result = assemble((await readSse(res)).chunks);
		expect(result.finishReason).toBe('tool_calls');
		expect(result.toolCalls.map((c) => c.name)).toEqual(['read_file', 'list_files']);
		for (const call of result.toolCalls) expect(() => JSON.parse(call.arguments)).toThrow(SyntaxError);
	});

	it('malformed-tool-args invents a broken tool call when the reply has none', async () => {
		const body = await (await chat({}, { 'x-mock-fault': 'malformed-tool-args' })).json();
		const [call] = body.choices[0].message.tool_calls;
		expect(call.function.name).toBe('write_file');
		expect(() => JSON.parse(call.function.arguments)).toThrow(SyntaxError);
	});

	it('slow delays every streamed chunk', async () => {
		const started = performance.now();
		const { chunks } = await readSse(await chat({ stream: true }, { 'x-mock-fault': '{"type":"slow","delayMs":25}' }));
		const elapsed = performance.now() - started;
		expect(assemble(chunks).content).toBe('Mock reply to: hello');
		expect(elapsed).toBeGreaterThanOrEqual(chunks.length * 25 * 0.9);
		const fastStart = performance.now();
		await readSse(await chat({ stream: true }));
		expect(performance.now() - fastStart).toBeLessThan(elapsed / 2);
	});

	it('context-length answers 400 context_length_exceeded', async () => {
		mock.setFault('context-length');
		const res = await chat();
		expect(res.status).toBe(400);
		expect((await res.json()).error).toMatchObject({ code: 'context_length_exceeded', param: 'messages' });
	});

	it('rejects unknown faults loudly and can be set over the admin endpoint', async () => {
		expect(() => mock.setFault('teapot' as never)).toThrow(/unknown fault/);
		expect((await chat({}, { 'x-mock-fault': 'teapot' })).status).toBe(400);
		const admin = mock.url.replace('/v1', '/__admin');
		expect((await fetch(`${admin}/fault`, { method: 'POST', body: '{"type":"teapot"}' })).status).toBe(400);
		expect((await fetch(`${admin}/fault`, { method: 'POST', body: '{"type":"500","times":2}' })).status).toBe(200);
		expect([(await chat()).status, (await chat()).status, (await chat()).status]).toEqual([500, 500, 200]);
	});
});

describe('mock LLM CORS', () => {
	const preflight = () =>
		fetch(`${mock.url}/chat/completions`, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://127.0.0.1:4173',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'authorization,content-type,x-stainless-os,x-stainless-retry-count'
			}
		});

	it('answers preflight and puts allow-origin on every response, errors included', async () => {
		const res = await preflight();
		expect(res.status).toBe(204);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
		expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
		expect(res.headers.get('access-control-allow-headers')).toContain('x-stainless-retry-count');
		const bare = await fetch(`${mock.url}/models`, { method: 'OPTIONS' });
		expect(bare.headers.get('access-control-allow-headers')).toContain('x-stainless-package-version');
		mock.setFault('429');
		const limited = await chat();
		expect(limited.headers.get('access-control-allow-origin')).toBe('*');
		expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after-ms');
		expect((await models({})).headers.get('access-control-allow-origin')).toBe('*');
	});

	it('setCors(false) and the no-cors fault omit CORS headers entirely', async () => {
		mock.setCors(false);
		expect((await preflight()).headers.get('access-control-allow-origin')).toBeNull();
		expect((await chat()).headers.get('access-control-allow-origin')).toBeNull();
		mock.setCors(true);
		mock.setFault({ type: 'no-cors', times: 1 });
		const blocked = await preflight(); // a browser stops here: the preflight uses up the fault
		expect(blocked.status).toBe(204);
		expect(blocked.headers.get('access-control-allow-origin')).toBeNull();
		expect((await preflight()).headers.get('access-control-allow-origin')).toBe('*');
	});
});

describe('mock LLM auth and errors', () => {
	it('401 without or with a wrong key, 403 for sk-forbidden, sk-mock* accepted', async () => {
		const missing = await models({});
		expect(missing.status).toBe(401);
		expect((await missing.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'missing_api_key' });
		const wrong = await models({ authorization: 'Bearer sk-wrong' });
		expect(wrong.status).toBe(401);
		expect((await wrong.json()).error.code).toBe('invalid_api_key');
		const forbidden = await models({ authorization: 'Bearer sk-forbidden' });
		expect(forbidden.status).toBe(403);
		expect((await forbidden.json()).error.message).toEqual(expect.any(String));
		expect((await models({ authorization: 'Bearer sk-mock-anything' })).status).toBe(200);
	});

	it('accepts a configured key set', async () => {
		const custom = await startMockLlm({ keys: ['secret-1'], keyPrefix: 'never-' });
		try {
			const get = (key: string) => fetch(`${custom.url}/models`, { headers: { authorization: `Bearer ${key}` } });
			expect((await get('secret-1')).status).toBe(200);
			expect((await get('sk-test')).status).toBe(401);
			expect((await get('sk-mock-x')).status).toBe(401);
		} finally {
			await custom.close();
		}
	});

	it('404 model_not_found for an unknown model, 404 for an unknown route', async () => {
		const res = await chat({ model: 'gpt-9' });
		expect(res.status).toBe(404);
		expect((await res.json()).error).toMatchObject({ code: 'model_not_found', type: 'invalid_request_error' });
		expect((await fetch(`${mock.url}/embeddings`, { method: 'POST', headers: AUTH })).status).toBe(404);
	});
});

describe('mock LLM command line', () => {
	it('prints how to connect and stops on SIGTERM', async () => {
		const cli = fileURLToPath(new URL('../servers/mock-llm/cli.js', import.meta.url));
		const child = spawn(process.execPath, [cli], { env: { ...process.env, MOCK_LLM_PORT: '0' } });
		let output = '';
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		await new Promise<void>((resolve) => child.stdout.on('data', (d) => (output += d) && output.includes('Ctrl+C') && resolve()));
		const url = /Base URL\s+(\S+)/.exec(output)?.[1];
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
		expect(output).toContain('sk-mock-local');
		expect(output).toContain('mock-small');
		const res = await fetch(`${url}/models`, { headers: { authorization: 'Bearer sk-mock-local' } });
		expect(res.status).toBe(200);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
});
