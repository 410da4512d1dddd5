/**
 * The usage ledger: one entry per model request, so a user can see what a spec cost and stop a
 * runaway spec before it costs more. Entries are plain records (stored in IndexedDB by the
 * platform); everything here is arithmetic over them.
 */
import { formatUsd, type TokenUsage } from './pricing';

export type RequestKind = 'generate' | 'refine' | 'repair' | 'analyze' | 'continue' | 'test';

export interface LedgerPurpose {
	projectId: string;
	/** Spec folder name. */
	spec?: string;
	phase?: string;
	/** Task id, for agent work on a task. */
	task?: string;
	kind: RequestKind;
}

export interface LedgerEntry {
	id: string;
	/** Epoch milliseconds. */
	at: number;
	providerId: string;
	model: string;
	purpose: LedgerPurpose;
	tokens: TokenUsage;
	usd: number;
	/** False when the model has no price in the table: `usd` is then 0 and totals are a lower bound. */
	priced: boolean;
	outcome: 'ok' | 'error' | 'aborted';
}

export interface UsageTotal {
	/** `projectId` or `projectId/spec`; requests without a spec group under the project alone. */
	key: string;
	projectId: string;
	spec?: string;
	requests: number;
	tokens: TokenUsage;
	usd: number;
	/** Requests whose cost is unknown. */
	unpriced: number;
	lastAt: number;
}

function emptyTotal(key: string, projectId: string, spec?: string): UsageTotal {
	const total: UsageTotal = { key, projectId, requests: 0, tokens: { input: 0, output: 0, cached: 0 }, usd: 0, unpriced: 0, lastAt: 0 };
	if (spec !== undefined) total.spec = spec;
	return total;
}

function add(total: UsageTotal, e: LedgerEntry): void {
	total.requests++;
	total.tokens.input += e.tokens.input;
	total.tokens.output += e.tokens.output;
	total.tokens.cached += e.tokens.cached;
	total.usd += e.usd;
	if (!e.priced) total.unpriced++;
	total.lastAt = Math.max(total.lastAt, e.at);
}

/** Totals per spec or per project, most expensive first. */
export function summarize(entries: readonly LedgerEntry[], by: 'spec' | 'project'): UsageTotal[] {
	const groups = new Map<string, UsageTotal>();
	for (const e of entries) {
		const spec = by === 'spec' ? e.purpose.spec : undefined;
		const key = spec === undefined ? e.purpose.projectId : `${e.purpose.projectId}/${spec}`;
		let total = groups.get(key);
		if (!total) {
			total = emptyTotal(key, e.purpose.projectId, spec);
			groups.set(key, total);
		}
		add(total, e);
	}
	return [...groups.values()].sort((a, b) => b.usd - a.usd || a.key.localeCompare(b.key));
}

/** One total over all the given entries (e.g. a filtered list). */
export function totalOf(entries: readonly LedgerEntry[]): UsageTotal {
	const total = emptyTotal('', '');
	for (const e of entries) add(total, e);
	return total;
}

export type SpecRef = string | { projectId: string; spec: string };

function isFor(e: LedgerEntry, spec: SpecRef): boolean {
	if (typeof spec === 'string') return e.purpose.spec === spec;
	return e.purpose.projectId === spec.projectId && e.purpose.spec === spec.spec;
}

export interface CapCheck {
	allowed: boolean;
	spent: number;
	/** True from 80 % of the cap, so the UI can warn before generation stops. */
	nearCap: boolean;
	/** Empty when there is nothing to say. */
	message: string;
}

const NEAR = 0.8;

/**
 * Whether another request for this spec may run. A cap that is not a positive finite number means
 * "no cap" (0 is how a settings form says "off"). Requests without a price count as $0: the
 * message says so, as the real spend is then higher than shown.
 */
export function checkSpendingCap(entries: readonly LedgerEntry[], spec: SpecRef, capUsd: number | null | undefined): CapCheck {
	const mine = entries.filter((e) => isFor(e, spec));
	const spent = mine.reduce((sum, e) => sum + e.usd, 0);
	const unpriced = mine.filter((e) => !e.priced).length;
	const name = typeof spec === 'string' ? spec : spec.spec;
	if (capUsd === null || capUsd === undefined || !Number.isFinite(capUsd) || capUsd <= 0) {
		return { allowed: true, spent, nearCap: false, message: '' };
	}
	const note = unpriced > 0 ? ` ${unpriced} request${unpriced === 1 ? ' has' : 's have'} no known price and ${unpriced === 1 ? 'is' : 'are'} not counted.` : '';
	if (spent >= capUsd) {
		return {
			allowed: false,
			spent,
			nearCap: true,
			message: `Generation stopped: spec "${name}" has reached its spending cap (${formatUsd(spent)} of ${formatUsd(capUsd)}). Raise the cap to go on.${note}`
		};
	}
	const nearCap = spent >= capUsd * NEAR;
	return {
		allowed: true,
		spent,
		nearCap,
		message: nearCap ? `Spec "${name}" has used ${formatUsd(spent)} of its ${formatUsd(capUsd)} cap.${note}` : ''
	};
}
