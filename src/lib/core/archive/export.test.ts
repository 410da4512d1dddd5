import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { exportEntries, zipFileName } from './export';
import { readZipDirectory } from './zip-directory';
import { inflateEntry } from './inflate-entry';
import { planImport } from './import-plan';
import { DEFAULT_EXCLUDED_FOLDERS } from './limits';
import type { FileData, FileEntry } from '../ports';

const t = Date.UTC(2025, 5, 1, 12);
const entry = (path: string, kind: 'file' | 'dir' = 'file'): FileEntry => ({ path, kind, size: 0, mtime: t });

describe('exportEntries', () => {
	it('leaves the repository out of the zip', () => {
		const input = exportEntries(
			[entry('.git/HEAD'), entry('.git/refs/tags', 'dir'), entry('a.md')],
			new Map<string, FileData>([['.git/HEAD', 'ref: refs/heads/main\n'], ['a.md', '# A\n']])
		);
		expect(Object.keys(input)).toEqual(['a.md']);
	});

	const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
	const contents = new Map<string, FileData>([
		['README.md', '# Héllo\n'],
		['src/lib/a.ts', 'export const a = 1;\n'],
		['img/logo.png', png]
	]);
	const listing = [
		entry('README.md'),
		entry('empty', 'dir'),
		entry('img', 'dir'),
		entry('img/logo.png'),
		entry('src', 'dir'),
		entry('src/lib', 'dir'),
		entry('src/lib/a.ts'),
		entry('src/lib/deeper', 'dir')
	];

	it('holds every file and only the empty folders', () => {
		const input = exportEntries(listing, contents);
		expect(Object.keys(input).sort()).toEqual(['README.md', 'empty/', 'img/logo.png', 'src/lib/a.ts', 'src/lib/deeper/']);
		expect(input['img/logo.png']?.[1].level).toBe(0);
		expect(input['README.md']?.[1].level).toBe(6);
	});

	it('round-trips through a zip byte for byte, folders included', () => {
		const zip = zipSync(exportEntries(listing, contents));
		const entries = readZipDirectory(zip);
		const plan = planImport(
			entries.map((e) => ({ path: e.name, kind: e.kind, size: e.size, compressedSize: e.compressedSize, entry: e })),
			{ source: 'zip', excludedFolders: DEFAULT_EXCLUDED_FOLDERS }
		);
		expect(plan.root).toBeNull();
		expect(plan.folders).toEqual(['empty', 'src/lib/deeper']);
		const unpacked = new Map(plan.files.map((f) => [f.path, inflateEntry(zip, f.source.entry)]));
		expect(unpacked.get('README.md')).toEqual(new TextEncoder().encode('# Héllo\n'));
		expect(unpacked.get('img/logo.png')).toEqual(png);
		expect(unpacked.size).toBe(3);
	});
});

describe('zipFileName', () => {
	it.each([
		['My app', 'My app.zip'],
		['a/b: c?', 'a-b- c-.zip'],
		['...', 'project.zip'],
		['Notes ', 'Notes.zip']
	])('%j → %j', (name, file) => {
		expect(zipFileName(name)).toBe(file);
	});
});
