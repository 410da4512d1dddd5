import { approve, buildAnalyzeMessages, parseAnalyzeFindings, phaseOfFile, buildGenerationMessages, buildQuickSpecMessages, buildRefineMessages, buildRepairMessages, splitQuickSpec, cleanModelOutput, checkStructure, joinContinuation, phaseFile, phaseOrder, specDir, specStatus, stoppedReply, type ReplyTarget, type AnalyzeResult, type AnalyzeFinding, type Approval, type Phase, type SpecType, type WorkflowType } from '../core/workflow';
import { parseConfig } from '../core/spec';
import type { RequestKind } from '../core/llm/ledger';
import { errorMessage, isAbort } from '../core/errors';
import { promptInputs } from '../core/steering/always';
import { readPromptContext, type Problem, type PromptContext, type Proposal, type SpecDeps } from './spec-deps';
import { callModel } from './model-call';
import { SpecRecordWriter } from './spec-record';
import { capBlock } from './usage.svelte';
import { StreamPacer } from './stream-pacer';

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
	generating = $state<{
		phase: Phase;
		text: string;
		waitUntil: number | null;
		waitReason?: 'rate-limited' | 'server-error';
		analyzing?: boolean;
	} | null>(null);
	problems = $state<Partial<Record<Phase, Problem>>>({});
	proposal = $state<Proposal | null>(null);
	analysis = $state<AnalyzeResult | null>(null);
	#abort: AbortController | null = null;
	/** The current prompt's parts and sizes, for naming what to cut when it is too long. */
	#inputs: Array<{ name: string; tokens: number }> = [];
	/** Shows streamed text in `generating`, at a pace the view can follow. */
	readonly #streamed = new StreamPacer<{ text: string; prefix: string }>(({ text, prefix }) => {
		if (this.generating) this.generating = { ...this.generating, text: prefix ? joinContinuation(prefix, text) : text, waitUntil: null };
	});
	/** Resolves once the spec's folder is written (at once for a spec that was loaded). */
	#folder: Promise<void> = Promise.resolve();
	/** The spec's record; for a spec just created, its writes wait for the record to exist. */
	readonly #record: SpecRecordWriter;
	/** Bookkeeping a job finishes after the user sees its result (the ledger entry, the record). */
	#tails: Array<Promise<unknown>> = [];
	/** How many of those writes have not settled yet. */
	#unstored = 0;
	/** The last job's bookkeeping; the next job starts after it, so cap checks see its ledger entry. */
	#settling: Promise<void> = Promise.resolve();
	/** The spending-cap check for the job's first request, started with the job. */
	#capCheck: Promise<Problem | null> | null = null;
	/** Set for a spec just created, until its first job: such a spec has no spending cap to read. */
	#uncapped = false;
	/** The project's steering and summary, read ahead for a new spec's first prompt. */
	#context: Promise<PromptContext> | null = null;

	constructor(
		readonly name: string,
		private readonly deps: SpecDeps
	) {
		this.#record = new SpecRecordWriter(deps, name);
	}

	get order(): Phase[] {
		return phaseOrder(this.specType, this.workflowType);
	}

	status = $derived(specStatus({ order: this.order, docs: this.docs, approvals: this.approvals }));

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

	/**
	 * A spec just created: nothing to read. Its folder is being written until `folder` settles, its
	 * record until `created` does: documents wait for the first, the record's updates for both.
	 */
	begin(
		init: { specType: SpecType; workflowType: WorkflowType; prompt: string },
		writing: { folder: Promise<void>; created: Promise<void> }
	): void {
		this.specType = init.specType;
		this.workflowType = init.workflowType;
		this.prompt = init.prompt;
		this.#folder = writing.folder;
		this.#record.created = writing.created;
		// Its record is being written without a cap (caps are per spec), so there is none to check.
		this.#uncapped = true;
	}

	/**
	 * Starts reading what the first prompt needs. Called before the folder is written, so these reads
	 * are not queued behind that write; the first job takes them.
	 */
	prefetch(): void {
		this.#context = this.context();
		// Taken by the first job, or never (no model set up): a failure is seen there, or not at all.
		this.#context.catch(() => undefined);
	}

	/** Writes a document (a manual edit or a generated one); durable before it returns. */
	async saveDoc(phase: Phase, text: string): Promise<void> {
		await this.writeDoc(phase, text);
		await this.touch();
	}

	/** The file first, then `docs`: a document saved by hand is on screen once it is stored. */
	private async writeDoc(phase: Phase, text: string): Promise<void> {
		await this.storeDoc(phase, text);
		this.docs = { ...this.docs, [phase]: text };
	}

	private async storeDoc(phase: Phase, text: string): Promise<void> {
		const path = `${specDir(this.name)}/${phaseFile(phase)}`;
		await this.#folder;
		await this.deps.fs.writeFile(path, text);
		void this.deps.written?.(path);
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
		if (!this.modelReady(phase)) return;
		const partial = mode === 'continue' ? (this.docs[phase] ?? '') : '';
		const existing = this.docs[phase] ?? '';
		// A document that exists is never overwritten by a fresh generation: it becomes a proposal.
		const target = mode === 'fresh' && existing.trim() !== '' ? 'proposal' : 'doc';
		const controller = new AbortController();
		await this.run(phase, controller, partial, async () => {
			const ctx = { specType: this.specType, specName: this.name, featurePrompt: this.prompt, documents: this.upstream(phase), ...(await this.context()) };
			const messages = buildGenerationMessages({ ...ctx, phase, partial: partial || undefined });
			this.#inputs = promptInputs(ctx);
			const reply = await this.request(phase, messages, controller, mode === 'continue' ? 'continue' : 'generate', partial, target);
			if (reply === null) return;
			if (target === 'proposal') this.propose(phase, existing, reply, 'regenerate');
			else await this.finish(phase, partial ? joinContinuation(partial, reply) : reply, controller);
		});
	}

	/** Quick spec: every document in one reply, no gates; each file is cleaned up and written. */
	async generateQuick(): Promise<void> {
		const first = this.order[0];
		if (this.generating || !first || !this.modelReady(first)) return;
		const controller = new AbortController();
		await this.run(first, controller, '', async () => {
			const messages = buildQuickSpecMessages({
				order: this.order,
				specType: this.specType,
				specName: this.name,
				featurePrompt: this.prompt,
				documents: {},
				...(await this.context())
			});
			const reply = await this.request(first, messages, controller, 'generate', '');
			if (reply === null) return;
			const parts = splitQuickSpec(reply);
			const missing = this.order.filter((phase) => !parts[phase]?.trim());
			for (const phase of this.order) {
				const part = parts[phase];
				if (part?.trim()) await this.saveDoc(phase, cleanModelOutput(part, phase).text);
			}
			if (missing.length > 0) {
				this.setProblem(missing[0]!, {
					message: `The reply had no ${missing.map((p) => phaseFile(p)).join(', ')}.`,
					hint: 'Generate the missing documents one by one.'
				});
			}
		});
	}

	/** Asks the model to revise a document along the user's feedback; the result is a proposal. */
	async refine(phase: Phase, feedback: string): Promise<void> {
		const current = this.docs[phase];
		if (this.generating || current === undefined || !this.modelReady(phase)) return;
		const controller = new AbortController();
		await this.run(phase, controller, '', async () => {
			const context = { specType: this.specType, specName: this.name, featurePrompt: this.prompt, documents: this.upstream(phase), ...(await this.context()) };
			const messages = buildRefineMessages(phase, current, feedback, context);
			this.#inputs = promptInputs({ ...context, documents: { ...context.documents, [phase]: current } });
			const reply = await this.request(phase, messages, controller, 'refine', '', 'proposal');
			if (reply !== null) this.propose(phase, current, reply, 'refine');
		});
	}

	/** A model review of all documents: ambiguities, contradictions, missing edge cases. */
	async analyze(): Promise<void> {
		const first = this.order[0];
		if (this.generating || !first || !this.modelReady(first)) return;
		const controller = new AbortController();
		this.analysis = null;
		await this.run(first, controller, '', async () => {
			this.generating = { phase: first, text: '', waitUntil: null, analyzing: true };
			const reply = await this.request(first, buildAnalyzeMessages(this.docs), controller, 'analyze', '', 'none');
			if (reply !== null) this.analysis = parseAnalyzeFindings(reply);
		});
	}

	/** A suggested rewrite becomes a proposal, reviewed as a diff like any other change. */
	applySuggestion(finding: AnalyzeFinding): boolean {
		const phase = phaseOfFile(finding.file);
		const doc = phase ? this.docs[phase] : undefined;
		if (!phase || doc === undefined || finding.original === '' || !doc.includes(finding.original)) return false;
		this.proposal = { phase, original: doc, revised: doc.replace(finding.original, () => finding.suggestion), kind: 'refine' };
		return true;
	}

	async acceptProposal(text: string): Promise<void> {
		const proposal = this.proposal;
		if (!proposal) return;
		await this.saveDoc(proposal.phase, text);
		this.proposal = null;
	}

	rejectProposal(): void {
		this.proposal = null;
	}

	private propose(phase: Phase, original: string, raw: string, kind: Proposal['kind']): void {
		this.proposal = { phase, original, revised: cleanModelOutput(raw, phase).text, kind };
	}

	private modelReady(phase: Phase): boolean {
		const llm = this.deps.llm();
		if (llm.baseURL && llm.model) return true;
		// Read ahead for a job that does not run: a later one reads the project as it is then.
		this.#context = null;
		this.setProblem(phase, { message: 'No model is set up yet.', hint: 'Choose a provider, key and model in Settings.', settingsLink: true });
		return false;
	}

	/** Runs one model job: shows it as in flight, and always clears that, whatever happens. */
	private async run(phase: Phase, controller: AbortController, text: string, body: () => Promise<void>): Promise<void> {
		this.#abort = controller;
		this.#inputs = [];
		this.#streamed.reset();
		this.setProblem(phase, undefined);
		this.generating = { phase, text, waitUntil: null };
		const fail = (error: unknown) => {
			// Anything unexpected still ends the job visibly, next to the document it was for.
			if (!isAbort(error)) {
				const { message, hint } = errorMessage(error);
				this.setProblem(phase, { message, hint: hint ?? 'Try again; if it keeps failing, reload the page.' });
			}
		};
		let settled = () => {};
		const previous = this.#settling;
		this.#settling = new Promise((resolve) => (settled = resolve));
		try {
			await previous;
			// Read while the prompt is built; the first request awaits it (and sees a failure there).
			const capCheck = this.#uncapped ? Promise.resolve(null) : capBlock(this.deps.records, this.deps.projectId, this.name);
			this.#uncapped = false;
			capCheck.catch(() => undefined);
			this.#capCheck = capCheck;
			await body();
		} catch (error) {
			fail(error);
		} finally {
			this.#streamed.reset();
			this.#capCheck = null;
			this.generating = null;
			this.#abort = null;
		}
		// The ledger entry and the spec's record are written after the result is on screen.
		const tails = this.#tails;
		this.#tails = [];
		for (const outcome of await Promise.all(tails)) if (outcome !== null) fail(outcome);
		settled();
	}

	/** Work the job finishes after its result is shown; a failure is reported like the job's own. */
	private later(work: Promise<void>): void {
		this.#unstored++;
		const settled = work.finally(() => this.#unstored--);
		this.#tails.push(settled.then(() => null, (error: unknown) => error ?? new Error('The spec could not be saved.')));
	}

	/** A reply is streaming in, or a shown result is still being stored: leaving the page now would lose it. */
	get busy(): boolean {
		return this.generating !== null || this.#unstored > 0;
	}

	/** Cleans the reply up; when it is still not the format, asks once for a repair. */
	private async finish(phase: Phase, raw: string, controller: AbortController): Promise<void> {
		let checked = checkStructure(raw, phase);
		if (!checked.ok) {
			const repaired = await this.request(phase, buildRepairMessages(phase, checked.text, checked.problems), controller, 'repair', '');
			if (repaired !== null) checked = checkStructure(repaired, phase);
		}
		// Shown first, stored right after: the reader waits for the document, not for the store. The
		// write is the job's bookkeeping (see `later`): the next job waits for it, and a failed write
		// is reported beside the document, which stays on screen to save again.
		this.docs = { ...this.docs, [phase]: checked.text };
		this.later(this.storeDoc(phase, checked.text).then(() => this.touch()));
		if (!checked.ok) {
			this.setProblem(phase, {
				message: `The model's ${phaseFile(phase)} is not in the expected format: ${checked.problems.join('; ')}.`,
				hint: 'The text is kept. Edit it by hand, generate again, or try a stronger model.'
			});
		}
	}

	/** One logical request; returns the reply, or null after saying why there is none. */
	private async request(
		phase: Phase,
		messages: ReturnType<typeof buildGenerationMessages>,
		controller: AbortController,
		kind: RequestKind,
		prefix: string,
		target: ReplyTarget = 'doc'
	): Promise<string | null> {
		const outcome = await callModel({
			deps: this.deps,
			spec: this.name,
			phase,
			kind,
			messages,
			signal: controller.signal,
			inputs: this.#inputs,
			capCheck: this.#capCheck ?? undefined,
			defer: (work) => this.later(work),
			onText: (text) => this.#streamed.push({ text, prefix }),
			onWait: (waitUntil, waitReason) => {
				if (this.generating) this.generating = { ...this.generating, text: prefix, waitUntil, waitReason };
			}
		});
		this.#streamed.reset();
		this.#capCheck = null;
		if (outcome.ok) return outcome.text;
		if ('blocked' in outcome) {
			this.setProblem(phase, outcome.blocked);
			return null;
		}
		const next = stoppedReply(outcome.stop, outcome.partial, prefix, target);
		if (next.propose !== undefined) this.propose(phase, this.docs[phase] ?? '', next.propose, kind === 'refine' ? 'refine' : 'regenerate');
		if (next.keep !== undefined) await this.saveDoc(phase, next.keep);
		if (next.notice) this.setProblem(phase, next.notice);
		return null;
	}

	private upstream(phase: Phase): Partial<Record<Phase, string>> {
		const before = this.order.slice(0, this.order.indexOf(phase));
		return Object.fromEntries(before.flatMap((p) => (this.docs[p] !== undefined ? [[p, this.docs[p]]] : [])));
	}

	private async context(): Promise<PromptContext> {
		const ahead = this.#context;
		this.#context = null;
		return ahead ?? readPromptContext(this.deps);
	}

	private setProblem(phase: Phase, problem: Problem | undefined): void {
		const next = { ...this.problems };
		if (problem) next[phase] = problem;
		else delete next[phase];
		this.problems = next;
	}

	/** Writes the spec's record as it is now (see SpecRecordWriter). */
	private touch(): Promise<void> {
		return this.#record.write(() => ({ prompt: this.prompt, approvals: $state.snapshot(this.approvals) }));
	}
}
