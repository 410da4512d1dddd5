import type { Records } from '../platform/store/records';
import type { ConnectionVerdict } from '../core/llm/connection';
import { providerById, validateBaseUrl } from '../core/llm/providers';

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

	testConnection(draft: LlmSettings, signal?: AbortSignal): Promise<ConnectionVerdict> {
		return this.probe({ ...draft, apiKey: draft.apiKey.trim(), model: draft.model.trim() }, signal);
	}
}
