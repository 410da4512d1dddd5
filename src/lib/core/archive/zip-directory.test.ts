import { describe, expect, it } from 'vitest';
import { readZipDirectory, entryKind, type ZipEntry } from './zip-directory';
import { inflateEntry } from './inflate-entry';
import { crc32 } from './crc32';
import { SpecwrightError } from '../errors';
import { makeZip, patchCentral, SYMLINK_ATTRS, text, zip64Stored } from './test-zips';

function codeOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(SpecwrightError);
		return (error as SpecwrightError).code;
	}
	throw new Error('expected a failure');
}

describe('readZipDirectory', () => {
	it('lists files, folders and links with their declared sizes', () => {
		const zip = makeZip({
			'README.md': text('# hi\n'),
			'src/': new Uint8Array(0),
			'src/main.ts': [text('x'.repeat(5000)), { level: 9 }],
			'link': [text('README.md'), SYMLINK_ATTRS],
			'naïve/日本.txt': text('utf-8 names')
		});
		const entries = readZipDirectory(zip);
		expect(entries.map((e) => [e.name, e.kind, e.size])).toEqual([
			['README.md', 'file', 5],
			['src/', 'dir', 0],
			['src/main.ts', 'file', 5000],
			['link', 'symlink', 9],
			['naïve/日本.txt', 'file', 11]
		]);
		const main = entries[2]!;
		expect(main.method).toBe(8);
		expect(main.compressedSize).toBeLessThan(100);
		expect(new TextDecoder().decode(inflateEntry(zip, main))).toBe('x'.repeat(5000));
	});

	it('finds the directory behind an archive comment', () => {
		const zip = makeZip({ 'a.txt': text('a') });
		const withComment = new Uint8Array(zip.length + 5);
		withComment.set(zip);
		withComment.set(text('hello'), zip.length);
		new DataView(withComment.buffer).setUint16(zip.length - 2, 5, true);
		expect(readZipDirectory(withComment).map((e) => e.name)).toEqual(['a.txt']);
	});

	it('reads the Zip64 layout', () => {
		const data = text('sixty-four');
		const zip = zip64Stored('big/file.txt', data, crc32(data));
		const entry = readZipDirectory(zip)[0]!;
		expect(entry).toMatchObject({ name: 'big/file.txt', size: data.length, compressedSize: data.length, localHeaderOffset: 0 });
		expect(inflateEntry(zip, entry)).toEqual(data);
	});

	it('reads an empty archive as no entries', () => {
		expect(readZipDirectory(makeZip({}))).toEqual([]);
	});

	const valid = makeZip({ 'a.txt': text('hello'), 'b.txt': text('world') });
	it.each([
		['no bytes', new Uint8Array(0)],
		['plain text', text('this is not a zip at all, just some words in a file')],
		['a truncated archive', valid.subarray(0, valid.length - 10)],
		['the front half only', valid.subarray(0, Math.floor(valid.length / 2))],
		['a damaged directory', (() => {
			const copy = valid.slice();
			copy.fill(0, valid.length - 22 - 100, valid.length - 22);
			return copy;
		})()],
		['a directory offset past the end', (() => {
			const copy = valid.slice();
			new DataView(copy.buffer).setUint32(copy.length - 6, 0x7fffffff, true);
			return copy;
		})()]
	])('refuses %s as not a valid zip', (_label, bytes) => {
		expect(codeOf(() => readZipDirectory(bytes))).toBe('archive-invalid');
		try {
			readZipDirectory(bytes);
		} catch (error) {
			expect((error as Error).message).toBe('This file is not a valid zip archive.');
		}
	});

	it.each([
		['a.txt', 0, 'file'],
		['dir/', 0, 'dir'],
		['dir', (0o040755 << 16) >>> 0, 'dir'],
		['link', (0o120777 << 16) >>> 0, 'symlink'],
		['exe', (0o100755 << 16) >>> 0, 'file'],
		['hidden.txt', 0x02, 'file']
	])('entry %j with attributes %o is a %s', (name, attrs, kind) => {
		expect(entryKind(name, attrs)).toBe(kind);
	});
});

describe('inflateEntry', () => {
	const body = text('The quick brown fox. '.repeat(200));
	const zip = makeZip({ 'fox.txt': body, 'stored.txt': [text('as is'), { level: 0 }] });

	it('unpacks deflated and stored entries', () => {
		const [fox, stored] = readZipDirectory(zip) as [ZipEntry, ZipEntry];
		expect(inflateEntry(zip, fox)).toEqual(body);
		expect(new TextDecoder().decode(inflateEntry(zip, stored))).toBe('as is');
	});

	it.each([
		['a size smaller than the real one (a bomb hiding its size)', patchCentral(zip, 0, 'size', 100), 0, 'archive-bomb'],
		['a size larger than the real one', patchCentral(zip, 0, 'size', body.length + 10), 0, 'archive-damaged'],
		['a wrong checksum', patchCentral(zip, 0, 'crc', 12345), 0, 'archive-damaged'],
		['a stored entry with a wrong size', patchCentral(zip, 1, 'size', 3), 1, 'archive-damaged'],
		['an encrypted entry', patchCentral(zip, 0, 'flags', 1), 0, 'archive-encrypted'],
		['an unknown compression method', patchCentral(zip, 0, 'method', 14), 0, 'archive-unsupported'],
		['a compressed size past the end', patchCentral(zip, 0, 'compressedSize', 10_000_000), 0, 'archive-invalid']
	])('refuses %s', (_label, forged, index, code) => {
		expect(codeOf(() => inflateEntry(forged, readZipDirectory(forged)[index]!))).toBe(code);
	});

	it('refuses a damaged deflate stream', () => {
		const fox = readZipDirectory(zip)[0]!;
		const broken = zip.slice();
		const dataStart = 30 + 'fox.txt'.length;
		broken.fill(0xff, dataStart, dataStart + 8);
		expect(codeOf(() => inflateEntry(broken, fox))).toBe('archive-damaged');
	});

	it('names the entry in its messages', () => {
		const forged = patchCentral(zip, 0, 'size', 100);
		expect(() => inflateEntry(forged, readZipDirectory(forged)[0]!)).toThrow(/"fox\.txt" unpacks to more than the 100 bytes/);
	});
});
