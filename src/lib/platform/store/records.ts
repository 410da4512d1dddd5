import type { ProjectRecord, SpecMetaRecord, SpecwrightDb } from './db';
import type { LedgerEntry } from '../../core/llm/ledger';
import { toStorageError } from './db';

/** Typed access to the app's IndexedDB records; every failure becomes a SpecwrightError. */
export class Records {
	constructor(private readonly db: SpecwrightDb) {}

	async projects(): Promise<ProjectRecord[]> {
		return this.guard(() => this.db.getAll('projects'));
	}

	async project(id: string): Promise<ProjectRecord | undefined> {
		return this.guard(() => this.db.get('projects', id));
	}

	async putProject(record: ProjectRecord): Promise<void> {
		await this.guard(() => this.db.put('projects', record));
	}

	/** The record and its specs' metadata go together; the usage ledger is kept as spending history. */
	async deleteProject(id: string): Promise<void> {
		await this.guard(async () => {
			const tx = this.db.transaction(['projects', 'specMeta'], 'readwrite');
			const specs = IDBKeyRange.bound([id, ''], [id, '\uffff']);
			await Promise.all([tx.objectStore('projects').delete(id), tx.objectStore('specMeta').delete(specs), tx.done]);
		});
	}

	async setting<T>(key: string): Promise<T | undefined> {
		const record = await this.guard(() => this.db.get('settings', key));
		return record?.value as T | undefined;
	}

	async putSetting(key: string, value: unknown): Promise<void> {
		await this.guard(() => this.db.put('settings', { key, value }));
	}

	async specMeta(projectId: string, spec: string): Promise<SpecMetaRecord | undefined> {
		return this.guard(() => this.db.get('specMeta', [projectId, spec]));
	}

	async putSpecMeta(record: SpecMetaRecord): Promise<void> {
		await this.guard(() => this.db.put('specMeta', record));
	}

	async addUsage(entry: LedgerEntry): Promise<void> {
		await this.guard(() => this.db.put('usage', { ...entry, projectId: entry.purpose.projectId }));
	}

	async usage(projectId: string): Promise<LedgerEntry[]> {
		return this.guard(() => this.db.getAllFromIndex('usage', 'byProject', projectId));
	}

	private async guard<T>(op: () => Promise<T>): Promise<T> {
		try {
			return await op();
		} catch (error) {
			throw toStorageError(error);
		}
	}
}
