import type { Records } from '../platform/store/records';
import type { ConnectionVerdict } from '../core/llm/connection';
import { providerById, validateBaseUrl } from '../core/llm/providers';
import type { GitHubSettings } from '../core/github/settings';

export type { GitHubSettings };
// Inline, not imported: the settings class is in the first paint, GitHub's code is not.
const DEFAULT_GITHUB: GitHubSettings = { apiUrl: 'https://api.github.com', token: '' };

export interface LlmSettings {
	providerId: string;
	baseURL: string;
	apiKey: string;
	model: string;
}

const KEY = 'llm';

const DEFAULT_PROVIDER = providerById('openai');
export const DEFAULT_LLM: LlmSettings = { providerId: DEFAULT_PROVIDER.id, baseURL: DEFAULT_PROVIDER.baseURL, apiKey: '', model: DEFAULT_PROVIDER.suggestedModel };

/**
 * Model settings. Stored only in this browser's IndexedDB: the key never goes to a URL,
 * localStorage, a log line or an export.
 */
export class Settings {
	llm = $state<LlmSettings>({ ...DEFAULT_LLM });
	/** GitHub API URL and token (import, push): the 'github' settings record. */
	github = $state<GitHubSettings>({ ...DEFAULT_GITHUB });
	loaded = $state(false);

	constructor(
		private readonly records: Records,
		private readonly probe: (settings: LlmSettings, signal?: AbortSignal) => Promise<ConnectionVerdict>
	) {}

	get configured(): boolean {
		const preset = providerById(this.llm.providerId);
		return this.llm.baseURL !== '' && this.llm.model !== '' && (!preset.needsKey || this.llm.apiKey !== '');
	}

	async load(): Promise<void> {
		const saved = await this.records.setting<Partial<LlmSettings>>(KEY);
		if (saved) this.llm = { ...DEFAULT_LLM, ...saved };
		const github = await this.records.setting<Partial<GitHubSettings>>('github');
		if (github) this.github = { ...DEFAULT_GITHUB, ...github };
		this.loaded = true;
	}

	/** Validates, then stores. Throws a SpecwrightError with a message for the form. */
	async saveLlm(next: LlmSettings): Promise<void> {
		const clean: LlmSettings = {
			providerId: next.providerId,
			baseURL: validateBaseUrl(next.baseURL),
			apiKey: next.apiKey.trim(),
			model: next.model.trim()
		};
		await this.records.putSetting(KEY, clean);
		this.llm = clean;
	}

	async saveGitHub(next: GitHubSettings): Promise<void> {
		const { cleanGitHubSettings } = await import('../core/github/settings');
		const clean = cleanGitHubSettings(next);
		await this.records.putSetting('github', clean);
		this.github = clean;
	}

	testConnection(draft: LlmSettings, signal?: AbortSignal): Promise<ConnectionVerdict> {
		return this.probe({ ...draft, apiKey: draft.apiKey.trim(), model: draft.model.trim() }, signal);
	}
}
