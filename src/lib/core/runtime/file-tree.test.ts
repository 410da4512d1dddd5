import { describe, expect, it } from 'vitest';
import { toMountTree } from './file-tree';

describe('toMountTree', () => {
	it('nests paths into folders', () => {
		const bin = new Uint8Array([1, 2]);
		expect(
			toMountTree(
				new Map<string, string | Uint8Array>([
					['package.json', '{}'],
					['src/lib/a.ts', 'a'],
					['src/b.bin', bin]
				])
			)
		).toEqual({
			'package.json': { file: { contents: '{}' } },
			src: { directory: { lib: { directory: { 'a.ts': { file: { contents: 'a' } } } }, 'b.bin': { file: { contents: bin } } } }
		});
	});
});
