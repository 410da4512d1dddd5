import { SpecSession } from './spec-session.svelte';
import type { SpecDeps } from './spec-deps';
import type { Workspace } from './workspace.svelte';
import { newConfigJson, PHASE_FILE, phaseOrder, specDir, specSummary, validateSpecName, type Phase, type SpecSummary, type SpecType, type WorkflowType } from '../core/workflow';

export interface NewSpec {
	name: string;
	prompt: string;
	specType: SpecType;
	workflowType: WorkflowType;
	/** All documents in one pass, without approval gates in between. */
	quick: boolean;
}

/** The project's specs: the folders under .kiro/specs, and the one open in the spec view. */
export class Specs {
	active = $state<string | null>(null);
	summaries = $state<SpecSummary[]>([]);
	// Sessions are a cache of loaded specs, not shown state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#sessions = new Map<string, SpecSession>();
	/** Which read of the dashboard each spec's row last started in (see `summarize`). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#latestRead = new Map<string, number>();
	#reads = 0;

	private readonly deps: SpecDeps;

	constructor(
		private readonly workspace: Workspace,
		deps: SpecDeps
	) {
		this.deps = {
			...deps,
			// A prompt's file list comes from the tree already in memory: no storage read before a request.
			paths: () => workspace.entries.filter((e) => e.kind === 'file').map((e) => e.path),
			// Any change a session makes (a document, an approval) refreshes that spec's dashboard row.
			touched: (spec) => {
				void this.summarize(spec).catch(() => undefined);
				deps.touched?.(spec);
			}
		};
	}

	/**
	 * Dashboard rows: every spec's phase, approvals, stale marks and task progress. With `only`, just
	 * that spec's row is read again: a session's change touches one spec, and each row reads all of
	 * its documents.
	 */
	async summarize(only?: string): Promise<void> {
		const one = only !== undefined && this.names.includes(only);
		const names = one ? [only] : this.names;
		const read = ++this.#reads;
		for (const name of names) this.#latestRead.set(name, read);
		const rows = await Promise.all(names.map((name) => this.summaryOf(name)));
		// Reads overlap (a job's writes and an approval each ask for one): a read that started later
		// holds the newer row, whichever finishes first, so an older read never replaces it.
		const fresh = rows.filter((row) => this.#latestRead.get(row.name) === read);
		const kept = this.summaries.filter((s) => !fresh.some((row) => row.name === s.name) && (one || names.includes(s.name)));
		this.summaries = [...kept, ...fresh].sort((a, b) => b.lastActivity - a.lastActivity || a.name.localeCompare(b.name));
	}

	private async summaryOf(name: string): Promise<SpecSummary> {
		const fs = this.deps.fs;
		const dir = specDir(name);
		// From the store, not the file tree: a document written a moment ago may not be listed yet.
		const read = (file: string) => fs.readText(`${dir}/${file}`).catch(() => undefined);
		// All at once: each read waits on the store, and a dashboard reads every spec.
		const phases = Object.entries(PHASE_FILE) as Array<[Phase, string]>;
		const [texts, configText, meta] = await Promise.all([
			Promise.all(phases.map(([, file]) => read(file))),
			read('.config.kiro'),
			this.deps.records.specMeta(this.deps.projectId, name)
		]);
		const docs: Partial<Record<Phase, string>> = {};
		phases.forEach(([phase], i) => {
			const text = texts[i];
			if (text !== undefined) docs[phase] = text;
		});
		return specSummary({
			name,
			configText,
			docs,
			approvals: meta?.approvals ?? [],
			archived: meta?.archived ?? false,
			lastActivity: meta?.lastActivity ?? 0
		});
	}

	async setArchived(name: string, archived: boolean): Promise<void> {
		const meta = await this.deps.records.specMeta(this.deps.projectId, name);
		await this.deps.records.putSpecMeta({
			...meta,
			projectId: this.deps.projectId,
			spec: name,
			prompt: meta?.prompt ?? '',
			approvals: meta?.approvals ?? [],
			archived,
			lastActivity: this.deps.now()
		});
		await this.summarize();
	}

	get names(): string[] {
		return this.workspace.entries
			.filter((e) => e.kind === 'dir' && /^\.kiro\/specs\/[^/]+$/.test(e.path))
			.map((e) => e.path.slice('.kiro/specs/'.length));
	}

	/** Some spec is writing or storing a document (see `SpecSession.busy`). */
	get busy(): boolean {
		for (const session of this.#sessions.values()) if (session.busy) return true;
		return false;
	}

	get session(): SpecSession | null {
		return this.active ? (this.#sessions.get(this.active) ?? null) : null;
	}

	/**
	 * Another tab changed these specs (their files or records): their rows are read again, and a loaded
	 * one that is not busy reads its documents and record again. A busy one keeps what it has: what it
	 * is writing lands after the other tab's change.
	 */
	async changedElsewhere(names: readonly string[]): Promise<void> {
		await Promise.all(names.map((name) => this.#sessions.get(name)).map((session) => (session && !session.busy ? session.load() : undefined)));
		await this.summarize(names.length === 1 ? names[0] : undefined);
	}

	async open(name: string): Promise<SpecSession> {
		let session = this.#sessions.get(name);
		if (!session) {
			session = new SpecSession(name, this.deps);
			await session.load();
			this.#sessions.set(name, session);
		}
		this.active = name;
		return session;
	}

	/**
	 * Starts the first phase at once and writes the spec folder (its .config.kiro and record) while
	 * the request is on its way: a new spec has nothing to read, and the model's first words are
	 * what the user waits for. The session writes no document before the folder is written; when
	 * that fails, the generation is stopped, the spec is closed and the error thrown.
	 */
	async create(spec: NewSpec): Promise<SpecSession> {
		const name = validateSpecName(spec.name, this.names);
		const config = newConfigJson(this.deps.newId(), spec.specType, spec.workflowType);
		const session = new SpecSession(name, this.deps);
		session.prefetch();
		const configPath = `${specDir(name)}/.config.kiro`;
		const folder = this.deps.fs.writeFile(configPath, config);
		const created = folder.then(() =>
			this.deps.records.putSpecMeta({
				projectId: this.deps.projectId,
				spec: name,
				prompt: spec.prompt.trim(),
				approvals: [],
				archived: false,
				lastActivity: this.deps.now()
			})
		);
		session.begin({ specType: spec.specType, workflowType: spec.workflowType, prompt: spec.prompt.trim() }, { folder, created });
		const first = phaseOrder(spec.specType, spec.workflowType)[0];
		if (spec.quick) void session.generateQuick();
		else if (first) void session.generate(first);
		// The view opens in the next task: with the client loaded, the request has gone out in this one,
		// and drawing the view first would only delay it. Streamed text is then shown as it arrives.
		const previous = this.active;
		this.#sessions.set(name, session);
		const opening = setTimeout(() => (this.active = name));
		try {
			await created;
		} catch (error) {
			clearTimeout(opening);
			session.stop();
			this.#sessions.delete(name);
			if (this.active === name) this.active = previous;
			throw error;
		}
		clearTimeout(opening);
		this.active = name;
		// The tree lists the new folder before its row is read (see `names`).
		await (this.deps.written?.(configPath) ?? this.workspace.refresh());
		// Only the new row: the others have not changed, and reading every spec would hold up the stream.
		void this.summarize(name).catch(() => undefined);
		return session;
	}
}
