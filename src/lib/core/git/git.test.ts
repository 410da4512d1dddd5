import { describe, expect, it } from 'vitest';
import { changesFromMatrix, classifyStatus, isGitInternal, statusLetter } from './status';
import { commitIdentity, commitSubject, validateCommitMessage } from './messages';
import { remoteHost, validateBranchName, validateRemoteUrl } from './remote';
import { pushError } from './push-errors';
import { SpecwrightError } from '../errors';

describe('status classification', () => {
	it.each([
		[[0, 2, 0], 'untracked'],
		[[0, 2, 2], 'added'],
		[[0, 2, 3], 'added'],
		[[1, 2, 1], 'modified'],
		[[1, 2, 2], 'modified'],
		[[1, 2, 3], 'modified'],
		[[1, 0, 1], 'deleted'],
		[[1, 0, 0], 'deleted'],
		[[1, 1, 1], null],
		[[1, 1, 3], null],
		[[0, 0, 3], null]
	] as const)('%j → %s', ([head, workdir, stage], expected) => {
		expect(classifyStatus(['f', head, workdir, stage])).toBe(expected);
	});

	it('lists changed files by path with their letters', () => {
		const changes = changesFromMatrix([
			['z.ts', 1, 2, 1],
			['a.ts', 0, 2, 0],
			['same.ts', 1, 1, 1]
		]);
		expect(changes).toEqual([
			{ path: 'a.ts', status: 'untracked' },
			{ path: 'z.ts', status: 'modified' }
		]);
		expect(changes.map((c) => statusLetter(c.status))).toEqual(['U', 'M']);
	});

	it('knows which paths are git internals', () => {
		expect(['.git', '.git/HEAD', '.github/x', 'a/.git', '.gitignore'].map(isGitInternal)).toEqual([true, true, false, false, false]);
	});
});

describe('commit messages', () => {
	it('cleans a message the way git stores it', () => {
		expect(validateCommitMessage('  Fix it  \r\n\r\n\r\n\r\nBecause.  ')).toBe('Fix it\n\nBecause.\n');
		expect(commitSubject('Fix it\n\nBecause.\n')).toBe('Fix it');
	});

	it('refuses empty and overlong messages', () => {
		expect(() => validateCommitMessage(' \n\t')).toThrow(expect.objectContaining({ code: 'commit-message-empty' }));
		expect(() => validateCommitMessage('x'.repeat(201))).toThrow(expect.objectContaining({ code: 'commit-message-long' }));
	});

	it('uses the configured author, with a default for blanks', () => {
		expect(commitIdentity(undefined)).toEqual({ name: 'Specwright user', email: 'user@specwright.invalid' });
		expect(commitIdentity({ authorName: ' Ada ', authorEmail: '' })).toEqual({ name: 'Ada', email: 'user@specwright.invalid' });
	});
});

describe('remotes', () => {
	it('accepts http(s) repository URLs', () => {
		expect(validateRemoteUrl(' https://github.com/o/r.git ')).toBe('https://github.com/o/r.git');
		expect(validateRemoteUrl('http://127.0.0.1:8080/repo')).toBe('http://127.0.0.1:8080/repo');
		expect(remoteHost('https://GitHub.com/o/r')).toBe('github.com');
	});

	it.each([
		['', 'remote-url-empty'],
		['github.com/o/r', 'remote-url-invalid'],
		['git@github.com:o/r.git', 'remote-url-invalid'],
		['ssh://git@github.com/o/r.git', 'remote-url-protocol'],
		['https://user:ghp_secret@github.com/o/r.git', 'remote-url-credentials'],
		['https://github.com/', 'remote-url-invalid'],
		['https://github.com/o/r?token=x', 'remote-url-invalid']
	])('refuses %j', (url, code) => {
		expect(() => validateRemoteUrl(url)).toThrow(expect.objectContaining({ code }));
	});

	it('checks branch names', () => {
		expect(validateBranchName(' feature/x ')).toBe('feature/x');
		for (const bad of ['', 'a b', 'a..b', '-x', 'x/', 'x.lock', 'a:b', '.hidden', 'a//b']) {
			expect(() => validateBranchName(bad), bad).toThrow(SpecwrightError);
		}
	});
});

describe('push errors', () => {
	const http = (statusCode: number) => ({ code: 'HttpError', message: 'HTTP Error', data: { statusCode } });
	it.each([
		[http(401), { auth: { token: 't' } }, 'git-auth-failed'],
		[http(401), {}, 'git-auth-required'],
		[{ code: 'UserCanceledError' }, {}, 'git-auth-required'],
		[http(404), {}, 'git-remote-not-found'],
		[{ code: 'PushRejectedError', data: { reason: 'not-fast-forward' } }, {}, 'git-push-rejected'],
		[new TypeError('Failed to fetch'), {}, 'git-cors'],
		[new TypeError('Failed to fetch'), { corsProxy: 'https://proxy' }, 'git-network'],
		[Object.assign(new Error('x'), { name: 'AbortError' }), {}, 'aborted'],
		[http(500), {}, 'git-http']
	])('%j → %s', (error, context, code) => {
		expect(pushError(error, { corsProxy: '', ...context }).code).toBe(code);
	});

	it('names the proxy setting when CORS is the likely cause', () => {
		expect(pushError(new TypeError('Failed to fetch'), { corsProxy: '' }).hint).toMatch(/CORS proxy in Settings/);
	});
});
