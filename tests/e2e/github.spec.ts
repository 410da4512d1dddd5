import { expect, test as base, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createHash, randomBytes } from 'node:crypto';
import { startGitHubStandIn, type GitHubStandIn } from '../servers/github/server.js';
import { createProject, openHome, storedFile } from './app';
import { projectIdFromUrl, storeCounts, storedProject } from './zip-helpers';

const test = base.extend<{ gh: GitHubStandIn }>({
	// eslint-disable-next-line no-empty-pattern
	gh: async ({}, use) => {
		const gh = await startGitHubStandIn();
		await use(gh);
		await gh.close();
	}
});

const TOOL_FILES = {
	'README.md': '# Tool\n\nA small tool.\n',
	'src/index.js': 'export const answer = 42;\n',
	'src/util/strings.js': 'export const shout = (s) => s.toUpperCase();\n',
	'docs/guide.md': '# Guide\n\nÜnïcode survives.\n',
	'docs/api/reference.md': '# Reference\n',
	'docs-old.md': 'not in docs/\n'
};

/** Points Specwright at the stand-in, with or without a token, through the settings page. */
async function useGitHub(page: Page, gh: GitHubStandIn, token = '') {
	await page.goto('/settings');
	const form = page.getByRole('form', { name: 'GitHub' });
	await form.getByLabel('API URL').fill(gh.apiUrl);
	await form.getByLabel('Token').fill(token);
	await form.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByText('GitHub settings saved in this browser.')).toBeVisible();
	await openHome(page);
}

async function importFromGitHub(page: Page, repository: string, fields: { branch?: string; subfolder?: string } = {}) {
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'GitHub repository…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import from GitHub' });
	await dialog.getByLabel('Repository').fill(repository);
	await dialog.getByLabel(/Branch/).fill(fields.branch ?? '');
	await dialog.getByLabel(/Subfolder/).fill(fields.subfolder ?? '');
	await dialog.getByRole('button', { name: 'Import', exact: true }).click();
	return dialog;
}

test('a public repository imports into a new project, byte for byte, without a token', async ({ page, gh }) => {
	const logo = randomBytes(3000);
	await gh.createRepo('acme', 'tool', { ...TOOL_FILES, 'assets/logo.png': logo });
	await useGitHub(page, gh);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'GitHub repository…' }).click();
	await expect(page.getByTestId('github-token-status')).toContainText('No token: public repositories only');
	await page.keyboard.press('Escape');
	await importFromGitHub(page, 'acme/tool');

	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	await expect(page.locator('.project-name')).toHaveText('tool');
	for (const [path, text] of Object.entries(TOOL_FILES)) expect(await storedFile(page, path)).toBe(text);
	const stored = await storedProject(page, projectIdFromUrl(page));
	expect(stored.files['assets/logo.png']).toEqual([...logo]);
	expect(Object.keys(stored.files).sort()).toEqual([...Object.keys(TOOL_FILES), 'assets/logo.png'].sort());
	expect(gh.requests.length).toBeGreaterThan(0);
	expect(gh.requests.every((r) => !r.authorized)).toBe(true);
});

test('a subfolder of a branch imports re-rooted from a link, even when the tree comes back truncated', async ({ page, gh }) => {
	const video = randomBytes(6 * 1024 * 1024);
	await gh.createRepo('acme', 'tool', { ...TOOL_FILES, 'docs/intro.mp4': video }, { branch: 'trunk' });
	await gh.git('acme/tool', 'branch', 'release', 'trunk');
	// Fewer entries than the repository holds: the client has to walk the folders one by one.
	gh.setTreeLimit(3);
	await useGitHub(page, gh);
	await importFromGitHub(page, 'https://github.com/acme/tool/tree/release/docs');

	const summary = page.getByRole('dialog', { name: 'Imported “docs”' });
	await expect(summary.getByRole('list', { name: 'Skipped' })).toContainText('intro.mp4 — binary file over 5 MB');
	await summary.getByRole('button', { name: 'Open project' }).click();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	const stored = await storedProject(page, projectIdFromUrl(page));
	expect(Object.keys(stored.files).sort()).toEqual(['api/reference.md', 'guide.md']);
	expect(await storedFile(page, 'guide.md')).toBe(TOOL_FILES['docs/guide.md']);
	// The large binary was skipped from the tree's sizes, never downloaded.
	const videoSha = await gh.git('acme/tool', 'rev-parse', 'release:docs/intro.mp4');
	expect(gh.requests.some((r) => r.path.endsWith(`/git/blobs/${videoSha}`))).toBe(false);
	expect(gh.requests.some((r) => r.path === '/repos/acme/tool/branches/release')).toBe(true);
});

test('a private repository needs a valid token: not found without one, refused with a bad one, imported with one', async ({ page, gh }) => {
	await gh.createRepo('acme', 'secret', { 'PLAN.md': '# Secret plan\n' }, { private: true });
	await useGitHub(page, gh);
	const dialog = await importFromGitHub(page, 'acme/secret');
	await expect(dialog.getByRole('alert')).toContainText('acme/secret was not found, or it is private.');
	await expect(dialog.getByRole('alert')).toContainText('add a token in Settings › GitHub');
	expect((await storeCounts(page)).projects).toBe(0);

	await useGitHub(page, gh, 'ghp_notAValidToken');
	const again = await importFromGitHub(page, 'acme/secret');
	await expect(again.getByRole('alert')).toContainText('GitHub refused the token (bad credentials).');
	expect((await storeCounts(page)).projects).toBe(0);

	await useGitHub(page, gh, gh.token);
	await importFromGitHub(page, 'acme/secret');
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	expect(await storedFile(page, 'PLAN.md')).toBe('# Secret plan\n');
	expect(gh.requests.filter((r) => r.path.startsWith('/repos/acme/secret')).at(-1)?.authorized).toBe(true);
	expect(page.url()).not.toContain(gh.token);
});

test('a rate limit says when it resets, in local time, and imports nothing', async ({ page, gh }) => {
	await gh.createRepo('acme', 'tool', TOOL_FILES);
	await useGitHub(page, gh);
	const reset = Math.floor(Date.now() / 1000) + 2 * 3600;
	gh.setRateLimited({ reset });
	const dialog = await importFromGitHub(page, 'acme/tool');
	const time = await page.evaluate((s) => new Date(s * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), reset);
	await expect(dialog.getByRole('alert')).toContainText(`GitHub's API rate limit is used up. It resets at ${time}.`);
	await expect(dialog.getByRole('alert')).toContainText('add a token');
	expect(await storeCounts(page)).toEqual({ projects: 0, contents: 0, files: 0 });

	// More files than the hour's anonymous requests left: refused before any download.
	gh.setRateLimited(false);
	await gh.createRepo('acme', 'large', Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`f${i}.txt`, `${i}\n`])));
	await dialog.getByLabel('Repository').fill('acme/large');
	await dialog.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(dialog.getByRole('alert')).toContainText("This import needs about 70 requests to GitHub, but only 59 of this hour's limit are left.");
	expect(gh.requests.some((r) => r.path.includes('/git/blobs/'))).toBe(false);
	expect((await storeCounts(page)).projects).toBe(0);
});

test('a connection dropped halfway through the downloads says so and leaves no project', async ({ page, gh }) => {
	const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/file-${i}.ts`, `export const n = ${i};\n`]));
	await gh.createRepo('acme', 'big', files);
	await useGitHub(page, gh);
	gh.setFault({ dropAfterBlobs: 10 });
	const dialog = await importFromGitHub(page, 'acme/big');
	await expect(dialog.getByRole('alert')).toContainText('The connection to GitHub was lost.');
	await expect(dialog.getByRole('alert')).toContainText('Nothing was imported.');
	await expect(page.getByRole('dialog', { name: 'Importing acme/big' })).toBeHidden();
	expect(await storeCounts(page)).toEqual({ projects: 0, contents: 0, files: 0 });
	expect(gh.requests.filter((r) => r.path.includes('/git/blobs/')).length).toBeGreaterThan(10);
});

test('cancelling a GitHub import midway leaves no project, and the form can go again', async ({ page, gh }) => {
	const files = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`lib/part-${i}.js`, `module.exports = ${i};\n`]));
	await gh.createRepo('acme', 'slow', files);
	await useGitHub(page, gh);
	gh.setFault({ blobDelayMs: 300 });
	const form = await importFromGitHub(page, 'acme/slow');
	const progress = page.getByRole('dialog', { name: 'Importing acme/slow' });
	await expect(progress.getByText(/\d+ of 50 files/)).toBeVisible();
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await expect(progress).toBeHidden();
	await expect(form).toBeVisible();
	await expect(form.getByRole('alert')).toHaveCount(0);
	expect(await storeCounts(page)).toEqual({ projects: 0, contents: 0, files: 0 });
	// Not all 50 files were asked for: the cancel stopped the downloads.
	expect(gh.requests.filter((r) => r.path.includes('/git/blobs/')).length).toBeLessThan(50);

	const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

/** Writes files straight into a project's store, many in one transaction: the UI makes them one by one. */
async function storeFiles(page: Page, projectId: string, files: Record<string, number[] | string>) {
	await page.evaluate(
		async ({ projectId, files }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('specwright');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const tx = db.transaction(['files', 'contents'], 'readwrite');
			for (const [path, value] of Object.entries(files)) {
				const data = typeof value === 'string' ? new TextEncoder().encode(value) : Uint8Array.from(value);
				tx.objectStore('files').put({ projectId, path, kind: 'file', size: data.byteLength, mtime: Date.now() });
				tx.objectStore('contents').put({ projectId, path, data });
			}
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ projectId, files }
	);
}

/** The id git gives these bytes as a blob. */
const blobSha = (data: Uint8Array) => createHash('sha1').update(`blob ${data.byteLength}\0`).update(data).digest('hex');

async function pushDialog(page: Page) {
	await page.getByRole('button', { name: 'Push to GitHub' }).click();
	return page.getByRole('dialog', { name: 'Push to GitHub' });
}

test('a project pushes to a new repository as one commit on main', async ({ page, gh }) => {
	await openHome(page);
	await createProject(page, 'Push Me', 'sample');
	const projectId = projectIdFromUrl(page);
	let dialog = await pushDialog(page);
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog.getByRole('alert')).toContainText('Pushing to GitHub needs a token.');

	// More files than one tree request carries, a binary file, and text with a BOM and CRLF.
	const logo = randomBytes(5000);
	const many = Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`gen/mod-${i}.ts`, `export const n${i} = ${i};\n`]));
	await storeFiles(page, projectId, { ...many, 'assets/logo.png': [...logo], 'win.txt': '\ufeffline one\r\nline two\r\n', 'node_modules/x/index.js': 'skip me' });
	await useGitHub(page, gh, gh.token);
	await page.goto(`/project/${projectId}`);
	dialog = await pushDialog(page);
	await expect(dialog.getByLabel('Name (or owner/name)')).toHaveValue('push-me');
	await expect(dialog.getByText('Uses the token saved in')).toBeVisible();
	const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await dialog.getByLabel('Commit message').fill('First push from the browser');
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog.getByRole('status')).toContainText(/Pushed \d+ files in commit/);
	await expect(dialog.getByRole('link', { name: 'Open on GitHub' })).toHaveAttribute('href', `${gh.apiUrl}/${gh.login}/push-me`);

	const repo = `${gh.login}/push-me`;
	expect((await gh.git(repo, 'log', '--format=%s', 'main')).split('\n')).toEqual(['First push from the browser', 'Initial commit']);
	const stored = await storedProject(page, projectId);
	const pushed = (await gh.git(repo, 'ls-tree', '-r', '--name-only', 'main')).split('\n').sort();
	expect(pushed).toEqual(Object.keys(stored.files).filter((p) => !p.startsWith('node_modules/')).sort());
	expect(pushed).toContain('gen/mod-319.ts');
	// Byte for byte: git's own ids of what arrived equal those of what is stored.
	for (const path of ['assets/logo.png', 'win.txt', 'gen/mod-7.ts', 'README.md']) {
		expect(await gh.git(repo, 'rev-parse', `main:${path}`)).toBe(blobSha(Uint8Array.from(stored.files[path]!)));
	}
	for (const path of pushed.slice(0, 5)) {
		expect(await gh.git(repo, 'show', `main:${path}`)).toBe((await storedFile(page, path))?.trim());
	}
	expect(await gh.git(repo, 'config', '--get', 'core.bare')).toBe('true');
});

test('a push to an existing branch adds a commit on top, deleting what the project no longer has', async ({ page, gh }) => {
	await gh.createRepo(gh.login, 'site', { 'old.txt': 'old\n', 'README.md': '# Old\n' });
	const before = await gh.git(`${gh.login}/site`, 'rev-parse', 'main');
	await useGitHub(page, gh, gh.token);
	await createProject(page, 'Site');
	// The palette reaches the push too.
	await page.getByRole('button', { name: 'Open command palette' }).click();
	await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('push to github');
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Push to GitHub' });
	await dialog.getByLabel('Existing repository').check();
	await dialog.getByLabel('owner/repo').fill(`${gh.login}/site`);
	await dialog.getByLabel('Commit message').fill('Replace the site');
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog.getByRole('status')).toContainText('Pushed 1 file in commit');
	await expect(dialog.getByRole('link', { name: 'Open on GitHub' })).toHaveAttribute('href', `${gh.apiUrl}/${gh.login}/site`);

	const repo = `${gh.login}/site`;
	expect(await gh.git(repo, 'rev-parse', 'main^')).toBe(before);
	expect(await gh.git(repo, 'log', '-1', '--format=%s', 'main')).toBe('Replace the site');
	expect(await gh.git(repo, 'ls-tree', '-r', '--name-only', 'main')).toBe('README.md');
	expect(await gh.git(repo, 'show', 'main:README.md')).toBe('# Site');

	// Someone pushes while we do: the branch is not forced, and the message says why.
	gh.setFault({ pushRace: true });
	await dialog.getByRole('button', { name: 'Close' }).click();
	await page.getByRole('button', { name: 'Push to GitHub' }).click();
	await dialog.getByLabel('Existing repository').check();
	await dialog.getByLabel('owner/repo').fill(`${gh.login}/site`);
	await dialog.getByRole('button', { name: 'Push', exact: true }).click();
	await expect(dialog.getByRole('alert')).toContainText('The branch "main" moved on GitHub while pushing, so it was not changed.');
	expect(await gh.git(repo, 'log', '-1', '--format=%s', 'main')).toBe('A commit pushed meanwhile');
});
