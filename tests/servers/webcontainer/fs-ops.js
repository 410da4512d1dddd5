// The WebContainer file system API mapped onto a real folder. The client speaks of paths relative to
// the workdir or absolute `/home/<workdir>/…` paths; both land under `root`, and anything that would
// escape it is refused, so a test page can never touch the rest of the machine.
import { mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile, readlink } from 'node:fs/promises';
import { join, matchesGlob, posix, relative, sep } from 'node:path';

/**
 * Internal tree format of `WebContainer.mount` / `export` (see dist/utils/file-system.js): a folder is
 * `{ d: { name: entry } }`, a file `{ f: { c: contents, b?: true } }` (b = latin1-encoded bytes), a
 * symlink `{ f: { l: target } }`.
 * @typedef {{ d: Record<string, InternalEntry> }} InternalDir
 * @typedef {{ f: { c: string, b?: boolean } | { l: string } }} InternalFile
 * @typedef {InternalDir | InternalFile} InternalEntry
 */

// Values of the client's DIR_ENTRY_TYPE_* constants (dist/index.js).
const DIR_ENTRY_TYPE_FILE = 1;
const DIR_ENTRY_TYPE_DIR = 2;

export class Workspace {
	/** @param {string} root real folder @param {string} workdir virtual absolute path, e.g. /home/projects */
	constructor(root, workdir) {
		this.root = root;
		this.workdir = workdir;
	}

	/**
	 * Maps a client path to a real one under root; throws for paths outside the workdir.
	 * @param {string} path
	 */
	resolve(path) {
		const virtual = posix.resolve(this.workdir, String(path ?? ''));
		if (virtual !== this.workdir && !virtual.startsWith(this.workdir + '/')) {
			throw new Error(`EACCES: permission denied, '${path}' is outside ${this.workdir}`);
		}
		return join(this.root, virtual.slice(this.workdir.length));
	}

	/**
	 * Rewrites real paths in a node error back into client paths, so messages read like WebContainer's.
	 * @param {unknown} error
	 */
	clean(error) {
		const message = error instanceof Error ? error.message : String(error);
		const cleaned = new Error(message.split(this.root).join(this.workdir));
		cleaned.name = 'Error';
		return cleaned;
	}

	/** @param {string} path @param {string | null} [encoding] */
	async readFile(path, encoding) {
		const data = await readFile(this.resolve(path));
		return encoding ? data.toString(/** @type {BufferEncoding} */ (encoding)) : new Uint8Array(data);
	}

	/**
	 * @param {string} path
	 * @param {string | Uint8Array} data
	 * @param {string | { encoding?: string | null } | null} [options]
	 */
	async writeFile(path, data, options) {
		const encoding = typeof options === 'string' ? options : options?.encoding;
		const bytes = typeof data === 'string' ? Buffer.from(data, /** @type {BufferEncoding} */ (encoding || 'utf8')) : data;
		await writeFile(this.resolve(path), bytes);
	}

	/** @param {string} path @param {{ withFileTypes?: boolean, encoding?: string } | string | null} [options] */
	async readdir(path, options) {
		const real = this.resolve(path);
		if (typeof options === 'object' && options?.withFileTypes) {
			const entries = await readdir(real, { withFileTypes: true });
			return entries.map((e) => ({
				name: e.name,
				'Symbol(type)': e.isDirectory() ? DIR_ENTRY_TYPE_DIR : DIR_ENTRY_TYPE_FILE
			}));
		}
		return readdir(real);
	}

	/** @param {string} path @param {{ recursive?: boolean } | null} [options] */
	async mkdir(path, options) {
		const created = await mkdir(this.resolve(path), { recursive: !!options?.recursive });
		return created === undefined ? undefined : this.toVirtual(created);
	}

	/** @param {string} path @param {{ recursive?: boolean, force?: boolean } | null} [options] */
	async rm(path, options) {
		const real = this.resolve(path);
		if (real === this.root) throw new Error(`EPERM: operation not permitted, rm '${this.workdir}'`);
		await rm(real, { recursive: !!options?.recursive, force: !!options?.force });
	}

	/** @param {string} from @param {string} to */
	async rename(from, to) {
		await rename(this.resolve(from), this.resolve(to));
	}

	/** @param {string} real */
	toVirtual(real) {
		const rel = relative(this.root, real).split(sep).join('/');
		return rel ? `${this.workdir}/${rel}` : this.workdir;
	}

	/**
	 * Writes a mount payload (JSON of the internal tree) below `mountPoint` (default: the workdir).
	 * @param {Uint8Array} payload
	 * @param {string | undefined} mountPoint
	 */
	async loadFiles(payload, mountPoint) {
		/** @type {InternalEntry} */
		let tree;
		try {
			tree = JSON.parse(Buffer.from(payload).toString('utf8'));
		} catch {
			throw new Error('Binary snapshots are not supported by the test backend: mount a FileSystemTree');
		}
		const base = this.resolve(mountPoint ?? '.');
		await mkdir(base, { recursive: true });
		if ('d' in tree) await this.#writeTree(base, tree);
	}

	/** @param {string} dir @param {InternalDir} tree */
	async #writeTree(dir, tree) {
		for (const [name, entry] of Object.entries(tree.d)) {
			if (name.includes('/') || name === '..' || name === '.') throw new Error(`Invalid file name: ${name}`);
			const target = join(dir, name);
			if ('d' in entry) {
				await mkdir(target, { recursive: true });
				await this.#writeTree(target, entry);
			} else if ('l' in entry.f) {
				await rm(target, { force: true });
				await symlink(entry.f.l, target);
			} else {
				await writeFile(target, Buffer.from(entry.f.c, entry.f.b ? 'latin1' : 'utf8'));
			}
		}
	}

	/**
	 * `WebContainer.export(path, { format: 'json' })`: the internal tree as UTF-8 JSON bytes.
	 * @param {string} path
	 * @param {{ format?: string, includes?: string[], excludes?: string[] }} [options]
	 */
	async serialize(path, options = {}) {
		if ((options.format ?? 'json') !== 'json') {
			throw new Error(`Export format "${options.format}" is not supported by the test backend`);
		}
		const base = this.resolve(path);
		if (!(await stat(base)).isDirectory()) throw new Error('It is not possible to export a single file in the JSON format.');
		/** @param {string} rel */
		const excluded = (rel) =>
			(options.excludes ?? []).some((g) => matchesGlob(rel, g)) &&
			!(options.includes ?? []).some((g) => matchesGlob(rel, g));
		const tree = await this.#readTree(base, '', excluded);
		return new Uint8Array(Buffer.from(JSON.stringify(tree)));
	}

	/**
	 * @param {string} dir @param {string} prefix @param {(rel: string) => boolean} excluded
	 * @returns {Promise<InternalDir>}
	 */
	async #readTree(dir, prefix, excluded) {
		/** @type {InternalDir} */
		const tree = { d: {} };
		for (const entry of await readdir(dir, { withFileTypes: true })) {
			const rel = prefix + entry.name;
			if (excluded(rel)) continue;
			const real = join(dir, entry.name);
			if (entry.isDirectory()) tree.d[entry.name] = await this.#readTree(real, rel + '/', excluded);
			else if (entry.isSymbolicLink()) tree.d[entry.name] = { f: { l: await readlink(real) } };
			else {
				const bytes = await readFile(real);
				const text = bytes.toString('utf8');
				tree.d[entry.name] = Buffer.from(text, 'utf8').equals(bytes)
					? { f: { c: text } }
					: { f: { c: bytes.toString('latin1'), b: true } };
			}
		}
		return tree;
	}

	/** Empties root (a fresh WebContainer starts with an empty workdir). */
	async clear() {
		for (const name of await readdir(this.root)) await rm(join(this.root, name), { recursive: true, force: true });
	}
}
