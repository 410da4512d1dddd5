import { SpecwrightError } from '../errors';
import { dirname, isGitInternal, normalizePath } from '../fs/paths';
import { looksBinary } from '../fs/tree';
import { DEFAULT_IMPORT_LIMITS, formatMegabytes, type ImportLimits } from './limits';

/**
 * Decides what an import (a zip or a local folder) will write, from the listing alone: nothing is
 * unpacked or read until the whole listing has passed. Unsafe paths and zip bombs refuse the whole
 * import; links, excluded folders and oversized files are skipped and reported, never dropped silently.
 */

export type ImportSource = 'zip' | 'folder' | 'git' | 'github';

export interface ImportCandidate {
	/** The path as the archive or the browser gave it: untrusted until normalizePath has seen it. */
	path: string;
	/** A git submodule (a GitHub tree's `commit` entry) has no content to import. */
	kind: 'file' | 'dir' | 'symlink' | 'submodule';
	/** Declared size in bytes (a zip's central directory, or File.size). */
	size: number;
	/** Zips only: the stored size, for the compression-ratio check. */
	compressedSize?: number;
}

export type SkipReason = 'symlink' | 'submodule' | 'excluded-folder' | 'binary-too-large' | 'too-large' | 'invalid-name';

export interface SkippedItem {
	path: string;
	reason: SkipReason;
	/** For an excluded folder: how many files inside it were left out. */
	files: number;
}

export interface PlannedFile<T> {
	path: string;
	size: number;
	source: T;
}

export interface ImportPlan<T> {
	files: PlannedFile<T>[];
	/** Folders with nothing inside, kept so the project looks like the archive. */
	folders: string[];
	skipped: SkippedItem[];
	totalBytes: number;
	/** The single top-level folder that was stripped (a GitHub zip's "repo-main"), if any. */
	root: string | null;
	/** More files than limits.askAboveFiles: the user is asked before anything is written. */
	needsConfirmation: boolean;
}

/** Finder puts resource forks in __MACOSX/ in the zips it makes: never part of a project. */
const ALWAYS_EXCLUDED = ['__MACOSX'];

export interface PlanOptions {
	source: ImportSource;
	/** Folder names left out wherever they appear, e.g. ".git" and "node_modules". */
	excludedFolders: readonly string[];
	limits?: ImportLimits;
}

interface Located<T> {
	candidate: T;
	path: string;
}

export function planImport<T extends ImportCandidate>(candidates: readonly T[], options: PlanOptions): ImportPlan<T> {
	const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
	const skipped = new SkipList();
	const located: Located<T>[] = [];
	for (const candidate of candidates) {
		const path = checkedPath(candidate, options.source, skipped);
		if (path === null) continue;
		const junk = excludedFolder(path, candidate.kind, ALWAYS_EXCLUDED);
		if (junk !== null) skipped.folder(junk, candidate.kind);
		else located.push({ candidate, path });
	}

	// A repository's files are the repository itself: its one top folder, if it has one, is real. Only
	// archives and dropped folders wrap everything in one.
	const root = options.source === 'git' || options.source === 'github' ? null : singleRoot(located);
	const files = new Map<string, PlannedFile<T>>();
	const dirs = new Set<string>();
	for (const { candidate, path: fullPath } of located) {
		const path = root === null ? fullPath : fullPath.slice(root.length + 1);
		if (path === '') continue;
		const excluded = excludedFolder(path, candidate.kind, options.excludedFolders);
		if (excluded !== null) skipped.folder(excluded, candidate.kind);
		else if (candidate.kind === 'symlink') skipped.add(path, 'symlink');
		else if (candidate.kind === 'submodule') skipped.add(path, 'submodule');
		else if (candidate.kind === 'dir') dirs.add(path);
		else {
			refuseBomb(candidate, options.source, limits);
			const tooBig = sizeSkip(path, candidate.size, limits);
			if (tooBig) skipped.add(path, tooBig);
			// A later entry with the same path replaces the earlier one, as unzip tools do.
			else files.set(path, { path, size: candidate.size, source: candidate });
		}
	}

	refuseConflicts(files, dirs, options.source);
	const planned = [...files.values()];
	const totalBytes = planned.reduce((sum, f) => sum + f.size, 0);
	const folders = emptyFolders(dirs, planned);
	const what = sourceLabel(options.source);
	if (totalBytes > limits.maxTotalBytes) {
		throw new SpecwrightError(
			'archive-too-large',
			`${what} would unpack to ${formatMegabytes(totalBytes)}, more than the ${formatMegabytes(limits.maxTotalBytes)} an import may hold.`,
			{ hint: 'Leave out build output and large assets, then import again.' }
		);
	}
	if (planned.length > limits.maxFiles) {
		throw new SpecwrightError('archive-too-many-files', `${what} holds ${planned.length} files, more than the ${limits.maxFiles} an import may hold.`, {
			hint: 'Import a smaller part of it.'
		});
	}
	if (planned.length === 0 && folders.length === 0) {
		throw new SpecwrightError('import-empty', `${what} holds no files to import.`, {
			hint: skipped.items.length > 0 ? `Everything in it was skipped (${skipped.items.length} items).` : undefined
		});
	}
	return {
		files: planned,
		folders,
		skipped: skipped.items,
		totalBytes,
		root,
		needsConfirmation: planned.length > limits.askAboveFiles
	};
}

/** A file that turned out binary and large once read, for sources that cannot tell in advance. */
export function skipAfterReading(path: string, data: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): SkipReason | null {
	if (isGitInternal(path)) return null;
	if (data.byteLength > limits.maxFileBytes) return 'too-large';
	if (data.byteLength > limits.maxBinaryBytes && looksBinary(path, data)) return 'binary-too-large';
	return null;
}

/** The excluded folder a path lies in ("packages/a/node_modules"), or null. */
export function excludedFolder(path: string, kind: ImportCandidate['kind'], names: readonly string[]): string | null {
	const parts = path.split('/');
	// The last segment of a file is its own name, not a folder.
	const folderParts = kind === 'dir' ? parts.length : parts.length - 1;
	for (let i = 0; i < folderParts; i++) {
		if (names.includes(parts[i]!)) return parts.slice(0, i + 1).join('/');
	}
	return null;
}

function sourceLabel(source: ImportSource): string {
	return source === 'zip' ? 'This zip' : source === 'git' || source === 'github' ? 'This repository' : 'This folder';
}

/** Every path goes through normalizePath; one that could escape the project refuses everything. */
function checkedPath(candidate: ImportCandidate, source: ImportSource, skipped: SkipList): string | null {
	try {
		return normalizePath(candidate.path);
	} catch (error) {
		const code = error instanceof SpecwrightError ? error.code : '';
		// "./" names the archive's own top folder: nothing to create.
		if (code === 'path-empty' && candidate.kind === 'dir') return null;
		// Names Windows and other systems cannot hold ("a:b", "why?") are safe, only unusable here.
		if (code === 'path-invalid') {
			skipped.add(candidate.path, 'invalid-name');
			return null;
		}
		const reason = error instanceof Error ? error.message : String(error);
		throw new SpecwrightError('archive-unsafe-path', `${sourceLabel(source)} was refused: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, {
			hint: 'Nothing was imported. An entry that climbs out with ".." or starts at "/" could write outside the project, so the whole archive is refused.',
			cause: error
		});
	}
}

/** GitHub's zips put everything in one "repo-branch" folder: strip it so files land at the top. */
function singleRoot(entries: readonly Located<ImportCandidate>[]): string | null {
	let root: string | null = null;
	for (const { candidate, path } of entries) {
		const slash = path.indexOf('/');
		if (slash === -1 && candidate.kind !== 'dir') return null;
		const top = slash === -1 ? path : path.slice(0, slash);
		if (root === null) root = top;
		else if (root !== top) return null;
	}
	return root;
}

/** Checked on declared sizes, before anything is inflated; inflating enforces them too. */
function refuseBomb(candidate: ImportCandidate, source: ImportSource, limits: ImportLimits): void {
	if (candidate.compressedSize === undefined || candidate.size <= limits.ratioFloorBytes) return;
	const ratio = candidate.compressedSize === 0 ? Infinity : candidate.size / candidate.compressedSize;
	if (ratio <= limits.maxRatio) return;
	throw new SpecwrightError(
		'archive-bomb',
		`${sourceLabel(source)} was refused: "${candidate.path}" would unpack from ${formatMegabytes(candidate.compressedSize)} to ${formatMegabytes(candidate.size)}.`,
		{ hint: `Files compressed more than ${limits.maxRatio}:1 are how zip bombs fill a disk, so nothing was imported.` }
	);
}

function sizeSkip(path: string, size: number, limits: ImportLimits): SkipReason | null {
	// A packfile is binary and often large, and without it the repository is broken: files of .git are
	// never skipped for their size (the import's total size limit still counts them).
	if (isGitInternal(path)) return null;
	if (size > limits.maxFileBytes) return 'too-large';
	if (size > limits.maxBinaryBytes && looksBinary(path)) return 'binary-too-large';
	return null;
}

function refuseConflicts(files: ReadonlyMap<string, unknown>, dirs: ReadonlySet<string>, source: ImportSource): void {
	const clash = (path: string) => {
		throw new SpecwrightError('archive-path-conflict', `${sourceLabel(source)} was refused: "${path}" is both a file and a folder in it.`, {
			hint: 'Nothing was imported. Rename one of them and try again.'
		});
	};
	for (const dir of dirs) if (files.has(dir)) clash(dir);
	for (const path of [...files.keys(), ...dirs]) {
		for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) if (files.has(dir)) clash(dir);
	}
}

/** Only the innermost empty folders: creating "a/b" brings "a" along. */
function emptyFolders(dirs: ReadonlySet<string>, files: readonly PlannedFile<unknown>[]): string[] {
	const filled = new Set<string>();
	for (const path of [...files.map((f) => f.path), ...dirs]) {
		for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) filled.add(dir);
	}
	return [...dirs].filter((d) => !filled.has(d)).sort();
}

class SkipList {
	readonly items: SkippedItem[] = [];
	readonly #folders = new Map<string, SkippedItem>();

	add(path: string, reason: SkipReason): void {
		this.items.push({ path, reason, files: 1 });
	}

	folder(path: string, kind: ImportCandidate['kind']): void {
		let item = this.#folders.get(path);
		if (!item) {
			item = { path, reason: 'excluded-folder', files: 0 };
			this.#folders.set(path, item);
			this.items.push(item);
		}
		if (kind !== 'dir') item.files++;
	}
}
