import { SpecwrightError } from '../errors';

/**
 * Turns a GitHub REST reply that is not a success into a SpecwrightError the user can act on.
 * Kept pure (the reply's parts are passed in) so every case is unit-tested without a network.
 */

export interface GitHubReply {
	status: number;
	/** The `message` of GitHub's JSON error body, when there was one. */
	message?: string;
	/** `x-ratelimit-remaining` and `x-ratelimit-reset` (epoch seconds), when exposed. */
	rateRemaining?: string | null;
	rateReset?: string | null;
}

export interface ReplyContext {
	/** "acme/tool": named in the messages. */
	repo: string;
	/** What was being asked for: decides which 404 it was. */
	resource: 'repo' | 'branch' | 'user' | 'write';
	branch?: string;
	hasToken: boolean;
	operation: 'import' | 'push';
}

const SETTINGS = 'Settings › GitHub';

/** Local wall-clock time, e.g. "14:05": the reset moment the user waits for. */
export type TimeFormatter = (date: Date) => string;
export const localTime: TimeFormatter = (date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function isRateLimited(reply: GitHubReply): boolean {
	if (reply.status === 429) return true;
	return reply.status === 403 && (reply.rateRemaining === '0' || /rate limit/i.test(reply.message ?? ''));
}

export function classifyReply(reply: GitHubReply, context: ReplyContext, formatTime: TimeFormatter = localTime): SpecwrightError {
	const { status } = reply;
	const said = reply.message ? ` GitHub said: “${reply.message}”` : '';
	if (isRateLimited(reply)) {
		const reset = Number(reply.rateReset);
		const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${formatTime(new Date(reset * 1000))}.` : '';
		return new SpecwrightError('github-rate-limit', `GitHub's API rate limit is used up.${when}`, {
			hint: context.hasToken
				? 'Wait until the reset time, then try again.'
				: `Wait until then, or add a token in ${SETTINGS}: signed-in requests get 5,000 an hour instead of 60.`
		});
	}
	if (status === 401) {
		return new SpecwrightError('github-bad-token', 'GitHub refused the token (bad credentials).', {
			hint: `The token in ${SETTINGS} is wrong, expired or revoked: make a new one, or clear the field for public repositories.`
		});
	}
	if (status === 404 && context.resource === 'branch') {
		return new SpecwrightError('github-branch-not-found', `There is no branch "${context.branch ?? ''}" in ${context.repo}.`, {
			hint: 'Check the branch name, or leave the field empty for the default branch.'
		});
	}
	if (status === 404) {
		return new SpecwrightError('github-not-found', `${context.repo} was not found, or it is private.`, {
			hint: context.hasToken
				? 'Check the owner and the name, and that your token may read this repository (classic tokens need the "repo" scope for private ones).'
				: `Check the owner and the name. If the repository is private, add a token in ${SETTINGS}.`
		});
	}
	if (status === 403) {
		return new SpecwrightError('github-forbidden', `GitHub did not allow this ${context.operation}.${said}`, {
			hint:
				context.operation === 'push'
					? 'The token needs the "repo" scope (classic) or Contents: read and write, and Administration: write to create repositories (fine-grained).'
					: 'The token needs read access to the repository contents.'
		});
	}
	if (status === 409 && /empty/i.test(reply.message ?? '')) {
		return new SpecwrightError('github-empty-repo', `${context.repo} is empty, and GitHub's API cannot write the first commit into an empty repository.`, {
			hint: 'Add a README on GitHub first, or let Specwright create a new repository.'
		});
	}
	if (status === 422 && /fast.?forward/i.test(reply.message ?? '')) {
		return new SpecwrightError('github-not-fast-forward', `The branch "${context.branch ?? ''}" moved on GitHub while pushing, so it was not changed.`, {
			hint: 'Someone pushed meanwhile. Push to a new branch, or import the latest version and apply your changes there.'
		});
	}
	if (status === 422 && /already exists/i.test(JSON.stringify(reply.message ?? ''))) {
		return new SpecwrightError('github-repo-exists', `A repository named ${context.repo} already exists.`, {
			hint: 'Choose "Existing repository" to push into it, or pick another name.'
		});
	}
	if (status >= 500) {
		return new SpecwrightError('github-unavailable', `GitHub answered with an error (${status}).${said}`, { hint: 'Try again in a few minutes.' });
	}
	return new SpecwrightError('github-request-failed', `GitHub refused the request (${status}).${said}`);
}

/** A request that got no complete answer: offline, DNS, CORS, or a connection dropped midway. */
export function networkError(context: Pick<ReplyContext, 'operation'>, cause?: unknown): SpecwrightError {
	return new SpecwrightError('github-network', 'The connection to GitHub was lost.', {
		hint:
			context.operation === 'import'
				? 'Check your connection and try again. Nothing was imported.'
				: 'Check your connection and try again. The branch on GitHub was not changed.',
		cause
	});
}

/**
 * Refuses an import up front when it needs more requests than the hour has left: better than
 * failing at file 60 of 400 after a minute of downloading.
 */
export function budgetError(needed: number, remaining: number, reset: number, hasToken: boolean, formatTime: TimeFormatter = localTime): SpecwrightError {
	const when = reset > 0 ? ` It resets at ${formatTime(new Date(reset * 1000))}.` : '';
	return new SpecwrightError(
		'github-rate-limit-budget',
		`This import needs about ${needed.toLocaleString('en')} requests to GitHub, but only ${remaining.toLocaleString('en')} of this hour's limit are left.${when}`,
		{
			hint: hasToken
				? 'Wait until then, or import a subfolder.'
				: `Add a token in ${SETTINGS} (5,000 requests an hour instead of 60), or import a subfolder.`
		}
	);
}
