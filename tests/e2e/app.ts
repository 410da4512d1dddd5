import { expect, type Page } from '@playwright/test';

/** Opens the home page and waits until the project list is on screen. */
export async function openHome(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.locator('html[data-app-ready="true"]')).toBeAttached();
}

export async function createProject(page: Page, name: string, template: 'blank' | 'sample' = 'blank'): Promise<void> {
	await page.getByRole('button', { name: 'New project' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'New project' });
	await dialog.getByLabel('Name').fill(name);
	await dialog.getByLabel(template === 'blank' ? /Blank project/ : /Sample project/).check();
	await dialog.getByRole('button', { name: 'Create project' }).click();
	await expect(page.getByRole('tree', { name: 'Project files' })).toBeVisible();
}

/** The editor's text, as CodeMirror holds it. */
export async function editorText(page: Page): Promise<string> {
	return page.locator('.cm-content').evaluate((el) => {
		const view = (el as HTMLElement & { cmView?: { view: { state: { doc: { toString(): string } } } } }).cmView;
		return view ? view.view.state.doc.toString() : (el.textContent ?? '');
	});
}

/** Reads a project file straight from IndexedDB: what was stored, not what is shown. */
export async function storedFile(page: Page, path: string): Promise<string | null> {
	return page.evaluate(async (path) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const records = await new Promise<Array<{ path: string; data: string | Uint8Array }>>((resolve, reject) => {
			const request = db.transaction('contents').objectStore('contents').getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		const record = records.find((r) => r.path === path);
		if (!record) return null;
		return typeof record.data === 'string' ? record.data : new TextDecoder().decode(record.data);
	}, path);
}
