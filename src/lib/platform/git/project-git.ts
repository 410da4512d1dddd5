import git, { TREE, type HttpClient } from 'isomorphic-git';
import type { FileData, GitChange, GitCommitInfo, GitFileDiff, GitPushOptions, ProjectFileSystem, ProjectGit } from '../../core/ports';
import { changesFromMatrix, type StatusRow } from '../../core/git/status';
import { looksBinary } from '../../core/fs/tree';
import { SpecwrightError } from '../../core/errors';
import { GitFs } from './git-fs';
import { pushError } from '../../core/git/push-errors';

const DIR = '/';
const ADD_SLICE = 50;
const decoder = new TextDecoder();

/** isomorphic-git on one project's persistent files. Each call is one operation with one durable write. */
export class IsoProjectGit implements ProjectGit {
	// One operation at a time: two writers flushing stale listings over each other would lose objects.
	#queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly files: ProjectFileSystem,
		private readonly http: () => Promise<HttpClient>
	) {}

	private op<T>(body: (fs: GitFs, cache: object) => Promise<T>): Promise<T> {
		const run = async () => {
			const fs = new GitFs(this.files);
			const result = await body(fs, {});
			if (fs.dirty) await fs.flush();
			return result;
		};
		const next = this.#queue.then(run, run);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	isRepository(): Promise<boolean> {
		return this.files.exists('.git/HEAD');
	}

	initWithCommit(message: string, author: { name: string; email: string }): Promise<void> {
		return this.op(async (fs, cache) => {
			await git.init({ fs, dir: DIR, defaultBranch: 'main' });
			await stageAll(fs, cache);
			await git.commit({ fs, dir: DIR, cache, message, author });
		});
	}

	currentBranch(): Promise<string | null> {
		return this.op(async (fs) => (await git.currentBranch({ fs, dir: DIR })) ?? null);
	}

	status(): Promise<GitChange[]> {
		return this.op(async (fs, cache) => changesFromMatrix((await git.statusMatrix({ fs, dir: DIR, cache })) as StatusRow[]));
	}

	diff(path: string): Promise<GitFileDiff> {
		return this.op(async (fs, cache) => {
			const row = (await git.statusMatrix({ fs, dir: DIR, cache, filepaths: [path] })) as StatusRow[];
			const status = changesFromMatrix(row.filter((r) => r[0] === path))[0]?.status ?? 'modified';
			const before = await headBlob(fs, cache, path);
			const after = await fs.readFile(path).then((d) => d as Uint8Array, () => null);
			return fileDiff(path, status, before, after);
		});
	}

	commit(message: string, author: { name: string; email: string }): Promise<string> {
		return this.op(async (fs, cache) => {
			if ((await stageAll(fs, cache)) === 0) {
				throw new SpecwrightError('nothing-to-commit', 'There are no changes to commit.', { hint: 'Save a file first.' });
			}
			return git.commit({ fs, dir: DIR, cache, message, author });
		});
	}

	log(limit = 200): Promise<GitCommitInfo[]> {
		return this.op(async (fs, cache) => {
			let entries;
			try {
				entries = await git.log({ fs, dir: DIR, cache, depth: limit });
			} catch (error) {
				// A repository without commits has no history yet, which is not an error.
				if ((error as { code?: string }).code === 'NotFoundError') return [];
				throw error;
			}
			return entries.map(({ oid, commit }) => ({
				sha: oid,
				message: commit.message,
				author: { name: commit.author.name, email: commit.author.email },
				time: commit.author.timestamp * 1000,
				parents: commit.parent
			}));
		});
	}

	commitChanges(sha: string): Promise<GitFileDiff[]> {
		return this.op(async (fs, cache) => {
			const { commit } = await git.readCommit({ fs, dir: DIR, cache, oid: sha });
			const parent = commit.parent[0];
			const trees = parent ? [TREE({ ref: parent }), TREE({ ref: sha })] : [TREE({ ref: sha })];
			const found: Array<{ path: string; before: string | null; after: string | null }> = [];
			await git.walk({
				fs,
				dir: DIR,
				cache,
				trees,
				map: async (path, entries) => {
					const [a, b] = parent ? entries : [null, entries[0] ?? null];
					const [aOid, bOid] = await Promise.all([a?.oid(), b?.oid()]);
					if (aOid === bOid) return null; // unchanged: skip the whole subtree
					const [aType, bType] = await Promise.all([a?.type(), b?.type()]);
					if (aType === 'tree' || bType === 'tree') {
						// A file replaced by a folder or the reverse: report the file side, walk the folder.
						if (aType === 'blob' || bType === 'blob') found.push({ path, before: aType === 'blob' ? (aOid ?? null) : null, after: bType === 'blob' ? (bOid ?? null) : null });
						return undefined;
					}
					found.push({ path, before: aOid ?? null, after: bOid ?? null });
					return undefined;
				}
			});
			const readOid = async (oid: string | null) => (oid ? (await git.readBlob({ fs, dir: DIR, cache, oid })).blob : null);
			const diffs: GitFileDiff[] = [];
			for (const f of found.sort((x, y) => (x.path < y.path ? -1 : 1))) {
				const status = f.before === null ? 'added' : f.after === null ? 'deleted' : 'modified';
				diffs.push(fileDiff(f.path, status, await readOid(f.before), await readOid(f.after)));
			}
			return diffs;
		});
	}

	restore(path: string): Promise<void> {
		return this.op(async (fs, cache) => {
			const blob = await headBlob(fs, cache, path);
			if (blob === null) {
				// Not in the last commit: restoring it means it goes.
				await fs.promises.unlink(path).catch(() => undefined);
				await git.remove({ fs, dir: DIR, cache, filepath: path });
				return;
			}
			await mkdirs(fs, path);
			await fs.writeFile(path, blob);
			await git.add({ fs, dir: DIR, cache, filepath: path });
		});
	}

	remoteUrl(): Promise<string | null> {
		return this.op(async (fs) => ((await git.getConfig({ fs, dir: DIR, path: 'remote.origin.url' })) as string | undefined) ?? null);
	}

	async push(options: GitPushOptions): Promise<void> {
		const web = await this.http();
		// The web client passes a signal on to fetch, so Cancel stops the transfer.
		const http: HttpClient = { request: (args) => web.request({ ...args, signal: options.signal } as typeof args) };
		await this.op(async (fs, cache) => {
			const branch = await git.currentBranch({ fs, dir: DIR });
			if (!branch) throw new SpecwrightError('git-detached', 'There is no current branch to push.');
			await git.setConfig({ fs, dir: DIR, path: 'remote.origin.url', value: options.url });
			let result;
			try {
				result = await git.push({
					fs,
					http,
					dir: DIR,
					cache,
					url: options.url,
					ref: branch,
					remoteRef: options.branch,
					corsProxy: options.corsProxy || undefined,
					onAuth: () => (options.auth ? { username: options.auth.username || 'x-access-token', password: options.auth.token } : { cancel: true }),
					// A rejected token is not retried: asking again is the dialog's job.
					onAuthFailure: () => ({ cancel: true }),
					onProgress: (p) => options.onProgress?.(p.phase, p.loaded, p.total)
				});
			} catch (error) {
				throw pushError(error, options);
			}
			if (!result.ok) throw pushError(Object.assign(new Error(result.error ?? 'The remote refused the push.'), { code: 'GitPushError' }), options);
		});
	}
}

/** `git add -A`: stages every change, including removals. Returns how many paths changed. */
async function stageAll(fs: GitFs, cache: object): Promise<number> {
	const rows = (await git.statusMatrix({ fs, dir: DIR, cache })) as StatusRow[];
	let changed = 0;
	const added: string[] = [];
	for (const [path, head, workdir, stage] of rows) {
		if (workdir === 0) {
			if (stage !== 0) await git.remove({ fs, dir: DIR, cache, filepath: path });
			if (head !== 0) changed++;
		} else {
			if (stage !== workdir || workdir === 2) added.push(path);
			if (head === 0 || workdir === 2) changed++;
		}
	}
	// In slices: isomorphic-git hashes and compresses every path of one call at once, and thousands at
	// once freeze the page for seconds. Slices of a few dozen leave room for input between them.
	for (let i = 0; i < added.length; i += ADD_SLICE) {
		await git.add({ fs, dir: DIR, cache, filepath: added.slice(i, i + ADD_SLICE) });
	}
	return changed;
}

async function headBlob(fs: GitFs, cache: object, path: string): Promise<Uint8Array | null> {
	try {
		const head = await git.resolveRef({ fs, dir: DIR, ref: 'HEAD' });
		return (await git.readBlob({ fs, dir: DIR, cache, oid: head, filepath: path })).blob;
	} catch (error) {
		if ((error as { code?: string }).code === 'NotFoundError') return null;
		throw error;
	}
}

async function mkdirs(fs: GitFs, path: string): Promise<void> {
	const parts = path.split('/').slice(0, -1);
	for (let i = 1; i <= parts.length; i++) {
		await fs.mkdir(parts.slice(0, i).join('/')).catch((e: { code?: string }) => {
			if (e.code !== 'EEXIST') throw e;
		});
	}
}

function fileDiff(path: string, status: GitFileDiff['status'], before: FileData | null, after: FileData | null): GitFileDiff {
	const bytes = (d: FileData | null) => (d === null ? undefined : typeof d === 'string' ? new TextEncoder().encode(d) : d);
	const binary = looksBinary(path, bytes(before)) || looksBinary(path, bytes(after));
	const text = (d: FileData | null) => (d === null ? null : binary ? '' : typeof d === 'string' ? d : decoder.decode(d));
	return { path, status, before: text(before), after: text(after), binary };
}
