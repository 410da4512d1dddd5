import type { FileData } from '../ports';

/** The nested shape runtimes mount: `{ src: { directory: { 'a.ts': { file: { contents } } } } }`. */
export interface MountTree {
	[name: string]: { directory: MountTree } | { file: { contents: FileData } };
}

/** Flat project paths to a nested mount tree. A path that is both a file and a folder keeps the folder. */
export function toMountTree(files: ReadonlyMap<string, FileData>): MountTree {
	const root: MountTree = {};
	for (const [path, contents] of files) {
		const parts = path.split('/');
		let dir = root;
		for (const part of parts.slice(0, -1)) {
			const node = dir[part];
			if (!node || !('directory' in node)) dir[part] = { directory: {} };
			dir = (dir[part] as { directory: MountTree }).directory;
		}
		const name = parts[parts.length - 1] ?? path;
		if (!dir[name]) dir[name] = { file: { contents } };
	}
	return root;
}
