import { createContext } from 'svelte';
import type { Records } from '../platform/store/records';
import { checkSpendingCap, summarize, totalOf, type CapCheck, type LedgerEntry, type UsageTotal } from '../core/llm/ledger';

/**
 * A project's usage ledger and spending caps, as the usage views and the spec header show them.
 * The stored ledger stays the truth: SpecSession checks caps against it before each request, so a
 * view that is out of date can show a stale figure but never let a request past its cap.
 */
export class Usage {
	#entries = $state<LedgerEntry[]>([]);
	#caps = $state<Record<string, number>>({});
	loaded = $state(false);

	constructor(
		private readonly records: Records,
		readonly projectId: string,
		private readonly now: () => number
	) {}

	/** Newest first: the request just made is the one a user looks for. */
	entries = $derived([...this.#entries].sort((a, b) => b.at - a.at));
	project = $derived<UsageTotal>(totalOf(this.#entries));
	bySpec = $derived<UsageTotal[]>(summarize(this.#entries, 'spec'));

	async load(): Promise<void> {
		const [entries, metas] = await Promise.all([this.records.usage(this.projectId), this.records.specMetas(this.projectId)]);
		// A request recorded while this was reading is kept, not dropped with the older list.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never shown
		const known = new Set(entries.map((e) => e.id));
		this.#entries = [...entries, ...this.#entries.filter((e) => !known.has(e.id))];
		this.#caps = Object.fromEntries(metas.flatMap((m) => (m.capUsd === undefined ? [] : [[m.spec, m.capUsd]])));
		this.loaded = true;
	}

	/** Called once a request is in the ledger, so the figures follow without a reload. */
	add(entry: LedgerEntry): void {
		if (entry.purpose.projectId !== this.projectId || this.#entries.some((e) => e.id === entry.id)) return;
		this.#entries = [...this.#entries, entry];
	}

	forSpec(spec: string): LedgerEntry[] {
		return this.entries.filter((e) => e.purpose.spec === spec);
	}

	totalFor(spec: string): UsageTotal {
		return totalOf(this.#entries.filter((e) => e.purpose.spec === spec));
	}

	capOf(spec: string): number | null {
		return this.#caps[spec] ?? null;
	}

	capCheck(spec: string): CapCheck {
		return checkSpendingCap(this.#entries, spec, this.capOf(spec));
	}

	/** Sets the cap (null clears it); stored with the spec's metadata, where SpecSession reads it. */
	async setCap(spec: string, capUsd: number | null): Promise<void> {
		await this.records.setSpecCap(this.projectId, spec, capUsd, this.now());
		const next = { ...this.#caps };
		if (capUsd === null) delete next[spec];
		else next[spec] = capUsd;
		this.#caps = next;
	}
}

/**
 * What stops a spec's next request, read from the stored ledger and cap (not from a view's copy),
 * or null when it may go on. One read of each per request: small next to a model call.
 */
export async function capBlock(records: Records, projectId: string, spec: string): Promise<{ message: string; hint: string } | null> {
	const [entries, meta] = await Promise.all([records.usage(projectId), records.specMeta(projectId, spec)]);
	const check = checkSpendingCap(entries, spec, meta?.capUsd);
	if (check.allowed) return null;
	return { message: check.message, hint: 'The cap is next to the spend figure at the top of the spec, and in the Usage view.' };
}

/** The open project's ledger, for components deep in the workbench (the spec header's figure). */
export const [getUsage, setUsage] = createContext<Usage>();
