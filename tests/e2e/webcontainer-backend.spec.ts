// The fake WebContainer backend, driven by the real `@webcontainer/api` client in a cross-origin-isolated
// page (no Specwright UI involved): file system, processes, watch events, preview ports and the shell.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebContainer as WebContainerClass } from '@webcontainer/api';
import { startWebContainerBackend, type WebContainerBackend } from '../servers/webcontainer/server.js';
import { startIsolatedPage } from '../servers/webcontainer/isolated-page.js';

declare global {
	interface Window {
		WebContainer: typeof WebContainerClass;
		wc: WebContainerClass;
		run(command: string, args: string[]): Promise<{ output: string; code: number }>;
	}
}

const test = base.extend<{ backend: WebContainerBackend }, { pageUrl: string }>({
	pageUrl: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await startIsolatedPage();
			await use(server.url);
			await server.close();
		},
		{ scope: 'worker' }
	],
	// eslint-disable-next-line no-empty-pattern
	backend: async ({}, use) => {
		const backend = await startWebContainerBackend();
		await use(backend);
		await backend.close();
	}
});

/** Opens the isolated page pointed at the backend and boots a WebContainer in it as `window.wc`. */
async function boot(page: Page, pageUrl: string, backend: WebContainerBackend, coep: 'credentialless' | 'require-corp' = 'credentialless') {
	await page.addInitScript((origin) => {
		(globalThis as { WEBCONTAINER_API_IFRAME_URL?: string }).WEBCONTAINER_API_IFRAME_URL = origin;
	}, backend.origin);
	await page.goto(pageUrl);
	await expect(page).toHaveTitle('WebContainer client ready');
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	await page.evaluate(async (coep) => {
		window.wc = await window.WebContainer.boot({ coep });
		window.run = async (command, args) => {
			const proc = await window.wc.spawn(command, args);
			let output = '';
			const drained = proc.output.pipeTo(new WritableStream({ write: (chunk) => void (output += chunk) }));
			const code = await proc.exit;
			await drained;
			return { output, code };
		};
	}, coep);
}

test('mounts a tree, runs real commands and writes files into the backend folder', async ({ page, pageUrl, backend }) => {
	await boot(page, pageUrl, backend);
	const result = await page.evaluate(async () => {
		await window.wc.mount({ src: { directory: { 'a.txt': { file: { contents: 'from mount' } } } }, 'bin.dat': { file: { contents: new Uint8Array([0, 255, 10]) } } });
		const printed = await window.run('node', ['-e', 'process.stdout.write(require("fs").readFileSync("src/a.txt", "utf8") + " ok")']);
		const failed = await window.run('node', ['-e', 'console.error("boom"); process.exit(3)']);
		const missing = await window.run('no-such-command-xyz', []);
		await window.wc.fs.writeFile('/home/projects/src/b.txt', 'from client');
		await window.wc.fs.mkdir('deep/er', { recursive: true });
		await window.wc.fs.writeFile('gone.txt', 'x');
		await window.wc.fs.rename('gone.txt', 'deep/er/moved.txt');
		await window.wc.fs.writeFile('gone.txt', 'y');
		await window.wc.fs.rm('gone.txt');
		const shell = await window.run('jsh', ['-c', 'ls deep/er && echo $((6 * 7))']);
		const entries = await window.wc.fs.readdir('.', { withFileTypes: true });
		const tree = await window.wc.export('src');
		let escaped = '';
		await window.wc.fs.readFile('../../etc/passwd', 'utf8').catch((e: Error) => (escaped = e.message));
		return {
			workdir: window.wc.workdir,
			printed,
			failed,
			shell,
			missing: missing.code,
			entries: entries.map((e) => `${e.name}:${e.isDirectory() ? 'dir' : 'file'}`).sort(),
			exported: Object.keys(tree).sort(),
			escaped
		};
	});
	expect(result.workdir).toBe('/home/projects');
	expect(result.printed).toEqual({ output: 'from mount ok', code: 0 });
	expect(result.failed.code).toBe(3);
	expect(result.failed.output).toContain('boom');
	expect(result.missing).toBe(127);
	expect(result.shell).toEqual({ output: 'moved.txt\n42\n', code: 0 });
	expect(backend.commands.map((c) => c.command)).toEqual(['node', 'node', 'no-such-command-xyz', 'jsh']);
	expect(backend.commands[3]).toEqual({ command: 'jsh', args: ['-c', 'ls deep/er && echo $((6 * 7))'], cwd: '/home/projects', terminal: false });
	expect(result.entries).toEqual(['bin.dat:file', 'deep:dir', 'src:dir']);
	expect(result.exported).toEqual(['a.txt', 'b.txt']);
	expect(result.escaped).toContain('outside /home/projects');
	expect(readFileSync(join(backend.root, 'src/b.txt'), 'utf8')).toBe('from client');
	expect([...readFileSync(join(backend.root, 'bin.dat'))]).toEqual([0, 255, 10]);
	expect(readFileSync(join(backend.root, 'deep/er/moved.txt'), 'utf8')).toBe('x');
	expect(existsSync(join(backend.root, 'gone.txt'))).toBe(false);
});

test('a file written by a process reaches the client through fs.watch', async ({ page, pageUrl, backend }) => {
	await boot(page, pageUrl, backend);
	const seen = await page.evaluate(async () => {
		await window.wc.fs.mkdir('out');
		const event = new Promise<string>((resolve) => {
			const watcher = window.wc.fs.watch('.', { recursive: true }, (_event, filename) => {
				if (String(filename).endsWith('made.txt')) {
					watcher.close();
					resolve(String(filename));
				}
			});
		});
		// The watcher is registered asynchronously: keep writing until an event arrives. Each write goes
		// to a temporary file renamed into place, so the file is whole whenever the writer is stopped.
		const write = 'const fs = require("fs"); fs.writeFileSync("out/.tmp", "by process"); fs.renameSync("out/.tmp", "out/made.txt")';
		const writer = await window.wc.spawn('node', ['-e', `setInterval(() => { ${write} }, 100)`]);
		const filename = await event;
		writer.kill();
		await writer.exit;
		return { filename, text: await window.wc.fs.readFile('out/made.txt', 'utf8') };
	});
	expect(seen).toEqual({ filename: 'out/made.txt', text: 'by process' });
});

test('a server started in a process is announced and reachable through its preview URL', async ({ page, pageUrl, backend }) => {
	await boot(page, pageUrl, backend);
	writeFileSync(
		join(backend.root, 'serve.js'),
		'require("http").createServer((q, s) => s.end("hello from " + q.url)).listen(0, () => console.log("up"))'
	);
	const ready = await page.evaluate(async () => {
		const announced = new Promise<{ port: number; url: string; opened: string }>((resolve) => {
			let opened = '';
			window.wc.on('port', (port, type) => void (opened = `${port}:${type}`));
			window.wc.on('server-ready', (port, url) => resolve({ port, url, opened }));
		});
		await window.wc.spawn('node', ['serve.js']);
		const found = await announced;
		const body = await (await fetch(`${found.url}/ping`)).text();
		const frame = document.createElement('iframe');
		frame.src = `${found.url}/framed`;
		document.body.append(frame);
		return { ...found, body };
	});
	expect(ready.opened).toBe(`${ready.port}:open`);
	expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	expect(ready.body).toBe('hello from /ping');
	// The preview loads inside the cross-origin-isolated page.
	await expect.poll(() => page.frames().find((f) => f.url().endsWith('/framed'))?.locator('body').textContent()).toBe('hello from /framed');
});

test('jsh is an interactive shell in a pseudo-terminal', async ({ page, pageUrl, backend }) => {
	await boot(page, pageUrl, backend);
	const output = await page.evaluate(async () => {
		const shell = await window.wc.spawn('jsh', { terminal: { cols: 80, rows: 24 } });
		let text = '';
		const until = (needle: RegExp) =>
			new Promise<void>((resolve) => {
				const check = () => (needle.test(text) ? resolve() : setTimeout(check, 20));
				check();
			});
		void shell.output.pipeTo(new WritableStream({ write: (chunk) => void (text += chunk) }));
		const writer = shell.input.getWriter();
		await until(/\$ $/);
		await writer.write('echo hi\n');
		await until(/\r\nhi\r\n/);
		shell.resize({ cols: 100, rows: 30 });
		await writer.write('stty size\n');
		await until(/30 100/);
		await writer.write('exit 4\n');
		return { text, code: await shell.exit };
	});
	expect(output.text).toContain('echo hi');
	expect(output.text).toMatch(/\r\nhi\r\n/);
	expect(output.code).toBe(4);
});

test('in hanging mode the backend page loads but boot never settles', async ({ page, pageUrl }) => {
	const backend = await startWebContainerBackend({ hang: true });
	try {
		await page.addInitScript((origin) => {
			(globalThis as { WEBCONTAINER_API_IFRAME_URL?: string }).WEBCONTAINER_API_IFRAME_URL = origin;
		}, backend.origin);
		await page.goto(pageUrl);
		await expect(page).toHaveTitle('WebContainer client ready');
		await page.evaluate(() => {
			window.WebContainer.boot({ coep: 'credentialless' }).then(() => (document.title = 'booted'));
		});
		await expect.poll(() => page.frames().find((f) => f.url().startsWith(backend.origin))?.title()).toContain('never answers');
		await page.waitForTimeout(500);
		await expect(page).toHaveTitle('WebContainer client ready');
		expect(backend.boots).toBe(0);
	} finally {
		await backend.close();
	}
});

test('boots inside a page isolated with COEP require-corp too', async ({ page, backend }) => {
	const strict = await startIsolatedPage({ coep: 'require-corp' });
	try {
		await boot(page, strict.url, backend, 'require-corp');
		expect(await page.evaluate(() => window.run('node', ['-p', '6 * 7']))).toEqual({ output: '42\n', code: 0 });
	} finally {
		await strict.close();
	}
});

test('with a boot error set, boot rejects with that message', async ({ page, pageUrl, backend }) => {
	backend.setBootError('Unable to create more instances');
	await page.addInitScript((origin) => {
		(globalThis as { WEBCONTAINER_API_IFRAME_URL?: string }).WEBCONTAINER_API_IFRAME_URL = origin;
	}, backend.origin);
	await page.goto(pageUrl);
	await expect(page).toHaveTitle('WebContainer client ready');
	const message = await page.evaluate(() =>
		window.WebContainer.boot({ coep: 'credentialless' }).then(
			() => 'booted',
			(e: Error) => e.message
		)
	);
	expect(message).toBe('Unable to create more instances');
	expect(backend.boots).toBe(0);
});
