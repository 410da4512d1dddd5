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

	/** Every spec's metadata in a project, e.g. to show all spending caps at once. */
	async specMetas(projectId: string): Promise<SpecMetaRecord[]> {
		return this.guard(() => this.db.getAll('specMeta', IDBKeyRange.bound([projectId, ''], [projectId, '\uffff'])));
	}

	async putSpecMeta(record: SpecMetaRecord): Promise<void> {
		await this.guard(() => this.db.put('specMeta', record));
	}

	/**
	 * Sets or clears (null) a spec's spending cap in one transaction, leaving its other fields as
	 * they are. A spec made outside Specwright has no record yet: it gets a blank one.
	 */
	async setSpecCap(projectId: string, spec: string, capUsd: number | null, now: number): Promise<void> {
		await this.guard(async () => {
			const tx = this.db.transaction('specMeta', 'readwrite');
			const existing = await tx.store.get([projectId, spec]);
			const record: SpecMetaRecord = existing ?? { projectId, spec, prompt: '', approvals: [], archived: false, lastActivity: now };
			if (capUsd === null) delete record.capUsd;
			else record.capUsd = capUsd;
			await Promise.all([tx.store.put(record), tx.done]);
		});
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
