import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startMockLlm, type MockLlm } from '../servers/mock-llm/server.js';
import { assemble, readSse } from '../servers/mock-llm/client.js';

const scenarioFile = (name: string) => new URL(`../servers/mock-llm/scenarios/${name}`, import.meta.url);
const requirementsDoc = readFileSync(scenarioFile('requirements-doc.md'), 'utf8');
const markdownAnswer: string = JSON.parse(readFileSync(scenarioFile('markdown-answer.json'), 'utf8')).replies[0].content;

let mock: MockLlm;
beforeEach(async () => {
	mock = await startMockLlm({ scenarios: [{ name: 'custom', model: 'mock-custom', replies: [{ content: 'custom reply' }] }] });
});
afterEach(() => mock.close());

type Message = { role: string; content?: string | null; tool_calls?: unknown[]; tool_call_id?: string };

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return fetch(`${mock.url}/chat/completions`, {
		method: 'POST',
		headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ model: 'mock-small', ...body })
	});
}
const user = (content: string): Message[] => [{ role: 'user', content }];

describe('mock LLM protocol', () => {
	it('binds to 127.0.0.1 and lists the configured models plus scenario models', async () => {
		expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/v1`);
		const res = await fetch(`${mock.url}/models`, { headers: { authorization: 'Bearer sk-test' } });
		expect(res.status).toBe(200);
		const list = await res.json();
		expect(list.object).toBe('list');
		expect(list.data.map((m: { id: string }) => m.id)).toEqual(['mock-small', 'mock-large', 'mock-custom']);
	});

	it('answers without streaming, with usage and the matched scenario, and records the request', async () => {
		const messages = [{ role: 'system', content: 'You are helpful.' }, ...user('What is spec-driven development?')];
		const res = await chat({ messages });
		expect(res.status).toBe(200);
		const body = await res.json();
		expect(body.object).toBe('chat.completion');
		expect(body.choices[0].message).toMatchObject({ role: 'assistant', content: markdownAnswer });
		expect(body.choices[0].finish_reason).toBe('stop');
		const { prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details } = body.usage;
		expect(prompt_tokens).toBeGreaterThan(prompt_tokens_details.cached_tokens);
		expect(prompt_tokens_details.cached_tokens).toBeGreaterThan(0); // the system prompt counts as cached
		expect(completion_tokens).toBe(Math.ceil(markdownAnswer.length / 4));
		expect(total_tokens).toBe(prompt_tokens + completion_tokens);
		expect(mock.requests).toHaveLength(1);
		expect(mock.requests[0]?.headers.authorization).toBe('Bearer sk-test');
		expect(mock.requests[0]?.body).toMatchObject({ model: 'mock-small', messages });
	});

	it('streams a long document in many chunks that reassemble exactly, with a final usage chunk', async () => {
		const messages = user('Write the requirements for a todo app');
		const res = await chat({ messages, stream: true, stream_options: { include_usage: true } });
		expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const { chunks, done, error } = await readSse(res);
		expect(error).toBeNull();
		expect(done).toBe(true);
		expect(chunks.length).toBeGreaterThan(100);
		const result = assemble(chunks);
		expect(result.content).toBe(requirementsDoc);
		expect(result.content).toContain('WHEN the user selects a filter THEN the system SHALL');
		expect(result.finishReason).toBe('stop');
		const last = chunks.at(-1);
		expect(last?.choices).toEqual([]);
		expect(last?.usage?.completion_tokens).toBe(Math.ceil(requirementsDoc.length / 4));
		expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
	});

	it('omits the usage chunk when include_usage is not requested', async () => {
		const { chunks } = await readSse(await chat({ messages: user('hi'), stream: true }));
		expect(chunks.every((c) => c.usage === undefined && c.choices.length === 1)).toBe(true);
	});

	it('streams tool calls with id and name first and arguments split across chunks', async () => {
		const res = await chat({ messages: user('Read the README please'), stream: true });
		const result = assemble((await readSse(res)).chunks);
		expect(result.finishReason).toBe('tool_calls');
		expect(result.content).toBe('Let me look at the project first.');
		expect(result.toolCalls.map((c) => c.name)).toEqual(['read_file', 'list_files']);
		expect(result.toolCalls[0]?.id).not.toBe(result.toolCalls[1]?.id);
		expect(JSON.parse(result.toolCalls[0]?.arguments ?? '')).toEqual({ path: 'README.md' });
		expect(JSON.parse(result.toolCalls[1]?.arguments ?? '')).toEqual({ path: '.kiro/specs', recursive: true });
		for (const call of result.toolCalls) expect(call.deltas).toBeGreaterThan(3);
	});

	it('walks through the replies along a tool loop and starts over on a new user message', async () => {
		const first = await (await chat({ messages: user('read the readme') })).json();
		const { message } = first.choices[0];
		expect(message.tool_calls[0].function).toEqual({ name: 'read_file', arguments: '{"path":"README.md"}' });
		const results = message.tool_calls.map((c: { id: string }) => ({ role: 'tool', tool_call_id: c.id, content: 'ok' }));
		const loop = [...user('read the readme'), message, ...results];
		const second = await (await chat({ messages: loop })).json();
		expect(second.choices[0].message.tool_calls[0].function.name).toBe('edit_file');
		const third = await (await chat({ messages: [...loop, second.choices[0].message, { role: 'tool', content: 'ok' }] })).json();
		expect(third.choices[0].message.content).toMatch(/^I renamed the heading/);
		const again = await (await chat({ messages: [...loop, ...user('read the readme again')] })).json();
		expect(again.choices[0].message.tool_calls[0].function.name).toBe('read_file');
	});

	it('echoes when nothing matches; header and setScenario pick a scenario by name', async () => {
		const echo = await (await chat({ messages: user('hello there') })).json();
		expect(echo.choices[0].message.content).toBe('Mock reply to: hello there');
		const byHeader = await (await chat({ messages: user('hello') }, { 'x-mock-scenario': 'custom' })).json();
		expect(byHeader.choices[0].message.content).toBe('custom reply');
		mock.setScenario('markdown-answer');
		const bySet = await (await chat({ messages: user('hello') })).json();
		expect(bySet.choices[0].message.content).toBe(markdownAnswer);
		expect(() => mock.setScenario('nope')).toThrow(/unknown scenario/);
		const unknown = await chat({ messages: user('hello') }, { 'x-mock-scenario': 'nope' });
		expect(unknown.status).toBe(400);
	});

	it('selects scenarios through the admin endpoint, for tests that drive a browser', async () => {
		const admin = (path: string, body: unknown) =>
			fetch(`${mock.url.replace('/v1', '/__admin')}/${path}`, { method: 'POST', body: JSON.stringify(body) });
		expect((await admin('scenario', { name: 'custom' })).status).toBe(200);
		const reply = await (await chat({ messages: user('hello') })).json();
		expect(reply.choices[0].message.content).toBe('custom reply');
		expect((await admin('scenario', { name: 'missing' })).status).toBe(400);
		expect((await admin('reset', {})).status).toBe(200);
		expect(mock.requests).toHaveLength(0);
		const echo = await (await chat({ messages: user('hello') })).json();
		expect(echo.choices[0].message.content).toBe('Mock reply to: hello');
	});
});

describe('mock LLM with the openai client the app uses', () => {
	it('streams content and usage', async () => {
		const client = new OpenAI({ baseURL: mock.url, apiKey: 'sk-mock-client' });
		const stream = await client.chat.completions.create({
			model: 'mock-small',
			messages: [{ role: 'user', content: 'Write the requirements, please' }],
			stream: true,
			stream_options: { include_usage: true }
		});
		let content = '';
		let usage: OpenAI.CompletionUsage | undefined;
		for await (const chunk of stream) {
			content += chunk.choices[0]?.delta.content ?? '';
			usage = chunk.usage ?? usage;
		}
		expect(content).toBe(requirementsDoc);
		expect(usage?.prompt_tokens).toBeGreaterThan(0);
		expect(usage?.prompt_tokens_details?.cached_tokens).toBe(0); // a single message: nothing to cache
		expect(mock.requests[0]?.headers['x-stainless-lang']).toBe('js');
	});

	it('reassembles streamed tool calls with the client helper', async () => {
		const client = new OpenAI({ baseURL: mock.url, apiKey: 'sk-test' });
		const messages = [{ role: 'user' as const, content: 'read the readme' }];
		const runner = client.chat.completions.stream({ model: 'mock-large', messages });
		const completion = await runner.finalChatCompletion();
		const calls = completion.choices[0]?.message.tool_calls ?? [];
		expect(calls.map((c) => (c.type === 'function' ? JSON.parse(c.function.arguments) : null))).toEqual([
			{ path: 'README.md' },
			{ path: '.kiro/specs', recursive: true }
		]);
	});

	it('retries a 429 after retry-after-ms and maps errors to typed exceptions', async () => {
		const client = new OpenAI({ baseURL: mock.url, apiKey: 'sk-test', maxRetries: 1 });
		mock.setFault({ type: '429', times: 1, retryAfter: 0.05 });
		const ok = await client.chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'hi' }] });
		expect(ok.choices[0]?.message.content).toBe('Mock reply to: hi');
		expect(mock.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
		const missing = client.chat.completions.create({ model: 'gpt-nope', messages: [{ role: 'user', content: 'hi' }] });
		await expect(missing).rejects.toBeInstanceOf(OpenAI.NotFoundError);
		await expect(missing).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
		const denied = new OpenAI({ baseURL: mock.url, apiKey: 'sk-wrong', maxRetries: 0 }).models.list();
		await expect(denied).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
	});
});
