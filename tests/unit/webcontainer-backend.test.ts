// Node-side pieces of the fake WebContainer backend: path confinement, the mount/export formats, the
// headers and token of its HTTP routes, and port detection limited to the spawned process trees.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../servers/webcontainer/fs-ops.js';
import { listeningPorts } from '../servers/webcontainer/ports.js';
import { startWebContainerBackend } from '../servers/webcontainer/server.js';

let root: string;
beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'wc-unit-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('workspace paths', () => {
	it('maps relative and /home/<workdir> paths into root and refuses anything outside', () => {
		const ws = new Workspace(root, '/home/projects');
		expect(ws.resolve('src/a.ts')).toBe(join(root, 'src/a.ts'));
		expect(ws.resolve('/home/projects/src/a.ts')).toBe(join(root, 'src/a.ts'));
		expect(ws.resolve('.')).toBe(root);
		for (const outside of ['..', '../x', '/etc/passwd', '/home/projectsX/a', 'src/../../x', '/']) {
			expect(() => ws.resolve(outside), outside).toThrow(/outside \/home\/projects/);
		}
	});

	it('mounts the client tree format (text, binary, symlink) and exports it back', async () => {
		const ws = new Workspace(root, '/home/projects');
		const tree = { d: { src: { d: { 'a.txt': { f: { c: 'hé' } } } }, 'b.bin': { f: { c: '\u0000\u00ff', b: true } }, link: { f: { l: 'src/a.txt' } } } };
		await ws.loadFiles(new TextEncoder().encode(JSON.stringify(tree)), undefined);
		expect(await readFile(join(root, 'src/a.txt'), 'utf8')).toBe('hé');
		expect([...(await readFile(join(root, 'b.bin')))]).toEqual([0, 255]);
		expect(await readlink(join(root, 'link'))).toBe('src/a.txt');
		const exported = JSON.parse(new TextDecoder().decode(await ws.serialize('.', { excludes: ['link'] })));
		expect(exported).toEqual({ d: { src: tree.d.src, 'b.bin': tree.d['b.bin'] } });
		await expect(ws.loadFiles(new TextEncoder().encode('{"d":{"..":{"d":{}}}}'), 'sub')).rejects.toThrow(/Invalid file name/);
	});
});

describe('backend routes', () => {
	it('serves /headless with the headers an isolated page needs, and guards the control routes', async () => {
		const backend = await startWebContainerBackend();
		try {
			const page = await fetch(`${backend.origin}/headless?version=1.6.4&coep=credentialless`);
			expect(page.headers.get('cross-origin-embedder-policy')).toBe('credentialless');
			expect(page.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
			expect(await page.text()).toContain('startHeadless');
			const strict = await fetch(`${backend.origin}/headless?coep=require-corp`);
			expect(strict.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
			const comlink = await fetch(`${backend.origin}/vendor/comlink.js`);
			expect(comlink.headers.get('content-type')).toMatch(/^text\/javascript/);
			expect(await comlink.text()).toContain('comlink_exports as Comlink');
			const rpc = await fetch(`${backend.origin}/rpc`, { method: 'POST', body: '{"op":"build","args":[{}]}' });
			expect(rpc.status).toBe(403);
			backend.setHang(true);
			expect(await (await fetch(`${backend.origin}/headless`)).text()).not.toContain('<script');
		} finally {
			await backend.close();
		}
	});
});

describe('port detection', () => {
	it('finds ports opened by the given process tree only', async () => {
		const unrelated = createServer().listen(0, '127.0.0.1');
		await new Promise((resolve) => unrelated.once('listening', resolve));
		const child = spawn('bash', ['-c', `node -e 'require("http").createServer().listen(0, () => console.log("up"))'`], {
			stdio: 'pipe',
			detached: true
		});
		try {
			await new Promise((resolve) => child.stdout.once('data', resolve));
			const ports = await listeningPorts([child.pid ?? 0]);
			expect(ports.size).toBe(1);
			const unrelatedPort = (unrelated.address() as { port: number }).port;
			expect(ports.has(unrelatedPort)).toBe(false);
			expect((await listeningPorts([process.pid])).has(unrelatedPort)).toBe(true);
		} finally {
			process.kill(-(child.pid ?? 0)); // the whole group: bash and its node
			unrelated.close();
		}
	});
});
