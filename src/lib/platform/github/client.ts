import { isAbort } from '../../core/errors';
import { classifyReply, networkError, type ReplyContext } from '../../core/github/errors';

/** Where the REST API is (api.github.com, or a GitHub Enterprise server's /api/v3) and the user's token. */
export interface GitHubConnection {
	apiUrl: string;
	/** Empty: anonymous, public repositories only and 60 requests an hour. */
	token: string;
}

export type RequestContext = Omit<ReplyContext, 'hasToken' | 'operation'>;

/**
 * A small fetch client for the REST API. Every failure becomes a SpecwrightError that says what to
 * do; the token goes only into the Authorization header of requests to the configured API URL.
 */
export class GitHubClient {
	readonly #base: string;
	/** The rate limit as of the last answer: what this hour has left, and when it resets (epoch s). */
	rate: { remaining: number; reset: number } | null = null;

	constructor(
		private readonly connection: GitHubConnection,
		private readonly operation: ReplyContext['operation'],
		private readonly fetcher: typeof fetch = (input, init) => fetch(input, init)
	) {
		this.#base = connection.apiUrl.trim().replace(/\/+$/, '');
	}

	get hasToken(): boolean {
		return this.connection.token.trim() !== '';
	}

	get<T>(path: string, context: RequestContext, signal?: AbortSignal): Promise<T> {
		return this.request<T>('GET', path, undefined, context, signal);
	}

	/** Like get, but a 404 resolves to null: "does this branch exist?" */
	async find<T>(path: string, context: RequestContext, signal?: AbortSignal): Promise<T | null> {
		const response = await this.#send('GET', path, undefined, signal);
		if (response.status === 404) return null;
		return this.#read<T>(response, context);
	}

	async request<T>(method: string, path: string, body: unknown, context: RequestContext, signal?: AbortSignal): Promise<T> {
		return this.#read<T>(await this.#send(method, path, body, signal), context);
	}

	async #send(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
		const headers: Record<string, string> = {
			Accept: 'application/vnd.github+json',
			'X-GitHub-Api-Version': '2022-11-28'
		};
		if (this.hasToken) headers.Authorization = `Bearer ${this.connection.token.trim()}`;
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		try {
			return await this.fetcher(`${this.#base}${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				signal,
				// Never send cookies of a github.com session along: the token is the only credential.
				credentials: 'omit',
				cache: 'no-store'
			});
		} catch (error) {
			throw this.#lost(error, signal);
		}
	}

	async #read<T>(response: Response, context: RequestContext): Promise<T> {
		const remaining = response.headers.get('x-ratelimit-remaining');
		if (remaining !== null) this.rate = { remaining: Number(remaining), reset: Number(response.headers.get('x-ratelimit-reset') ?? 0) };
		let text: string;
		try {
			text = await response.text();
		} catch (error) {
			throw this.#lost(error);
		}
		if (response.ok) {
			try {
				return JSON.parse(text) as T;
			} catch (error) {
				// A body cut short parses as broken JSON: the connection dropped.
				throw networkError({ operation: this.operation }, error);
			}
		}
		let message: string | undefined;
		try {
			const parsed = JSON.parse(text) as { message?: unknown; errors?: Array<{ message?: unknown }> };
			const detail = parsed.errors?.map((e) => e.message).find((m) => typeof m === 'string');
			message = typeof parsed.message === 'string' ? parsed.message + (typeof detail === 'string' ? ` (${detail})` : '') : undefined;
		} catch {
			message = undefined;
		}
		throw classifyReply(
			{
				status: response.status,
				message,
				rateRemaining: response.headers.get('x-ratelimit-remaining'),
				rateReset: response.headers.get('x-ratelimit-reset')
			},
			{ ...context, hasToken: this.hasToken, operation: this.operation }
		);
	}

	#lost(error: unknown, signal?: AbortSignal): unknown {
		if (signal?.aborted || isAbort(error)) return error;
		return networkError({ operation: this.operation }, error);
	}
}

/** Runs at most `size` tasks at once: enough to hide latency, few enough to stay polite. */
export function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: Array<() => void> = [];
	return async (task) => {
		if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await task();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}

/** A path segment-wise encoded, so branch names with "/" stay readable to the API. */
export function encodePath(path: string): string {
	return path.split('/').map(encodeURIComponent).join('/');
}
