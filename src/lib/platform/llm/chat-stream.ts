import type { RequestFailure } from '../../core/llm/retry';
import type { TokenUsage } from '../../core/llm/pricing';

export interface ChatMessageInput {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface ChatRequest {
	baseURL: string;
	apiKey: string;
	model: string;
	messages: readonly ChatMessageInput[];
	signal: AbortSignal;
}

export interface ChatResult {
	text: string;
	usage: TokenUsage | null;
	finishReason: string | null;
}

/** A failed request, classified for the retry policy, with whatever text had arrived. */
export class ChatFailure extends Error {
	constructor(
		readonly failure: RequestFailure,
		readonly partial: string,
		readonly usage: TokenUsage | null
	) {
		super(`Model request failed: ${failure.kind}`);
		this.name = 'ChatFailure';
	}
}

/** The client once loaded: later requests go out without waiting on another task for the import. */
let loaded: typeof import('openai') | null = null;

/**
 * Streams a chat completion from an OpenAI-compatible endpoint, calling `onText` with the text so
 * far. The client is loaded on first use (it is not needed for the first paint) and never retries
 * on its own: retries follow the app's policy, with a countdown the user can see.
 */
export async function streamChat(request: ChatRequest, onText: (text: string) => void): Promise<ChatResult> {
	let sdk: typeof import('openai');
	try {
		sdk = loaded ??= await import('openai');
	} catch {
		// The client loads on first use; offline before it was ever cached, that load fails.
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		throw new ChatFailure({ kind: offline ? 'offline' : 'network' }, '', null);
	}
	const { default: OpenAI, APIError, APIUserAbortError } = sdk;
	const client = new OpenAI({
		baseURL: request.baseURL,
		// Local servers take no key, but the client insists on one.
		apiKey: request.apiKey || 'no-key',
		dangerouslyAllowBrowser: true,
		maxRetries: 0,
		timeout: 120_000
	});
	let text = '';
	let usage: TokenUsage | null = null;
	let finishReason: string | null = null;
	try {
		const stream = await client.chat.completions.create(
			{ model: request.model, messages: [...request.messages], stream: true, stream_options: { include_usage: true } },
			{ signal: request.signal }
		);
		for await (const chunk of stream) {
			const choice = chunk.choices[0];
			const delta = choice?.delta?.content;
			if (delta) {
				text += delta;
				onText(text);
			}
			if (choice?.finish_reason) finishReason = choice.finish_reason;
			if (chunk.usage) {
				usage = {
					input: chunk.usage.prompt_tokens,
					output: chunk.usage.completion_tokens,
					cached: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0
				};
			}
		}
	} catch (error) {
		throw new ChatFailure(classify(error, request.signal, text, APIError, APIUserAbortError), text, usage);
	}
	// The client may end the stream quietly when aborted; otherwise an end without a finish reason
	// means the reply was cut off mid-way.
	if (request.signal.aborted) throw new ChatFailure({ kind: 'aborted' }, text, usage);
	if (finishReason === null) throw new ChatFailure({ kind: 'cut' }, text, usage);
	return { text, usage, finishReason };
}

function classify(
	error: unknown,
	signal: AbortSignal,
	partial: string,
	APIError: new (...args: never[]) => { status?: number; headers?: unknown; code?: unknown; message: string },
	APIUserAbortError: new (...args: never[]) => unknown
): RequestFailure {
	if (signal.aborted || error instanceof APIUserAbortError) return { kind: 'aborted' };
	if (error instanceof APIError && typeof error.status === 'number') {
		return {
			kind: 'http',
			status: error.status,
			retryAfterSeconds: retryAfter(error.headers),
			code: typeof error.code === 'string' ? error.code : undefined,
			message: error.message
		};
	}
	if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline' };
	// Text had arrived, so the endpoint was reachable: the connection dropped mid-reply.
	return partial !== '' ? { kind: 'cut' } : { kind: 'network' };
}

function retryAfter(headers: unknown): number | undefined {
	const get = (name: string): string | null =>
		headers instanceof Headers ? headers.get(name) : ((headers as Record<string, string> | undefined)?.[name] ?? null);
	const ms = Number(get('retry-after-ms'));
	if (Number.isFinite(ms) && ms > 0) return ms / 1000;
	const seconds = Number(get('retry-after'));
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
