import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import type { FileEntry, ProjectFileSystem } from '../core/ports';
import { buildTree, looksBinary, type TreeNode } from '../core/fs/tree';
import { basename, dirname, isWithin, joinPath, normalizePath } from '../core/fs/paths';
import { SpecwrightError } from '../core/errors';
import { isGitInternal } from '../core/git/status';

export interface Tab {
	path: string;
	dirty: boolean;
	binary: boolean;
	size: number;
}

/**
 * One open project: its files, the open tabs and which have unsaved changes. The editor keeps the
 * text (one EditorState per tab) and hands it here to save.
 */
export class Workspace {
	entries = $state<FileEntry[]>([]);
	tabs = $state<Tab[]>([]);
	active = $state<string | null>(null);
	readonly expanded = new SvelteSet<string>();
	// Saved texts and listeners are bookkeeping, not shown state: plain collections on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#saved = new Map<string, string>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#moveListeners = new Set<(from: string, to: string) => void>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#reloadListeners = new Set<(path: string, text: string) => void>();

	constructor(
		readonly projectId: string,
		private readonly fs: ProjectFileSystem,
		private readonly onChange: () => void
	) {}

	tree: TreeNode[] = $derived(buildTree(this.entries));

	get activeTab(): Tab | undefined {
		return this.tabs.find((t) => t.path === this.active);
	}

	get hasUnsaved(): boolean {
		return this.tabs.some((t) => t.dirty);
	}

	async refresh(): Promise<void> {
		// .git is hidden: it is neither counted nor offered for editing.
		this.entries = (await this.fs.list()).filter((e) => !isGitInternal(e.path));
	}

	isFile(path: string): boolean {
		return this.entries.some((e) => e.path === path && e.kind === 'file');
	}

	/** Opens a file in a tab (or focuses it) and returns its saved text. */
	async open(path: string): Promise<void> {
		if (!this.tabs.some((t) => t.path === path)) {
			const bytes = await this.fs.readFile(path);
			const binary = looksBinary(path, bytes);
			if (!binary) this.#saved.set(path, new TextDecoder().decode(bytes));
			this.tabs = [...this.tabs, { path, dirty: false, binary, size: bytes.byteLength }];
		}
		this.active = path;
		this.reveal(path);
	}

	/** Expands the folders above a path so it shows in the tree. */
	reveal(path: string): void {
		for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) this.expanded.add(dir);
	}

	savedText(path: string): string {
		return this.#saved.get(path) ?? '';
	}

	markDirty(path: string, text: string): void {
		const dirty = text !== this.#saved.get(path);
		const tab = this.tabs.find((t) => t.path === path);
		if (tab && tab.dirty !== dirty) tab.dirty = dirty;
	}

	/** Durable before it returns: the tab is marked clean only once the write has landed. */
	async save(path: string, text: string): Promise<void> {
		await this.fs.writeFile(path, text);
		this.#saved.set(path, text);
		const tab = this.tabs.find((t) => t.path === path);
		if (tab) {
			tab.dirty = false;
			tab.size = new TextEncoder().encode(text).byteLength;
		}
		this.onChange();
	}

	/** Shows a file's stored text again after something else rewrote it (a git restore). */
	async reload(path: string): Promise<void> {
		const index = this.tabs.findIndex((t) => t.path === path);
		if (index === -1) return;
		const previous = this.active;
		this.close(path);
		// Let the editor drop the tab's old state before the file opens again.
		await tick();
		if (this.isFile(path)) {
			await this.open(path);
			const tabs = this.tabs.filter((t) => t.path !== path);
			tabs.splice(index, 0, this.tabs.find((t) => t.path === path)!);
			this.tabs = tabs;
		}
		if (previous && this.tabs.some((t) => t.path === previous)) this.active = previous;
	}

	close(path: string): void {
		const index = this.tabs.findIndex((t) => t.path === path);
		if (index === -1) return;
		this.tabs = this.tabs.filter((t) => t.path !== path);
		this.#saved.delete(path);
		if (this.active === path) this.active = this.tabs[Math.min(index, this.tabs.length - 1)]?.path ?? null;
	}

	async createFile(dir: string, name: string): Promise<string> {
		const path = this.newPath(dir, name);
		await this.fs.writeFile(path, '');
		await this.afterWrite();
		await this.open(path);
		return path;
	}

	async createFolder(dir: string, name: string): Promise<string> {
		const path = this.newPath(dir, name);
		await this.fs.mkdir(path);
		this.expanded.add(path);
		await this.afterWrite();
		return path;
	}

	/** Renames or moves a file or folder; open tabs follow it. */
	async move(from: string, to: string): Promise<void> {
		const target = normalizePath(to);
		if (target === from) return;
		if (this.entries.some((e) => e.path === target)) {
			throw new SpecwrightError('path-exists', `"${target}" already exists.`, { hint: 'Choose another name.' });
		}
		await this.fs.rename(from, target);
		const moved = (p: string) => (isWithin(p, from) ? target + p.slice(from.length) : p);
		for (const [path, text] of [...this.#saved]) {
			if (isWithin(path, from)) {
				this.#saved.delete(path);
				this.#saved.set(moved(path), text);
			}
		}
		for (const tab of this.tabs.filter((t) => isWithin(t.path, from))) {
			for (const listener of this.#moveListeners) listener(tab.path, moved(tab.path));
		}
		this.tabs = this.tabs.map((t) => ({ ...t, path: moved(t.path) }));
		if (this.active) this.active = moved(this.active);
		this.reveal(target);
		await this.afterWrite();
	}

	rename(path: string, newName: string): Promise<void> {
		return this.move(path, joinPath(dirname(path), validName(newName)));
	}

	async remove(path: string): Promise<void> {
		await this.fs.remove(path);
		for (const tab of this.tabs.filter((t) => isWithin(t.path, path))) this.close(tab.path);
		await this.afterWrite();
	}

	/**
	 * Files changed from outside (a command in the runtime): open tabs without unsaved edits show
	 * the new text; tabs with edits keep them.
	 */
	/**
	 * Shows what a process wrote into open files. Tabs with unsaved edits keep them; their paths are
	 * returned so the user can be told that saving would replace what the process wrote.
	 */
	async reloadChanged(paths: readonly string[]): Promise<string[]> {
		const conflicts: string[] = [];
		for (const tab of this.tabs.filter((t) => paths.includes(t.path) && !t.binary)) {
			const text = await this.fs.readText(tab.path).catch(() => null);
			if (text === null || text === this.#saved.get(tab.path)) continue;
			if (tab.dirty) {
				conflicts.push(tab.path);
				continue;
			}
			this.#saved.set(tab.path, text);
			for (const listener of this.#reloadListeners) listener(tab.path, text);
		}
		return conflicts;
	}

	onReload(listener: (path: string, text: string) => void): () => void {
		this.#reloadListeners.add(listener);
		return () => this.#reloadListeners.delete(listener);
	}

	/** The editor follows renamed files so unsaved text moves with its tab. */
	onMove(listener: (from: string, to: string) => void): () => void {
		this.#moveListeners.add(listener);
		return () => this.#moveListeners.delete(listener);
	}

	toggleFolder(path: string): void {
		if (!this.expanded.delete(path)) this.expanded.add(path);
	}

	private newPath(dir: string, name: string): string {
		const path = normalizePath(joinPath(dir, validName(name)));
		if (this.entries.some((e) => e.path === path)) {
			throw new SpecwrightError('path-exists', `"${path}" already exists.`, { hint: 'Choose another name.' });
		}
		const parent = this.entries.find((e) => e.path === dirname(path));
		if (parent?.kind === 'file') throw new SpecwrightError('path-is-file', `"${parent.path}" is a file.`);
		return path;
	}

	private async afterWrite(): Promise<void> {
		await this.refresh();
		this.onChange();
	}
}

/** A name typed in the tree may be a relative path ("src/a.ts"); it may not climb out. */
function validName(name: string): string {
	const clean = normalizePath(name);
	if (isGitInternal(clean)) throw new SpecwrightError('path-protected', '.git holds the repository and cannot be edited here.');
	if (basename(clean).startsWith(' ')) throw new SpecwrightError('path-invalid', 'Names cannot start with a space.');
	return clean;
}
