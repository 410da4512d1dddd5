import { describe, expect, it } from 'vitest';
import { budgetError, classifyReply, isRateLimited, networkError, type ReplyContext } from './errors';

const context: ReplyContext = { repo: 'acme/tool', resource: 'repo', hasToken: false, operation: 'import' };
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('classifyReply', () => {
	it('says when a rate limit resets, in the given clock', () => {
		const error = classifyReply({ status: 403, message: 'API rate limit exceeded for 1.2.3.4.', rateRemaining: '0', rateReset: '1800000000' }, context, hhmm);
		expect(error.code).toBe('github-rate-limit');
		expect(error.message).toBe("GitHub's API rate limit is used up. It resets at 08:00.");
		expect(error.hint).toMatch(/add a token/);
		const signedIn = classifyReply({ status: 429, rateReset: null }, { ...context, hasToken: true }, hhmm);
		expect(signedIn.message).toBe("GitHub's API rate limit is used up.");
		expect(signedIn.hint).not.toMatch(/add a token/);
	});

	it('tells a rate limit from other 403s', () => {
		expect(isRateLimited({ status: 403, rateRemaining: '0' })).toBe(true);
		expect(isRateLimited({ status: 403, message: 'You have exceeded a secondary rate limit.' })).toBe(true);
		expect(isRateLimited({ status: 403, rateRemaining: '4999', message: 'Resource not accessible by personal access token' })).toBe(false);
		const forbidden = classifyReply({ status: 403, message: 'Resource not accessible by personal access token' }, { ...context, operation: 'push' });
		expect(forbidden.code).toBe('github-forbidden');
		expect(forbidden.hint).toMatch(/repo" scope/);
	});

	it.each([
		[{ status: 401, message: 'Bad credentials' }, context, 'github-bad-token', /refused the token/],
		[{ status: 404 }, context, 'github-not-found', /acme\/tool was not found, or it is private/],
		[{ status: 404 }, { ...context, resource: 'branch', branch: 'dev' } as ReplyContext, 'github-branch-not-found', /no branch "dev"/],
		[{ status: 409, message: 'Git Repository is empty.' }, context, 'github-empty-repo', /is empty/],
		[{ status: 422, message: 'Update is not a fast forward' }, { ...context, branch: 'main', operation: 'push' } as ReplyContext, 'github-not-fast-forward', /"main" moved on GitHub/],
		[{ status: 422, message: 'name already exists on this account' }, context, 'github-repo-exists', /already exists/],
		[{ status: 502 }, context, 'github-unavailable', /\(502\)/],
		[{ status: 400, message: 'Problems parsing JSON' }, context, 'github-request-failed', /Problems parsing JSON/]
	])('%j', (reply, ctx, code, message) => {
		const error = classifyReply(reply, ctx);
		expect(error.code).toBe(code);
		expect(error.message).toMatch(message);
	});

	it('points a 404 without a token at the settings, and with one at its scopes', () => {
		expect(classifyReply({ status: 404 }, context).hint).toMatch(/add a token in Settings › GitHub/);
		expect(classifyReply({ status: 404 }, { ...context, hasToken: true }).hint).toMatch(/"repo" scope/);
	});

	it('says nothing was imported, or nothing changed, when the connection drops', () => {
		expect(networkError({ operation: 'import' }).hint).toMatch(/Nothing was imported/);
		expect(networkError({ operation: 'push' }).hint).toMatch(/not changed/);
	});
});

describe('budgetError', () => {
	it('says how many requests are needed and left, and when the limit resets', () => {
		const error = budgetError(1200, 57, 1800000000, false, hhmm);
		expect(error.code).toBe('github-rate-limit-budget');
		expect(error.message).toBe("This import needs about 1,200 requests to GitHub, but only 57 of this hour's limit are left. It resets at 08:00.");
		expect(error.hint).toMatch(/Add a token/);
		expect(budgetError(10, 2, 0, true).hint).toBe('Wait until then, or import a subfolder.');
	});
});
