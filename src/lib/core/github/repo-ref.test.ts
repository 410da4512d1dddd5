import { describe, expect, it } from 'vitest';
import { SpecwrightError } from '../errors';
import { describeRef, parseRepoRef, projectNameForRef } from './repo-ref';

describe('parseRepoRef', () => {
	it.each([
		['sveltejs/svelte', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['  sveltejs/svelte.git ', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['https://github.com/sveltejs/svelte', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['https://github.com/sveltejs/svelte/', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['https://github.com/sveltejs/svelte.git', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['github.com/sveltejs/svelte', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['https://github.com/sveltejs/svelte?tab=readme#top', { owner: 'sveltejs', repo: 'svelte', branch: '', subfolder: '' }],
		['https://github.com/sveltejs/kit/tree/main', { owner: 'sveltejs', repo: 'kit', branch: 'main', subfolder: '' }],
		['https://github.com/sveltejs/kit/tree/v2/packages/kit/src', { owner: 'sveltejs', repo: 'kit', branch: 'v2', subfolder: 'packages/kit/src' }],
		['https://github.com/sveltejs/kit/blob/main/docs/intro.md', { owner: 'sveltejs', repo: 'kit', branch: 'main', subfolder: 'docs' }],
		['https://github.com/o/r/tree/main/with%20space', { owner: 'o', repo: 'r', branch: 'main', subfolder: 'with space' }],
		['git@github.com:acme/tool.git', { owner: 'acme', repo: 'tool', branch: '', subfolder: '' }],
		['https://ghe.example.com/team/app', { owner: 'team', repo: 'app', branch: '', subfolder: '' }],
		['a-b/c.d_e', { owner: 'a-b', repo: 'c.d_e', branch: '', subfolder: '' }]
	])('%s', (input, expected) => {
		expect(parseRepoRef(input)).toEqual(expected);
	});

	it('lets the branch and subfolder fields win over the link', () => {
		expect(parseRepoRef('https://github.com/o/r/tree/main/docs', { branch: ' dev ', subfolder: '/src/lib/' })).toEqual({
			owner: 'o',
			repo: 'r',
			branch: 'dev',
			subfolder: 'src/lib'
		});
		expect(parseRepoRef('o/r', { branch: '', subfolder: '  ' })).toEqual({ owner: 'o', repo: 'r', branch: '', subfolder: '' });
	});

	it.each([
		['', 'github-repo-empty'],
		['   ', 'github-repo-empty'],
		['svelte', 'github-repo-invalid'],
		['https://github.com/sveltejs', 'github-repo-invalid'],
		['-bad/name', 'github-repo-invalid'],
		['owner/re po', 'github-repo-invalid'],
		['owner/..', 'github-repo-invalid'],
		['ftp://github.com/o/r', 'github-repo-invalid'],
		['o/r/docs', 'github-repo-invalid']
	])('refuses %j with %s', (input, code) => {
		try {
			parseRepoRef(input);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(SpecwrightError);
			expect((error as SpecwrightError).code).toBe(code);
		}
	});

	it('refuses a subfolder that climbs out', () => {
		expect(() => parseRepoRef('o/r', { subfolder: 'docs/../../etc' })).toThrow(/not a folder inside the repository/);
	});

	it.each(['a..b', 'a b', 'ref.lock', '-x', 'a~1', 'a:b', 'x/'])('refuses the branch %j', (branch) => {
		expect(() => parseRepoRef('o/r', { branch })).toThrow(/not a valid branch name/);
	});

	it('names the import and the project', () => {
		const ref = parseRepoRef('acme/tool', { subfolder: 'packages/web-app' });
		expect(describeRef(ref)).toBe('acme/tool › packages/web-app');
		expect(projectNameForRef(ref)).toBe('web-app');
		expect(projectNameForRef(parseRepoRef('acme/tool'))).toBe('tool');
	});
});
