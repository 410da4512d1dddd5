// Small client-side helpers for tests that talk to the mock with plain fetch: read an SSE body into
// chunks and fold the chunks back into one message, the way a streaming client must.

/**
 * @typedef {{ index: number, id?: string, type?: string, function?: { name?: string, arguments?: string } }} ToolCallDelta
 * @typedef {{ role?: string, content?: string | null, tool_calls?: ToolCallDelta[] }} Delta
 * @typedef {{
 *   choices: { index: number, delta: Delta, finish_reason: string | null }[],
 *   usage?: import('./openai-format.js').Usage | null
 * }} Chunk
 * @typedef {{ id: string, name: string, arguments: string, deltas: number }} AssembledToolCall
 */

/**
 * Reads a streamed response to the end. A connection cut mid-stream is reported as `error`, with
 * everything received before it, instead of throwing.
 * @param {Response} response
 * @returns {Promise<{ chunks: Chunk[], done: boolean, error: unknown }>}
 */
export async function readSse(response) {
	if (!response.body) throw new Error('response has no body');
	const decoder = new TextDecoder();
	/** @type {Chunk[]} */
	const chunks = [];
	let buffer = '';
	let done = false;
	let error = null;
	const reader = response.body.getReader();
	try {
		for (let r = await reader.read(); !r.done; r = await reader.read()) {
			buffer += decoder.decode(r.value, { stream: true });
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const data = buffer.slice(0, end).replace(/^data: /, '');
				buffer = buffer.slice(end + 2);
				if (data === '[DONE]') done = true;
				else chunks.push(JSON.parse(data));
			}
		}
	} catch (err) {
		error = err;
	}
	return { chunks, done, error };
}

/**
 * Folds stream chunks into the final message: content pieces are joined, tool call deltas are
 * merged by `index` (id and name come once, arguments arrive in pieces).
 * @param {Chunk[]} chunks
 */
export function assemble(chunks) {
	let content = '';
	/** @type {AssembledToolCall[]} */
	const toolCalls = [];
	/** @type {string | null} */
	let finishReason = null;
	for (const chunk of chunks) {
		const choice = chunk.choices[0];
		if (!choice) continue;
		content += choice.delta.content ?? '';
		for (const delta of choice.delta.tool_calls ?? []) {
			const call = (toolCalls[delta.index] ??= { id: '', name: '', arguments: '', deltas: 0 });
			call.id ||= delta.id ?? '';
			call.name ||= delta.function?.name ?? '';
			call.arguments += delta.function?.arguments ?? '';
			call.deltas += 1;
		}
		finishReason = choice.finish_reason ?? finishReason;
	}
	const usage = chunks.findLast((c) => c.usage)?.usage ?? null;
	return { content, toolCalls, finishReason, usage };
}
