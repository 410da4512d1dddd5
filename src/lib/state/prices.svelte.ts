import type { Records } from '../platform/store/records';
import { DEFAULT_PRICES, type PriceTable } from '../core/llm/pricing';
import { applyOverrides, NO_OVERRIDES, overridesFor, readOverrides, type PriceOverrides } from '../core/llm/price-table';

const PRICES_KEY = 'prices';

/**
 * The price table costs are computed with: the defaults with the user's edits on top. Loaded on
 * first use (the workbench, the settings page), so the default table stays out of the first paint.
 */
export class Prices {
	#overrides = $state<PriceOverrides>(NO_OVERRIDES);
	table = $derived<PriceTable>(applyOverrides(DEFAULT_PRICES, this.#overrides));

	constructor(private readonly records: Records) {}

	async load(): Promise<void> {
		this.#overrides = readOverrides(await this.records.setting<unknown>(PRICES_KEY));
	}

	/** True when the user changed, added or removed any price. */
	get edited(): boolean {
		return Object.keys(this.#overrides.set).length > 0 || this.#overrides.removed.length > 0;
	}

	/** Stores a validated table as overrides; new requests are priced with it, past ones keep their cost. */
	async save(table: PriceTable): Promise<void> {
		const overrides = overridesFor(DEFAULT_PRICES, table);
		await this.records.putSetting(PRICES_KEY, overrides);
		this.#overrides = overrides;
	}

	async reset(): Promise<void> {
		await this.records.putSetting(PRICES_KEY, NO_OVERRIDES);
		this.#overrides = NO_OVERRIDES;
	}
}
