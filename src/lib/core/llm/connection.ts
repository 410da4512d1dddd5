/**
 * "Test connection" outcomes. The platform probe reports what it saw; this decides what it means,
 * so each failure gets its own message and a next step.
 */

export type ConnectionProblem =
	| 'wrong-key'
	| 'cors'
	| 'unreachable'
	| 'offline'
	| 'timeout'
	| 'rate-limited'
	| 'model-not-found'
	| 'server-error'
	| 'unexpected';

export type ConnectionVerdict =
	| { ok: true; message: string; models: string[] }
	| { ok: false; problem: ConnectionProblem; message: string; hint: string };

export interface HttpOutcome {
	status: number;
	body: unknown;
	retryAfterSeconds?: number;
}

/** The error code an OpenAI-compatible server put in its body, if any. */
export function errorCode(body: unknown): string {
	if (body && typeof body === 'object' && 'error' in body) {
		const error = (body as { error: unknown }).error;
		if (error && typeof error === 'object') {
			const { code, type } = error as { code?: unknown; type?: unknown };
			if (typeof code === 'string') return code;
			if (typeof type === 'string') return type;
		}
	}
	return '';
}

export function errorText(body: unknown): string {
	if (body && typeof body === 'object' && 'error' in body) {
		const error = (body as { error: unknown }).error;
		if (typeof error === 'string') return error;
		if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
			return (error as { message: string }).message;
		}
	}
	return '';
}

/** Failure verdicts for an HTTP reply; `undefined` when the reply is a success. */
export function classifyHttp(outcome: HttpOutcome, model: string): ConnectionVerdict | undefined {
	const { status, body } = outcome;
	if (status >= 200 && status < 300) return undefined;
	const code = errorCode(body);
	if (status === 401 || status === 403 || code === 'invalid_api_key') {
		return {
			ok: false,
			problem: 'wrong-key',
			message: status === 403 ? 'The server refused this API key (403 Forbidden).' : 'The API key was rejected (401 Unauthorized).',
			hint: 'Check the key for this provider, and that it has access to the API.'
		};
	}
	if (status === 429) {
		const wait = outcome.retryAfterSeconds;
		return {
			ok: false,
			problem: 'rate-limited',
			message: 'The provider is rate-limiting this key (429 Too Many Requests).',
			hint: wait !== undefined ? `Try again in ${Math.ceil(wait)} s, or check your plan's limits.` : "Wait a moment, or check your plan's limits."
		};
	}
	if (code === 'model_not_found' || (status === 404 && model !== '')) {
		return {
			ok: false,
			problem: 'model-not-found',
			message: `The model "${model}" was not found at this endpoint.`,
			hint: 'Pick a model from the list, or check its exact name with your provider.'
		};
	}
	if (status >= 500) {
		return {
			ok: false,
			problem: 'server-error',
			message: `The provider had an internal error (${status}).`,
			hint: 'This is on their side; try again shortly.'
		};
	}
	const detail = errorText(body);
	return {
		ok: false,
		problem: 'unexpected',
		message: `The server answered ${status}${detail ? `: ${detail}` : ''}.`,
		hint: 'Check the base URL: it usually ends in /v1.'
	};
}

export function networkVerdict(kind: 'cors' | 'unreachable' | 'offline' | 'timeout', baseURL: string): ConnectionVerdict {
	switch (kind) {
		case 'cors':
			return {
				ok: false,
				problem: 'cors',
				message: `${new URL(baseURL).host} answered, but its CORS policy blocks requests from this page.`,
				hint: 'Allow this site as an origin on the server (for Ollama: OLLAMA_ORIGINS), or use a provider that allows browser calls.'
			};
		case 'unreachable':
			return {
				ok: false,
				problem: 'unreachable',
				message: `Could not reach ${new URL(baseURL).host}.`,
				hint: 'Check the base URL, and that the server is running.'
			};
		case 'offline':
			return { ok: false, problem: 'offline', message: 'This device is offline.', hint: 'Reconnect, then test again.' };
		case 'timeout':
			return {
				ok: false,
				problem: 'timeout',
				message: `${new URL(baseURL).host} did not answer within the time limit.`,
				hint: 'The server may be overloaded or the URL wrong.'
			};
	}
}

/** Model ids from a `GET /models` reply, sorted; tolerant of the shapes providers use. */
export function modelIds(body: unknown): string[] {
	const data = body && typeof body === 'object' ? ((body as { data?: unknown; models?: unknown }).data ?? (body as { models?: unknown }).models) : undefined;
	if (!Array.isArray(data)) return [];
	const ids = data
		.map((m: unknown) => (m && typeof m === 'object' ? ((m as { id?: unknown }).id ?? (m as { name?: unknown }).name) : m))
		.filter((id): id is string => typeof id === 'string' && id !== '');
	return [...new Set(ids)].sort();
}
