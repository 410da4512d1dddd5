/**
 * What to do after a failed model request. Pure policy: the platform adapter classifies the
 * failure, asks here, and does the waiting (with a visible countdown) itself. Only failures that a
 * wait can cure are retried; everything else stops at once with what happened and what to do.
 */

export type RequestFailure =
	| { kind: 'http'; status: number; retryAfterSeconds?: number; code?: string; message?: string }
	| { kind: 'network' }
	| { kind: 'offline' }
	| { kind: 'aborted' }
	/** The stream ended before the model finished (connection dropped mid-reply). */
	| { kind: 'cut' };

export type StopProblem =
	| 'rate-limited'
	| 'server-error'
	| 'auth'
	| 'context-length'
	| 'offline'
	| 'aborted'
	| 'cut'
	| 'bad-request'
	| 'network';

export type RetryDecision =
	| { action: 'retry'; delayMs: number; reason: 'rate-limited' | 'server-error' }
	| { action: 'stop'; problem: StopProblem; message: string; hint: string; settingsLink?: boolean };

export interface RetryOptions {
	/** The parts of the prompt and their sizes, to say which one to cut when the context is too long. */
	inputs?: readonly { name: string; tokens: number }[];
	/** 0 ≤ r < 1, to spread retries from many tabs; without it delays are exact (and testable). */
	random?: () => number;
	maxRetries?: number;
}

export const MAX_RETRIES = 3;
export const DEFAULT_RETRY_AFTER_S = 10;
export const MAX_RETRY_AFTER_S = 120;
const BACKOFF_BASE_MS = 1000;

const CONTEXT_CODES = new Set(['context_length_exceeded', 'string_above_max_length', 'request_too_large']);
const CONTEXT_TEXT = /context (length|window)|maximum context|too many tokens|prompt is too long|input is too long|reduce the length/i;

/** `attempt` is the number of attempts made so far, the failed one included (1 after the first). */
export function decideRetry(failure: RequestFailure, attempt: number, options: RetryOptions = {}): RetryDecision {
	const maxRetries = options.maxRetries ?? MAX_RETRIES;
	const retriesLeft = attempt <= maxRetries;
	const jitter = (ms: number): number => Math.round(ms * (1 + (options.random?.() ?? 0) * 0.25));
	switch (failure.kind) {
		case 'aborted':
			// The user stopped it: nothing to show.
			return { action: 'stop', problem: 'aborted', message: '', hint: '' };
		case 'offline':
			return {
				action: 'stop',
				problem: 'offline',
				message: 'You are offline, so the model cannot be reached.',
				hint: 'Your draft is kept. Try again when you are back online.'
			};
		case 'network':
			return {
				action: 'stop',
				problem: 'network',
				message: 'The model provider could not be reached.',
				hint: 'Your draft is kept. Check your connection and the base URL in Settings, then try again.'
			};
		case 'cut':
			return {
				action: 'stop',
				problem: 'cut',
				message: 'The reply was cut off before it was finished.',
				hint: 'The text so far is kept. Choose Continue to let the model pick up where it stopped.'
			};
		case 'http':
			return decideHttp(failure, attempt, retriesLeft, jitter, options.inputs);
	}
}

function decideHttp(
	failure: Extract<RequestFailure, { kind: 'http' }>,
	attempt: number,
	retriesLeft: boolean,
	jitter: (ms: number) => number,
	inputs: RetryOptions['inputs']
): RetryDecision {
	const { status } = failure;
	const code = (failure.code ?? '').toLowerCase();
	if (status === 401 || status === 403 || code === 'invalid_api_key') {
		return {
			action: 'stop',
			problem: 'auth',
			message: status === 403 ? 'The provider refused this API key (403 Forbidden).' : 'The API key was rejected (401 Unauthorized).',
			hint: 'Check the key and the provider in Settings.',
			settingsLink: true
		};
	}
	if (status === 413 || CONTEXT_CODES.has(code) || (status === 400 && CONTEXT_TEXT.test(failure.message ?? ''))) {
		return contextTooLong(inputs);
	}
	if (status === 429) {
		// OpenAI answers 429 when the account is out of credit: no wait will cure that.
		if (code === 'insufficient_quota') {
			return {
				action: 'stop',
				problem: 'rate-limited',
				message: 'The provider account has no credit left (insufficient quota).',
				hint: "Add credit or raise the limit on the provider's billing page, or pick another provider in Settings.",
				settingsLink: true
			};
		}
		const wait = failure.retryAfterSeconds;
		const seconds = wait !== undefined && Number.isFinite(wait) && wait >= 0 ? Math.min(wait, MAX_RETRY_AFTER_S) : DEFAULT_RETRY_AFTER_S;
		if (retriesLeft) return { action: 'retry', delayMs: Math.round(seconds * 1000), reason: 'rate-limited' };
		return {
			action: 'stop',
			problem: 'rate-limited',
			message: `The provider is still rate-limiting requests after ${attempt} attempts (429 Too Many Requests).`,
			hint: "Your draft is kept. Wait a minute and try again, or check your plan's rate limits."
		};
	}
	if (status >= 500 || status === 408) {
		if (retriesLeft) return { action: 'retry', delayMs: jitter(BACKOFF_BASE_MS * 2 ** (attempt - 1)), reason: 'server-error' };
		return {
			action: 'stop',
			problem: 'server-error',
			message: `The provider failed with a server error (${status}) ${attempt} times in a row.`,
			hint: 'Your draft is kept. The provider may be having an outage: try again later or pick another model.'
		};
	}
	if (status === 404 || code === 'model_not_found') {
		return {
			action: 'stop',
			problem: 'bad-request',
			message: 'The model or endpoint was not found.',
			hint: 'Check the model name and base URL in Settings.',
			settingsLink: true
		};
	}
	const detail = failure.message ? `: ${failure.message}` : '.';
	return {
		action: 'stop',
		problem: 'bad-request',
		message: `The provider rejected the request (${status})${detail}`,
		hint: 'Your draft is kept. Try another model if the problem persists.'
	};
}

function contextTooLong(inputs: RetryOptions['inputs']): RetryDecision {
	const largest = [...(inputs ?? [])].sort((a, b) => b.tokens - a.tokens)[0];
	const hint = largest
		? `The largest input is ${largest.name} (about ${largest.tokens.toLocaleString('en-US')} tokens): shorten or leave it out, or pick a model with a larger context window instead.`
		: 'Shorten the documents or steering files sent with the request, or pick a model with a larger context window instead.';
	const message = largest
		? `The request is too long for this model's context window; ${largest.name} is the largest part of it.`
		: "The request is too long for this model's context window.";
	return { action: 'stop', problem: 'context-length', message, hint };
}
