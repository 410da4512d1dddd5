import type { Records } from '../platform/store/records';
import type { ConnectionVerdict } from '../core/llm/connection';
import { providerById, validateBaseUrl } from '../core/llm/providers';
import { cleanGitSettings, DEFAULT_GIT, type GitSettings } from '../core/git/git-settings';

export type { GitSettings } from '../core/git/git-settings';

export interface LlmSettings {
	providerId: string;
	baseURL: string;
	apiKey: string;
	model: string;
}

const KEY = 'llm';
const GIT_KEY = 'git';

const DEFAULT_PROVIDER = providerById('openai');
export const DEFAULT_LLM: LlmSettings = { providerId: DEFAULT_PROVIDER.id, baseURL: DEFAULT_PROVIDER.baseURL, apiKey: '', model: DEFAULT_PROVIDER.suggestedModel };

/**
 * Model settings. Stored only in this browser's IndexedDB: the key never goes to a URL,
 * localStorage, a log line or an export.
 */
export class Settings {
	llm = $state<LlmSettings>({ ...DEFAULT_LLM });
	git = $state<GitSettings>({ ...DEFAULT_GIT });
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
		const git = await this.records.setting<Partial<GitSettings>>(GIT_KEY);
		if (git) this.git = { ...DEFAULT_GIT, ...git };
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

	/** Validates (the proxy must be an http(s) URL), then stores. Throws a SpecwrightError for the form. */
	async saveGit(next: GitSettings): Promise<void> {
		const clean = cleanGitSettings(next);
		await this.records.putSetting(GIT_KEY, clean);
		this.git = clean;
	}

	testConnection(draft: LlmSettings, signal?: AbortSignal): Promise<ConnectionVerdict> {
		return this.probe({ ...draft, apiKey: draft.apiKey.trim(), model: draft.model.trim() }, signal);
	}
}
