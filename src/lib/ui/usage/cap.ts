import type { Dialogs } from '../../state/dialogs.svelte';
import type { Usage } from '../../state/usage.svelte';
import { parseCap } from '../../core/llm/usage-text';
import { formatUsd } from '../../core/llm/pricing';

/** Asks for a spec's spending cap and stores it; the one path both the spec header and the usage view use. */
export async function editCap(dialogs: Dialogs, usage: Usage, spec: string): Promise<void> {
	const current = usage.capOf(spec);
	const spent = usage.totalFor(spec).usd;
	const value = await dialogs.prompt({
		title: `Spending cap for ${spec}`,
		label: `Cap in USD (spent so far: ${formatUsd(spent)}; empty for no cap)`,
		value: current === null ? '' : String(current),
		confirmLabel: 'Save cap',
		validate: (v) => {
			const parsed = parseCap(v);
			return parsed !== null && typeof parsed === 'object' ? parsed.error : undefined;
		}
	});
	if (value === null) return;
	const parsed = parseCap(value);
	if (parsed !== null && typeof parsed === 'object') return;
	await usage.setCap(spec, parsed);
}
