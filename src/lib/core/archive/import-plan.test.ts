import { describe, expect, it } from 'vitest';
import { excludedFolder, planImport, skipAfterReading, type ImportCandidate, type PlanOptions } from './import-plan';
import { describeSkipped, projectNameFromFileName } from './import-report';
import { DEFAULT_EXCLUDED_FOLDERS, DEFAULT_IMPORT_LIMITS, formatMegabytes } from './limits';
import { SpecwrightError } from '../errors';

const MB = 1024 * 1024;
const zipOptions: PlanOptions = { source: 'zip', excludedFolders: DEFAULT_EXCLUDED_FOLDERS };
const file = (path: string, size = 10, compressedSize?: number): ImportCandidate => ({ path, kind: 'file', size, compressedSize });
const dir = (path: string): ImportCandidate => ({ path, kind: 'dir', size: 0 });
const link = (path: string): ImportCandidate => ({ path, kind: 'symlink', size: 5 });

function refusal(candidates: ImportCandidate[], options: PlanOptions = zipOptions): SpecwrightError {
	try {
		planImport(candidates, options);
	} catch (error) {
		expect(error).toBeInstanceOf(SpecwrightError);
		return error as SpecwrightError;
	}
	throw new Error('expected the import to be refused');
}

describe('planImport refuses unsafe paths, naming the first one', () => {
	it.each([
		[[file('ok.txt'), file('../evil.txt'), file('/etc/passwd')], 'This zip was refused: "../evil.txt" points outside the project.'],
		[[file('a/../../b.txt')], 'This zip was refused: "a/../../b.txt" points outside the project.'],
		[[file('/etc/passwd')], 'This zip was refused: "/etc/passwd" is an absolute path.'],
		[[file('C:\\Windows\\x.dll')], 'This zip was refused: "C:\\Windows\\x.dll" is an absolute path.'],
		[[dir('../up/')], 'This zip was refused: "../up/" points outside the project.'],
		[[link('../../secret')], 'This zip was refused: "../../secret" points outside the project.'],
		[[file('repo/..\\..\\x')], 'This zip was refused: "repo/..\\..\\x" points outside the project.']
	])('%j', (candidates, message) => {
		const error = refusal(candidates);
		expect(error.code).toBe('archive-unsafe-path');
		expect(error.message).toBe(message);
		expect(error.hint).toMatch(/Nothing was imported/);
	});

	it('says "folder" for a folder import', () => {
		expect(refusal([file('../x')], { ...zipOptions, source: 'folder' }).message).toMatch(/^This folder was refused/);
	});
});

describe('planImport lays out the files', () => {
	it.each([
		['strips the one top-level folder of a GitHub zip', [dir('repo-main/'), file('repo-main/README.md'), file('repo-main/src/a.ts')], ['README.md', 'src/a.ts'], 'repo-main'],
		['keeps a top-level file at the top', [file('README.md'), file('src/a.ts')], ['README.md', 'src/a.ts'], null],
		['keeps two top-level folders', [file('a/x.ts'), file('b/y.ts')], ['a/x.ts', 'b/y.ts'], null],
		['strips only one level', [file('p/src/x.ts'), file('p/src/y.ts')], ['src/x.ts', 'src/y.ts'], 'p'],
		["ignores Finder's __MACOSX folder before stripping", [file('proj/a.txt'), file('__MACOSX/proj/._a.txt')], ['a.txt'], 'proj'],
		['normalizes backslashes and dot segments', [file('src\\lib\\a.ts'), file('./b.ts')], ['b.ts', 'src/lib/a.ts'], null],
		['lets a later entry with the same path win', [file('a.txt', 1), file('b.txt'), file('./a.txt', 2)], ['a.txt', 'b.txt'], null]
	])('%s', (_label, candidates, paths, root) => {
		const plan = planImport(candidates, zipOptions);
		expect(plan.files.map((f) => f.path).sort()).toEqual(paths);
		expect(plan.root).toBe(root);
	});

	it('keeps empty folders, innermost only', () => {
		const plan = planImport([dir('p/'), dir('p/empty/'), dir('p/a/'), dir('p/a/b/'), dir('p/src/'), file('p/src/x.ts')], zipOptions);
		expect(plan.folders).toEqual(['a/b', 'empty']);
		expect(plan.files.map((f) => f.path)).toEqual(['src/x.ts']);
	});

	it('carries the source along and sums the sizes', () => {
		const plan = planImport([file('a', 3), file('b', 4)], zipOptions);
		expect(plan.totalBytes).toBe(7);
		expect(plan.files[1]?.source).toEqual(file('b', 4));
	});
});

describe('planImport skips and reports', () => {
	it('links, .git and node_modules anywhere, and unusable names', () => {
		const plan = planImport(
			[
				file('r/src/a.ts'),
				link('r/current'),
				dir('r/.git/'),
				file('r/.git/HEAD'),
				file('r/.git/objects/ab/cd'),
				file('r/node_modules/x/index.js'),
				file('r/packages/ui/node_modules/y.js'),
				file('r/docs/node_modules'),
				file('r/what?.txt')
			],
			zipOptions
		);
		expect(plan.files.map((f) => f.path)).toEqual(['src/a.ts', 'docs/node_modules']);
		expect(plan.skipped).toEqual([
			{ path: 'r/what?.txt', reason: 'invalid-name', files: 1 },
			{ path: 'current', reason: 'symlink', files: 1 },
			{ path: '.git', reason: 'excluded-folder', files: 2 },
			{ path: 'node_modules', reason: 'excluded-folder', files: 1 },
			{ path: 'packages/ui/node_modules', reason: 'excluded-folder', files: 1 }
		]);
	});

	it('includes .git and node_modules when the user turns the exclusion off', () => {
		const plan = planImport([file('.git/HEAD'), file('node_modules/x.js')], { ...zipOptions, excludedFolders: [] });
		expect(plan.files).toHaveLength(2);
	});

	it.each([
		['a binary over 5 MB', file('video.mp4', 6 * MB, 6 * MB), 'binary-too-large'],
		['any file over 50 MB', file('dump.sql', 51 * MB, 20 * MB), 'too-large']
	])('%s', (_label, candidate, reason) => {
		const plan = planImport([candidate, file('keep.txt')], zipOptions);
		expect(plan.skipped).toEqual([{ path: candidate.path, reason, files: 1 }]);
		expect(plan.files.map((f) => f.path)).toEqual(['keep.txt']);
	});

	it('keeps a 6 MB text file and a 5 MB image', () => {
		const plan = planImport([file('big.json', 6 * MB, 1 * MB), file('photo.png', 5 * MB, 5 * MB)], zipOptions);
		expect(plan.files).toHaveLength(2);
	});

	it('checks binary content once read, for files with no telling extension', () => {
		const binary = new Uint8Array(6 * MB);
		expect(skipAfterReading('data', binary)).toBe('binary-too-large');
		expect(skipAfterReading('data', new Uint8Array(1000))).toBeNull();
		expect(skipAfterReading('notes.txt', new Uint8Array(6 * MB).fill(65))).toBeNull();
	});
});

describe('planImport limits', () => {
	it.each([
		['an entry compressed more than 100:1', [file('bomb.txt', 100 * MB, 100 * 1024)], 'archive-bomb', /"bomb\.txt" would unpack from 100 KB to 100 MB/],
		['a large entry with no compressed bytes', [file('zero.bin', 2 * MB, 0)], 'archive-bomb', /zero\.bin/],
		['more than 200 MB in all', Array.from({ length: 5 }, (_, i) => file(`part${i}.txt`, 45 * MB, 45 * MB)), 'archive-too-large', /225 MB, more than the 200 MB/],
		['more than 50,000 files', Array.from({ length: 50_001 }, (_, i) => file(`f${i}`, 0)), 'archive-too-many-files', /50001 files/],
		['a path that is both a file and a folder', [file('a'), file('a/b')], 'archive-path-conflict', /"a" is both a file and a folder/],
		['nothing but skipped entries', [file('node_modules/x.js'), link('l')], 'import-empty', /holds no files/],
		['nothing at all', [], 'import-empty', /This zip holds no files/]
	])('refuses %s', (_label, candidates, code, message) => {
		const error = refusal(candidates);
		expect(error.code).toBe(code);
		expect(error.message).toMatch(message);
	});

	it('allows a small file that compresses very well, and exactly 200 MB', () => {
		expect(planImport([file('zeros.txt', 1 * MB, 1000)], zipOptions).files).toHaveLength(1);
		const exact = Array.from({ length: 4 }, (_, i) => file(`p${i}`, 50 * MB, 50 * MB));
		expect(planImport(exact, zipOptions).totalBytes).toBe(DEFAULT_IMPORT_LIMITS.maxTotalBytes);
	});

	it('asks before importing more than 5,000 files', () => {
		const many = (n: number) => Array.from({ length: n }, (_, i) => file(`f${i}.txt`, 1));
		expect(planImport(many(5000), zipOptions).needsConfirmation).toBe(false);
		expect(planImport(many(5001), zipOptions).needsConfirmation).toBe(true);
	});
});

describe('helpers', () => {
	it.each([
		['node_modules/a.js', 'file', 'node_modules'],
		['a/.git', 'dir', 'a/.git'],
		['a/.git', 'file', null],
		['src/a.ts', 'file', null]
	] as const)('excludedFolder(%j, %s) is %j', (path, kind, expected) => {
		expect(excludedFolder(path, kind, DEFAULT_EXCLUDED_FOLDERS)).toBe(expected);
	});

	it.each([
		['my-app.zip', 'my-app'],
		['Repo-Main.ZIP', 'Repo-Main'],
		['  spaced   name .zip', 'spaced name'],
		['.zip', 'Imported project'],
		['x'.repeat(100) + '.zip', 'x'.repeat(80)]
	])('a project imported from %j is named %j', (file, name) => {
		expect(projectNameFromFileName(file)).toBe(name);
	});

	it.each([
		[{ path: 'l', reason: 'symlink', files: 1 }, 'l — symbolic link'],
		[{ path: 'node_modules', reason: 'excluded-folder', files: 3 }, 'node_modules/ — left out (3 files)'],
		[{ path: '.git', reason: 'excluded-folder', files: 0 }, '.git/ — left out'],
		[{ path: 'v.mp4', reason: 'binary-too-large', files: 1 }, 'v.mp4 — binary file over 5 MB'],
		[{ path: 'd.sql', reason: 'too-large', files: 1 }, 'd.sql — file over 50 MB']
	] as const)('describes %j', (item, line) => {
		expect(describeSkipped(item)).toBe(line);
	});

	it.each([
		[0, '0 bytes'],
		[2048, '2 KB'],
		[1.5 * MB, '1.5 MB'],
		[200 * MB, '200 MB']
	])('formats %d as %s', (bytes, text) => {
		expect(formatMegabytes(bytes)).toBe(text);
	});
});
