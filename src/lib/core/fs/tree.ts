import type { FileEntry } from '../ports';
import { basename, dirname } from './paths';
import { isGitInternal } from '../git/status';

export interface TreeNode {
	path: string;
	name: string;
	kind: 'file' | 'dir';
	depth: number;
	children: TreeNode[];
}

/** Builds the folder tree from a flat listing: folders first, then files, each by name. */
export function buildTree(entries: readonly FileEntry[]): TreeNode[] {
	const root: TreeNode = { path: '', name: '', kind: 'dir', depth: -1, children: [] };
	const dirs = new Map<string, TreeNode>([['', root]]);
	const ensureDir = (path: string): TreeNode => {
		const existing = dirs.get(path);
		if (existing) return existing;
		const parent = ensureDir(dirname(path));
		const node: TreeNode = { path, name: basename(path), kind: 'dir', depth: parent.depth + 1, children: [] };
		parent.children.push(node);
		dirs.set(path, node);
		return node;
	};
	for (const entry of entries) {
		// The repository's own files are git's business, not something to browse or edit.
		if (isGitInternal(entry.path)) continue;
		if (entry.kind === 'dir') ensureDir(entry.path);
		else {
			const parent = ensureDir(dirname(entry.path));
			parent.children.push({ path: entry.path, name: basename(entry.path), kind: 'file', depth: parent.depth + 1, children: [] });
		}
	}
	sortTree(root);
	return root.children;
}

function sortTree(node: TreeNode): void {
	node.children.sort((a, b) =>
		a.kind !== b.kind ? (a.kind === 'dir' ? -1 : 1) : a.name.localeCompare(b.name, undefined, { numeric: true })
	);
	for (const child of node.children) sortTree(child);
}

/** The nodes a user sees, in order, given which folders are expanded: for keyboard navigation. */
export function visibleNodes(tree: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
	const out: TreeNode[] = [];
	const walk = (nodes: readonly TreeNode[]) => {
		for (const node of nodes) {
			out.push(node);
			if (node.kind === 'dir' && expanded.has(node.path)) walk(node.children);
		}
	};
	walk(tree);
	return out;
}

const BINARY_EXTENSIONS = new Set([
	'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'bmp', 'pdf', 'zip', 'gz', 'tgz', 'woff', 'woff2', 'ttf', 'otf',
	'eot', 'mp3', 'mp4', 'wav', 'ogg', 'webm', 'wasm', 'exe', 'dll', 'so', 'dylib', 'bin', 'jar', 'class'
]);

/** Binary files are shown as such rather than opened in the text editor. */
export function looksBinary(path: string, bytes?: Uint8Array): boolean {
	const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
	if (BINARY_EXTENSIONS.has(ext)) return true;
	if (!bytes) return false;
	const sample = bytes.subarray(0, 8000);
	return sample.includes(0);
}
