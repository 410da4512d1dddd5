import { SpecwrightError } from '../errors';

/**
 * Turns what went wrong in a clone into a message the user can act on. The worker reports the raw
 * failure plus what it had seen of the server, because a browser hides the reason of a failed fetch:
 * "blocked by CORS" and "server down" look the same, and only "had it answered before?" tells a
 * dropped connection apart from one that never opened.
 */
export interface CloneFailure {
	/** isomorphic-git's error code ('HttpError', 'SmartHttpError', 'NotFoundError'…) or the error's name. */
	code: string;
	message: string;
	/** HTTP status for an HttpError. */
	status?: number;
	/** The server had answered at least one request before the failure. */
	answered: boolean;
	/** A CORS proxy was used. */
	proxied: boolean;
	/** The user had been asked for credentials (and gave some or declined). */
	askedForCredentials: boolean;
	/** The branch the user asked for, if any. */
	branch?: string;
}

const NOTHING_CREATED = 'No project was created.';

export function describeCloneFailure(failure: CloneFailure, url: string): SpecwrightError {
	const where = hostOf(url);
	const { code, status } = failure;
	if (code === 'UserCanceledError' || ((code === 'HttpError' && (status === 401 || status === 403)) && !failure.askedForCredentials)) {
		return new SpecwrightError('git-auth-required', `${where} needs credentials to clone this repository.`, {
			hint: `Enter a user name and a token (or password) that can read it. ${NOTHING_CREATED}`
		});
	}
	if (code === 'HttpError' && (status === 401 || status === 403)) {
		return new SpecwrightError('git-auth-rejected', `${where} did not accept these credentials.`, {
			hint: `Check the user name and the token, and that it may read this repository. ${NOTHING_CREATED}`
		});
	}
	if (code === 'HttpError' && status === 404) {
		return new SpecwrightError('git-not-found', `Repository not found: ${url}`, {
			hint: `Check the URL. A private repository may also answer "not found" without credentials. ${NOTHING_CREATED}`
		});
	}
	if (code === 'NotFoundError' && failure.branch) {
		return new SpecwrightError('git-branch-not-found', `The repository has no branch "${failure.branch}".`, {
			hint: `Leave the branch empty for the default one. ${NOTHING_CREATED}`
		});
	}
	if (code === 'SmartHttpError' || (code === 'HttpError' && status !== undefined && status < 500)) {
		return new SpecwrightError('git-not-a-server', `${where} did not answer as a git server.`, {
			hint: `Check that the URL is a repository's clone URL (it usually ends in .git). ${NOTHING_CREATED}`
		});
	}
	if (code === 'HttpError') {
		return new SpecwrightError('git-server-error', `${where} failed with "${status ?? ''} ${failure.message}".`.replace(/\s+"/, ' "'), {
			hint: `Try again later. ${NOTHING_CREATED}`
		});
	}
	if (isNetworkError(failure) && failure.answered) {
		return new SpecwrightError('git-network-dropped', 'The connection dropped in the middle of the clone.', {
			hint: `${NOTHING_CREATED} Check your connection and try again.`
		});
	}
	if (isNetworkError(failure)) {
		return failure.proxied
			? new SpecwrightError('git-unreachable', `The CORS proxy or ${where} could not be reached.`, {
					hint: `Check the proxy URL in Settings → Git and that the proxy is running. ${NOTHING_CREATED}`
				})
			: new SpecwrightError('git-cors-blocked', `${where} could not be reached from the browser: it is offline, or it does not allow browsers (CORS).`, {
					hint: `Most git hosts need a CORS proxy: set one in Settings → Git. ${NOTHING_CREATED}`
				});
	}
	return new SpecwrightError('git-clone-failed', `The clone failed: ${failure.message}`, { hint: NOTHING_CREATED });
}

function isNetworkError(failure: CloneFailure): boolean {
	// fetch rejects with a TypeError ("Failed to fetch", "network error"); a stream cut mid-body too.
	return failure.code === 'TypeError' || /network|fetch|connection|body stream|ERR_/i.test(failure.message);
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'The server';
	}
}

/** "https://host/team/app.git" → "app": the new project's name. */
export function projectNameFromUrl(url: string): string {
	const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
	const last = path.slice(path.lastIndexOf('/') + 1).replace(/\.git$/i, '');
	return last === '' ? 'repository' : last;
}

/** Checks the URL the user typed; credentials in it would end up in .git/config, so they are refused. */
export function validateCloneUrl(input: string): string {
	const raw = input.trim();
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SpecwrightError('git-url-malformed', `"${raw}" is not a URL.`, { hint: 'Paste the https:// clone URL of the repository.' });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SpecwrightError('git-url-malformed', 'Only http(s) git URLs can be cloned from a browser.', {
			hint: 'Use the https:// clone URL instead of an ssh or git:// one.'
		});
	}
	if (url.username || url.password) {
		throw new SpecwrightError('git-url-credentials', 'Leave the user name and token out of the URL.', {
			hint: 'You will be asked for them when the server needs them; they are never stored in the project.'
		});
	}
	return raw;
}
