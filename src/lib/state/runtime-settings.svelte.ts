import type { Records } from '../platform/store/records';
import { DEFAULT_SYNC_EXCLUDES, parseExcludes } from '../core/runtime/excludes';

const KEY = 'runtime';

interface RuntimeSettingsRecord {
	syncExcludes: string[];
}

/** What never flows back from the runtime into the project's files; one list for all projects. */
export class RuntimeSettings {
	syncExcludes = $state<string[]>([...DEFAULT_SYNC_EXCLUDES]);

	constructor(private readonly records: Records) {}

	async load(): Promise<readonly string[]> {
		const saved = await this.records.setting<RuntimeSettingsRecord>(KEY);
		if (saved && Array.isArray(saved.syncExcludes)) this.syncExcludes = saved.syncExcludes.filter((p) => typeof p === 'string');
		return this.syncExcludes;
	}

	/** One pattern a line; blank lines and `#` comments are dropped. */
	async save(text: string): Promise<void> {
		const patterns = parseExcludes(text);
		await this.records.putSetting(KEY, { syncExcludes: patterns } satisfies RuntimeSettingsRecord);
		this.syncExcludes = patterns;
	}

	async reset(): Promise<void> {
		await this.save(DEFAULT_SYNC_EXCLUDES.join('\n'));
	}
}
