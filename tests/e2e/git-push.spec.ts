import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitServer } from '../servers/git/server.js';
import { startCorsProxy } from '../servers/cors-proxy/server.js';
import { createProject, openHome } from './app';

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startGitServer>>;

test.beforeAll(async () => {
	server = await startGitServer();
});
test.afterAll(async () => {
	await server?.close();
});

/** What the repository on the server holds: the subjects on a branch, newest first. */
async function remoteLog(repo: string, branch: string): Promise<string[]> {
	const { stdout } = await run('git', ['-C', join(server.root, repo), 'log', '--format=%s', branch]);
	return stdout.trim().split('\n');
}

async function storedSetting(page: Page, key: string): Promise<unknown> {
	return page.evaluate(async (key) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const record = await new Promise<{ value: unknown } | undefined>((resolve, reject) => {
			const request = db.transaction('settings').objectStore('settings').get(key);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return record?.value;
	}, key);
}

async function commitProject(page: Page, name: string) {
	await openHome(page);
	await createProject(page, name);
	await page.getByRole('button', { name: 'Source control' }).click();
	await expect(page.getByRole('list', { name: 'History' })).toContainText('Initial commit');
}

async function push(page: Page, fields: { url: string; branch: string; token?: string; remember?: boolean }) {
	const dialog = page.getByRole('dialog', { name: 'Push' });
	if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Push', exact: true }).click();
	await dialog.getByLabel('Remote URL').fill(fields.url);
	await dialog.getByLabel('Remote branch').fill(fields.branch);
	await dialog.getByLabel('Token', { exact: true }).fill(fields.token ?? '');
	await dialog.getByLabel(/Remember the token/).setChecked(fields.remember ?? false);
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	return dialog;
}

test('git push sends the commits to the remote; a diverged branch is refused with a reason', async ({ page }) => {
	const url = await server.createRepo('pushed', { 'README.md': 'remote\n' });
	await commitProject(page, 'Pushy');

	// The remote's main has its own history: not a fast-forward.
	const dialog = await push(page, { url, branch: 'main' });
	await expect(dialog.getByRole('alert')).toContainText('not a fast-forward');
	expect(await remoteLog('pushed', 'main')).toEqual(['Initial commit']);

	await push(page, { url, branch: 'from-browser' });
	await expect(page.getByText(`Pushed from-browser to ${url}.`)).toBeVisible();
	await expect(dialog).toBeHidden();
	expect(await remoteLog('pushed', 'from-browser')).toEqual(['Initial commit']);
	const { stdout } = await run('git', ['-C', join(server.root, 'pushed'), 'show', 'from-browser:README.md']);
	expect(stdout).toBe('# Pushy\n');
});

test('a protected remote asks for a token, refuses a wrong one, and remembers one only when asked', async ({ page }) => {
	const url = await server.createRepo('private', {}, { auth: { username: 'ada', password: 'right-token' } });
	await commitProject(page, 'Private');

	const dialog = await push(page, { url, branch: 'work' });
	await expect(dialog.getByRole('alert')).toContainText('asks for a token');
	await push(page, { url, branch: 'work', token: 'wrong-token' });
	await expect(dialog.getByRole('alert')).toContainText('refused the token');
	await dialog.getByLabel('User name').fill('ada');
	await push(page, { url, branch: 'work', token: 'right-token', remember: true });
	await expect(dialog).toBeHidden();
	expect(await remoteLog('private', 'work')).toEqual(['Initial commit']);
	expect(await storedSetting(page, 'gitTokens')).toEqual({ [new URL(url).host]: { username: 'ada', token: 'right-token' } });

	// The next push starts from the remembered remote and token; unticking the box forgets it.
	await page.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog.getByLabel('Remote URL')).toHaveValue(url);
	await expect(dialog.getByLabel('Token', { exact: true })).toHaveValue('right-token');
	await push(page, { url, branch: 'work', token: 'right-token', remember: false });
	await expect(dialog).toBeHidden();
	expect(await storedSetting(page, 'gitTokens')).toEqual({});
});

test('a remote that does not allow CORS is explained, with the proxy setting to use', async ({ page }) => {
	const url = await server.createRepo('no-cors', {});
	await commitProject(page, 'Blocked');
	server.setCors(false);
	try {
		const dialog = await push(page, { url, branch: 'main' });
		await expect(dialog.getByRole('alert')).toContainText('do not allow requests from a web page');
		await expect(dialog.getByRole('alert')).toContainText('CORS proxy in Settings');
		await expect(dialog.getByTestId('push-proxy')).toContainText('without a CORS proxy');
	} finally {
		server.setCors(true);
	}
});

test('with a CORS proxy set in Settings → Git, a push reaches a server that does not allow CORS', async ({ page }) => {
	const proxy = await startCorsProxy();
	const url = await server.createRepo('proxied', {});
	server.setCors(false);
	try {
		await page.goto('/settings');
		const form = page.locator('form#git');
		await form.getByLabel('CORS proxy URL').fill(proxy.url);
		await form.getByRole('button', { name: 'Apply git settings' }).click();
		await expect(form.getByRole('button', { name: 'Apply git settings' })).toBeDisabled();
		await commitProject(page, 'Proxied');
		await page.getByRole('button', { name: 'Push', exact: true }).click();
		await expect(page.getByTestId('push-proxy')).toHaveText(`Through the CORS proxy ${proxy.url}.`);
		await push(page, { url, branch: 'via-proxy' });
		await expect(page.getByText(`Pushed via-proxy to ${url}.`)).toBeVisible();
		expect(await remoteLog('proxied', 'via-proxy')).toEqual(['Initial commit']);
		expect(proxy.requests).toContain('POST /proxied.git/git-receive-pack');
	} finally {
		server.setCors(true);
		await proxy.close();
	}
});

test('a cloned project: its history shows, a commit on top is pushed back to where it came from', async ({ page }) => {
	const url = await server.createRepo('roundtrip', { 'README.md': '# Cloned\n', 'src/main.ts': 'export const a = 1;\n' });
	await openHome(page);
	await page.getByRole('button', { name: 'Import' }).click();
	await page.getByRole('button', { name: 'Clone git repository…' }).click();
	const clone = page.getByRole('dialog', { name: 'Clone git repository' });
	await clone.getByLabel('Repository URL').fill(url);
	await clone.getByRole('button', { name: 'Clone' }).click();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();

	// The clone's own history, no commit of ours on top, nothing changed.
	await page.getByRole('button', { name: 'Source control' }).click();
	const history = page.getByRole('list', { name: 'History' });
	await expect(history.getByRole('button')).toHaveCount(1);
	await expect(history).toContainText('Test Author');
	await expect(page.getByRole('list', { name: 'Changes' })).toContainText('No changes since the last commit.');

	await page.getByRole('button', { name: 'Files' }).click();
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.type('Edited in the browser.\n');
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
	await page.getByRole('button', { name: 'Source control' }).click();
	await expect(page.getByRole('list', { name: 'Changes' }).getByRole('button', { name: 'modified README.md', exact: true })).toBeVisible();
	await page.getByLabel('Commit message').fill('Edit the README');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(history.getByRole('button')).toHaveCount(2);

	// The dialog starts from the clone's remote and branch: a fast-forward of main.
	await page.getByRole('button', { name: 'Push', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Push' });
	await expect(dialog.getByLabel('Remote URL')).toHaveValue(url);
	await expect(dialog.getByLabel('Remote branch')).toHaveValue('main');
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog).toBeHidden();
	expect(await remoteLog('roundtrip', 'main')).toEqual(['Edit the README', 'Initial commit']);
	const { stdout } = await run('git', ['-C', join(server.root, 'roundtrip'), 'show', 'main:README.md']);
	expect(stdout).toBe('# Cloned\nEdited in the browser.\n');
});
