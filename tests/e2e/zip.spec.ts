import { expect, test } from '@playwright/test';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createProject, openHome } from './app';
import { expectError, importZipFile, projectIdFromUrl, storeBinaryFile, storeCounts, storedProject } from './zip-helpers';

let scratch: string;
test.beforeEach(() => {
	scratch = mkdtempSync(join(tmpdir(), 'specwright-zip-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function writeScratch(relative: string, data: Uint8Array | string): string {
	const path = join(scratch, relative);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, data);
	return path;
}

async function addFile(page: import('@playwright/test').Page, name: string, text: string) {
	await page.getByRole('button', { name: 'New file' }).click();
	await page.getByRole('dialog', { name: 'New file' }).getByLabel(/Name/).fill(name);
	await page.keyboard.press('Enter');
	await page.locator('.cm-content').click();
	await page.keyboard.type(text);
	await page.keyboard.press('ControlOrMeta+s');
	await expect(page.getByText('All changes saved')).toBeVisible();
}

test('a project exported as a zip and imported again is the same, byte for byte', async ({ page }) => {
	await openHome(page);
	await createProject(page, 'Round trip');
	const originalId = projectIdFromUrl(page);
	await page.getByRole('button', { name: 'New folder' }).click();
	await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Name').fill('src/lib');
	await page.keyboard.press('Enter');
	await addFile(page, 'util.ts', 'export const π = 3.14; // ünïcode');
	await page.getByRole('treeitem', { name: 'README.md' }).click();
	await page.getByRole('button', { name: 'New folder' }).click();
	await page.getByRole('dialog', { name: 'New folder' }).getByLabel('Name').fill('empty');
	await page.keyboard.press('Enter');
	const binary = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 128, 7, ...Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)];
	await storeBinaryFile(page, originalId, 'assets/logo.png', binary);
	const original = await storedProject(page, originalId);
	expect(Object.keys(original.files).sort()).toEqual(['README.md', 'assets/logo.png', 'src/lib/util.ts']);
	expect(original.entries).toContain('dir:empty');

	await page.reload();
	await expect(page.getByRole('treeitem', { name: 'assets' })).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export zip' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('Round trip.zip');
	const zipPath = join(scratch, 'Round trip.zip');
	await download.saveAs(zipPath);
	await expect(page.getByRole('status').filter({ hasText: 'Exported 3 files to Round trip.zip' })).toBeVisible();

	await page.goto('/');
	await importZipFile(page, zipPath);
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
	await expect(page.locator('.project-name')).toHaveText('Round trip 2');
	const importedId = projectIdFromUrl(page);
	expect(importedId).not.toBe(originalId);
	const imported = await storedProject(page, importedId);
	expect(imported.files).toEqual(original.files);
	expect(imported.entries).toEqual(original.entries);
});

test('import and export are in the command palette', async ({ page }) => {
	await openHome(page);
	const palette = page.getByRole('dialog', { name: 'Command palette' });
	await page.getByRole('button', { name: 'Open command palette' }).click();
	const choosing = page.waitForEvent('filechooser');
	await palette.getByRole('combobox').fill('import a zip');
	await page.keyboard.press('Enter');
	expect((await choosing).isMultiple()).toBe(false);

	await createProject(page, 'Palette export');
	await page.getByRole('button', { name: 'Open command palette' }).click();
	const downloading = page.waitForEvent('download');
	await palette.getByRole('combobox').fill('export project as zip');
	await page.keyboard.press('Enter');
	expect((await downloading).suggestedFilename()).toBe('Palette export.zip');
});

test('a zip with a path that climbs out of the project is refused whole', async ({ page }) => {
	const zipPath = writeScratch('evil.zip', zipSync({ 'ok.txt': strToU8('fine'), '../evil.txt': strToU8('gotcha') }));
	await openHome(page);
	const before = await storeCounts(page);
	await importZipFile(page, zipPath);
	await expectError(page, 'This zip was refused: "../evil.txt" points outside the project.');
	await expect(page.getByRole('alert')).toContainText('Nothing was imported');
	expect(await storeCounts(page)).toEqual(before);
	await expect(page).toHaveURL(/\/$/);
});

test('a file that is not a zip says so, and leaves nothing', async ({ page }) => {
	const zipPath = writeScratch('broken.zip', 'PK\u0003\u0004 this is not really a zip archive');
	await openHome(page);
	const before = await storeCounts(page);
	await importZipFile(page, zipPath);
	await expectError(page, 'This file is not a valid zip archive.');
	expect(await storeCounts(page)).toEqual(before);
});

test('a zip bomb is refused from its declared sizes, before unpacking', async ({ page }) => {
	const zipPath = writeScratch('bomb.zip', zipSync({ 'zeros.txt': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }));
	await openHome(page);
	await importZipFile(page, zipPath);
	await expectError(page, /"zeros\.txt" would unpack from \d+ KB to 20 MB/);
	expect((await storeCounts(page)).projects).toBe(0);
});

test('a GitHub-style zip dropped on the list loses its top folder and reports what it skipped', async ({ page }) => {
	const zip = zipSync({
		'tool-main/README.md': strToU8('# Tool\n'),
		'tool-main/src/index.js': strToU8('console.log(1);\n'),
		'tool-main/current': [strToU8('README.md'), { os: 3, attrs: (0o120777 << 16) >>> 0 }]
	});
	await openHome(page);
	const data = [...zip];
	const transfer = await page.evaluateHandle((bytes) => {
		const dt = new DataTransfer();
		dt.items.add(new File([Uint8Array.from(bytes)], 'tool-main.zip', { type: 'application/zip' }));
		return dt;
	}, data);
	const zone = page.getByRole('region', { name: 'Project list' });
	await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
	await expect(page.getByText('Drop a zip file or a folder to import it as a new project')).toBeVisible();
	await zone.dispatchEvent('drop', { dataTransfer: transfer });
	const summary = page.getByRole('dialog', { name: 'Imported “tool-main”' });
	await expect(summary.getByRole('list', { name: 'Skipped' })).toHaveText('current — symbolic link');
	await summary.getByRole('button', { name: 'Open project' }).click();
	await expect(page.getByRole('treeitem', { name: 'README.md' })).toBeVisible();
	await expect(page.getByRole('treeitem', { name: 'src' })).toBeVisible();
	await expect(page.getByRole('treeitem', { name: 'tool-main' })).toHaveCount(0);
});

test('more than 5,000 files asks first, and declining creates nothing', async ({ page }) => {
	const files = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`many/f${i}.txt`, strToU8(`${i}`)]));
	const zipPath = writeScratch('many.zip', zipSync(files));
	await openHome(page);
	await importZipFile(page, zipPath);
	const ask = page.getByRole('dialog', { name: 'Import 5,001 files?' });
	await expect(ask).toBeVisible();
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('dialog', { name: /Importing/ })).toHaveCount(0);
	expect(await storeCounts(page)).toEqual({ projects: 0, contents: 0, files: 0 });
});

test('cancelling a large import part way leaves no project and no files', async ({ page }) => {
	// Incompressible and large enough that saving takes seconds: there is time to press Cancel.
	const files: Zippable = {};
	for (let i = 0; i < 1500; i++) files[`data/chunk-${i}.bin`] = [randomBytes(64 * 1024), { level: 0 }];
	const zipPath = writeScratch('big.zip', zipSync(files));
	await openHome(page);
	await importZipFile(page, zipPath);
	const progress = page.getByRole('dialog', { name: 'Importing big.zip' });
	await expect(progress.getByText(/[1-9]\d* of 1500 files · [\d.]+ [KM]B of 94 MB/)).toBeVisible({ timeout: 20_000 });
	await progress.getByRole('button', { name: 'Cancel' }).click();
	await expect(progress).toBeHidden();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect.poll(() => storeCounts(page)).toEqual({ projects: 0, contents: 0, files: 0 });
	await expect(page).toHaveURL(/\/$/);
});

test('a local folder is imported through the folder picker, without node_modules and .git', async ({ page }) => {
	writeScratch('my-folder/README.md', '# From disk\n');
	writeScratch('my-folder/src/app.ts', 'export const app = true;\n');
	writeScratch('my-folder/node_modules/left-pad/index.js', 'module.exports = 1;\n');
	writeScratch('my-folder/.git/HEAD', 'ref: refs/heads/main\n');
	await openHome(page);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Leave out .git and node_modules folders')).toBeVisible();
	await page.getByLabel('Folder to import').setInputFiles(join(scratch, 'my-folder'));
	const summary = page.getByRole('dialog', { name: 'Imported “my-folder”' });
	await expect(summary).toContainText('2 files were imported');
	await expect(summary.getByRole('listitem')).toHaveText(['node_modules/ — left out (1 file)', '.git/ — left out (1 file)']);
	await summary.getByRole('button', { name: 'Open project' }).click();
	await expect(page.getByRole('treeitem', { name: 'README.md' })).toBeVisible();
	const stored = await storedProject(page, projectIdFromUrl(page));
	expect(Object.keys(stored.files).sort()).toEqual(['README.md', 'src/app.ts']);
	expect(Buffer.from(stored.files['src/app.ts'] ?? []).toString()).toBe('export const app = true;\n');
});
