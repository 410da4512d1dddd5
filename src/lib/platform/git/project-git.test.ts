import { describe, expect, it } from 'vitest';
import git from 'isomorphic-git';
import { MemoryProjectFs } from './memory-fs';
import { GitFs } from './git-fs';
import { IsoProjectGit } from './project-git';

const author = { name: 'Ada', email: 'ada@example.test' };

function project(files: Record<string, string>) {
	const fs = new MemoryProjectFs();
	for (const [path, data] of Object.entries(files)) fs.files.set(path, { data, mtime: 1_600_000_000_000 });
	const repo = new IsoProjectGit(fs, () => Promise.reject(new Error('no network in tests')));
	return { fs, repo };
}

describe('git on a project file system', () => {
	it('inits with a first commit in one durable batch', async () => {
		const { fs, repo } = project({ 'README.md': '# Hi\n', 'src/a.ts': 'export const a = 1;\n' });
		expect(await repo.isRepository()).toBe(false);
		await repo.initWithCommit('Initial commit', author);
		expect(await repo.isRepository()).toBe(true);
		// Objects, index, refs and HEAD in one writeMany; the empty folders git expects after it.
		expect(fs.batches).toBeLessThanOrEqual(1 + fs.dirs.size);
		expect(await repo.status()).toEqual([]);
		expect(await repo.currentBranch()).toBe('main');
		const log = await repo.log();
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ message: 'Initial commit\n', author, parents: [] });
		expect((await repo.commitChanges(log[0]!.sha)).map((d) => [d.path, d.status, d.after])).toEqual([
			['README.md', 'added', '# Hi\n'],
			['src/a.ts', 'added', 'export const a = 1;\n']
		]);
	});

	it('reports, diffs and commits edits, additions and removals', async () => {
		const { fs, repo } = project({ 'README.md': '# Hi\n', 'src/a.ts': 'one\n', 'src/b.ts': 'bee\n' });
		await repo.initWithCommit('Initial commit', author);
		await fs.writeFile('src/a.ts', 'two\n');
		await fs.writeFile('docs/new.md', 'new\n');
		await fs.remove('src/b.ts');
		expect(await repo.status()).toEqual([
			{ path: 'docs/new.md', status: 'untracked' },
			{ path: 'src/a.ts', status: 'modified' },
			{ path: 'src/b.ts', status: 'deleted' }
		]);
		expect(await repo.diff('src/a.ts')).toEqual({ path: 'src/a.ts', status: 'modified', before: 'one\n', after: 'two\n', binary: false });
		expect(await repo.diff('src/b.ts')).toMatchObject({ before: 'bee\n', after: null, status: 'deleted' });

		const sha = await repo.commit('Second\n', author);
		expect(await repo.status()).toEqual([]);
		const log = await repo.log();
		expect(log.map((c) => c.message)).toEqual(['Second\n', 'Initial commit\n']);
		expect(log[0]!.sha).toBe(sha);
		expect((await repo.commitChanges(sha)).map((d) => [d.path, d.status, d.before, d.after])).toEqual([
			['docs/new.md', 'added', null, 'new\n'],
			['src/a.ts', 'modified', 'one\n', 'two\n'],
			['src/b.ts', 'deleted', 'bee\n', null]
		]);
		await expect(repo.commit('Nothing', author)).rejects.toMatchObject({ code: 'nothing-to-commit' });
	});

	it('restores a file from HEAD, and removes one HEAD does not have', async () => {
		const { fs, repo } = project({ 'a.txt': 'kept\n', 'dir/b.txt': 'bee\n' });
		await repo.initWithCommit('Initial commit', author);
		await fs.writeFile('a.txt', 'changed\n');
		await fs.remove('dir/b.txt');
		await fs.writeFile('c.txt', 'new\n');
		await repo.restore('a.txt');
		await repo.restore('dir/b.txt');
		await repo.restore('c.txt');
		expect(await fs.readText('a.txt')).toBe('kept\n');
		expect(await fs.readText('dir/b.txt')).toBe('bee\n');
		expect(await fs.exists('c.txt')).toBe(false);
		expect(await repo.status()).toEqual([]);
	});

	it('reads what real isomorphic-git wrote through the adapter: add, commit, statusMatrix, log', async () => {
		const store = new MemoryProjectFs();
		store.files.set('x.txt', { data: 'x\n', mtime: 1 });
		const fs = new GitFs(store);
		await git.init({ fs, dir: '/', defaultBranch: 'main' });
		await git.add({ fs, dir: '/', filepath: 'x.txt' });
		const oid = await git.commit({ fs, dir: '/', message: 'x', author });
		await fs.flush();
		const again = new GitFs(store);
		expect(await git.statusMatrix({ fs: again, dir: '/' })).toEqual([['x.txt', 1, 1, 1]]);
		expect((await git.log({ fs: again, dir: '/' }))[0]!.oid).toBe(oid);
		expect(store.files.has('.git/HEAD')).toBe(true);
	});

	it('keeps binary files out of text diffs', async () => {
		const { fs, repo } = project({ 'a.txt': 'a\n' });
		await repo.initWithCommit('Initial commit', author);
		await fs.writeFile('logo.png', new Uint8Array([137, 80, 78, 71, 0, 1]));
		expect(await repo.diff('logo.png')).toMatchObject({ binary: true, status: 'untracked', before: null, after: '' });
	});
});
