import type { GitChange, GitFileStatus } from '../ports';

/** One row of isomorphic-git's statusMatrix: [path, HEAD, working tree, index]. */
export type StatusRow = [string, number, number, number];

/**
 * What a row means to someone who commits everything at once (there is no staging area in the UI):
 * the working tree against HEAD, with "added" (in the index) told apart from "untracked" (not yet).
 * Returns null for files that are unchanged, or that exist only in the index.
 */
export function classifyStatus([, head, workdir, stage]: StatusRow): GitFileStatus | null {
	if (head === 0) {
		if (workdir === 0) return null;
		return stage === 0 ? 'untracked' : 'added';
	}
	if (workdir === 0) return 'deleted';
	return workdir === 2 ? 'modified' : null;
}

/** Changed files, sorted by path. */
export function changesFromMatrix(rows: readonly StatusRow[]): GitChange[] {
	const out: GitChange[] = [];
	for (const row of rows) {
		const status = classifyStatus(row);
		if (status) out.push({ path: row[0], status });
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The one-letter badge shown beside a changed file, as other editors show them. */
export function statusLetter(status: GitFileStatus): string {
	return { added: 'A', modified: 'M', deleted: 'D', untracked: 'U' }[status];
}

export { isGitInternal } from '../fs/paths';
