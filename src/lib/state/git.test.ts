import { describe, expect, it, vi } from 'vitest';
import { ProjectGitState, type GitDeps, type RememberedTokens } from './git.svelte';
import { MemoryProjectFs } from '../platform/git/memory-fs';
import { IsoProjectGit } from '../platform/git/project-git';
import type { GitPushOptions } from '../core/ports';
import { DEFAULT_GIT } from '../core/git/git-settings';

function setup(files: Record<string, string> = { 'README.md': '# Hi\n' }) {
	const fs = new MemoryProjectFs();
	for (const [path, data] of Object.entries(files)) fs.files.set(path, { data, mtime: 1 });
	const pushes: GitPushOptions[] = [];
	let tokens: RememberedTokens = {};
	const open = (f: typeof fs) => {
		const repo = new IsoProjectGit(f, () => Promise.reject(new Error('offline')));
		repo.push = async (options) => void pushes.push(options);
		return repo;
	};
	const deps: GitDeps = {
		projectId: 'p1',
		files: fs,
		// The worker's part, on the same files: what the page reads after is what matters here.
		loadGit: async () => ({ open, initInBackground: (_id, message, author) => open(fs).initWithCommit(message, author) }),
		settings: async () => ({ ...DEFAULT_GIT, authorName: 'Ada', corsProxy: 'https://proxy.example' }),
		tokens: { load: async () => tokens, save: async (t) => void (tokens = t) },
		onError: vi.fn(),
		onRestored: vi.fn(async () => undefined)
	};
	return { fs, deps, git: new ProjectGitState(deps), pushes, tokens: () => tokens };
}

describe('source control state', () => {
	it('makes a project a repository with a first commit, by the configured author', async () => {
		const { git } = setup();
		await git.start();
		expect(git.ready).toBe(true);
		expect(git.branch).toBe('main');
		expect(git.changes).toEqual([]);
		await git.loadHistory();
		expect(git.history.map((c) => [c.message, c.author.name])).toEqual([['Initial commit\n', 'Ada']]);
	});

	it('shows a change with its diff, commits it, and clears the message', async () => {
		const { fs, git } = setup();
		await git.start();
		await fs.writeFile('README.md', '# Hello\n');
		await git.refresh();
		await git.showChange('README.md');
		expect(git.diff).toMatchObject({ before: '# Hi\n', after: '# Hello\n' });
		git.message = '  ';
		await expect(git.commit()).rejects.toMatchObject({ code: 'commit-message-empty' });
		git.message = 'Say hello';
		await git.commit();
		expect(git.message).toBe('');
		expect(git.changes).toEqual([]);
		expect(git.history[0]?.message).toBe('Say hello\n');
	});

	it('folds refreshes asked for during one into a single further read', async () => {
		const { git } = setup();
		await git.start();
		const statuses = vi.spyOn(IsoProjectGit.prototype, 'status');
		await Promise.all([git.refresh(), git.refresh(), git.refresh(), git.refresh()]);
		expect(statuses).toHaveBeenCalledTimes(2);
		statuses.mockRestore();
	});

	it('reads a file changed while git starts, and reads changes once the page is idle', async () => {
		const { fs, git } = setup();
		// The file is written just after the first status read has looked, before git is ready.
		const status = IsoProjectGit.prototype.status;
		const first = vi.spyOn(IsoProjectGit.prototype, 'status').mockImplementationOnce(async function (this: IsoProjectGit) {
			const changes = await status.call(this);
			await fs.writeFile('.kiro/specs/todo/.config.kiro', '{}');
			git.changed();
			return changes;
		});
		await git.start();
		first.mockRestore();
		expect(git.changes.map((c) => c.path)).toEqual(['.kiro/specs/todo/.config.kiro']);

		vi.useFakeTimers();
		try {
			await fs.writeFile('.kiro/specs/todo/requirements.md', '# Requirements Document\n');
			const statuses = vi.spyOn(IsoProjectGit.prototype, 'status');
			git.changed();
			git.changed();
			// Not at once (Node has no requestIdleCallback: the stand-in timer waits 50 ms), then once.
			await vi.advanceTimersByTimeAsync(10);
			expect(statuses).not.toHaveBeenCalled();
			await vi.runAllTimersAsync();
			expect(statuses).toHaveBeenCalledTimes(1);
			statuses.mockRestore();
		} finally {
			vi.useRealTimers();
		}
		await vi.waitFor(() => expect(git.changes.map((c) => c.path).sort()).toEqual(['.kiro/specs/todo/.config.kiro', '.kiro/specs/todo/requirements.md']));
	});

	it('pushes through the configured proxy and remembers a token only when asked', async () => {
		const { git, pushes, tokens } = setup();
		await git.start();
		const request = { url: 'https://git.example/o/r.git', branch: 'main', username: '', token: 'secret', remember: false };
		await git.push(request);
		expect(pushes[0]).toMatchObject({ url: 'https://git.example/o/r.git', branch: 'main', corsProxy: 'https://proxy.example', auth: { username: '', token: 'secret' } });
		expect(tokens()).toEqual({});
		await git.push({ ...request, remember: true });
		expect(tokens()).toEqual({ 'git.example': { username: '', token: 'secret' } });
		await git.push({ ...request, remember: false });
		expect(tokens()).toEqual({});
		await expect(git.push({ ...request, url: 'https://user:secret@git.example/o/r.git' })).rejects.toMatchObject({ code: 'remote-url-credentials' });
		expect(pushes).toHaveLength(3);
	});
});
