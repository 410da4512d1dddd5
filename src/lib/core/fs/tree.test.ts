import { describe, expect, it } from 'vitest';
import { buildTree, looksBinary, visibleNodes } from './tree';
import type { FileEntry } from '../ports';

const entry = (path: string, kind: 'file' | 'dir' = 'file'): FileEntry => ({ path, kind, size: 0, mtime: 0 });

describe('buildTree', () => {
	it('leaves the repository folder out', () => {
		const tree = buildTree([entry('.git/HEAD'), entry('.git/refs/tags', 'dir'), entry('.gitignore'), entry('a.md')]);
		expect(tree.map((n) => n.path)).toEqual(['.gitignore', 'a.md']);
	});

	it('puts folders first, sorts names naturally and infers missing folders', () => {
		const tree = buildTree([entry('b.md'), entry('src/file10.ts'), entry('src/file2.ts'), entry('a.md'), entry('empty', 'dir')]);
		expect(tree.map((n) => n.name)).toEqual(['empty', 'src', 'a.md', 'b.md']);
		expect(tree[1]!.children.map((n) => n.name)).toEqual(['file2.ts', 'file10.ts']);
		expect(tree[1]!.children[0]!.depth).toBe(1);
	});

	it('lists only the rows under expanded folders', () => {
		const tree = buildTree([entry('src/a/b.ts'), entry('x.ts')]);
		expect(visibleNodes(tree, new Set()).map((n) => n.path)).toEqual(['src', 'x.ts']);
		expect(visibleNodes(tree, new Set(['src', 'src/a'])).map((n) => n.path)).toEqual(['src', 'src/a', 'src/a/b.ts', 'x.ts']);
	});
});

describe('looksBinary', () => {
	it('knows binary extensions and NUL bytes', () => {
		expect(looksBinary('logo.PNG')).toBe(true);
		expect(looksBinary('a.txt', new Uint8Array([104, 0, 105]))).toBe(true);
		expect(looksBinary('a.txt', new TextEncoder().encode('héllo'))).toBe(false);
	});
});
