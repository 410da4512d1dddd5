import { describe, expect, it } from 'vitest';
import { emptyReply, takeChatEvent } from './chat-reply';

const chunk = (content: string | null, finish: string | null = null) =>
	JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] });

describe('takeChatEvent', () => {
	it('joins the deltas and keeps the finish reason and usage', () => {
		const reply = emptyReply();
		for (const data of [
			JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
			chunk('# Requirements'),
			chunk('\n\nText'),
			chunk(null, 'stop'),
			JSON.stringify({ choices: [], usage: { prompt_tokens: 120, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 100 } } }),
			'[DONE]'
		]) {
			expect(takeChatEvent(reply, data)).toBeNull();
		}
		expect(reply).toEqual({ text: '# Requirements\n\nText', finishReason: 'stop', usage: { input: 120, output: 40, cached: 100 }, done: true });
	});

	it('ignores anything after [DONE]', () => {
		const reply = emptyReply();
		takeChatEvent(reply, chunk('kept'));
		takeChatEvent(reply, '[DONE]');
		expect(takeChatEvent(reply, chunk(' dropped'))).toBeNull();
		expect(takeChatEvent(reply, 'not json')).toBeNull();
		expect(reply.text).toBe('kept');
	});

	it('counts missing or odd usage numbers as zero', () => {
		const reply = emptyReply();
		takeChatEvent(reply, JSON.stringify({ choices: [], usage: { prompt_tokens: 9, completion_tokens: null } }));
		expect(reply.usage).toEqual({ input: 9, output: 0, cached: 0 });
	});

	it('returns the error a chunk reports, and the text so far stays', () => {
		const reply = emptyReply();
		takeChatEvent(reply, chunk('partial'));
		const error = { message: 'overloaded', type: 'server_error' };
		expect(takeChatEvent(reply, JSON.stringify({ error }))).toEqual({ error });
		expect(reply.text).toBe('partial');
	});

	it('returns the payload of an `error` event', () => {
		const reply = emptyReply();
		expect(takeChatEvent(reply, JSON.stringify({ error: { message: 'bad' } }), 'error')).toEqual({ error: { message: 'bad' } });
		expect(takeChatEvent(reply, JSON.stringify({ message: 'plain' }), 'error')).toEqual({ error: { message: 'plain' } });
	});

	it('throws on malformed JSON, like a broken connection', () => {
		expect(() => takeChatEvent(emptyReply(), '{"choices": [')).toThrow(SyntaxError);
	});

	it('skips chunks without choices or content', () => {
		const reply = emptyReply();
		expect(takeChatEvent(reply, JSON.stringify({ choices: [] }))).toBeNull();
		expect(takeChatEvent(reply, 'null')).toBeNull();
		expect(takeChatEvent(reply, JSON.stringify({ choices: [{ delta: null }] }))).toBeNull();
		expect(reply).toEqual(emptyReply());
	});
});
