// The clone's in-memory file system against a real git server: isomorphic-git clones into it, and what
// it holds is the repository (files, and a .git that git itself accepts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { MemoryFs } from '../../src/lib/core/git/memory-fs';
import { startGitServer, type GitServer } from '../servers/git/server.js';

const run = promisify(execFile);
let server: GitServer;

beforeAll(async () => {
	server = await startGitServer();
});
afterAll(async () => {
	await server.close();
});

describe('clone into MemoryFs', () => {
	it('holds the working tree and a .git that native git reads', async () => {
		const url = await server.createRepo('mem', { 'README.md': '# Mem\n', 'src/a.ts': 'export const a = 1;\n' }, { branches: { dev: { 'dev.txt': 'dev' } } });
		const fs = new MemoryFs(() => 1_700_000_000_000);
		await git.clone({ fs, http, dir: '/repo', url, ref: 'dev', singleBranch: true, depth: 1 });
		const entries = fs.entries('/repo');
		const files = new Map(entries.map((e) => [e.path, new TextDecoder().decode(e.data)]));
		expect(files.get('README.md')).toBe('# Mem\n');
		expect(files.get('src/a.ts')).toBe('export const a = 1;\n');
		expect(files.get('dev.txt')).toBe('dev');
		expect(files.get('.git/HEAD')).toBe('ref: refs/heads/dev\n');

		// Written out to disk, native git sees a clean checkout of the same commit as the server.
		const out = await mkdtemp(join(tmpdir(), 'specwright-memfs-'));
		try {
			for (const e of entries) {
				await mkdir(dirname(join(out, e.path)), { recursive: true });
				await writeFile(join(out, e.path), e.data);
			}
			const status = await run('git', ['-C', out, 'status', '--porcelain']);
			expect(status.stdout).toBe('');
			const [mine, theirs] = await Promise.all([
				run('git', ['-C', out, 'rev-parse', 'HEAD']),
				run('git', ['-C', join(server.root, 'mem'), 'rev-parse', 'dev'])
			]);
			expect(mine.stdout).toBe(theirs.stdout);
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	});

	it('asks for credentials on a protected repository', async () => {
		const url = await server.createRepo('locked', { 'a.txt': 'a' }, { auth: { username: 'ada', password: 'tok' } });
		const fs = new MemoryFs();
		await expect(git.clone({ fs, http, dir: '/repo', url, depth: 1 })).rejects.toMatchObject({ code: 'HttpError', data: { statusCode: 401 } });
		const asked: string[] = [];
		await git.clone({
			fs: new MemoryFs(),
			http,
			dir: '/repo',
			url,
			depth: 1,
			onAuth: (u) => {
				asked.push(u);
				return { username: 'ada', password: 'tok' };
			}
		});
		expect(asked).toEqual([url]);
	});
});
