import { SpecwrightError } from '../errors';
import type { ImportCandidate } from '../archive/import-plan';

/** One entry of GitHub's `GET /git/trees/{sha}` answer. */
export interface GitTreeEntry {
	path: string;
	mode: string;
	type: 'blob' | 'tree' | 'commit';
	sha: string;
	/** Blobs only: what lets oversized binaries be skipped without downloading them. */
	size?: number;
}

export interface RepoCandidate extends ImportCandidate {
	/** The blob to fetch, for files. */
	sha: string;
}

const SYMLINK = '120000';

/**
 * A repository tree as import candidates. With a subfolder, only what lies inside it is kept and
 * paths start at that folder; a subfolder the tree does not hold is an error, not an empty project.
 */
export function treeCandidates(entries: readonly GitTreeEntry[], subfolder: string, where: string): RepoCandidate[] {
	const prefix = subfolder === '' ? '' : `${subfolder}/`;
	const out: RepoCandidate[] = [];
	let folderSeen = subfolder === '';
	for (const entry of entries) {
		if (prefix !== '' && entry.path === subfolder) {
			if (entry.type !== 'tree') throw notAFolder(subfolder, where);
			folderSeen = true;
			continue;
		}
		if (!entry.path.startsWith(prefix)) continue;
		folderSeen = true;
		const path = entry.path.slice(prefix.length);
		if (entry.type === 'tree') out.push({ path, kind: 'dir', size: 0, sha: entry.sha });
		else if (entry.type === 'commit') out.push({ path, kind: 'submodule', size: 0, sha: entry.sha });
		else out.push({ path, kind: entry.mode === SYMLINK ? 'symlink' : 'file', size: entry.size ?? 0, sha: entry.sha });
	}
	if (!folderSeen) {
		throw new SpecwrightError('github-subfolder-missing', `There is no folder "${subfolder}" in ${where}.`, {
			hint: 'Check the spelling and the branch: folder names are case-sensitive.'
		});
	}
	return out;
}

function notAFolder(subfolder: string, where: string) {
	return new SpecwrightError('github-subfolder-missing', `"${subfolder}" in ${where} is a file, not a folder.`, {
		hint: 'Import its folder, or the whole repository.'
	});
}

/** Entries of a subtree listed on its own, with paths made relative to the repository root again. */
export function underFolder(folder: string, entries: readonly GitTreeEntry[]): GitTreeEntry[] {
	return entries.map((e) => ({ ...e, path: `${folder}/${e.path}` }));
}

/** Paths to push: everything but a repository's own history and installed packages. */
export function pushable(path: string): boolean {
	return !path.split('/').some((part) => part === '.git' || part === 'node_modules');
}
