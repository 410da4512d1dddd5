// A stand-in for the few GitHub REST endpoints Specwright uses (import and push through the git
// data API), backed by real bare repositories, with GitHub's JSON shapes, status codes, CORS,
// private repositories, a rate-limit mode and a dropped connection on demand. 127.0.0.1 only.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { BlobReader, branchHead, defaultBranch, gitText, initRepo, listTree, runGit, writeBlob, writeBlobs, writeCommit, writeTrees } from './git.js';
import { HttpError, dropConnection, notFound, preflight, readJson, sendJson, setCorsHeaders } from './http.js';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./git.js').RepoFiles} RepoFiles
 * @typedef {{ owner: string, name: string, private: boolean, gitDir: string, reader?: BlobReader }} Repo
 * @typedef {{ method: string, path: string, authorized: boolean }} RecordedRequest
 * @typedef {{ dropAfterBlobs?: number, pushRace?: boolean, blobDelayMs?: number }} Fault
 * @typedef {{
 *   port?: number,
 *   tokens?: Record<string, string>,
 *   treeLimit?: number
 * }} GitHubStandInOptions
 * @typedef {{
 *   apiUrl: string,
 *   root: string,
 *   token: string,
 *   login: string,
 *   requests: RecordedRequest[],
 *   createRepo(owner: string, name: string, files: RepoFiles, options?: { private?: boolean, branch?: string }): Promise<string>,
 *   git(repoPath: string, ...args: string[]): Promise<string>,
 *   setRateLimited(limited: boolean | { reset: number }): void,
 *   setFault(fault: Fault | null): void,
 *   setTreeLimit(limit: number): void,
 *   close(): Promise<void>
 * }} GitHubStandIn
 */

export const DEFAULT_TOKEN = 'ghp_standinToken0000000000000000000000';
export const DEFAULT_LOGIN = 'octo-tester';
const RATE_LIMIT_MESSAGE =
	"API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting';
const SHA = '([0-9a-f]{40})';
const NAME = '([A-Za-z0-9._-]+)';

/**
 * @param {GitHubStandInOptions} [options]
 * @returns {Promise<GitHubStandIn>}
 */
export async function startGitHubStandIn({ port = 0, tokens = { [DEFAULT_TOKEN]: DEFAULT_LOGIN }, treeLimit = 100_000 } = {}) {
	const root = await mkdtemp(join(tmpdir(), 'github-standin-'));
	/** @type {Map<string, Repo>} */
	const repos = new Map();
	/** @type {RecordedRequest[]} */
	const requests = [];
	const state = {
		/** @type {number | null} epoch seconds when the limit resets, or null when not limited */
		limitedUntil: /** @type {number | null} */ (null),
		/** @type {Fault | null} */
		fault: /** @type {Fault | null} */ (null),
		blobReads: 0,
		treeLimit
	};
	let origin = '';

	const keyOf = (/** @type {string} */ owner, /** @type {string} */ name) => `${owner}/${name}`.toLowerCase();

	/** @param {string} owner @param {string} name @param {RepoFiles} files @param {{ private?: boolean, branch?: string }} [opts] */
	async function createRepo(owner, name, files, opts = {}) {
		const gitDir = join(root, owner, `${name}.git`);
		if (repos.has(keyOf(owner, name))) throw new Error(`github stand-in: ${owner}/${name} exists`);
		await initRepo(gitDir, files, opts.branch ?? 'main');
		repos.set(keyOf(owner, name), { owner, name, private: opts.private ?? false, gitDir });
		return gitDir;
	}

	/** @param {Repo} repo */
	async function repoJson(repo) {
		const full = `${repo.owner}/${repo.name}`;
		return {
			id: [...full].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7),
			node_id: `R_${Buffer.from(full).toString('base64url')}`,
			name: repo.name,
			full_name: full,
			private: repo.private,
			visibility: repo.private ? 'private' : 'public',
			owner: { login: repo.owner, id: 1, type: 'User' },
			html_url: `${origin}/${full}`,
			url: `${origin}/repos/${full}`,
			fork: false,
			default_branch: await defaultBranch(repo.gitDir)
		};
	}

	/** @param {Repo} repo @param {string} branch @param {string} sha */
	const refJson = (repo, branch, sha) => ({
		ref: `refs/heads/${branch}`,
		node_id: `REF_${branch}`,
		url: `${origin}/repos/${repo.owner}/${repo.name}/git/refs/heads/${branch}`,
		object: { sha, type: 'commit', url: `${origin}/repos/${repo.owner}/${repo.name}/git/commits/${sha}` }
	});

	/** The login behind the request's token; undefined without one; a bad one answers 401. @param {Req} req */
	function userOf(req) {
		const header = req.headers.authorization;
		if (!header) return undefined;
		const token = /^(?:Bearer|token)\s+(\S+)$/i.exec(header)?.[1];
		const login = token ? tokens[token] : undefined;
		if (!login) throw new HttpError(401, 'Bad credentials');
		return login;
	}

	/** A private repository is invisible without a token, exactly like a missing one. @param {string} owner @param {string} name @param {string | undefined} user */
	function findRepo(owner, name, user) {
		const repo = repos.get(keyOf(owner, name));
		if (!repo || (repo.private && !user)) throw notFound();
		return repo;
	}

	/** @param {string | undefined} user */
	function needUser(user) {
		if (!user) throw new HttpError(401, 'Requires authentication');
		return user;
	}

	/** The git data API refuses writes into a repository without a single commit. @param {Repo} repo */
	async function refuseEmpty(repo) {
		const refs = await gitText(repo.gitDir, ['for-each-ref', '--count=1', '--format=%(objectname)', 'refs/heads']);
		if (refs === '') throw new HttpError(409, 'Git Repository is empty.');
	}

	/** @param {Req} req @param {Res} res */
	async function handle(req, res) {
		setCorsHeaders(res);
		if (req.method === 'OPTIONS') return preflight(req, res);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname.replace(/\/+$/, '') || '/';
		const method = req.method ?? 'GET';
		const user = userOf(req);
		requests.push({ method, path, authorized: user !== undefined });
		const limit = user ? 5000 : 60;
		if (state.limitedUntil !== null) {
			throw new HttpError(403, RATE_LIMIT_MESSAGE, {
				docs: RATE_LIMIT_DOCS,
				headers: rateHeaders(limit, 0, state.limitedUntil)
			});
		}
		for (const [k, v] of Object.entries(rateHeaders(limit, limit - 1, Math.floor(Date.now() / 1000) + 3600))) res.setHeader(k, v);
		const body = method === 'POST' || method === 'PATCH' ? /** @type {Record<string, any> | null} */ (await readJson(req)) : null;

		if (path === '/user' && method === 'GET') return sendJson(res, 200, { login: needUser(user), id: 1, type: 'User' });
		if (path === '/user/repos' && method === 'POST') return sendJson(res, 201, await createUserRepo(needUser(user), body ?? {}));
		const m = new RegExp(`^/repos/${NAME}/${NAME}(/.*)?$`).exec(path);
		if (!m) {
			// The html_url of a repository: a page a test (or a person) can open.
			const page = new RegExp(`^/${NAME}/${NAME}$`).exec(path);
			if (page && method === 'GET' && repos.has(keyOf(page[1] ?? '', page[2] ?? ''))) {
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${page[1]}/${page[2]}</title><h1>${page[1]}/${page[2]}</h1>`);
				return;
			}
			throw notFound();
		}
		const repo = findRepo(m[1] ?? '', m[2] ?? '', user);
		const rest = m[3] ?? '';
		if (method === 'GET') return get(req, res, repo, rest, url);
		needUser(user);
		if (method === 'POST') return post(res, repo, rest, body ?? {});
		const ref = /^\/git\/refs\/heads\/(.+)$/.exec(rest);
		if (method === 'PATCH' && ref) return patchRef(res, repo, ref[1] ?? '', body ?? {});
		throw notFound();
	}

	/** @param {Req} req @param {Res} res @param {Repo} repo @param {string} rest @param {URL} url */
	async function get(req, res, repo, rest, url) {
		if (rest === '') return sendJson(res, 200, await repoJson(repo));
		let m = /^\/branches\/(.+)$/.exec(rest);
		if (m) {
			const branch = decodeURIComponent(m[1] ?? '');
			const sha = await branchHead(repo.gitDir, branch);
			if (!sha) throw new HttpError(404, 'Branch not found');
			const tree = await gitText(repo.gitDir, ['rev-parse', `${sha}^{tree}`]);
			return sendJson(res, 200, { name: branch, commit: { sha, commit: { tree: { sha: tree } } }, protected: false });
		}
		m = /^\/git\/ref\/heads\/(.+)$/.exec(rest);
		if (m) {
			const branch = decodeURIComponent(m[1] ?? '');
			const sha = await branchHead(repo.gitDir, branch);
			if (!sha) throw notFound();
			return sendJson(res, 200, refJson(repo, branch, sha));
		}
		m = new RegExp(`^/git/trees/${SHA}$`).exec(rest);
		if (m) {
			const recursive = url.searchParams.has('recursive') && !['0', 'false'].includes(url.searchParams.get('recursive') ?? '');
			const tree = await listTree(repo.gitDir, m[1] ?? '', recursive);
			if (!tree) throw notFound();
			const truncated = recursive && tree.entries.length > state.treeLimit;
			const entries = truncated ? tree.entries.slice(0, state.treeLimit) : tree.entries;
			const base = `${origin}/repos/${repo.owner}/${repo.name}/git`;
			return sendJson(res, 200, {
				sha: tree.sha,
				url: `${base}/trees/${tree.sha}`,
				tree: entries.map((e) => ({ ...e, url: `${base}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` })),
				truncated
			});
		}
		m = new RegExp(`^/git/blobs/${SHA}$`).exec(rest);
		if (m) {
			if (state.fault?.dropAfterBlobs !== undefined && ++state.blobReads > state.fault.dropAfterBlobs) return dropConnection(req);
			if (state.fault?.blobDelayMs) await new Promise((resolve) => setTimeout(resolve, state.fault?.blobDelayMs));
			repo.reader ??= new BlobReader(repo.gitDir);
			const object = await repo.reader.read(m[1] ?? '');
			if (!object || object.type !== 'blob') throw notFound();
			// GitHub wraps base64 at 60 characters; clients must strip the newlines.
			const content = (object.data.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
			return sendJson(res, 200, { sha: m[1], node_id: `B_${m[1]}`, size: object.data.length, url: `${origin}${url.pathname}`, content, encoding: 'base64' });
		}
		throw notFound();
	}

	/** @param {Res} res @param {Repo} repo @param {string} rest @param {Record<string, any>} body */
	async function post(res, repo, rest, body) {
		const base = `${origin}/repos/${repo.owner}/${repo.name}/git`;
		if (rest === '/git/blobs') {
			await refuseEmpty(repo);
			if (typeof body.content !== 'string') throw invalid('content');
			const data = body.encoding === 'base64' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');
			const sha = await writeBlob(repo.gitDir, data);
			return sendJson(res, 201, { sha, url: `${base}/blobs/${sha}` });
		}
		if (rest === '/git/trees') return sendJson(res, 201, await postTree(repo, body));
		if (rest === '/git/commits') {
			await refuseEmpty(repo);
			const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
			if (typeof body.message !== 'string' || typeof body.tree !== 'string') throw invalid('tree');
			let sha;
			try {
				sha = await writeCommit(repo.gitDir, body.tree, parents, body.message, body.author);
			} catch {
				throw new HttpError(422, 'Tree SHA does not exist');
			}
			return sendJson(res, 201, {
				sha,
				url: `${base}/commits/${sha}`,
				html_url: `${origin}/${repo.owner}/${repo.name}/commit/${sha}`,
				message: body.message,
				tree: { sha: body.tree, url: `${base}/trees/${body.tree}` },
				parents: parents.map((p) => ({ sha: p, url: `${base}/commits/${p}` }))
			});
		}
		if (rest === '/git/refs') {
			const ref = String(body.ref ?? '');
			const sha = String(body.sha ?? '');
			const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
			if (!branch || !/^[0-9a-f]{40}$/.test(sha)) throw new HttpError(422, `${ref} is not a valid ref name.`);
			if (await branchHead(repo.gitDir, branch)) throw new HttpError(422, 'Reference already exists');
			await runGit(repo.gitDir, ['update-ref', ref, sha, '']).catch(() => {
				throw new HttpError(422, 'Object does not exist');
			});
			return sendJson(res, 201, refJson(repo, branch, sha));
		}
		throw notFound();
	}

	/** @param {Repo} repo @param {Record<string, any>} body */
	async function postTree(repo, body) {
		await refuseEmpty(repo);
		if (!Array.isArray(body.tree)) throw invalid('tree');
		/** @type {Map<string, { mode: string, sha: string }>} */
		const blobs = new Map();
		if (body.base_tree) {
			const baseTree = await listTree(repo.gitDir, String(body.base_tree), true);
			if (!baseTree) throw new HttpError(422, 'base_tree is not a valid tree oid');
			for (const e of baseTree.entries) if (e.type !== 'tree') blobs.set(e.path, { mode: e.mode, sha: e.sha });
		}
		/** @type {Array<Record<string, any>>} */
		const entries = body.tree;
		// Inline contents are written in one go; a process per file would make big trees slow.
		const inline = entries.filter((e) => e.sha !== null && typeof e.content === 'string');
		const inlineShas = await writeBlobs(repo.gitDir, inline.map((e) => Buffer.from(e.content, 'utf8')));
		/** @type {Map<Record<string, any>, string>} */
		const written = new Map(inline.map((e, i) => [e, inlineShas[i] ?? '']));
		for (const entry of entries) {
			const path = String(entry.path ?? '');
			if (path === '' || path.startsWith('/') || path.split('/').some((p) => p === '' || p === '.' || p === '..')) throw invalid('path');
			const mode = String(entry.mode ?? '100644');
			if (entry.sha === null) {
				// A deletion: the file, or everything under a folder.
				for (const key of [...blobs.keys()]) if (key === path || key.startsWith(`${path}/`)) blobs.delete(key);
			} else if (typeof entry.content === 'string') {
				blobs.set(path, { mode, sha: written.get(entry) ?? '' });
			} else if (entry.type === 'tree') {
				const sub = await listTree(repo.gitDir, String(entry.sha), true);
				if (!sub) throw invalid('sha');
				for (const key of [...blobs.keys()]) if (key.startsWith(`${path}/`)) blobs.delete(key);
				for (const e of sub.entries) if (e.type !== 'tree') blobs.set(`${path}/${e.path}`, { mode: e.mode, sha: e.sha });
			} else {
				const sha = String(entry.sha ?? '');
				const type = /^[0-9a-f]{40}$/.test(sha) ? await gitText(repo.gitDir, ['cat-file', '-t', sha]).catch(() => '') : '';
				if (type !== 'blob') throw invalid('sha');
				blobs.set(path, { mode, sha });
			}
		}
		const sha = await writeTrees(repo.gitDir, blobs);
		const listed = await listTree(repo.gitDir, sha, false);
		const base = `${origin}/repos/${repo.owner}/${repo.name}/git`;
		return { sha, url: `${base}/trees/${sha}`, tree: listed?.entries ?? [], truncated: false };
	}

	/** @param {Res} res @param {Repo} repo @param {string} branch @param {Record<string, any>} body */
	async function patchRef(res, repo, branch, body) {
		const sha = String(body.sha ?? '');
		let current = await branchHead(repo.gitDir, branch);
		if (!current) throw new HttpError(422, 'Reference does not exist');
		if (state.fault?.pushRace) {
			// Someone else pushed to the branch between the client reading it and updating it.
			const tree = await gitText(repo.gitDir, ['rev-parse', `${current}^{tree}`]);
			const theirs = await writeCommit(repo.gitDir, tree, [current], 'A commit pushed meanwhile\n');
			await runGit(repo.gitDir, ['update-ref', `refs/heads/${branch}`, theirs, current]);
			current = theirs;
		}
		const exists = /^[0-9a-f]{40}$/.test(sha) && (await gitText(repo.gitDir, ['cat-file', '-t', sha]).catch(() => '')) === 'commit';
		if (!exists) throw new HttpError(422, 'Object does not exist');
		if (body.force !== true) {
			const fastForward = await runGit(repo.gitDir, ['merge-base', '--is-ancestor', current, sha]).then(() => true, () => false);
			if (!fastForward) throw new HttpError(422, 'Update is not a fast forward');
		}
		await runGit(repo.gitDir, ['update-ref', `refs/heads/${branch}`, sha, current]);
		sendJson(res, 200, refJson(repo, branch, sha));
	}

	/** @param {string} login @param {Record<string, any>} body */
	async function createUserRepo(login, body) {
		const name = String(body.name ?? '');
		if (!/^[A-Za-z0-9._-]+$/.test(name)) throw invalid('name');
		if (repos.has(keyOf(login, name))) {
			throw new HttpError(422, 'Repository creation failed.', {
				errors: [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }]
			});
		}
		await createRepo(login, name, body.auto_init ? { 'README.md': `# ${name}\n` } : {}, { private: body.private === true });
		return repoJson(/** @type {Repo} */ (repos.get(keyOf(login, name))));
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (res.headersSent || res.destroyed) return;
			if (error instanceof HttpError) error.send(res);
			else new HttpError(500, error instanceof Error ? error.message : String(error)).send(res);
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;

	return {
		apiUrl: origin,
		root,
		token: Object.keys(tokens)[0] ?? '',
		login: Object.values(tokens)[0] ?? '',
		requests,
		createRepo,
		git: async (repoPath, ...args) => {
			const gitDir = isAbsolute(repoPath) ? repoPath : (repos.get(repoPath.toLowerCase())?.gitDir ?? join(root, `${repoPath}.git`));
			return gitText(gitDir, args);
		},
		setRateLimited(limited) {
			if (limited === false) state.limitedUntil = null;
			else state.limitedUntil = limited === true ? Math.floor(Date.now() / 1000) + 3600 : limited.reset;
		},
		setFault(fault) {
			state.fault = fault;
			state.blobReads = 0;
		},
		setTreeLimit(limit) {
			state.treeLimit = limit;
		},
		close: async () => {
			for (const repo of repos.values()) repo.reader?.close();
			await new Promise((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve(undefined)));
				server.closeAllConnections();
			});
			await rm(root, { recursive: true, force: true });
		}
	};
}

/** @param {number} limit @param {number} remaining @param {number} reset */
function rateHeaders(limit, remaining, reset) {
	return {
		'x-ratelimit-limit': String(limit),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-reset': String(reset),
		'x-ratelimit-used': String(limit - remaining),
		'x-ratelimit-resource': 'core'
	};
}

/** @param {string} field */
function invalid(field) {
	return new HttpError(422, 'Invalid request.', { errors: [{ resource: 'Request', code: 'invalid', field }] });
}
