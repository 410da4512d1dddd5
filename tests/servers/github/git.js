// Git plumbing for the GitHub stand-in: every object it serves or stores lives in a real bare
// repository, read and written with the git CLI, so tests can check results with plain `git`.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * @typedef {{ mode: string, type: 'blob' | 'tree' | 'commit', sha: string, size?: number, path: string }} TreeEntry
 * @typedef {Record<string, string | Uint8Array>} RepoFiles
 */

/** A fixed identity and dates so tests never depend on the machine's git config. */
const IDENTITY = {
	GIT_AUTHOR_NAME: 'Stand-in',
	GIT_AUTHOR_EMAIL: 'stand-in@example.invalid',
	GIT_COMMITTER_NAME: 'Stand-in',
	GIT_COMMITTER_EMAIL: 'stand-in@example.invalid'
};

/**
 * Runs git in a bare repository and returns stdout as a Buffer.
 * @param {string} gitDir
 * @param {string[]} args
 * @param {{ input?: string | Uint8Array, env?: Record<string, string>, cwd?: string }} [options]
 * @returns {Promise<Buffer>}
 */
export function runGit(gitDir, args, { input, env, cwd } = {}) {
	return new Promise((resolve, reject) => {
		const child = execFile(
			'git',
			['--git-dir', gitDir, ...args],
			{ cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', ...env } },
			(error, stdout, stderr) => {
				if (error) reject(new Error(`git ${args.join(' ')}: ${stderr.toString().trim() || error.message}`));
				else resolve(stdout);
			}
		);
		if (input !== undefined) child.stdin?.end(input);
	});
}

/** @param {string} gitDir @param {string[]} args @param {{ input?: string | Uint8Array }} [options] */
export async function gitText(gitDir, args, options) {
	return (await runGit(gitDir, args, options)).toString('utf8').trim();
}

/** The commit a branch points at, or null. @param {string} gitDir @param {string} branch */
export async function branchHead(gitDir, branch) {
	try {
		return await gitText(gitDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
	} catch {
		return null;
	}
}

/** @param {string} gitDir */
export async function defaultBranch(gitDir) {
	return gitText(gitDir, ['symbolic-ref', '--short', 'HEAD']);
}

/**
 * A tree's entries as `git ls-tree -l` lists them; null when `sha` names no tree (or commit).
 * @param {string} gitDir @param {string} sha @param {boolean} recursive
 * @returns {Promise<{ sha: string, entries: TreeEntry[] } | null>}
 */
export async function listTree(gitDir, sha, recursive) {
	if (!/^[0-9a-f]{40}$/.test(sha)) return null;
	let treeSha;
	try {
		treeSha = await gitText(gitDir, ['rev-parse', '--verify', '--quiet', `${sha}^{tree}`]);
	} catch {
		return null;
	}
	const raw = (await runGit(gitDir, ['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), treeSha])).toString('utf8');
	/** @type {TreeEntry[]} */
	const entries = [];
	for (const line of raw.split('\0')) {
		if (line === '') continue;
		const tab = line.indexOf('\t');
		const [mode = '', type = '', object = '', size = '-'] = line.slice(0, tab).split(/ +/);
		const entry = /** @type {TreeEntry} */ ({ mode, type, sha: object, path: line.slice(tab + 1) });
		if (type === 'blob') entry.size = Number(size);
		entries.push(entry);
	}
	return { sha: treeSha, entries };
}

/** Writes one blob into the object store. @param {string} gitDir @param {Uint8Array} data */
export function writeBlob(gitDir, data) {
	return gitText(gitDir, ['hash-object', '-w', '--stdin'], { input: data });
}

/**
 * Many blobs in one `git hash-object` run, through files in a scratch folder.
 * @param {string} gitDir @param {Uint8Array[]} contents @returns {Promise<string[]>}
 */
export async function writeBlobs(gitDir, contents) {
	if (contents.length === 0) return [];
	const scratch = await mkdtemp(join(tmpdir(), 'github-standin-blobs-'));
	try {
		const paths = [];
		for (const [i, data] of contents.entries()) {
			const path = join(scratch, String(i));
			await writeFile(path, data);
			paths.push(path);
		}
		const out = await gitText(gitDir, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: `${paths.join('\n')}\n` });
		return out.split('\n');
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

/**
 * Builds nested trees bottom-up with `git mktree` from a flat path → entry map of blobs.
 * @param {string} gitDir
 * @param {Map<string, { mode: string, sha: string }>} blobs
 * @returns {Promise<string>} the root tree's sha
 */
export async function writeTrees(gitDir, blobs) {
	/** @type {Map<string, Map<string, { mode: string, type: string, sha: string }>>} */
	const dirs = new Map([['', new Map()]]);
	const dirOf = (/** @type {string} */ path) => {
		let dir = dirs.get(path);
		if (!dir) {
			dir = new Map();
			dirs.set(path, dir);
			const slash = path.lastIndexOf('/');
			dirOf(slash === -1 ? '' : path.slice(0, slash)).set(path.slice(slash + 1), { mode: '040000', type: 'tree', sha: '' });
		}
		return dir;
	};
	for (const [path, blob] of blobs) {
		const slash = path.lastIndexOf('/');
		dirOf(slash === -1 ? '' : path.slice(0, slash)).set(path.slice(slash + 1), { mode: blob.mode, type: blob.mode === '160000' ? 'commit' : 'blob', sha: blob.sha });
	}
	// Deepest folders first, so each parent sees its children's shas.
	const order = [...dirs.keys()].sort((a, b) => b.split('/').length - a.split('/').length || b.length - a.length);
	/** @type {Map<string, string>} */
	const shas = new Map();
	for (const path of order) {
		const entries = /** @type {Map<string, { mode: string, type: string, sha: string }>} */ (dirs.get(path));
		let input = '';
		for (const [name, e] of entries) {
			const sha = e.type === 'tree' ? shas.get(path === '' ? name : `${path}/${name}`) : e.sha;
			input += `${e.mode} ${e.type} ${sha}\t${name}\0`;
		}
		shas.set(path, await gitText(gitDir, ['mktree', '-z'], { input }));
	}
	return /** @type {string} */ (shas.get(''));
}

/**
 * @param {string} gitDir @param {string} tree @param {string[]} parents @param {string} message
 * @param {{ name?: string, email?: string }} [author]
 */
export function writeCommit(gitDir, tree, parents, message, author) {
	/** @type {Record<string, string>} */
	const env = author?.name ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email ?? '' } : {};
	return runGit(gitDir, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], { input: message, env }).then((b) => b.toString().trim());
}

/**
 * A new bare repository holding `files` in one commit on `branch` (none when `files` is empty).
 * The files are staged through a scratch work tree: far quicker than one process per blob.
 * @param {string} gitDir @param {RepoFiles} files @param {string} branch
 */
export async function initRepo(gitDir, files, branch) {
	await mkdir(dirname(gitDir), { recursive: true });
	await runGit(gitDir, ['init', '--quiet', '--bare', `--initial-branch=${branch}`, gitDir]);
	const paths = Object.keys(files);
	if (paths.length === 0) return;
	const scratch = await mkdtemp(join(tmpdir(), 'github-standin-work-'));
	const work = join(scratch, 'tree');
	try {
		for (const path of paths) {
			const target = join(work, path);
			await mkdir(dirname(target), { recursive: true });
			await writeFile(target, files[path] ?? '');
		}
		const env = { GIT_INDEX_FILE: join(scratch, 'index') };
		await runGit(gitDir, ['--work-tree', work, 'add', '--all', '--force'], { env, cwd: work });
		const tree = (await runGit(gitDir, ['write-tree'], { env })).toString().trim();
		const commit = await writeCommit(gitDir, tree, [], 'Initial commit\n');
		await runGit(gitDir, ['update-ref', `refs/heads/${branch}`, commit]);
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}

/**
 * One long-running `git cat-file --batch` per repository: a blob read costs a pipe round trip
 * instead of a process start, which keeps the stand-in out of the way of import timings.
 */
export class BlobReader {
	/** @type {import('node:child_process').ChildProcessWithoutNullStreams} */
	#child;
	/** @type {Array<{ resolve: (v: { type: string, data: Buffer } | null) => void, reject: (e: Error) => void }>} */
	#waiting = [];
	#buffer = Buffer.alloc(0);

	/** @param {string} gitDir */
	constructor(gitDir) {
		this.#child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
		this.#child.stdout.on('data', (chunk) => {
			this.#buffer = Buffer.concat([this.#buffer, chunk]);
			this.#drain();
		});
		this.#child.on('exit', () => {
			for (const w of this.#waiting.splice(0)) w.reject(new Error('git cat-file exited'));
		});
	}

	/** @param {string} sha @returns {Promise<{ type: string, data: Buffer } | null>} */
	read(sha) {
		if (!/^[0-9a-f]{40}$/.test(sha)) return Promise.resolve(null);
		return new Promise((resolve, reject) => {
			this.#waiting.push({ resolve, reject });
			this.#child.stdin.write(`${sha}\n`);
		});
	}

	#drain() {
		for (;;) {
			const newline = this.#buffer.indexOf(10);
			if (newline === -1) return;
			const header = this.#buffer.subarray(0, newline).toString();
			const parts = header.split(' ');
			if (parts[1] === 'missing') {
				this.#buffer = this.#buffer.subarray(newline + 1);
				this.#waiting.shift()?.resolve(null);
				continue;
			}
			const size = Number(parts[2]);
			if (this.#buffer.length < newline + 1 + size + 1) return;
			const data = Buffer.from(this.#buffer.subarray(newline + 1, newline + 1 + size));
			this.#buffer = this.#buffer.subarray(newline + 1 + size + 1);
			this.#waiting.shift()?.resolve({ type: parts[1] ?? '', data });
		}
	}

	close() {
		this.#child.stdin.end();
		this.#child.kill();
	}
}
