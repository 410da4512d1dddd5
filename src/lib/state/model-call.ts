import type { SpecDeps, Problem } from './spec-deps';
import type { ChatMessageInput } from '../platform/llm/chat-stream';
import type { Phase } from '../core/workflow';
import type { LedgerEntry, RequestKind } from '../core/llm/ledger';
import { costOf, type TokenUsage } from '../core/llm/pricing';
import { decideRetry, type RetryDecision } from '../core/llm/retry';
import { capBlock } from './usage.svelte';

export interface ModelCall {
	deps: SpecDeps;
	spec: string;
	phase: Phase;
	kind: RequestKind;
	messages: readonly ChatMessageInput[];
	signal: AbortSignal;
	/** The prompt's parts and sizes, to name what to cut when it is too long. */
	inputs: ReadonlyArray<{ name: string; tokens: number }>;
	/** The cap check for the first attempt, when the caller started it early. */
	capCheck?: Promise<Problem | null>;
	/** Takes the successful attempt's ledger write, to finish after the reply is shown; else it is awaited. */
	defer?: (work: Promise<void>) => void;
	onText: (text: string) => void;
	onWait: (until: number, reason: 'rate-limited' | 'server-error') => void;
}

export type ModelCallOutcome =
	| { ok: true; text: string }
	| { ok: false; blocked: Problem }
	| { ok: false; stop: Extract<RetryDecision, { action: 'stop' }>; partial: string };

/**
 * One logical model request: the spending cap checked before every attempt, usage recorded for
 * every attempt (failed ones too), and retries as the policy says, waiting visibly in between.
 */
export async function callModel(call: ModelCall): Promise<ModelCallOutcome> {
	const { deps } = call;
	const llm = deps.llm();
	for (let attempt = 1; ; attempt++) {
		const blocked = await ((attempt === 1 && call.capCheck) || capBlock(deps.records, deps.projectId, call.spec));
		if (blocked) return { ok: false, blocked };
		try {
			const result = await deps.chat(
				{ baseURL: llm.baseURL, apiKey: llm.apiKey, model: llm.model, messages: call.messages, signal: call.signal },
				call.onText
			);
			const recorded = record(call, result.usage, 'ok');
			if (call.defer) call.defer(recorded);
			else await recorded;
			return { ok: true, text: result.text };
		} catch (error) {
			if (!deps.isChatFailure(error)) throw error;
			await record(call, error.usage, error.failure.kind === 'aborted' ? 'aborted' : 'error');
			const decision = decideRetry(error.failure, attempt, { inputs: call.inputs });
			if (decision.action === 'stop') return { ok: false, stop: decision, partial: error.partial };
			call.onWait(deps.now() + decision.delayMs, decision.reason);
			await deps.sleep(decision.delayMs, call.signal).catch(() => undefined);
			if (call.signal.aborted) return { ok: false, stop: { action: 'stop', problem: 'aborted', message: '', hint: '' }, partial: '' };
		}
	}
}

async function record(call: ModelCall, usage: TokenUsage | null, outcome: LedgerEntry['outcome']): Promise<void> {
	const { deps } = call;
	const llm = deps.llm();
	const tokens = usage ?? { input: 0, output: 0, cached: 0 };
	const { usd, priced } = costOf(tokens, llm.model, deps.prices(), llm.providerId);
	const entry: LedgerEntry = {
		id: deps.newId(),
		at: deps.now(),
		providerId: llm.providerId,
		model: llm.model,
		purpose: { projectId: deps.projectId, spec: call.spec, phase: call.phase, kind: call.kind },
		tokens,
		usd,
		priced,
		outcome
	};
	await deps.records.addUsage(entry);
	deps.onRecorded?.(entry);
}
