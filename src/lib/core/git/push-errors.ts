import { SpecwrightError } from '../errors';

interface RawGitError {
	name?: string;
	code?: string;
	message?: string;
	data?: { statusCode?: number; reason?: string };
}

/**
 * Turns what isomorphic-git and fetch throw during a push into a message and a next step.
 * Browsers hide why a cross-origin request failed, so a network failure is explained as the likely
 * cause: the server does not allow CORS and a proxy is needed (or the proxy itself is unreachable).
 */
export function pushError(error: unknown, context: { corsProxy: string; auth?: unknown }): SpecwrightError {
	if (error instanceof SpecwrightError) return error;
	const raw = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RawGitError;
	if (raw.name === 'AbortError') return new SpecwrightError('aborted', 'The push was cancelled.', { cause: error });
	const status = raw.data?.statusCode;
	const make = (code: string, message: string, hint?: string) => new SpecwrightError(code, message, { hint, cause: error });
	if (raw.code === 'UserCanceledError' || status === 401 || status === 403) {
		return context.auth
			? make('git-auth-failed', 'The remote refused the token.', 'Check the token and that it may write to this repository.')
			: make('git-auth-required', 'The remote asks for a token.', 'Enter a token with write access to the repository.');
	}
	if (status === 404) return make('git-remote-not-found', 'No repository was found at that URL.', 'Check the URL; for a private repository, enter a token.');
	if (raw.code === 'PushRejectedError') {
		return raw.data?.reason === 'tag-exists'
			? make('git-push-rejected', 'The remote already has that tag.')
			: make('git-push-rejected', 'The remote branch has commits this project does not have (not a fast-forward).', 'Push to a new branch, or bring the remote changes in first.');
	}
	if (raw.code === 'GitPushError') return make('git-push-rejected', `The remote refused the push: ${raw.message ?? 'no reason given'}.`);
	if (raw.code === 'UrlParseError' || raw.code === 'UnknownTransportError') return make('remote-url-invalid', 'That URL cannot be pushed to.', 'Use the HTTPS address of the repository.');
	if (raw.code === 'SmartHttpError') return make('git-remote-invalid', 'The server did not answer like a git server.', 'Check the URL, and the proxy if one is set.');
	if (typeof status === 'number') return make('git-http', `The remote answered ${status}.`);
	if (raw.name === 'TypeError' || /fetch|network/i.test(raw.message ?? '')) {
		return context.corsProxy
			? make('git-network', 'The push could not reach the remote through the CORS proxy.', 'Check that you are online and that the proxy in Settings → Git works.')
			: make('git-cors', 'The push could not reach the remote. Most git servers do not allow requests from a web page (CORS).', 'Configure a CORS proxy in Settings → Git, or check that you are online.');
	}
	return make('git-push-failed', `The push failed: ${raw.message ?? 'unknown error'}.`);
}
