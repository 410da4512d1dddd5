import { describe, expect, it } from 'vitest';
import { pushable, treeCandidates, underFolder, type GitTreeEntry } from './tree';

const sha = 'a'.repeat(40);
const entries: GitTreeEntry[] = [
	{ path: 'README.md', mode: '100644', type: 'blob', sha, size: 10 },
	{ path: 'docs', mode: '040000', type: 'tree', sha },
	{ path: 'docs/guide.md', mode: '100644', type: 'blob', sha, size: 5 },
	{ path: 'docs/img', mode: '040000', type: 'tree', sha },
	{ path: 'docs/img/logo.png', mode: '100644', type: 'blob', sha, size: 9_000_000 },
	{ path: 'docs-old.md', mode: '100644', type: 'blob', sha, size: 1 },
	{ path: 'link', mode: '120000', type: 'blob', sha, size: 9 },
	{ path: 'vendor/lib', mode: '160000', type: 'commit', sha }
];

describe('treeCandidates', () => {
	it('lists files with their sizes, links and submodules', () => {
		const all = treeCandidates(entries, '', 'acme/tool');
		expect(all.map((c) => `${c.kind}:${c.path}:${c.size}`)).toEqual([
			'file:README.md:10',
			'dir:docs:0',
			'file:docs/guide.md:5',
			'dir:docs/img:0',
			'file:docs/img/logo.png:9000000',
			'file:docs-old.md:1',
			'symlink:link:9',
			'submodule:vendor/lib:0'
		]);
	});

	it('keeps only a subfolder, re-rooted, and not its look-alike neighbours', () => {
		expect(treeCandidates(entries, 'docs', 'acme/tool').map((c) => c.path)).toEqual(['guide.md', 'img', 'img/logo.png']);
	});

	it('names a missing subfolder and a file given as a folder', () => {
		expect(() => treeCandidates(entries, 'doc', 'acme/tool')).toThrow('There is no folder "doc" in acme/tool.');
		expect(() => treeCandidates(entries, 'README.md', 'acme/tool')).toThrow('is a file, not a folder');
	});

	it('re-roots a subtree listed on its own', () => {
		expect(underFolder('src', [{ path: 'a/b.ts', mode: '100644', type: 'blob', sha }])[0]!.path).toBe('src/a/b.ts');
	});

	it('leaves .git and node_modules out of a push', () => {
		expect(['a.ts', '.git/config', 'pkg/node_modules/x/i.js', '.github/ci.yml'].filter(pushable)).toEqual(['a.ts', '.github/ci.yml']);
	});
});

describe('cleanGitHubSettings', () => {
	it('trims, defaults and refuses what cannot be an API URL', async () => {
		const { cleanGitHubSettings } = await import('./settings');
		expect(cleanGitHubSettings({ apiUrl: ' https://ghe.example.com/api/v3/ ', token: ' ghp_x ' })).toEqual({ apiUrl: 'https://ghe.example.com/api/v3', token: 'ghp_x' });
		expect(cleanGitHubSettings({ apiUrl: '', token: '' }).apiUrl).toBe('https://api.github.com');
		expect(() => cleanGitHubSettings({ apiUrl: 'ftp://x', token: '' })).toThrow(/not an http/);
		expect(() => cleanGitHubSettings({ apiUrl: 'https://u:p@x', token: '' })).toThrow(/user name/);
		expect(() => cleanGitHubSettings({ apiUrl: 'https://api.github.com', token: 'a b' })).toThrow(/no spaces/);
	});
});
