import { expect, test, type Page } from '@playwright/test';
import { openHome, storedFile } from './app';
import { projectIdFromUrl, storeCounts } from './zip-helpers';
import { startGitServer, type GitServer } from '../servers/git/server.js';

let git: GitServer;
test.beforeAll(async () => {
	git = await startGitServer();
});
test.afterAll(async () => {
	await git.close();
});
test.afterEach(() => {
	git.setFault(null);
	git.setCors(true);
});

const FILES = {
	'README.md': '# Demo\n\nCloned from a test server.\n',
	'src/main.ts': 'export const answer = 42;\n',
	'src/lib/util.ts': 'export function twice(n: number) {\n\treturn n * 2;\n}\n'
};

async function startClone(page: Page, url: string, options: { branch?: string } = {}) {
	await page.getByRole('button', { name: 'Import' }).click();
	await page.getByRole('button', { name: 'Clone git repository…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Clone git repository' });
	await dialog.getByLabel('Repository URL').fill(url);
	if (options.branch) await dialog.getByLabel(/Branch/).fill(options.branch);
	await dialog.getByRole('button', { name: 'Clone' }).click();
	await expect(dialog).toBeHidden();
}

async function expectNothingCreated(page: Page, before: { projects: number; contents: number; files: number }) {
	expect(await storeCounts(page)).toEqual(before);
	await expect(page).toHaveURL(/\/$/);
}

test('a cloned repository opens as a new project with its files and its .git', async ({ page }) => {
	const url = await git.createRepo('demo', FILES);
	await openHome(page);
	await startClone(page, url);
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	await expect(page.locator('.project-name')).toHaveText('demo');
	await expect(page.getByRole('treeitem', { name: 'README.md' })).toBeVisible();
	expect(await storedFile(page, 'README.md')).toBe(FILES['README.md']);
	expect(await storedFile(page, 'src/lib/util.ts')).toBe(FILES['src/lib/util.ts']);
	expect(await storedFile(page, '.git/HEAD')).toBe('ref: refs/heads/main\n');
	expect(await storedFile(page, '.git/shallow')).toMatch(/^[0-9a-f]{40}\n$/);
	expect(await storedFile(page, '.git/config')).toContain(url);
	// The pack (binary, with the history) is kept: without it the repository is broken.
	const packs = await page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const r = indexedDB.open('specwright');
			r.onsuccess = () => resolve(r.result);
		});
		const keys = await new Promise<IDBValidKey[]>((resolve) => {
			const r = db.transaction('files').objectStore('files').getAllKeys(IDBKeyRange.bound([id, ''], [id, '\uffff']));
			r.onsuccess = () => resolve(r.result);
		});
		db.close();
		return keys.map((k) => (k as string[])[1]!).filter((p) => p.startsWith('.git/objects/pack/'));
	}, projectIdFromUrl(page));
	expect(packs.some((p) => p.endsWith('.pack'))).toBe(true);
	expect(packs.some((p) => p.endsWith('.idx'))).toBe(true);
});

test('the branch option clones that branch', async ({ page }) => {
	const url = await git.createRepo('branches', FILES, { branches: { feature: { 'feature.txt': 'only on the feature branch\n' } } });
	await openHome(page);
	await startClone(page, url, { branch: 'feature' });
	await expect(page.getByRole('treeitem', { name: 'feature.txt' })).toBeVisible();
	expect(await storedFile(page, 'feature.txt')).toBe('only on the feature branch\n');
	expect(await storedFile(page, '.git/HEAD')).toBe('ref: refs/heads/feature\n');
});

test('a repository that does not exist says so and creates nothing', async ({ page }) => {
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, `${git.url}/no-such-repo.git`);
	await expect(page.getByRole('alert').filter({ hasText: 'Repository not found' })).toBeVisible();
	await expectNothingCreated(page, before);
});

test('a URL that is not a git server says so', async ({ page }) => {
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, `${git.url}/web/page.git`);
	await expect(page.getByRole('alert').filter({ hasText: 'did not answer as a git server' })).toBeVisible();
	await expectNothingCreated(page, before);
});

test('a server that does not allow browsers points to the proxy setting', async ({ page }) => {
	const url = await git.createRepo('nocors', FILES);
	git.setCors(false);
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, url);
	const alert = page.getByRole('alert').filter({ hasText: 'does not allow browsers (CORS)' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('Settings → Git');
	await expectNothingCreated(page, before);
});

test('a connection dropped mid-clone says so and creates no project', async ({ page }) => {
	const url = await git.createRepo('dropped', { count: 300, bytes: 2000 });
	git.setFault({ type: 'drop', afterBytes: 20_000 });
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, url);
	await expect(page.getByRole('alert').filter({ hasText: 'The connection dropped in the middle of the clone' })).toBeVisible();
	await expectNothingCreated(page, before);
	expect(git.requests.some((r) => r.service === 'git-upload-pack' && r.bytes === 20_000)).toBe(true);
});

test('cancelling a clone leaves nothing and shows no error', async ({ page }) => {
	const url = await git.createRepo('stalled', FILES);
	git.setFault({ type: 'stall', afterBytes: 1 });
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, url);
	const progress = page.getByRole('dialog', { name: /Cloning stalled/ });
	await expect(progress).toBeVisible();
	await expect.poll(() => git.requests.some((r) => r.service === 'git-upload-pack' && r.bytes === 1)).toBe(true);
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await expect(progress).toBeHidden();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expectNothingCreated(page, before);
});

test('a protected repository asks for credentials, which are used but not stored', async ({ page }) => {
	const url = await git.createRepo('private', FILES, { auth: { username: 'ada', password: 'secret-token-1' } });
	await openHome(page);
	await startClone(page, url);
	const progress = page.getByRole('dialog', { name: /Cloning private/ });
	await expect(progress.getByRole('heading', { name: /needs credentials/ })).toBeVisible();
	await progress.getByLabel('User name').fill('ada');
	await progress.getByLabel('Token or password').fill('wrong');
	await progress.getByRole('button', { name: 'Continue' }).click();
	await expect(progress.getByText('Those credentials were refused')).toBeVisible();
	await expect(progress.getByLabel('User name')).toHaveValue('ada');
	await progress.getByLabel('Token or password').fill('secret-token-1');
	await progress.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	expect(await storedFile(page, 'src/main.ts')).toBe(FILES['src/main.ts']);
	// The token is in no stored file and no setting.
	const stored = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const r = indexedDB.open('specwright');
			r.onsuccess = () => resolve(r.result);
		});
		const dump: string[] = [];
		for (const name of ['contents', 'settings', 'projects']) {
			const all = await new Promise<unknown[]>((resolve) => {
				const r = db.transaction(name).objectStore(name).getAll();
				r.onsuccess = () => resolve(r.result);
			});
			for (const item of all) {
				const data = (item as { data?: unknown }).data;
				dump.push(data instanceof Uint8Array ? new TextDecoder().decode(data) : JSON.stringify(item));
			}
		}
		db.close();
		return dump.join('\n');
	});
	expect(stored).not.toContain('secret-token-1');
});

test('declining to give credentials says the repository needs them', async ({ page }) => {
	const url = await git.createRepo('private2', FILES, { auth: { username: 'ada', password: 'tok' } });
	await openHome(page);
	const before = await storeCounts(page);
	await startClone(page, url);
	const progress = page.getByRole('dialog', { name: /Cloning private2/ });
	const form = progress.getByRole('form', { name: /needs credentials/ });
	await form.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'needs credentials to clone this repository' })).toBeVisible();
	await expectNothingCreated(page, before);
});

test('the git settings validate the proxy, and the clone dialog shows it', async ({ page }) => {
	await page.goto('/settings');
	const section = page.getByRole('form', { name: 'Git' });
	await section.getByLabel('CORS proxy URL').fill('ftp://proxy.example');
	await section.getByRole('button', { name: 'Save' }).click();
	await expect(section.getByRole('alert')).toContainText('is not an http(s) URL');
	await section.getByLabel('CORS proxy URL').fill('https://proxy.example/');
	await section.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Git settings saved in this browser.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('form', { name: 'Git' }).getByLabel('CORS proxy URL')).toHaveValue('https://proxy.example');
	await openHome(page);
	await page.getByRole('button', { name: 'Import' }).click();
	await page.getByRole('button', { name: 'Clone git repository…' }).click();
	await expect(page.getByTestId('clone-proxy')).toContainText('https://proxy.example');
});
