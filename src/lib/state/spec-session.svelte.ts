import type { ProjectFileSystem } from '../core/ports';
import type { Records } from '../platform/store/records';
import type { LlmSettings } from './settings.svelte';
import type { ChatRequest, ChatResult } from '../platform/llm/chat-stream';
import type { SpecMetaRecord } from '../platform/store/db';
import { approve, buildGenerationMessages, buildRepairMessages, checkGenerated, joinContinuation, phaseFile, phaseOrder, specDir, specStatus, type Approval, type Phase, type SpecType, type WorkflowType } from '../core/workflow';
import { parseConfig, lintSpec } from '../core/spec';
import { decideRetry, type RequestFailure } from '../core/llm/retry';
import { costOf, DEFAULT_PRICES, type TokenUsage } from '../core/llm/pricing';
import type { RequestKind } from '../core/llm/ledger';
import { alwaysIncludedSteering, projectSummary, steeringCandidates } from '../core/steering/always';

export interface SpecDeps {
	projectId: string;
	fs: ProjectFileSystem;
	records: Records;
	llm: () => LlmSettings;
	chat: (request: ChatRequest, onText: (text: string) => void) => Promise<ChatResult>;
	isChatFailure: (error: unknown) => error is Error & { failure: RequestFailure; partial: string; usage: TokenUsage | null };
	sleep: (ms: number, signal: AbortSignal) => Promise<void>;
	now: () => number;
	newId: () => string;
}

export interface Problem {
	message: string;
	hint: string;
	settingsLink?: boolean;
	/** The reply was cut or stopped: Continue picks up where it ended. */
	canContinue?: boolean;
}

/**
 * One spec being written: its documents (the files are the truth), approvals, and the generation
 * in flight. The model streams into `streaming`; the file is written when the reply is complete,
 * stopped or cut, so what arrived is never lost.
 */
export class SpecSession {
	docs = $state<Partial<Record<Phase, string>>>({});
	approvals = $state<Approval[]>([]);
	specType = $state<SpecType>('feature');
	workflowType = $state<WorkflowType>('requirements-first');
	prompt = $state('');
	generating = $state<{ phase: Phase; text: string; waitUntil: number | null } | null>(null);
	problems = $state<Partial<Record<Phase, Problem>>>({});
	#abort: AbortController | null = null;
	/** Streamed text not yet published to `generating`; see `publish`. */
	#pending: { phase: Phase; text: string; prefix: string } | null = null;

	constructor(
		readonly name: string,
		private readonly deps: SpecDeps
	) {}

	get order(): Phase[] {
		return phaseOrder(this.specType, this.workflowType);
	}

	status = $derived(specStatus({ order: this.order, docs: this.docs, approvals: this.approvals }));

	findings = $derived(
		lintSpec({ requirements: this.docs.requirements, bugfix: this.docs.bugfix, design: this.docs.design, tasks: this.docs.tasks })
	);

	async load(): Promise<void> {
		const dir = specDir(this.name);
		const config = parseConfig(await this.deps.fs.readText(`${dir}/.config.kiro`).catch(() => ''));
		if (config.specType) this.specType = config.specType;
		if (config.workflowType) this.workflowType = config.workflowType;
		const docs: Partial<Record<Phase, string>> = {};
		for (const phase of this.order) {
			const text = await this.deps.fs.readText(`${dir}/${phaseFile(phase)}`).catch(() => undefined);
			if (text !== undefined) docs[phase] = text;
		}
		this.docs = docs;
		const meta = await this.deps.records.specMeta(this.deps.projectId, this.name);
		this.approvals = meta?.approvals ?? [];
		this.prompt = meta?.prompt ?? '';
	}

	/** Writes a document (a manual edit or a generated one); durable before it returns. */
	async saveDoc(phase: Phase, text: string): Promise<void> {
		await this.deps.fs.writeFile(`${specDir(this.name)}/${phaseFile(phase)}`, text);
		this.docs = { ...this.docs, [phase]: text };
		await this.touch();
	}

	async approve(phase: Phase): Promise<void> {
		const text = this.docs[phase];
		if (text === undefined) return;
		this.approvals = [...this.approvals, approve(phase, text, this.deps.now())];
		await this.touch();
	}

	stop(): void {
		this.#abort?.abort();
	}

	/** Generates a phase's document, or continues a cut one, retrying as the policy says. */
	async generate(phase: Phase, mode: 'fresh' | 'continue' = 'fresh'): Promise<void> {
		if (this.generating) return;
		const llm = this.deps.llm();
		if (!llm.baseURL || !llm.model) {
			this.setProblem(phase, { message: 'No model is set up yet.', hint: 'Choose a provider, key and model in Settings.', settingsLink: true });
			return;
		}
		const partial = mode === 'continue' ? (this.docs[phase] ?? '') : '';
		const controller = new AbortController();
		this.#abort = controller;
		this.setProblem(phase, undefined);
		this.generating = { phase, text: partial, waitUntil: null };
		const messages = buildGenerationMessages({
			phase,
			specType: this.specType,
			specName: this.name,
			featurePrompt: this.prompt,
			partial: partial || undefined,
			documents: this.upstream(phase),
			...(await this.context())
		});
		try {
			const reply = await this.request(phase, messages, controller, mode === 'continue' ? 'continue' : 'generate', partial);
			if (reply === null) return;
			await this.finish(phase, partial ? joinContinuation(partial, reply) : reply, controller);
		} finally {
			this.#pending = null;
			this.generating = null;
			this.#abort = null;
		}
	}

	/**
	 * A network read can bring hundreds of chunks, handled one after another in the same task; the
	 * text so far is published once that task is over rather than once per chunk, so the view is
	 * not updated hundreds of times in a row for a single paint.
	 */
	private publish(phase: Phase, text: string, prefix: string): void {
		const scheduled = this.#pending !== null;
		this.#pending = { phase, text, prefix };
		if (scheduled) return;
		setTimeout(() => {
			const latest = this.#pending;
			this.#pending = null;
			if (!latest || this.generating?.phase !== latest.phase) return;
			const text = latest.prefix ? joinContinuation(latest.prefix, latest.text) : latest.text;
			this.generating = { phase: latest.phase, text, waitUntil: null };
		});
	}

	/** Cleans the reply up; when it is still not the format, asks once for a repair. */
	private async finish(phase: Phase, raw: string, controller: AbortController): Promise<void> {
		let checked = checkGenerated(raw, phase, this.docs);
		if (!checked.ok) {
			const repaired = await this.request(phase, buildRepairMessages(phase, checked.text, checked.problems), controller, 'repair', '');
			if (repaired !== null) checked = checkGenerated(repaired, phase, this.docs);
		}
		await this.saveDoc(phase, checked.text);
		if (!checked.ok) {
			this.setProblem(phase, {
				message: `The model's ${phaseFile(phase)} is not in the expected format: ${checked.problems.join('; ')}.`,
				hint: 'The text is kept. Edit it by hand, generate again, or try a stronger model.'
			});
		}
	}

	/** One logical request with retries. Returns null when it ended without a usable reply. */
	private async request(
		phase: Phase,
		messages: ReturnType<typeof buildGenerationMessages>,
		controller: AbortController,
		kind: RequestKind,
		prefix: string
	): Promise<string | null> {
		const llm = this.deps.llm();
		for (let attempt = 1; ; attempt++) {
			try {
				const result = await this.deps.chat(
					{ baseURL: llm.baseURL, apiKey: llm.apiKey, model: llm.model, messages, signal: controller.signal },
					(text) => this.publish(phase, text, prefix)
				);
				await this.record(phase, kind, result.usage, 'ok');
				return result.text;
			} catch (error) {
				if (!this.deps.isChatFailure(error)) throw error;
				const { failure, partial, usage } = error;
				this.#pending = null;
				await this.record(phase, kind, usage, failure.kind === 'aborted' ? 'aborted' : 'error');
				const decision = decideRetry(failure, attempt);
				if (decision.action === 'retry') {
					this.generating = { phase, text: prefix, waitUntil: this.deps.now() + decision.delayMs };
					await this.deps.sleep(decision.delayMs, controller.signal).catch(() => undefined);
					if (controller.signal.aborted) return null;
					continue;
				}
				// Whatever arrived before a stop or a cut is kept, and Continue carries on from it.
				const kept = prefix ? joinContinuation(prefix, partial) : partial;
				if (kept.trim() !== '') await this.saveDoc(phase, kept);
				if (decision.problem === 'aborted') {
					if (kept.trim() !== '') this.setProblem(phase, { message: 'Stopped. What arrived is kept.', hint: '', canContinue: true });
					return null;
				}
				this.setProblem(phase, {
					message: decision.message,
					hint: decision.hint,
					settingsLink: decision.settingsLink,
					canContinue: kept.trim() !== '' && (decision.problem === 'cut' || decision.problem === 'network' || decision.problem === 'server-error')
				});
				return null;
			}
		}
	}

	private upstream(phase: Phase): Partial<Record<Phase, string>> {
		const before = this.order.slice(0, this.order.indexOf(phase));
		return Object.fromEntries(before.flatMap((p) => (this.docs[p] !== undefined ? [[p, this.docs[p]]] : [])));
	}

	private async context() {
		const paths = (await this.deps.fs.list()).filter((e) => e.kind === 'file').map((e) => e.path);
		const steeringFiles = await Promise.all(
			steeringCandidates(paths).map(async (path) => ({ path, content: await this.deps.fs.readText(path) }))
		);
		return { steering: alwaysIncludedSteering(steeringFiles), projectSummary: projectSummary(paths) };
	}

	private async record(phase: Phase, kind: RequestKind, usage: TokenUsage | null, outcome: 'ok' | 'error' | 'aborted') {
		const llm = this.deps.llm();
		const tokens = usage ?? { input: 0, output: 0, cached: 0 };
		const { usd, priced } = costOf(tokens, llm.model, DEFAULT_PRICES, llm.providerId);
		await this.deps.records.addUsage({
			id: this.deps.newId(),
			at: this.deps.now(),
			providerId: llm.providerId,
			model: llm.model,
			purpose: { projectId: this.deps.projectId, spec: this.name, phase, kind },
			tokens,
			usd,
			priced,
			outcome
		});
	}

	private setProblem(phase: Phase, problem: Problem | undefined): void {
		const next = { ...this.problems };
		if (problem) next[phase] = problem;
		else delete next[phase];
		this.problems = next;
	}

	private async touch(): Promise<void> {
		const existing = await this.deps.records.specMeta(this.deps.projectId, this.name);
		const record: SpecMetaRecord = {
			projectId: this.deps.projectId,
			spec: this.name,
			prompt: this.prompt,
			approvals: $state.snapshot(this.approvals),
			archived: existing?.archived ?? false,
			lastActivity: this.deps.now()
		};
		await this.deps.records.putSpecMeta(record);
	}
}
