import { describe, expect, it, vi } from 'vitest';
import { ProjectSession, type ProjectSessionDeps } from './project-session.svelte';
import { MemoryProjectFs } from '../platform/git/memory-fs';
import { IsoProjectGit } from '../platform/git/project-git';
import { SpecwrightError } from '../core/errors';
import { DEFAULT_GIT } from '../core/git/git-settings';
import type { ProjectFileSystem } from '../core/ports';
import type { Records } from '../platform/store/records';
import type { Prices } from './prices.svelte';
import type { WrittenElsewhere } from '../platform/tabs/project-writes';

function setup(problem: SpecwrightError | null = null) {
	const store = new MemoryProjectFs();
	store.files.set('README.md', { data: '# Hi\n', mtime: 1 });
	const errors: unknown[] = [];
	const shown: string[] = [];
	const touched: string[] = [];
	// Stands in for the tab lock: the test says whether this tab owns the project.
	const lock = { owner: (_owner: boolean) => {}, released: false };
	const records = { setting: async () => undefined, putSetting: async () => undefined, usage: async () => [], specMetas: async () => [] } as unknown as Records;
	const deps: ProjectSessionDeps = {
		app: {
			files: { open: () => store, drop: async () => undefined, stored: async () => [] },
			records,
			projects: { touch: async (id: string) => void touched.push(id) } as unknown as ProjectSessionDeps['app']['projects'],
			notices: {
				error: (e: unknown) => void errors.push(e),
				show: (_kind: string, message: string) => void shown.push(message)
			} as unknown as ProjectSessionDeps['app']['notices'],
			settings: { git: { ...DEFAULT_GIT, authorName: 'Ada' } } as unknown as ProjectSessionDeps['app']['settings'],
			git: async () => {
				const open = (f: ProjectFileSystem) => new IsoProjectGit(f, () => Promise.reject(new Error('offline')));
				// The worker's part runs on the stored files, as the real one does.
				return { open, initInBackground: (_id, message, author) => open(store).initWithCommit(message, author) };
			},
			prices: async () => ({ table: {} }) as unknown as Prices
		},
		projectId: 'p1',
		runtimeHost: vi.fn(async () => ({ check: () => problem, boot: () => Promise.reject(new Error('not in tests')) })),
		chat: () => Promise.reject(new Error('not in tests')),
		isChatFailure: (_e): _e is never => false,
		reload: vi.fn(),
		holdProject: (_id, onOwner) => {
			lock.owner = onOwner;
			onOwner(true);
			return () => void (lock.released = true);
		}
	};
	// Stands in for the other tabs: what this tab announces, and a way to deliver their changes.
	const tabs = { announced: [] as string[], deliver: (_written: WrittenElsewhere) => {}, closed: false };
	deps.shareWrites = (_id, onOthers) => {
		tabs.deliver = onOthers;
		return { file: (path) => void tabs.announced.push(path), spec: (name) => void tabs.announced.push(`spec:${name}`), close: () => void (tabs.closed = true) };
	};
	return { store, errors, shown, touched, lock, tabs, deps, session: new ProjectSession(deps) };
}

describe('project session', () => {
	it('lists the files, then makes the project a repository through the same files', async () => {
		const { session, store, errors } = setup();
		expect(session.ready).toBe(false);
		session.start();
		await vi.waitFor(() => expect(session.git.ready).toBe(true));
		expect(session.ready).toBe(true);
		expect(session.workspace.entries.map((e) => e.path)).toEqual(['README.md']);
		expect([...store.files.keys()].some((p) => p.startsWith('.git/'))).toBe(true);
		expect(session.prices).not.toBeNull();
		expect(session.usage.loaded).toBe(true);
		expect(errors).toEqual([]);
	});

	it('a saved file touches the project and shows as a change', async () => {
		const { session, touched } = setup();
		session.start();
		await vi.waitFor(() => expect(session.git.ready).toBe(true));
		await session.workspace.save('README.md', '# Changed\n');
		expect(touched).toEqual(['p1']);
		await vi.waitFor(() => expect(session.git.changes.map((c) => c.path)).toEqual(['README.md']));
	});

	it('says early when this browser cannot run a runtime, without a notice', async () => {
		const { session, deps, errors } = setup(new SpecwrightError('runtime-unsupported', 'No runtime here.'));
		session.start();
		await vi.waitFor(() => expect(session.runtime.status).toBe('unavailable'));
		expect(deps.runtimeHost).toHaveBeenCalled();
		expect(errors).toEqual([]);
		session.dispose();
	});

	it('tells the other tabs what it writes, and follows what they write', async () => {
		const { session, store, tabs, shown, errors } = setup();
		session.start();
		await vi.waitFor(() => expect(session.git.ready).toBe(true));
		await session.workspace.save('README.md', '# Mine\n');
		expect(tabs.announced).toContain('README.md');

		await session.workspace.open('README.md');
		const reloaded: string[] = [];
		session.workspace.onReload((path, text) => void reloaded.push(`${path}: ${text}`));
		// The other tab saves README.md (clean here) and writes a new file.
		store.files.set('README.md', { data: '# Theirs\n', mtime: 3 });
		store.files.set('docs/new.md', { data: 'new\n', mtime: 3 });
		tabs.deliver({ paths: ['README.md', 'docs/new.md'], specs: [] });
		await vi.waitFor(() => expect(reloaded).toEqual(['README.md: # Theirs\n']));
		await vi.waitFor(() => expect(session.workspace.entries.map((e) => e.path)).toContain('docs/new.md'));
		await vi.waitFor(() => expect(session.git.changes.map((c) => c.path).sort()).toEqual(['README.md', 'docs/new.md']));

		// With unsaved edits here, the other tab's save is not loaded over them: it is said instead.
		session.workspace.tabs.find((t) => t.path === 'README.md')!.dirty = true;
		store.files.set('README.md', { data: '# Theirs again\n', mtime: 4 });
		tabs.deliver({ paths: ['README.md'], specs: [] });
		await vi.waitFor(() => expect(shown).toEqual([expect.stringContaining('The other tab changed README.md while it has unsaved edits')]));
		expect(reloaded).toHaveLength(1);
		expect(errors).toEqual([]);
		session.dispose();
		expect(tabs.closed).toBe(true);
	});

	it('says when another tab has the project open, and catches up with its saves on taking over', async () => {
		const { session, store, lock, shown, errors } = setup();
		store.files.set('notes.md', { data: 'first\n', mtime: 1 });
		session.start();
		await vi.waitFor(() => expect(session.ready).toBe(true));
		expect(session.openElsewhere).toBe(false);
		await session.workspace.open('README.md');
		await session.workspace.open('notes.md');
		const reloaded: string[] = [];
		session.workspace.onReload((path, text) => void reloaded.push(`${path}: ${text}`));

		lock.owner(false);
		expect(session.openElsewhere).toBe(true);
		// Meanwhile the other tab saves both files; this tab has unsaved edits in one of them.
		store.files.set('README.md', { data: '# From the other tab\n', mtime: 2 });
		store.files.set('notes.md', { data: 'second\n', mtime: 2 });
		session.workspace.tabs.find((t) => t.path === 'notes.md')!.dirty = true;

		lock.owner(true);
		expect(session.openElsewhere).toBe(false);
		await vi.waitFor(() => expect(reloaded).toEqual(['README.md: # From the other tab\n']));
		await vi.waitFor(() => expect(shown).toEqual([expect.stringContaining('The other tab saved notes.md')]));
		expect(errors).toEqual([]);
		session.dispose();
		expect(lock.released).toBe(true);
	});
});
