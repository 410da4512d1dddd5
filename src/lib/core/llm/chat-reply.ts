import type { TokenUsage } from './pricing';

/** What an OpenAI-compatible chat completion stream has said so far. */
export interface ChatReply {
	text: string;
	usage: TokenUsage | null;
	finishReason: string | null;
	/** The server sent `[DONE]`: anything after it is ignored. */
	done: boolean;
}

export function emptyReply(): ChatReply {
	return { text: '', usage: null, finishReason: null, done: false };
}

interface ChunkJson {
	error?: unknown;
	choices?: Array<{ delta?: { content?: unknown } | null; finish_reason?: unknown } | null>;
	usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; prompt_tokens_details?: { cached_tokens?: unknown } | null } | null;
}

/**
 * Takes one server-sent event of a streamed chat completion into `reply`. Returns the provider's
 * error when the event reports one (an `error` event, or a chunk with an `error` field, as OpenAI
 * and most compatible servers send mid-stream). Malformed JSON throws, like a broken connection.
 */
export function takeChatEvent(reply: ChatReply, data: string, event?: string): { error: unknown } | null {
	if (reply.done) return null;
	if (data === '[DONE]') {
		reply.done = true;
		return null;
	}
	const chunk = JSON.parse(data) as ChunkJson | null;
	if (event === 'error') return { error: chunk?.error ?? chunk };
	if (!chunk || typeof chunk !== 'object') return null;
	if (chunk.error) return { error: chunk.error };
	const choice = chunk.choices?.[0];
	const delta = choice?.delta?.content;
	if (typeof delta === 'string') reply.text += delta;
	if (typeof choice?.finish_reason === 'string') reply.finishReason = choice.finish_reason;
	if (chunk.usage) {
		reply.usage = {
			input: count(chunk.usage.prompt_tokens),
			output: count(chunk.usage.completion_tokens),
			cached: count(chunk.usage.prompt_tokens_details?.cached_tokens)
		};
	}
	return null;
}

function count(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
