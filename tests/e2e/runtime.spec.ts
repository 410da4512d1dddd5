import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openHome, storedFile } from './app';
import { startWebContainerBackend } from '../servers/webcontainer/server.js';

type Backend = Awaited<ReturnType<typeof startWebContainerBackend>>;

const PACKAGE = {
	name: 'runtime-fixture',
	private: true,
	scripts: {
		fail: `node -e "console.log('about to fail'); process.exit(3)"`,
		serve: 'node server.cjs'
	}
};
// Port 0: the backend finds whatever port the server got and reports it as server-ready.
const SERVER = `require('node:http')
	.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<h1>Hello from the preview</h1>'); })
	.listen(0, '127.0.0.1');
`;

let backend: Backend;
let scratch: string;

test.beforeEach(async () => {
	backend = await startWebContainerBackend();
	scratch = mkdtempSync(join(tmpdir(), 'specwright-runtime-'));
});
test.afterEach(async () => {
	await backend.close();
	rmSync(scratch, { recursive: true, force: true });
});

function writeScratch(relative: string, data: string): void {
	const path = join(scratch, 'app', relative);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, data);
}

/** Points the real WebContainer client at the local backend: no test may reach StackBlitz. */
async function useBackend(page: Page, origin: string): Promise<void> {
	await page.addInitScript((url) => {
		(globalThis as { WEBCONTAINER_API_IFRAME_URL?: string }).WEBCONTAINER_API_IFRAME_URL = url;
	}, origin);
}

/** Imports a folder with a package.json into a new project and opens it. */
async function openFixtureProject(page: Page): Promise<void> {
	writeScratch('package.json', JSON.stringify(PACKAGE, null, 2));
	writeScratch('server.cjs', SERVER);
	writeScratch('src/hello.txt', 'hello from the project\n');
	await useBackend(page, backend.origin);
	await openHome(page);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByLabel('Folder to import').setInputFiles(join(scratch, 'app'));
	await expect(page.getByRole('treeitem', { name: 'package.json' })).toBeVisible();
}

async function startRuntime(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start runtime' }).first().click();
	await expect(page.getByRole('tab', { name: /Terminal/ })).toBeVisible({ timeout: 15_000 });
}

/** What xterm rendered in one terminal tab. */
const rows = (page: Page, tab: string) => page.getByRole('group', { name: `Output of ${tab}` }).locator('.xterm-rows');
const focusTerminal = (page: Page, tab: string) => page.getByRole('group', { name: `Output of ${tab}` }).locator('.xterm-screen').click();
/** Types a command line into the focused terminal in one input event, then Enter. */
async function enter(page: Page, line: string): Promise<void> {
	await page.keyboard.insertText(line);
	await page.keyboard.press('Enter');
}

test('boots on demand, mounts the project and runs a shell in the terminal', async ({ page }) => {
	await openFixtureProject(page);
	// Nothing boots until the user asks.
	await expect(page.getByRole('button', { name: 'Start runtime' })).toBeVisible();
	expect(existsSync(join(backend.root, 'package.json'))).toBe(false);
	await startRuntime(page);
	expect(readFileSync(join(backend.root, 'src/hello.txt'), 'utf8')).toBe('hello from the project\n');
	await focusTerminal(page, 'Terminal 1');
	await enter(page, 'cat src/hello.txt; echo "sum=$((40 + 2))"');
	await expect(rows(page, 'Terminal 1')).toContainText('hello from the project');
	await expect(rows(page, 'Terminal 1')).toContainText('sum=42');
	// Ctrl+Shift+V pastes (plain Ctrl+V and Ctrl+C belong to the shell).
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.evaluate(() => navigator.clipboard.writeText('echo "pasted-$((3 + 4))"'));
	await page.keyboard.press('Control+Shift+V');
	await expect(rows(page, 'Terminal 1')).toContainText('echo "pasted-$((3 + 4))"');
	await page.keyboard.press('Enter');
	await expect(rows(page, 'Terminal 1')).toContainText('pasted-7');
});

test('Run lists the scripts and shows a failing script’s output and exit code', async ({ page }) => {
	await openFixtureProject(page);
	await startRuntime(page);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.locator('#run-menu').getByRole('button')).toHaveText([/fail/, /serve/]);
	await page.locator('#run-menu').getByRole('button', { name: /^fail/ }).click();
	await expect(rows(page, 'fail')).toContainText('about to fail');
	await expect(rows(page, 'fail')).toContainText('process exited with code 3');
	await expect(page.getByRole('tab', { name: /fail/ })).toContainText('exit 3');
});

test('saves reach the runtime and files a process writes come back', async ({ page }) => {
	await openFixtureProject(page);
	await startRuntime(page);
	await page.getByRole('treeitem', { name: 'src' }).click();
	await page.getByRole('treeitem', { name: 'hello.txt' }).click();
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('edited in the browser');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await expect.poll(() => readFileSync(join(backend.root, 'src/hello.txt'), 'utf8')).toBe('hello from the project\nedited in the browser');
	// A command changes the open file: the editor shows the new text, and it is stored.
	await focusTerminal(page, 'Terminal 1');
	await enter(page, 'echo "appended by a command" >> src/hello.txt');
	await expect(page.locator('.cm-content')).toContainText('appended by a command');
	await expect.poll(() => storedFile(page, 'src/hello.txt')).toBe('hello from the project\nedited in the browserappended by a command\n');
	await expect(page.getByText('All changes saved')).toBeVisible();

	await focusTerminal(page, 'Terminal 1');
	// The typed line is echoed too: only the command's own output says "written-2".
	await enter(page, 'mkdir -p out2 && echo "made by a process" > out2/made.txt && echo "written-$((1 + 1))"');
	await expect(rows(page, 'Terminal 1')).toContainText('written-2');
	await page.getByRole('treeitem', { name: 'out2' }).click();
	await expect(page.getByRole('treeitem', { name: 'made.txt' })).toBeVisible();
	await expect.poll(() => storedFile(page, 'out2/made.txt')).toBe('made by a process\n');
	// Dependencies a process installs stay in the runtime; a later file still comes back.
	await focusTerminal(page, 'Terminal 1');
	await enter(page, 'mkdir -p node_modules/dep && echo x > node_modules/dep/index.js && echo marker > marker.txt');
	await expect.poll(() => storedFile(page, 'marker.txt')).toBe('marker\n');
	expect(existsSync(join(backend.root, 'node_modules/dep/index.js'))).toBe(true);
	expect(await storedFile(page, 'node_modules/dep/index.js')).toBeNull();

	// A command changes a file with unsaved edits: the edits stay, and the user is told.
	await page.getByRole('treeitem', { name: 'hello.txt' }).click();
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('unsaved words');
	await focusTerminal(page, 'Terminal 1');
	await enter(page, 'echo "second command" >> src/hello.txt');
	await expect(page.getByText('A command changed src/hello.txt while it has unsaved edits.')).toBeVisible();
	await expect(page.locator('.cm-content')).toContainText('unsaved words');
	await expect(page.locator('.cm-content')).not.toContainText('second command');
	await expect.poll(() => storedFile(page, 'src/hello.txt')).toContain('second command');
});

test('server-ready opens the preview with the served page', async ({ page }) => {
	await openFixtureProject(page);
	await startRuntime(page);
	await page.getByRole('button', { name: 'Run', exact: true }).click();
	await page.locator('#run-menu').getByRole('button', { name: /^serve/ }).click();
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview).toBeVisible({ timeout: 15_000 });
	await expect(page.frameLocator('iframe[title="Preview of the running app"]').getByRole('heading')).toHaveText('Hello from the preview');
	await expect(preview.getByRole('link', { name: 'Open preview in a new tab' })).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+/);
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(page.getByRole('tab', { name: /serve/ })).toContainText('exit');
});

test('a backend that never answers ends in a clear message and a Retry that reloads', async ({ page }) => {
	await backend.close();
	backend = await startWebContainerBackend({ hang: true });
	await page.clock.install();
	await openFixtureProject(page);
	await page.getByRole('button', { name: 'Start runtime' }).first().click();
	await expect(page.getByText('Starting the runtime')).toBeVisible();
	// The client adds its backend frame right after the boot timer starts: only then move the clock on.
	await expect(page.locator(`iframe[src^="${backend.origin}"]`)).toBeAttached();
	await page.clock.fastForward(31_000);
	const alert = page.getByRole('alert').filter({ hasText: 'did not start in time' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('Retry reloads the page');
	// Editing still works without a runtime.
	await expect(page.getByRole('treeitem', { name: 'package.json' })).toBeVisible();
	const reloaded = page.waitForEvent('load');
	await alert.getByRole('button', { name: 'Retry' }).click();
	await reloaded;
	await expect(page.getByRole('button', { name: 'Start runtime' })).toBeVisible();
});

test('a boot error is named, and Retry boots again once the cause is gone', async ({ page }) => {
	backend.setBootError('Unable to create more instances');
	await openFixtureProject(page);
	await page.getByRole('button', { name: 'Start runtime' }).first().click();
	const alert = page.getByRole('alert').filter({ hasText: 'failed to start' });
	await expect(alert).toContainText('Unable to create more instances');
	backend.setBootError(null);
	await alert.getByRole('button', { name: 'Retry' }).click();
	await expect(page.getByRole('button', { name: 'Restart runtime' })).toBeVisible();
	expect(readFileSync(join(backend.root, 'package.json'), 'utf8')).toContain('runtime-fixture');
});

test('Restart runtime tears the sandbox down and boots a fresh one', async ({ page }) => {
	await openFixtureProject(page);
	await startRuntime(page);
	expect(backend.boots).toBe(1);
	await page.getByRole('button', { name: 'Restart runtime' }).click();
	await expect.poll(() => backend.boots).toBe(2);
	await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'New', exact: true }).click();
	await focusTerminal(page, 'Terminal 2');
	await enter(page, 'echo "again-$((2 * 3))"');
	await expect(rows(page, 'Terminal 2')).toContainText('again-6');
});

test('folders listed in Settings stay in the runtime', async ({ page }) => {
	await useBackend(page, backend.origin);
	await page.goto('/settings');
	const list = page.getByLabel('Never copy back');
	await expect(list).toHaveValue(/node_modules/);
	await list.fill('node_modules\ngenerated');
	await page.getByRole('button', { name: 'Apply exclusions' }).click();
	await expect(page.getByText('The list is stored')).toBeVisible();
	await openFixtureProject(page);
	await startRuntime(page);
	await focusTerminal(page, 'Terminal 1');
	await enter(page, 'mkdir -p generated && echo skip > generated/a.txt && echo keep > keep.txt');
	await expect.poll(() => storedFile(page, 'keep.txt')).toBe('keep\n');
	expect(existsSync(join(backend.root, 'generated/a.txt'))).toBe(true);
	expect(await storedFile(page, 'generated/a.txt')).toBeNull();
	await expect(page.getByRole('treeitem', { name: 'generated' })).toHaveCount(0);
});

test.describe('without cross-origin isolation', () => {
	// The service worker would serve the page with its headers again.
	test.use({ serviceWorkers: 'block' });

	test('the panel says why and the project stays editable', async ({ page }) => {
		// Serve the app without its isolation headers, as a static host that cannot set them would.
		await page.route('**/*', async (route) => {
			if (!route.request().isNavigationRequest()) return route.fallback();
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['cross-origin-opener-policy'];
			delete headers['cross-origin-embedder-policy'];
			await route.fulfill({ response, headers });
		});
		await openFixtureProject(page);
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
		await page.getByRole('button', { name: 'Terminal', exact: true }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'not cross-origin isolated' });
		await expect(alert).toContainText('Cross-Origin-Embedder-Policy');
		await expect(page.getByRole('button', { name: 'Start runtime' })).toHaveCount(0);
		expect(backend.boots).toBe(0);
		await page.getByRole('treeitem', { name: 'package.json' }).click();
		await expect(page.locator('.cm-content')).toContainText('runtime-fixture');
	});
});
