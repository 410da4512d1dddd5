import type { Records } from '../platform/store/records';
import type { ConnectionVerdict } from '../core/llm/connection';
import { providerById, validateBaseUrl } from '../core/llm/providers';
import { DEFAULT_PRICES, type PriceTable } from '../core/llm/pricing';
import { applyOverrides, NO_OVERRIDES, overridesFor, readOverrides, type PriceOverrides } from '../core/llm/price-table';

export interface LlmSettings {
	providerId: string;
	baseURL: string;
	apiKey: string;
	model: string;
}

const KEY = 'llm';
const PRICES_KEY = 'prices';

const DEFAULT_PROVIDER = providerById('openai');
export const DEFAULT_LLM: LlmSettings = { providerId: DEFAULT_PROVIDER.id, baseURL: DEFAULT_PROVIDER.baseURL, apiKey: '', model: DEFAULT_PROVIDER.suggestedModel };

/**
 * Model settings. Stored only in this browser's IndexedDB: the key never goes to a URL,
 * localStorage, a log line or an export.
 */
export class Settings {
	llm = $state<LlmSettings>({ ...DEFAULT_LLM });
	loaded = $state(false);
	#priceOverrides = $state<PriceOverrides>(NO_OVERRIDES);
	/** The table costs are computed with: the defaults with the user's edits on top. */
	prices = $derived<PriceTable>(applyOverrides(DEFAULT_PRICES, this.#priceOverrides));

	constructor(
		private readonly records: Records,
		private readonly probe: (settings: LlmSettings, signal?: AbortSignal) => Promise<ConnectionVerdict>
	) {}

	get configured(): boolean {
		const preset = providerById(this.llm.providerId);
		return this.llm.baseURL !== '' && this.llm.model !== '' && (!preset.needsKey || this.llm.apiKey !== '');
	}

	async load(): Promise<void> {
		const [saved, prices] = await Promise.all([this.records.setting<Partial<LlmSettings>>(KEY), this.records.setting<unknown>(PRICES_KEY)]);
		if (saved) this.llm = { ...DEFAULT_LLM, ...saved };
		this.#priceOverrides = readOverrides(prices);
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

	/** True when the user changed, added or removed any price. */
	get pricesEdited(): boolean {
		return Object.keys(this.#priceOverrides.set).length > 0 || this.#priceOverrides.removed.length > 0;
	}

	/** Stores a validated table as overrides; new requests are priced with it, past ones keep their cost. */
	async savePrices(table: PriceTable): Promise<void> {
		const overrides = overridesFor(DEFAULT_PRICES, table);
		await this.records.putSetting(PRICES_KEY, overrides);
		this.#priceOverrides = overrides;
	}

	async resetPrices(): Promise<void> {
		await this.records.putSetting(PRICES_KEY, NO_OVERRIDES);
		this.#priceOverrides = NO_OVERRIDES;
	}

	testConnection(draft: LlmSettings, signal?: AbortSignal): Promise<ConnectionVerdict> {
		return this.probe({ ...draft, apiKey: draft.apiKey.trim(), model: draft.model.trim() }, signal);
	}
}
