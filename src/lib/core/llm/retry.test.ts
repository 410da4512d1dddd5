import { describe, expect, it } from 'vitest';
import { decideRetry, type RequestFailure, type RetryDecision } from './retry';

describe('decideRetry', () => {
	it.each<[string, RequestFailure, number, Partial<RetryDecision>]>([
		['429 waits retry-after', { kind: 'http', status: 429, retryAfterSeconds: 7 }, 1, { action: 'retry', delayMs: 7000, reason: 'rate-limited' }],
		['429 fractional retry-after', { kind: 'http', status: 429, retryAfterSeconds: 0.25 }, 1, { action: 'retry', delayMs: 250 }],
		['429 without retry-after waits 10 s', { kind: 'http', status: 429 }, 2, { action: 'retry', delayMs: 10_000 }],
		['429 waits at most 120 s', { kind: 'http', status: 429, retryAfterSeconds: 3600 }, 1, { action: 'retry', delayMs: 120_000 }],
		['429 gives up after 3 retries', { kind: 'http', status: 429, retryAfterSeconds: 1 }, 4, { action: 'stop', problem: 'rate-limited' }],
		['429 out of credit stops at once', { kind: 'http', status: 429, code: 'insufficient_quota' }, 1, { action: 'stop', problem: 'rate-limited', settingsLink: true }],
		['500 backs off 1 s', { kind: 'http', status: 500 }, 1, { action: 'retry', delayMs: 1000, reason: 'server-error' }],
		['502 backs off 2 s', { kind: 'http', status: 502 }, 2, { action: 'retry', delayMs: 2000 }],
		['503 backs off 4 s', { kind: 'http', status: 503 }, 3, { action: 'retry', delayMs: 4000 }],
		['529 overloaded is a server error', { kind: 'http', status: 529 }, 1, { action: 'retry', reason: 'server-error' }],
		['5xx stops after 3 retries', { kind: 'http', status: 500 }, 4, { action: 'stop', problem: 'server-error' }],
		['401 links to settings', { kind: 'http', status: 401 }, 1, { action: 'stop', problem: 'auth', settingsLink: true }],
		['403 links to settings', { kind: 'http', status: 403 }, 1, { action: 'stop', problem: 'auth', settingsLink: true }],
		['400 context_length_exceeded', { kind: 'http', status: 400, code: 'context_length_exceeded' }, 1, { action: 'stop', problem: 'context-length' }],
		['400 with a context message', { kind: 'http', status: 400, message: 'prompt is too long: 210000 tokens > 200000 maximum' }, 1, { action: 'stop', problem: 'context-length' }],
		['413 too large', { kind: 'http', status: 413 }, 1, { action: 'stop', problem: 'context-length' }],
		['404 model not found', { kind: 'http', status: 404 }, 1, { action: 'stop', problem: 'bad-request', settingsLink: true }],
		['other 400', { kind: 'http', status: 400, message: 'temperature must be ≤ 2' }, 1, { action: 'stop', problem: 'bad-request', message: 'The provider rejected the request (400): temperature must be ≤ 2' }],
		['offline keeps the draft', { kind: 'offline' }, 1, { action: 'stop', problem: 'offline', hint: 'Your draft is kept. Try again when you are back online.' }],
		['network', { kind: 'network' }, 1, { action: 'stop', problem: 'network' }],
		['aborted is silent', { kind: 'aborted' }, 1, { action: 'stop', problem: 'aborted', message: '', hint: '' }],
		['cut offers Continue', { kind: 'cut' }, 1, { action: 'stop', problem: 'cut' }]
	])('%s', (_name, failure, attempt, expected) => {
		expect(decideRetry(failure, attempt)).toMatchObject(expected);
	});

	it('names the largest input when the context is too long', () => {
		const inputs = [
			{ name: 'design.md', tokens: 9000 },
			{ name: 'steering file tech.md', tokens: 120_000 },
			{ name: 'project summary', tokens: 4000 }
		];
		const decision = decideRetry({ kind: 'http', status: 400, code: 'context_length_exceeded' }, 1, { inputs });
		expect(decision).toMatchObject({ problem: 'context-length', message: expect.stringContaining('steering file tech.md') });
		expect(decision.action === 'stop' && decision.hint).toContain('120,000 tokens');
	});

	it('adds injected jitter to the backoff only', () => {
		const random = (): number => 0.5;
		expect(decideRetry({ kind: 'http', status: 500 }, 2, { random })).toMatchObject({ delayMs: 2250 });
		expect(decideRetry({ kind: 'http', status: 429, retryAfterSeconds: 2 }, 1, { random })).toMatchObject({ delayMs: 2000 });
	});

	it('honours a custom retry count', () => {
		expect(decideRetry({ kind: 'http', status: 500 }, 1, { maxRetries: 0 })).toMatchObject({ action: 'stop' });
	});

	it('every stop but aborted says what happened and what to do', () => {
		const failures: RequestFailure[] = [{ kind: 'offline' }, { kind: 'network' }, { kind: 'cut' }, { kind: 'http', status: 401 }, { kind: 'http', status: 500 }, { kind: 'http', status: 418 }];
		for (const failure of failures) {
			const d = decideRetry(failure, 9);
			expect(d.action === 'stop' && d.message !== '' && d.hint !== '').toBe(true);
		}
	});
});
