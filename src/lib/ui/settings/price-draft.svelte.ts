import { DEFAULT_PRICES, type PriceTable } from '../../core/llm/pricing';
import { rowsOf, validateRows, type PriceField, type PriceRow, type RowErrors } from '../../core/llm/price-table';

/** `added`: typed in since the table was loaded, so it is never taken for the default it may duplicate. */
export type DraftRow = PriceRow & { id: number; added: boolean };

const plain = (rows: DraftRow[]) => JSON.stringify(rows.map(({ pattern, input, cachedInput, output }) => [pattern, input, cachedInput, output]));
const defaults = new Map(rowsOf(DEFAULT_PRICES).map((r) => [r.pattern, r]));

/**
 * The price table being edited on the Settings page: rows as typed, with their messages, until
 * they are applied. Form state only (Settings holds what is stored), kept apart so the
 * component is about layout.
 */
export class PriceDraft {
	rows = $state<DraftRow[]>([]);
	errors = $state<Record<number, RowErrors>>({});
	summary = $state<string | null>(null);
	#saved = $state('');
	#nextId = 0;

	constructor(table: PriceTable) {
		this.load(table);
	}

	changed = $derived(plain(this.rows) !== this.#saved);

	load(table: PriceTable): void {
		this.rows = rowsOf(table).map((r) => ({ ...r, id: this.#nextId++, added: false }));
		this.#saved = plain(this.rows);
		this.errors = {};
		this.summary = null;
	}

	status(row: DraftRow): '' | 'edited' | 'custom' {
		const base = defaults.get(row.pattern.trim());
		if (!base || row.added) return 'custom';
		return base.input === row.input.trim() && base.cachedInput === row.cachedInput.trim() && base.output === row.output.trim() ? '' : 'edited';
	}

	add(): DraftRow {
		const row: DraftRow = { id: this.#nextId++, added: true, pattern: '', input: '', cachedInput: '', output: '' };
		this.rows = [...this.rows, row];
		return row;
	}

	remove(id: number): void {
		this.rows = this.rows.filter((r) => r.id !== id);
		const { [id]: _gone, ...rest } = this.errors;
		this.errors = rest;
	}

	/** A field's message goes as soon as it is edited; it is checked again on apply. */
	clearError(id: number, field: PriceField): void {
		const errors = this.errors[id];
		if (!errors?.[field]) return;
		const { [field]: _gone, ...rest } = errors;
		this.errors = { ...this.errors, [id]: rest };
	}

	/** The table to store, or null when a field needs fixing (its message is then set). */
	check(): PriceTable | null {
		const result = validateRows(this.rows);
		if (result.ok) {
			this.errors = {};
			this.summary = null;
			return result.table;
		}
		this.errors = Object.fromEntries(this.rows.map((r, i) => [r.id, result.errors[i] ?? {}]));
		this.summary = `${result.count} field${result.count === 1 ? ' needs' : 's need'} fixing before the prices can be saved.`;
		return null;
	}
}
