import type { RequestFailure } from '../../core/llm/retry';
import type { TokenUsage } from '../../core/llm/pricing';
import { emptyReply, takeChatEvent } from '../../core/llm/chat-reply';

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

type Sdk = typeof import('openai');
interface Libraries {
	sdk: Sdk;
	createParser: typeof import('eventsource-parser').createParser;
}
/** The client and the event parser once loaded: later requests go out without waiting on another task. */
let loaded: Libraries | null = null;

async function libraries(): Promise<Libraries> {
	if (loaded) return loaded;
	const [sdk, { createParser }] = await Promise.all([import('openai'), import('eventsource-parser')]);
	return (loaded = { sdk, createParser });
}
/** The most one server-sent event may hold; a whole long reply sent as one event still fits. */
const MAX_EVENT_BYTES = 16 * 1024 * 1024;
/** One client per endpoint and key: making one sets up every API resource of the SDK. */
const clients = new Map<string, InstanceType<Sdk['default']>>();

/**
 * Streams a chat completion from an OpenAI-compatible endpoint, calling `onText` with the text so
 * far. The client is loaded on first use (it is not needed for the first paint) and never retries
 * on its own: retries follow the app's policy, with a countdown the user can see.
 *
 * The client sends the request and turns an HTTP error into its `APIError`; the body is read here.
 * A fast endpoint delivers hundreds of events per network read, and the client's event iterator
 * costs a few promise turns per event (about 10 ms of the page's time for a 200 KB reply); here
 * each read is decoded and parsed in one go, and `onText` is called once per read.
 */
export async function streamChat(request: ChatRequest, onText: (text: string) => void): Promise<ChatResult> {
	let libs: Libraries;
	try {
		libs = await libraries();
	} catch {
		// The client loads on first use; offline before it was ever cached, that load fails.
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		throw new ChatFailure({ kind: offline ? 'offline' : 'network' }, '', null);
	}
	const { sdk, createParser } = libs;
	const { APIError, APIUserAbortError } = sdk;
	const reply = emptyReply();
	try {
		const response = await client(sdk, request)
			.chat.completions.create(
				{ model: request.model, messages: [...request.messages], stream: true, stream_options: { include_usage: true } },
				{ signal: request.signal }
			)
			.asResponse();
		if (!response.body) throw new Error('The response has no body.');
		// Set by the parser's callback: the error an event reported, thrown once the read is parsed.
		const reported: { failed: { error: unknown } | null } = { failed: null };
		const parser = createParser({
			onEvent: (e) => (reported.failed ??= takeChatEvent(reply, e.data, e.event)),
			// A server that never ends an event would otherwise grow the parser's buffer without end.
			maxBufferSize: MAX_EVENT_BYTES,
			onError: (e) => {
				if (e.type === 'max-buffer-size-exceeded') reported.failed ??= { error: { message: e.message } };
			}
		});
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let shown = 0;
		while (!reply.done) {
			const { done, value } = await reader.read();
			if (done) break;
			parser.feed(decoder.decode(value, { stream: true }));
			if (reported.failed) throw new APIError(undefined, reported.failed.error as object, undefined, response.headers);
			if (reply.text.length !== shown) {
				shown = reply.text.length;
				onText(reply.text);
			}
		}
		// Servers may hold the connection open after `[DONE]`; nothing after it is read.
		if (reply.done) void reader.cancel().catch(() => undefined);
	} catch (error) {
		throw new ChatFailure(classify(error, request.signal, reply.text, APIError, APIUserAbortError), reply.text, reply.usage);
	}
	const { text, usage, finishReason } = reply;
	// An end without a finish reason means the reply was cut off mid-way (or stopped by the user).
	if (request.signal.aborted) throw new ChatFailure({ kind: 'aborted' }, text, usage);
	if (finishReason === null) throw new ChatFailure({ kind: 'cut' }, text, usage);
	return { text, usage, finishReason };
}

function client(sdk: Sdk, request: ChatRequest): InstanceType<Sdk['default']> {
	// Local servers take no key, but the client insists on one.
	const apiKey = request.apiKey || 'no-key';
	const key = `${request.baseURL}\n${apiKey}`;
	let made = clients.get(key);
	if (!made) {
		made = new sdk.default({ baseURL: request.baseURL, apiKey, dangerouslyAllowBrowser: true, maxRetries: 0, timeout: 120_000 });
		clients.set(key, made);
	}
	return made;
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
