import type { Records } from '../platform/store/records';
import { DEFAULT_GITHUB, cleanGitHubSettings, type GitHubSettings } from '../core/github/settings';

export type { GitHubSettings };

/** The settings record key: `{ apiUrl, token }`. */
export const GITHUB_SETTINGS_KEY = 'github';

/**
 * The GitHub API URL and token, read from and saved to the 'github' settings record. Kept out of
 * the Settings class on purpose: only the GitHub dialogs and the settings card use it, and they
 * load lazily, so none of it weighs on the home page's first paint. IndexedDB is the one copy:
 * each user of this class reads it fresh.
 */
export class GitHubConfig {
	value = $state<GitHubSettings>({ ...DEFAULT_GITHUB });
	loaded = $state(false);

	constructor(private readonly records: Records) {}

	get hasToken(): boolean {
		return this.value.token !== '';
	}

	get custom(): boolean {
		return this.value.apiUrl !== DEFAULT_GITHUB.apiUrl;
	}

	async load(): Promise<this> {
		const saved = await this.records.setting<Partial<GitHubSettings>>(GITHUB_SETTINGS_KEY);
		this.value = { ...DEFAULT_GITHUB, ...saved };
		this.loaded = true;
		return this;
	}

	/** Validates, then stores. Throws a SpecwrightError with a message for the form. */
	async save(next: GitHubSettings): Promise<void> {
		const clean = cleanGitHubSettings(next);
		await this.records.putSetting(GITHUB_SETTINGS_KEY, clean);
		this.value = clean;
	}
}
