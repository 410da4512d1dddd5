/**
 * How ledger figures read on screen. Kept pure (and tested) because a cost that reads wrong is
 * worse than no cost: an unpriced request must never look free.
 */
import type { LedgerEntry, LedgerPurpose, UsageTotal } from './ledger';
import { formatUsd } from './pricing';

// Fixed to en-US because formatUsd writes a '.' decimal point: a German "1.234" tokens next to
// "$1.23" would read as one point two.
const tokens = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatTokens(n: number): string {
	return tokens.format(n);
}

/** "todo-list · requirements · generate": what the request was for, most specific last. */
export function describePurpose(purpose: LedgerPurpose): string {
	const parts = [purpose.spec ?? 'project', purpose.phase, purpose.task ? `task ${purpose.task}` : undefined, purpose.kind];
	return parts.filter((p) => p !== undefined && p !== '').join(' · ');
}

export function entryCost(entry: Pick<LedgerEntry, 'usd' | 'priced' | 'model'>): string {
	return entry.priced ? formatUsd(entry.usd) : `no price for model ${entry.model}`;
}

/** A total's cost; requests without a price make it a lower bound, and it says so. */
export function totalCost(total: Pick<UsageTotal, 'usd' | 'unpriced'>): string {
	if (total.unpriced === 0) return formatUsd(total.usd);
	return `${formatUsd(total.usd)} + ${total.unpriced} unpriced`;
}

/**
 * A spending cap as typed: blank (or 0) means no cap. Returns the cap in USD, null for none, or a
 * message for the field.
 */
export function parseCap(value: string): number | null | { error: string } {
	const v = value.trim().replace(/^\$/, '').trim();
	if (v === '') return null;
	if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(v)) return { error: 'Enter an amount in USD, like 2.50, or leave it empty for no cap.' };
	const usd = Number(v);
	if (usd < 0) return { error: 'A cap cannot be negative. Leave it empty for no cap.' };
	return usd === 0 ? null : usd;
}
