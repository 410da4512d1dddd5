import { SpecSession, type SpecDeps } from './spec-session.svelte';
import type { Workspace } from './workspace.svelte';
import { newConfigJson, phaseOrder, specDir, validateSpecName, type SpecType, type WorkflowType } from '../core/workflow';

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
	// Sessions are a cache of loaded specs, not shown state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#sessions = new Map<string, SpecSession>();

	constructor(
		private readonly workspace: Workspace,
		private readonly deps: SpecDeps
	) {}

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
		const session = await this.open(name);
		const first = phaseOrder(spec.specType, spec.workflowType)[0];
		if (spec.quick) void session.generateQuick();
		else if (first) void session.generate(first);
		return session;
	}
}
