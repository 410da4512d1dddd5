import { describe, expect, it, vi } from 'vitest';
import { batches, checkArchiveSize, importFolder, importZip, type FolderListing, type ImportDeps, type ZipExtractor } from './run-import';
import { inflateEntry } from './inflate-entry';
import { DEFAULT_EXCLUDED_FOLDERS } from './limits';
import { makeZip, SYMLINK_ATTRS, text } from './test-zips';
import { isAbort, SpecwrightError } from '../errors';
import type { FileData, ProjectFileSystem } from '../ports';

/** An in-memory project store that, like Projects.create, drops a project's files when filling fails. */
function fakeProjects() {
	const stored = new Map<string, Map<string, FileData | 'dir'>>();
	let next = 1;
	const createProject = vi.fn(async (baseName: string, fill: (fs: ProjectFileSystem) => Promise<void>) => {
		const id = `p${next++}`;
		const files = new Map<string, FileData | 'dir'>();
		stored.set(id, files);
		const fs = {
			writeMany: async (items: ReadonlyArray<{ path: string; data: FileData }>) => void items.forEach((i) => files.set(i.path, i.data)),
			mkdir: async (path: string) => void files.set(path, 'dir')
		} as unknown as ProjectFileSystem;
		try {
			await fill(fs);
		} catch (error) {
			stored.delete(id);
			throw error;
		}
		return { id, name: baseName };
	});
	return { stored, createProject };
}

function deps(overrides: Partial<ImportDeps> = {}) {
	const projects = fakeProjects();
	const controller = new AbortController();
	const progress: number[] = [];
	const base: ImportDeps = {
		signal: controller.signal,
		excludedFolders: DEFAULT_EXCLUDED_FOLDERS,
		onProgress: (p) => progress.push(p.files),
		confirmManyFiles: vi.fn(async () => true),
		createProject: projects.createProject,
		...overrides
	};
	return { deps: base, projects, controller, progress };
}

function extractorFor(log: string[] = []): (zip: Uint8Array) => ZipExtractor {
	return (zip) => ({
		extract: async (entries) => entries.map((e) => inflateEntry(zip, e)),
		dispose: () => void log.push('disposed')
	});
}

const decode = (data: FileData | 'dir' | undefined) => (typeof data === 'string' || data === undefined ? data : new TextDecoder().decode(data));

describe('importZip', () => {
	const zip = makeZip({
		'demo-main/': new Uint8Array(0),
		'demo-main/README.md': text('# Demo\n'),
		'demo-main/src/index.ts': text('export {};\n'),
		'demo-main/empty/': new Uint8Array(0),
		'demo-main/node_modules/x/index.js': text('junk'),
		'demo-main/latest': [text('README.md'), SYMLINK_ATTRS]
	});

	it('writes every file, strips the top folder, keeps empty folders and reports what it skipped', async () => {
		const { deps: d, projects, progress } = deps();
		const log: string[] = [];
		const outcome = await importZip(zip, 'demo-main.zip', extractorFor(log), d);
		expect(outcome).toMatchObject({ projectId: 'p1', projectName: 'demo-main', files: 2 });
		expect(outcome?.skipped.map((s) => [s.path, s.reason])).toEqual([
			['node_modules', 'excluded-folder'],
			['latest', 'symlink']
		]);
		const files = projects.stored.get('p1')!;
		expect([...files.keys()].sort()).toEqual(['README.md', 'empty', 'src/index.ts']);
		expect(decode(files.get('README.md'))).toBe('# Demo\n');
		expect(progress).toEqual([0, 2]);
		expect(log).toEqual(['disposed']);
	});

	it.each([
		['a corrupt file', text('PK\u0003\u0004 but nothing else'), 'archive-invalid'],
		['an unsafe path', makeZip({ 'ok.txt': text('ok'), '../evil.txt': text('evil') }), 'archive-unsafe-path']
	])('refuses %s before creating anything', async (_label, bytes, code) => {
		const { deps: d, projects } = deps();
		const open = vi.fn(extractorFor());
		await expect(importZip(bytes, 'x.zip', open, d)).rejects.toMatchObject({ code });
		expect(projects.createProject).not.toHaveBeenCalled();
		expect(open).not.toHaveBeenCalled();
	});

	it('leaves nothing behind when an entry turns out damaged', async () => {
		const { deps: d, projects } = deps();
		const failing = (z: Uint8Array): ZipExtractor => ({
			extract: async () => {
				throw new SpecwrightError('archive-damaged', '"x" in this zip is damaged.');
			},
			dispose: () => void z
		});
		await expect(importZip(zip, 'demo.zip', failing, d)).rejects.toMatchObject({ code: 'archive-damaged' });
		expect(projects.stored.size).toBe(0);
	});

	it('stops and drops the written files when cancelled', async () => {
		const many = makeZip(Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`f${i}.txt`, text(`file ${i}`)])));
		const log: string[] = [];
		const { deps: d, projects, controller } = deps();
		d.onProgress = (p) => {
			if (p.files === 200) controller.abort();
		};
		const error = await importZip(many, 'many.zip', extractorFor(log), d).catch((e: unknown) => e);
		expect(isAbort(error)).toBe(true);
		expect(projects.stored.size).toBe(0);
		expect(log).toContain('disposed');
	});

	it('asks before a very large import and stops when the answer is no', async () => {
		const confirmManyFiles = vi.fn(async () => false);
		const { deps: d, projects } = deps({ confirmManyFiles, limits: { ...(await import('./limits')).DEFAULT_IMPORT_LIMITS, askAboveFiles: 1 } });
		expect(await importZip(zip, 'demo.zip', extractorFor(), d)).toBeNull();
		expect(confirmManyFiles).toHaveBeenCalledWith(2, 18);
		expect(projects.createProject).not.toHaveBeenCalled();
	});
});

describe('importFolder', () => {
	it('reads only the planned files and names the project after the folder', async () => {
		const read = vi.fn(async () => text('content'));
		const listing: FolderListing = {
			name: 'my-folder',
			folders: ['my-folder/node_modules', 'my-folder/docs'],
			files: [
				{ path: 'my-folder/a.txt', size: 7, read },
				{ path: 'my-folder/.git/HEAD', size: 7, read },
				{ path: 'my-folder/src/b.txt', size: 7, read }
			]
		};
		const { deps: d, projects } = deps();
		const outcome = await importFolder(listing, d);
		expect(outcome).toMatchObject({ projectName: 'my-folder', files: 2 });
		expect(read).toHaveBeenCalledTimes(2);
		expect([...projects.stored.get('p1')!.keys()].sort()).toEqual(['a.txt', 'docs', 'src/b.txt']);
		expect(outcome?.skipped.map((s) => s.path)).toEqual(['node_modules', '.git']);
	});
});

describe('helpers', () => {
	it.each([
		[[1, 1, 1], 2, 100, [[1, 1], [1]]],
		[[60, 60, 10], 10, 100, [[60], [60, 10]]],
		[[500, 1], 10, 100, [[500], [1]]],
		[[], 10, 100, []]
	])('batches(%j, %d files, %d bytes)', (sizes, maxFiles, maxBytes, expected) => {
		const out = batches(sizes.map((size) => ({ size })), maxFiles, maxBytes);
		expect(out.map((b) => b.map((f) => f.size))).toEqual(expected);
	});

	it('refuses a zip file over 400 MB before reading it', () => {
		expect(() => checkArchiveSize(401 * 1024 * 1024)).toThrow(/401 MB, more than the 400 MB/);
		expect(() => checkArchiveSize(400 * 1024 * 1024)).not.toThrow();
	});
});

describe('importClone', () => {
	const bytes = (n: number, fill = 0) => new Uint8Array(n).fill(fill);
	const MB = 1024 * 1024;

	it('keeps .git, even its large binary packfile, and does not strip a single top folder', async () => {
		const { deps: d, projects } = deps();
		const { importClone } = await import('./run-import');
		const repo = {
			files: [
				{ path: '.git/HEAD', kind: 'file' as const, data: text('ref: refs/heads/main\n') },
				{ path: '.git/objects/pack/pack-1.pack', kind: 'file' as const, data: bytes(6 * MB) },
				{ path: 'app/main.ts', kind: 'file' as const, data: text('export {};\n') },
				{ path: 'app/logo.png', kind: 'file' as const, data: bytes(6 * MB) },
				{ path: 'app/link', kind: 'symlink' as const, data: text('main.ts') }
			]
		};
		const outcome = await importClone(repo, 'demo', d);
		const files = projects.stored.get(outcome!.projectId)!;
		expect([...files.keys()].sort()).toEqual(['.git/HEAD', '.git/objects/pack/pack-1.pack', 'app/main.ts']);
		expect(outcome!.skipped.map((s) => [s.path, s.reason]).sort()).toEqual([
			['app/link', 'symlink'],
			['app/logo.png', 'binary-too-large']
		]);
	});

	it('asks before a very large clone and creates nothing when declined', async () => {
		const { deps: d, projects } = deps({ confirmManyFiles: vi.fn(async () => false), limits: { ...(await import('./limits')).DEFAULT_IMPORT_LIMITS, askAboveFiles: 2 } });
		const { importClone } = await import('./run-import');
		const files = ['a', 'b', 'c'].map((p) => ({ path: p, kind: 'file' as const, data: text(p) }));
		expect(await importClone({ files }, 'big', d)).toBeNull();
		expect(d.confirmManyFiles).toHaveBeenCalledWith(3, 3);
		expect(projects.stored.size).toBe(0);
	});
});
