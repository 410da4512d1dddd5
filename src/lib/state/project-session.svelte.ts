import type { RuntimeHost } from '../core/ports';
import { NotifyingFileSystem } from '../core/runtime/notifying-fs';
import { DEFAULT_PRICES } from '../core/llm/pricing';
import { specOfPath } from '../core/workflow';
import type { AppContext } from './app.svelte';
import type { Prices } from './prices.svelte';
import { RuntimeSession } from './runtime.svelte';
import { RuntimeSettings } from './runtime-settings.svelte';
import { Workspace } from './workspace.svelte';
import { ProjectGitState, type RememberedTokens } from './git.svelte';
import { Usage } from './usage.svelte';
import { Specs } from './specs.svelte';
import type { SpecDeps } from './spec-deps';
import type { FileChangeSink } from '../core/runtime/mirror';
import type { ProjectWrites, WrittenElsewhere } from '../platform/tabs/project-writes';

export interface ProjectSessionDeps {
	app: Pick<AppContext, 'files' | 'records' | 'projects' | 'notices' | 'settings' | 'git' | 'prices'>;
	projectId: string;
	/**
	 * The runtime's host, loaded when first asked for. Passed in rather than imported here: the
	 * adapter stays a lazy chunk, and the home page's first paint stays as it is.
	 */
	runtimeHost: () => Promise<RuntimeHost>;
	chat: SpecDeps['chat'];
	isChatFailure: SpecDeps['isChatFailure'];
	/** Reloads the page, when a runtime can only boot in a fresh one. */
	reload: () => void;
	/**
	 * Holds the project for this tab while it is open: told whether this tab owns it, or another tab
	 * has it open too (and when that changes); returns the release.
	 */
	holdProject: (projectId: string, onOwner: (owner: boolean) => void) => () => void;
	/**
	 * Tells the project's other tabs what this one changes, and this one what they change (see
	 * platform/tabs/project-writes). Without it, other tabs are not told.
	 */
	shareWrites?: (projectId: string, onOthers: (written: WrittenElsewhere) => void) => ProjectWrites;
}

/**
 * Everything one open project holds while the workbench shows it: the runtime, the files every
 * writer goes through, the workspace, source control, usage and specs, wired to one another.
 * The workbench only lays them out.
 */
export class ProjectSession {
	readonly runtime: RuntimeSession;
	/** Every write to the project's files also reaches the runtime, while one runs. */
	readonly files: NotifyingFileSystem;
	readonly workspace: Workspace;
	readonly git: ProjectGitState;
	readonly usage: Usage;
	readonly specs: Specs;
	/** The user's price table, null until it has loaded. */
	prices = $state<Prices | null>(null);
	/** The file list has loaded once, so the sidebar views can show it. */
	ready = $state(false);
	/** Another tab has this project open: saves from both could overwrite each other. */
	openElsewhere = $state(false);
	#release = () => {};
	#shared: ProjectWrites | null = null;

	constructor(private readonly deps: ProjectSessionDeps) {
		const { app, projectId } = deps;
		const onError = (e: unknown) => app.notices.error(e);
		this.runtime = new RuntimeSession({
			host: deps.runtimeHost,
			store: app.files.open(projectId),
			workdirName: 'project',
			excludes: () => new RuntimeSettings(app.records).load(),
			timeoutMs: 30_000,
			onSynced: (paths) => void this.#showWritten(paths, 'A command').catch(onError),
			onError,
			reload: deps.reload
		});
		this.files = new NotifyingFileSystem(app.files.open(projectId), () => this.#changes);
		this.workspace = new Workspace(projectId, this.files, () => {
			void app.projects.touch(projectId).catch(onError);
			this.git.changed();
		});
		this.git = new ProjectGitState({
			projectId,
			// Through the notifying files, so a restored file also reaches a running runtime.
			files: this.files,
			loadGit: app.git,
			settings: async () => app.settings.git,
			tokens: { load: async () => (await app.records.setting<RememberedTokens>('gitTokens')) ?? {}, save: (t) => app.records.putSetting('gitTokens', t) },
			onError,
			onRestored: async (path) => {
				await this.workspace.refresh();
				await this.workspace.reload(path);
			}
		});
		this.usage = new Usage(app.records, projectId, () => Date.now());
		this.specs = new Specs(this.workspace, {
			projectId,
			fs: this.files,
			records: app.records,
			llm: () => app.settings.llm,
			chat: deps.chat,
			isChatFailure: deps.isChatFailure,
			sleep: (ms, signal) =>
				new Promise((resolve, reject) => {
					const timer = setTimeout(resolve, ms);
					signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
				}),
			now: () => Date.now(),
			newId: () => crypto.randomUUID(),
			// Until the user's table has loaded (a moment after opening), the defaults price requests.
			prices: () => this.prices?.table ?? DEFAULT_PRICES,
			onRecorded: (entry) => this.usage.add(entry),
			touched: (spec) => this.#shared?.spec(spec),
			written: (path) => {
				this.git.changed();
				return this.#showWritten([path], 'The spec workflow').catch(onError);
			}
		});
	}

	/** Loads what the workbench shows; each failure is a notice, the rest still loads. */
	start(): void {
		const { app } = this.deps;
		const onError = (e: unknown) => app.notices.error(e);
		this.runtime.probe().catch(onError);
		this.usage.load().catch(onError);
		app.prices().then((loaded) => (this.prices = loaded), onError);
		this.#shared = this.deps.shareWrites?.(this.deps.projectId, (written) => void this.#fromOtherTab(written).catch(onError)) ?? null;
		this.#release = this.deps.holdProject(this.deps.projectId, (owner) => {
			const tookOver = owner && this.openElsewhere;
			this.openElsewhere = !owner;
			// The other tab may have saved since this one read the files.
			if (tookOver) void this.#catchUp().catch(onError);
		});
		this.workspace.refresh().then(() => {
			this.ready = true;
			// Git loads after the workbench has painted; a project without a repository gets one here.
			setTimeout(() => this.git.start().catch(onError));
		}, onError);
	}

	/** Where every durable change to the files goes: the runtime, while one runs, and the other tabs. */
	readonly #changes: FileChangeSink = {
		written: (path, data) => (this.runtime.sink()?.written(path, data), this.#shared?.file(path)),
		madeDir: (path) => (this.runtime.sink()?.madeDir(path), this.#shared?.file(path)),
		removed: (path) => (this.runtime.sink()?.removed(path), this.#shared?.file(path)),
		renamed: (from, to) => (this.runtime.sink()?.renamed(from, to), this.#shared?.file(from), this.#shared?.file(to))
	};

	/**
	 * Another tab changed these files or spec records: the tree, clean open tabs, source control and
	 * the specs follow; an open tab with unsaved edits keeps them, and says so.
	 */
	async #fromOtherTab({ paths, specs }: WrittenElsewhere): Promise<void> {
		if (paths.length > 0) this.git.changed();
		const files = paths.filter((p) => !p.startsWith('.git/'));
		if (files.length > 0) await this.#showWritten(files, 'The other tab');
		const named = [...specs, ...files.flatMap((p) => specOfPath(p) ?? [])];
		const changedSpecs = named.filter((name, i) => named.indexOf(name) === i);
		if (changedSpecs.length > 0) await this.specs.changedElsewhere(changedSpecs);
	}

	dispose(): void {
		this.#shared?.close();
		this.#release();
		this.runtime.dispose();
		this.git.dispose();
	}

	/** After another tab let go of the project: what it saved shows here; unsaved edits here are kept. */
	async #catchUp(): Promise<void> {
		await this.workspace.refresh();
		const conflicts = await this.workspace.reloadChanged(this.workspace.tabs.map((t) => t.path));
		if (conflicts.length === 0) return;
		this.deps.app.notices.show(
			'info',
			`The other tab saved ${conflicts.join(', ')} while ${conflicts.length === 1 ? 'it has' : 'they have'} unsaved edits here.`,
			'Your edits are kept; saving replaces what the other tab saved.'
		);
	}

	/**
	 * Files written outside the editor (by a command, or a spec's document): the tree and clean tabs
	 * follow; unsaved tabs keep their edits, and say so.
	 */
	async #showWritten(paths: readonly string[], by: 'A command' | 'The spec workflow' | 'The other tab'): Promise<void> {
		const [, conflicts] = await Promise.all([this.workspace.refresh(), this.workspace.reloadChanged(paths)]);
		if (conflicts.length === 0) return;
		const names = conflicts.join(', ');
		this.deps.app.notices.show(
			'info',
			`${by} changed ${names} while ${conflicts.length === 1 ? 'it has' : 'they have'} unsaved edits.`,
			`Your edits are kept; saving replaces what ${by.charAt(0).toLowerCase()}${by.slice(1)} wrote.`
		);
	}
}
