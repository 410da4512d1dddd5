import { SpecSession, type SpecDeps } from './spec-session.svelte';
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

	private readonly deps: SpecDeps;

	constructor(
		private readonly workspace: Workspace,
		deps: SpecDeps
	) {
		// Any change a session makes (a document, an approval) refreshes the dashboard rows.
		this.deps = { ...deps, touched: () => void this.summarize().catch(() => undefined) };
	}

	/** Dashboard rows: every spec's phase, approvals, stale marks and task progress. */
	async summarize(): Promise<void> {
		const fs = this.deps.fs;
		const rows = await Promise.all(
			this.names.map(async (name) => {
				const dir = specDir(name);
				const read = (file: string) => (this.workspace.isFile(`${dir}/${file}`) ? fs.readText(`${dir}/${file}`) : Promise.resolve(undefined));
				const docs: Partial<Record<Phase, string>> = {};
				for (const [phase, file] of Object.entries(PHASE_FILE) as Array<[Phase, string]>) {
					const text = await read(file);
					if (text !== undefined) docs[phase] = text;
				}
				const meta = await this.deps.records.specMeta(this.deps.projectId, name);
				return specSummary({
					name,
					configText: await read('.config.kiro'),
					docs,
					approvals: meta?.approvals ?? [],
					archived: meta?.archived ?? false,
					lastActivity: meta?.lastActivity ?? 0
				});
			})
		);
		this.summaries = rows.sort((a, b) => b.lastActivity - a.lastActivity || a.name.localeCompare(b.name));
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

	get session(): SpecSession | null {
		return this.active ? (this.#sessions.get(this.active) ?? null) : null;
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

	/** Writes the spec folder with its .config.kiro, then starts the first phase. */
	async create(spec: NewSpec): Promise<SpecSession> {
		const name = validateSpecName(spec.name, this.names);
		const config = newConfigJson(this.deps.newId(), spec.specType, spec.workflowType);
		await this.deps.fs.writeFile(`${specDir(name)}/.config.kiro`, config);
		await this.deps.records.putSpecMeta({
			projectId: this.deps.projectId,
			spec: name,
			prompt: spec.prompt.trim(),
			approvals: [],
			archived: false,
			lastActivity: this.deps.now()
		});
		await this.workspace.refresh();
		await this.summarize();
		const session = await this.open(name);
		const first = phaseOrder(spec.specType, spec.workflowType)[0];
		if (spec.quick) void session.generateQuick();
		else if (first) void session.generate(first);
		return session;
	}
}
