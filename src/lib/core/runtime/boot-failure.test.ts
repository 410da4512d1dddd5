import { describe, expect, it } from 'vitest';
import { checkRuntimeEnvironment, classifyBootFailure, needsReload, type RuntimeEnvironment } from './boot-failure';

const chrome: RuntimeEnvironment = {
	crossOriginIsolated: true,
	hasSharedArrayBuffer: true,
	userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0',
	online: true
};

describe('runtime boot failures', () => {
	it('accepts an isolated Chromium page', () => {
		expect(checkRuntimeEnvironment(chrome)).toBeNull();
	});

	it.each<[string, Partial<RuntimeEnvironment>, { timedOut: boolean; error?: unknown }, string]>([
		['not isolated', { crossOriginIsolated: false }, { timedOut: false }, 'runtime-not-isolated'],
		['not isolated, so no SharedArrayBuffer', { crossOriginIsolated: false, hasSharedArrayBuffer: false }, { timedOut: false }, 'runtime-not-isolated'],
		['no SharedArrayBuffer', { hasSharedArrayBuffer: false }, { timedOut: false }, 'runtime-unsupported'],
		['iOS', { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari' }, { timedOut: false }, 'runtime-unsupported'],
		['offline', { online: false }, { timedOut: true }, 'runtime-offline'],
		['timed out', {}, { timedOut: true }, 'runtime-timeout'],
		['network error', {}, { timedOut: false, error: new TypeError('Failed to fetch') }, 'runtime-offline'],
		['other error', {}, { timedOut: false, error: new Error('boom') }, 'runtime-failed']
	])('%s', (_label, env, failure, code) => {
		const error = classifyBootFailure(failure, { ...chrome, ...env });
		expect(error.code).toBe(code);
		expect(error.message).not.toBe('');
		expect(error.hint).toBeTruthy();
	});

	it('names the error in a generic failure', () => {
		expect(classifyBootFailure({ timedOut: false, error: new Error('boom') }, chrome).message).toContain('boom');
	});

	it('a client that may be stuck needs a reload', () => {
		expect(needsReload('runtime-timeout')).toBe(true);
		expect(needsReload('runtime-offline')).toBe(true);
		expect(needsReload('runtime-failed')).toBe(false);
	});
});
