import { describe, expect, it } from 'vitest';
import { cleanGitSettings, validateCorsProxy } from './git-settings';
import { SpecwrightError } from '../errors';

describe('validateCorsProxy', () => {
	it('keeps the proxy off when empty', () => {
		expect(validateCorsProxy('   ')).toBe('');
	});
	it('accepts http(s) URLs and drops a trailing slash', () => {
		expect(validateCorsProxy(' https://cors.example.com/ ')).toBe('https://cors.example.com');
		expect(validateCorsProxy('http://127.0.0.1:9999/proxy')).toBe('http://127.0.0.1:9999/proxy');
	});
	it.each([
		['cors.example.com', 'git-proxy-malformed'],
		['ftp://cors.example.com', 'git-proxy-malformed'],
		['https://user:pw@cors.example.com', 'git-proxy-credentials'],
		['https://cors.example.com/?x=1', 'git-proxy-malformed']
	])('refuses %s', (input, code) => {
		expect(() => validateCorsProxy(input)).toThrow(SpecwrightError);
		try {
			validateCorsProxy(input);
		} catch (e) {
			expect((e as SpecwrightError).code).toBe(code);
		}
	});
});

describe('cleanGitSettings', () => {
	it('trims the identity', () => {
		expect(cleanGitSettings({ corsProxy: '', authorName: ' Ada ', authorEmail: ' ada@example.com ' })).toEqual({
			corsProxy: '',
			authorName: 'Ada',
			authorEmail: 'ada@example.com'
		});
	});
	it('refuses an email without @', () => {
		expect(() => cleanGitSettings({ corsProxy: '', authorName: 'Ada', authorEmail: 'ada' })).toThrow(/email/);
	});
});
