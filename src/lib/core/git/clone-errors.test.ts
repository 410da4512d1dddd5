import { describe, expect, it } from 'vitest';
import { describeCloneFailure, projectNameFromUrl, validateCloneUrl, type CloneFailure } from './clone-errors';

const URL_ = 'https://git.example.com/team/app.git';
const base: CloneFailure = { code: 'TypeError', message: 'Failed to fetch', answered: false, proxied: false, askedForCredentials: false };
const code = (f: Partial<CloneFailure>) => describeCloneFailure({ ...base, ...f }, URL_).code;

describe('describeCloneFailure', () => {
	it('tells the failures apart', () => {
		expect(code({ code: 'HttpError', status: 404, message: 'HTTP Error: 404 Not Found' })).toBe('git-not-found');
		expect(code({ code: 'HttpError', status: 401 })).toBe('git-auth-required');
		expect(code({ code: 'UserCanceledError', askedForCredentials: true })).toBe('git-auth-required');
		expect(code({ code: 'HttpError', status: 401, askedForCredentials: true })).toBe('git-auth-rejected');
		expect(code({ code: 'SmartHttpError', answered: true })).toBe('git-not-a-server');
		expect(code({ code: 'NotFoundError', branch: 'nope', answered: true })).toBe('git-branch-not-found');
		expect(code({ code: 'HttpError', status: 502 })).toBe('git-server-error');
		expect(code({})).toBe('git-cors-blocked');
		expect(code({ proxied: true })).toBe('git-unreachable');
		expect(code({ answered: true, message: 'network error' })).toBe('git-network-dropped');
		const cutShort = 'Expected "65516 bytes of pkt-line data" but received "4047 bytes".';
		expect(code({ code: 'InternalError', answered: true, message: cutShort })).toBe('git-network-dropped');
	});

	it('says nothing was created and, when blocked, where to set a proxy', () => {
		const error = describeCloneFailure(base, URL_);
		expect(error.message).toContain('git.example.com');
		expect(error.hint).toContain('Settings → Git');
		expect(error.hint).toContain('No project was created.');
	});
});

describe('clone URLs', () => {
	it('names the project after the repository', () => {
		expect(projectNameFromUrl(URL_)).toBe('app');
		expect(projectNameFromUrl('https://host/x/repo/')).toBe('repo');
		expect(projectNameFromUrl('https://host/')).toBe('host');
	});
	it('refuses non-http URLs and credentials in the URL', () => {
		expect(() => validateCloneUrl('git@github.com:a/b.git')).toThrow(/not a URL|http/);
		expect(() => validateCloneUrl('ssh://host/a.git')).toThrow(/http/);
		expect(() => validateCloneUrl('https://me:tok@host/a.git')).toThrow(/Leave the user name/);
		expect(validateCloneUrl(' https://host/a.git ')).toBe('https://host/a.git');
	});
});
