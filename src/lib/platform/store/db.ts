import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FileData } from '../../core/ports';
import { SpecwrightError } from '../../core/errors';
import type { Approval } from '../../core/workflow/approvals';
import type { LedgerEntry } from '../../core/llm/ledger';

export interface ProjectRecord {
	id: string;
	name: string;
	createdAt: number;
	updatedAt: number;
}

/** A file's or folder's metadata; listing a project reads only these. */
export interface FileRecord {
	projectId: string;
	path: string;
	kind: 'file' | 'dir';
	size: number;
	mtime: number;
}

/** A file's bytes, kept apart from its metadata so listings stay cheap for large projects. */
export interface ContentRecord {
	projectId: string;
	path: string;
	data: FileData;
}

/** What a spec's files cannot hold: approvals, the original prompt, the archive flag. */
export interface SpecMetaRecord {
	projectId: string;
	spec: string;
	prompt: string;
	approvals: Approval[];
	archived: boolean;
	lastActivity: number;
	/** Spending cap in USD; absent means no cap. Optional, so records written before it stay valid. */
	capUsd?: number;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

export interface SpecwrightSchema extends DBSchema {
	projects: { key: string; value: ProjectRecord; indexes: { byName: string } };
	files: { key: [string, string]; value: FileRecord; indexes: { byProject: string } };
	contents: { key: [string, string]; value: ContentRecord };
	settings: { key: string; value: SettingRecord };
	specMeta: { key: [string, string]; value: SpecMetaRecord };
	usage: { key: string; value: LedgerEntry & { projectId: string }; indexes: { byProject: string } };
}

export type SpecwrightDb = IDBPDatabase<SpecwrightSchema>;

export const DB_NAME = 'specwright';

/**
 * Numbered upgrade steps: step N runs when upgrading from a version below N. Add a step, never
 * edit one that shipped, so every user's database reaches the same shape.
 */
const UPGRADES: Array<(db: IDBPDatabase<SpecwrightSchema>) => void> = [
	(db) => {
		const projects = db.createObjectStore('projects', { keyPath: 'id' });
		projects.createIndex('byName', 'name');
		const files = db.createObjectStore('files', { keyPath: ['projectId', 'path'] });
		files.createIndex('byProject', 'projectId');
		db.createObjectStore('contents', { keyPath: ['projectId', 'path'] });
		db.createObjectStore('settings', { keyPath: 'key' });
	},
	(db) => {
		db.createObjectStore('specMeta', { keyPath: ['projectId', 'spec'] });
		const usage = db.createObjectStore('usage', { keyPath: 'id' });
		usage.createIndex('byProject', 'projectId');
	}
];

export async function openSpecwrightDb(name = DB_NAME): Promise<SpecwrightDb> {
	if (typeof indexedDB === 'undefined') {
		throw new SpecwrightError('storage-unavailable', 'This browser offers no IndexedDB storage.', {
			hint: 'Private windows of some browsers disable it. Open Specwright in a normal window.'
		});
	}
	try {
		return await withTimeout(
			openDB<SpecwrightSchema>(name, UPGRADES.length, {
				upgrade(db, oldVersion) {
					for (let step = oldVersion; step < UPGRADES.length; step++) UPGRADES[step]!(db);
				},
				blocked() {
					// Another tab holds an older version open; the open below waits until it closes.
				}
			}),
			10_000
		);
	} catch (error) {
		throw toStorageError(error);
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(
					new SpecwrightError('storage-blocked', 'The browser storage did not open.', {
						hint: 'Another Specwright tab may be holding an older version open. Close other tabs and reload.'
					})
				),
			ms
		);
		promise.then(
			(v) => (clearTimeout(timer), resolve(v)),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

/** Turns raw IndexedDB failures into errors a user can act on. */
export function toStorageError(error: unknown): SpecwrightError {
	if (error instanceof SpecwrightError) return error;
	const name = error instanceof DOMException || error instanceof Error ? error.name : '';
	if (name === 'QuotaExceededError') {
		return new SpecwrightError('storage-full', 'The browser storage for Specwright is full; nothing was changed.', {
			hint: 'Delete projects you no longer need, or free space on this device.',
			cause: error
		});
	}
	if (name === 'VersionError') {
		return new SpecwrightError('storage-version', 'The stored data was written by a newer Specwright.', {
			hint: 'Reload to get the newest version of the app.',
			cause: error
		});
	}
	return new SpecwrightError('storage-unavailable', 'The browser storage could not be read.', {
		hint: 'Reload the page. If this persists, the browser may be blocking storage for this site.',
		cause: error
	});
}
