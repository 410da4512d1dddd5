// Builds OpenAI Chat Completions wire objects (https://platform.openai.com/docs/api-reference/chat)
// from a scripted reply: the non-streaming body, the streamed chunks and OpenAI-style errors.
import { estimateTokens, textOf } from './scenarios.js';

/**
 * @typedef {import('./scenarios.js').ScriptedReply} ScriptedReply
 * @typedef {import('./scenarios.js').ChatMessage} ChatMessage
 * @typedef {import('./scenarios.js').UsageOverride} UsageOverride
 * @typedef {{ id: string, name: string, arguments: string }} ToolCall
 * @typedef {{ content: string | null, toolCalls: ToolCall[], finishReason: string }} Reply
 * @typedef {{
 *   prompt_tokens: number,
 *   completion_tokens: number,
 *   total_tokens: number,
 *   prompt_tokens_details: { cached_tokens: number },
 *   completion_tokens_details: { reasoning_tokens: number }
 * }} Usage
 */

/**
 * @param {ScriptedReply} scripted
 * @param {string} idPrefix makes tool call ids unique per response, as real providers do
 * @returns {Reply}
 */
export function normalizeReply(scripted, idPrefix) {
	const toolCalls = (scripted.tool_calls ?? []).map((call, i) => ({
		id: `call_${idPrefix}_${i}`,
		name: call.name,
		arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
	}));
	return {
		content: scripted.content ?? (toolCalls.length ? null : ''),
		toolCalls,
		finishReason: scripted.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop')
	};
}

/**
 * Arguments a model might emit when it is cut off or confused: valid-looking JSON that does not
 * parse. Without tool calls in the reply one is invented, so the fault always has something to break.
 * @param {Reply} reply
 * @param {string} idPrefix
 * @returns {Reply}
 */
export function corruptToolArgs(reply, idPrefix) {
	const calls = reply.toolCalls.length
		? reply.toolCalls
		: [{ id: `call_${idPrefix}_0`, name: 'write_file', arguments: '{"path":"notes.md","content":"x"}' }];
	return {
		...reply,
		finishReason: 'tool_calls',
		toolCalls: calls.map((call) => ({ ...call, arguments: `${call.arguments.slice(0, -2)}, "oops": ` }))
	};
}

/**
 * Prompt tokens are estimated from the messages; everything before the final message counts as
 * cached, which is what prefix caching does to a growing conversation.
 * @param {ChatMessage[]} messages
 * @param {Reply} reply
 * @param {UsageOverride | undefined} override
 * @returns {Usage}
 */
export function computeUsage(messages, reply, override) {
	const tokensOf = (/** @type {ChatMessage} */ m) =>
		4 + estimateTokens(textOf(m)) + (m.tool_calls ? estimateTokens(JSON.stringify(m.tool_calls)) : 0);
	const perMessage = messages.map(tokensOf);
	const prompt = override?.prompt_tokens ?? perMessage.reduce((a, b) => a + b, 0);
	const cached = override?.cached_tokens ?? perMessage.slice(0, -1).reduce((a, b) => a + b, 0);
	const output = (reply.content ?? '') + reply.toolCalls.map((c) => c.name + c.arguments).join('');
	const completion = override?.completion_tokens ?? estimateTokens(output);
	return {
		prompt_tokens: prompt,
		completion_tokens: completion,
		total_tokens: prompt + completion,
		prompt_tokens_details: { cached_tokens: Math.min(cached, prompt) },
		completion_tokens_details: { reasoning_tokens: 0 }
	};
}

/**
 * @param {{ id: string, model: string, created: number }} meta
 * @param {Reply} reply
 * @param {Usage} usage
 */
export function completionBody(meta, reply, usage) {
	const message = {
		role: 'assistant',
		content: reply.content,
		refusal: null,
		...(reply.toolCalls.length && {
			tool_calls: reply.toolCalls.map((c) => ({
				id: c.id,
				type: 'function',
				function: { name: c.name, arguments: c.arguments }
			}))
		})
	};
	return {
		...meta,
		object: 'chat.completion',
		choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason }],
		usage
	};
}

/**
 * @param {string} text
 * @param {number} size
 */
function split(text, size) {
	const pieces = [];
	for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
	return pieces;
}

/**
 * The streamed form of a reply. Like OpenAI: the first delta carries the role, content arrives in
 * small pieces, a tool call's id and name come in its first delta and its arguments in later ones,
 * and with `include_usage` a last chunk with empty `choices` carries the usage.
 * @param {{ id: string, model: string, created: number }} meta
 * @param {Reply} reply
 * @param {Usage} usage
 * @param {{ chunkSize: number, includeUsage: boolean }} options
 * @returns {object[]}
 */
export function streamChunks(meta, reply, usage, { chunkSize, includeUsage }) {
	const usageField = includeUsage ? { usage: null } : {};
	const chunk = (/** @type {object} */ delta, finishReason = /** @type {string | null} */ (null)) => ({
		...meta,
		object: 'chat.completion.chunk',
		choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
		...usageField
	});
	/** @type {object[]} */
	const chunks = [chunk({ role: 'assistant', content: '', refusal: null })];
	for (const piece of split(reply.content ?? '', chunkSize)) chunks.push(chunk({ content: piece }));
	reply.toolCalls.forEach((call, index) => {
		chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
		for (const piece of split(call.arguments, chunkSize)) {
			chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
		}
	});
	chunks.push(chunk({}, reply.finishReason));
	if (includeUsage) chunks.push({ ...meta, object: 'chat.completion.chunk', choices: [], usage });
	return chunks;
}

/**
 * OpenAI's error envelope, which the openai client turns into typed APIError subclasses.
 * @param {string} message
 * @param {string} type
 * @param {string | null} code
 * @param {string | null} [param]
 */
export const errorBody = (message, type, code, param = null) => ({ error: { message, type, param, code } });
