import { expect, type Page } from '@playwright/test';

/** Helpers for the zip tests: what IndexedDB holds for a project, read straight from the stores. */

export interface StoredProject {
	/** path → bytes (strings stored as text are encoded as UTF-8, as an export writes them). */
	files: Record<string, number[]>;
	/** Every listing record: files and explicit (empty) folders. .git is left out of both. */
	entries: string[];
}

export async function storedProject(page: Page, projectId: string): Promise<StoredProject> {
	return page.evaluate(async (projectId) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const range = IDBKeyRange.bound([projectId, ''], [projectId, '\uffff']);
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll(range);
				request.onsuccess = () => resolve(request.result as T[]);
				request.onerror = () => reject(request.error);
			});
		// The project's own files: its repository (.git, made when it opens) is not part of an export.
		const own = (r: { path: string }) => r.path !== '.git' && !r.path.startsWith('.git/');
		const contents = (await all<{ path: string; data: string | Uint8Array }>('contents')).filter(own);
		const meta = (await all<{ path: string; kind: string }>('files')).filter(own);
		db.close();
		const files: Record<string, number[]> = {};
		for (const c of contents) {
			files[c.path] = [...(typeof c.data === 'string' ? new TextEncoder().encode(c.data) : c.data)];
		}
		return { files, entries: meta.map((m) => `${m.kind}:${m.path}`).sort() };
	}, projectId);
}

/** Every project record and every stored file path, to show that a refused import left nothing. */
export async function storeCounts(page: Page): Promise<{ projects: number; contents: number; files: number }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('specwright');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const count = (store: string) =>
			new Promise<number>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).count();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const result = { projects: await count('projects'), contents: await count('contents'), files: await count('files') };
		db.close();
		return result;
	});
}

/** Writes a binary file into a project directly: the interface only creates text files. */
export async function storeBinaryFile(page: Page, projectId: string, path: string, bytes: number[]): Promise<void> {
	await page.evaluate(
		async ({ projectId, path, bytes }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('specwright');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const data = Uint8Array.from(bytes);
			const tx = db.transaction(['files', 'contents'], 'readwrite');
			tx.objectStore('files').put({ projectId, path, kind: 'file', size: data.byteLength, mtime: Date.now() });
			tx.objectStore('contents').put({ projectId, path, data });
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ projectId, path, bytes }
	);
}

export function projectIdFromUrl(page: Page): string {
	const match = /\/project\/([^/?#]+)/.exec(page.url());
	if (!match?.[1]) throw new Error(`not on a project page: ${page.url()}`);
	return decodeURIComponent(match[1]);
}

/** Chooses a zip through Import → Zip file…, as a user would. */
export async function importZipFile(page: Page, path: string): Promise<void> {
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Zip file…' }).click();
	await (await chooser).setFiles(path);
}

export async function expectError(page: Page, message: string | RegExp): Promise<void> {
	await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
}
