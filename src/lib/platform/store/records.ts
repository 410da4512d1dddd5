import type { ProjectRecord, SpecwrightDb } from './db';
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

	async deleteProject(id: string): Promise<void> {
		await this.guard(() => this.db.delete('projects', id));
	}

	async setting<T>(key: string): Promise<T | undefined> {
		const record = await this.guard(() => this.db.get('settings', key));
		return record?.value as T | undefined;
	}

	async putSetting(key: string, value: unknown): Promise<void> {
		await this.guard(() => this.db.put('settings', { key, value }));
	}

	private async guard<T>(op: () => Promise<T>): Promise<T> {
		try {
			return await op();
		} catch (error) {
			throw toStorageError(error);
		}
	}
}
