import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatFailure, streamChat } from './chat-stream';

/** What the test server answers next: each test sets it before its request. */
let answer: (res: ServerResponse) => void = () => undefined;
let server: Server;
let baseURL = '';

beforeAll(async () => {
	server = createServer((req, res) => {
		req.resume();
		req.on('end', () => answer(res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const chunk = (content: string | null, finish: string | null = null) =>
	`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;

/** Sends `parts` as separate writes, then ends the response, drops the connection or keeps it open. */
function sse(parts: string[], end: 'end' | 'drop' | 'hang' = 'end') {
	return (res: ServerResponse) => {
		res.writeHead(200, { 'content-type': 'text/event-stream' });
		let i = 0;
		const next = () => {
			if (i < parts.length) {
				res.write(parts[i++]);
				setImmediate(next);
			} else if (end === 'end') res.end();
			else if (end === 'drop') res.destroy();
		};
		next();
	};
}

const ask = (onText: (text: string) => void = () => undefined) =>
	streamChat({ baseURL, apiKey: 'sk-test', model: 'm', messages: [{ role: 'user', content: 'hi' }], signal: new AbortController().signal }, onText);

async function failure(promise: Promise<unknown>): Promise<ChatFailure> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ChatFailure);
	return error as ChatFailure;
}

describe('streamChat', () => {
	it('joins the streamed text and returns it with the usage and finish reason', async () => {
		const usage = `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 } } })}\n\n`;
		// One event split across writes, and two events in one write.
		const first = chunk('# Re');
		answer = sse([first.slice(0, 20), first.slice(20) + chunk('quirements'), chunk('\n', 'stop'), usage, 'data: [DONE]\n\n']);
		const seen: string[] = [];
		const result = await ask((text) => seen.push(text));
		expect(result).toEqual({ text: '# Requirements\n', usage: { input: 12, output: 3, cached: 4 }, finishReason: 'stop' });
		expect(seen.at(-1)).toBe('# Requirements\n');
		expect(seen.every((text, i) => i === 0 || text.startsWith(seen[i - 1]!))).toBe(true);
	});

	it('says a reply that ends without a finish reason was cut, and keeps its text', async () => {
		answer = sse([chunk('Half a'), chunk(' reply')], 'drop');
		const error = await failure(ask());
		expect(error.failure).toEqual({ kind: 'cut' });
		expect(error.partial).toBe('Half a reply');
	});

	it('reports an HTTP error with its status and code', async () => {
		answer = (res) => {
			res.writeHead(401, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }));
		};
		const error = await failure(ask());
		expect(error.failure).toMatchObject({ kind: 'http', status: 401, code: 'invalid_api_key' });
	});

	it('stops at an error the server reports mid-stream, keeping what arrived', async () => {
		answer = sse([chunk('Some text'), `data: ${JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } })}\n\n`, chunk(' never seen')]);
		const error = await failure(ask());
		expect(error.failure).toEqual({ kind: 'cut' });
		expect(error.partial).toBe('Some text');
	});

	it('gives up on an event that never ends rather than buffering it without limit', async () => {
		const endless = `data: ${'x'.repeat(1024 * 1024)}`;
		// The connection stays open: only the limit ends the wait.
		answer = sse([chunk('Start'), ...Array.from({ length: 17 }, () => endless)], 'hang');
		const error = await failure(ask());
		expect(error.failure).toEqual({ kind: 'cut' });
		expect(error.partial).toBe('Start');
	}, 10_000);
});
