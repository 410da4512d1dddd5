import { SpecwrightError } from '../errors';
import { normalizePath } from '../fs/paths';

/**
 * What the user typed into "Import from GitHub": `owner/repo`, a clone URL, or a link to a folder
 * on a branch (`https://github.com/o/r/tree/main/docs`). Parsed here, before any request is made,
 * so a typo is named precisely instead of surfacing as a 404.
 */
export interface RepoRef {
	owner: string;
	repo: string;
	/** Empty: the repository's default branch. */
	branch: string;
	/** A folder inside the repository, `/`-separated, or empty for all of it. */
	subfolder: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

const invalid = (input: string, why: string) =>
	new SpecwrightError('github-repo-invalid', `"${input}" is not a GitHub repository: ${why}.`, {
		hint: 'Enter owner/repo (such as sveltejs/svelte) or a link such as https://github.com/sveltejs/svelte.'
	});

/** Parses the repository field; `branch` and `subfolder` fields, when filled, win over the URL's. */
export function parseRepoRef(input: string, overrides: { branch?: string; subfolder?: string } = {}): RepoRef {
	const raw = input.trim();
	if (raw === '') throw new SpecwrightError('github-repo-empty', 'Enter a repository.', { hint: 'For example sveltejs/svelte.' });
	let segments: string[];
	const ssh = /^git@[^:/]+:(.+)$/.exec(raw);
	if (ssh) segments = ssh[1]!.split('/');
	else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /^(www\.)?github\.com\//i.test(raw)) {
		let url: URL;
		try {
			url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
		} catch {
			throw invalid(raw, 'the link is not a valid URL');
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(raw, `${url.protocol} links are not supported`);
		segments = url.pathname.split('/').map(decodeSegment);
	} else segments = raw.split('/');
	segments = segments.filter((s) => s !== '');
	if (segments.length < 2) throw invalid(raw, 'it needs both an owner and a repository name');
	const owner = segments[0]!;
	const repo = segments[1]!.replace(/\.git$/i, '');
	if (!OWNER.test(owner)) throw invalid(raw, `"${owner}" is not a valid owner name`);
	if (!REPO.test(repo) || repo === '.' || repo === '..') throw invalid(raw, `"${repo}" is not a valid repository name`);

	let branch = '';
	let subfolder = '';
	const rest = segments.slice(2);
	if (rest.length > 0) {
		// github.com/o/r/tree/<branch>/<folder…> (and /blob/ for a file link: its folder is meant).
		if ((rest[0] === 'tree' || rest[0] === 'blob') && rest.length >= 2) {
			branch = rest[1]!;
			subfolder = (rest[0] === 'blob' ? rest.slice(2, -1) : rest.slice(2)).join('/');
		} else if (!ssh && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !/^(www\.)?github\.com\//i.test(raw)) {
			throw invalid(raw, 'write owner/repo and put a folder in the Subfolder field');
		}
	}
	if (overrides.branch?.trim()) branch = overrides.branch.trim();
	if (overrides.subfolder?.trim()) subfolder = overrides.subfolder.trim();
	return { owner, repo, branch: checkBranch(branch), subfolder: normalizeSubfolder(subfolder) };
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** git's own rules for ref names, the parts that matter for a URL path. */
function checkBranch(branch: string): string {
	if (branch === '') return '';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020~^:?*[\\]|\.\.|@\{|^\/|\/$|\.lock$|^-/.test(branch)) {
		throw new SpecwrightError('github-branch-invalid', `"${branch}" is not a valid branch name.`, { hint: 'Leave it empty for the default branch.' });
	}
	return branch;
}

function normalizeSubfolder(folder: string): string {
	const trimmed = folder.replace(/^\/+|\/+$/g, '');
	if (trimmed === '') return '';
	try {
		return normalizePath(trimmed);
	} catch (error) {
		throw new SpecwrightError('github-subfolder-invalid', `"${folder}" is not a folder inside the repository.`, {
			hint: 'Write a path such as packages/app, without ".." or a leading "/".',
			cause: error
		});
	}
}

/** "acme/tool", or "acme/tool › docs" for a subfolder: how the import is named in the UI. */
export function describeRef(ref: RepoRef): string {
	return `${ref.owner}/${ref.repo}${ref.subfolder ? ` › ${ref.subfolder}` : ''}`;
}

/** The new project's name: the subfolder's last segment, else the repository's name. */
export function projectNameForRef(ref: RepoRef): string {
	return ref.subfolder ? ref.subfolder.slice(ref.subfolder.lastIndexOf('/') + 1) : ref.repo;
}
