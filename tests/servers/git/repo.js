// Builds the test repositories with the git CLI: deterministic author, committer and dates, so the
// same files always give the same commit ids.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * @typedef {Record<string, string | Uint8Array>} RepoFiles  path (with `/`) → content
 * @typedef {{ count: number, bytes?: number }} GeneratedFiles  `count` small source files of about `bytes` each
 */

const IDENTITY = {
	GIT_AUTHOR_NAME: 'Test Author',
	GIT_AUTHOR_EMAIL: 'author@example.test',
	GIT_COMMITTER_NAME: 'Test Author',
	GIT_COMMITTER_EMAIL: 'author@example.test',
	GIT_AUTHOR_DATE: '2025-01-01T12:00:00Z',
	GIT_COMMITTER_DATE: '2025-01-01T12:00:00Z',
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_CONFIG_GLOBAL: '/dev/null'
};

/**
 * @param {string} dir
 * @param {string[]} args
 */
function git(dir, args) {
	return run('git', args, { cwd: dir, env: { ...process.env, ...IDENTITY }, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * @param {string} dir a new folder
 * @param {RepoFiles | GeneratedFiles} files
 * @param {{ branch?: string, branches?: Record<string, RepoFiles>, message?: string }} options
 */
export async function buildRepo(dir, files, { branch = 'main', branches = {}, message = 'Initial commit' } = {}) {
	await mkdir(dir, { recursive: true });
	await git(dir, ['init', '-q', '-b', branch]);
	// Pushes over HTTP must be accepted, and may update the checked-out branch of this non-bare repository.
	await git(dir, ['config', 'http.receivepack', 'true']);
	await git(dir, ['config', 'receive.denyCurrentBranch', 'updateInstead']);
	await writeFiles(dir, isGenerated(files) ? generateFiles(files) : files);
	await git(dir, ['add', '-A']);
	await git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
	for (const [name, extra] of Object.entries(branches)) {
		await git(dir, ['checkout', '-q', '-b', name]);
		await writeFiles(dir, extra);
		await git(dir, ['add', '-A']);
		await git(dir, ['commit', '-q', '--allow-empty', '-m', `Work on ${name}`]);
		await git(dir, ['checkout', '-q', branch]);
	}
	// Lets a client that asks for the refs without protocol v2 still see HEAD.
	await git(dir, ['update-server-info']);
}

/** @param {string} dir @param {RepoFiles} files */
async function writeFiles(dir, files) {
	for (const [path, content] of Object.entries(files)) {
		const target = join(dir, path);
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, content);
	}
}

/** @param {RepoFiles | GeneratedFiles} files @returns {files is GeneratedFiles} */
function isGenerated(files) {
	return typeof files.count === 'number';
}

const FOLDERS = ['src', 'src/components', 'src/lib', 'src/lib/utils', 'src/routes', 'tests', 'docs', 'scripts'];
const WORDS = ['value', 'items', 'result', 'config', 'index', 'count', 'name', 'state', 'options', 'entry', 'total', 'path'];

/**
 * Small, varied source files spread over a few folders (not one flat folder of identical blobs, which
 * would compress and delta unrealistically well). Deterministic.
 * @param {GeneratedFiles} spec
 * @returns {RepoFiles}
 */
export function generateFiles({ count, bytes = 1200 }) {
	/** @type {RepoFiles} */
	const out = { 'README.md': `# Generated repository\n\n${count} files for tests and benchmarks.\n` };
	let seed = 12345;
	const rand = () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed / 0x7fffffff;
	};
	const pick = (/** @type {string[]} */ list) => list[Math.floor(rand() * list.length)];
	for (let i = 1; out && Object.keys(out).length < count; i++) {
		const folder = FOLDERS[i % FOLDERS.length];
		const ext = folder === 'docs' ? 'md' : folder === 'tests' ? 'test.ts' : 'ts';
		const name = `${pick(WORDS)}-${i}`;
		let text = ext === 'md' ? `# ${name}\n\n` : `// ${name}: generated module ${i}\n\nimport { ${pick(WORDS)} } from './${pick(WORDS)}';\n\n`;
		let n = 0;
		while (text.length < bytes) {
			const a = pick(WORDS);
			const b = pick(WORDS);
			text += ext === 'md'
				? `The ${a} of the ${b} is ${Math.floor(rand() * 1000)} in section ${n++}.\n`
				: `export function ${a}${n++}(${b}: number): number {\n\treturn ${b} * ${Math.floor(rand() * 1000)} + ${i};\n}\n\n`;
		}
		out[`${folder}/${name}.${ext}`] = text;
	}
	return out;
}
