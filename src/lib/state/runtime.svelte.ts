import type { ExecOptions, ExecResult, ProjectFileSystem, Runtime, RuntimeHost, RuntimeProcess, TerminalSize } from '../core/ports';
import { SpecwrightError, errorMessage, isAbort } from '../core/errors';
import { RuntimeMirror, type FileChangeSink } from '../core/runtime/mirror';
import { DEFAULT_SYNC_EXCLUDES, excludeMatcher } from '../core/runtime/excludes';
import { needsReload } from '../core/runtime/boot-failure';
import { packageScripts, type PackageScript } from '../core/runtime/scripts';
import { previewUrl } from '../core/runtime/preview';

export type RuntimeStatus = 'idle' | 'booting' | 'ready' | 'failed' | 'unavailable';

export interface TerminalTab {
	id: number;
	title: string;
	command: string;
	args: string[];
	running: boolean;
	exitCode: number | null;
}

export interface RuntimeDeps {
	host: () => Promise<RuntimeHost>;
	/** The persistent files themselves (not the notifying wrapper). */
	store: ProjectFileSystem;
	workdirName: string;
	timeoutMs: number;
	/** Patterns that never sync back, read when a runtime starts. */
	excludes: () => Promise<readonly string[]>;
	/** Files a process changed reached the persistent copy. */
	onSynced: (paths: string[]) => void;
	onError: (error: unknown) => void;
	reload: () => void;
}

/**
 * One project's runtime: booted only when the user asks, a mirror of the persistent files while it
 * runs, terminals, and the preview. Without one (not started, unsupported, failed) everything else
 * keeps working, and `failure` says why commands cannot run.
 */
export class RuntimeSession {
	status = $state<RuntimeStatus>('idle');
	failure = $state<{ code?: string; message: string; hint?: string } | null>(null);
	terminals = $state<TerminalTab[]>([]);
	activeTerminal = $state<number | null>(null);
	previewUrl = $state<string | null>(null);
	scripts = $state<PackageScript[]>([]);
	mountedFiles = $state(0);

	#runtime: Runtime | null = null;
	#mirror: RuntimeMirror | null = null;
	#cleanups: Array<() => void> = [];
	// Live processes are handles, not shown state: kept out of the reactive tabs on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#processes = new Map<number, RuntimeProcess>();
	#nextId = 1;
	#disposed = false;

	constructor(private readonly deps: RuntimeDeps) {}

	/** Where the persistent file system reports writes: the mirror while a runtime boots or runs. */
	sink(): FileChangeSink | null {
		return this.#mirror;
	}

	get ready(): boolean {
		return this.status === 'ready';
	}

	/** Says early, without loading the runtime, when this browser cannot run one. */
	async probe(): Promise<void> {
		const problem = (await this.deps.host()).check();
		if (problem && this.status === 'idle') this.#fail('unavailable', problem);
	}

	async start(): Promise<void> {
		if (this.status === 'booting' || this.status === 'ready') return;
		this.status = 'booting';
		this.failure = null;
		try {
			const host = await this.deps.host();
			const problem = host.check();
			if (problem) throw problem;
			const runtime = await host.boot({ workdirName: this.deps.workdirName, timeoutMs: this.deps.timeoutMs });
			if (this.#disposed) return void runtime.teardown();
			this.#runtime = runtime;
			const mirror = new RuntimeMirror(runtime, this.deps.store, {
				excluded: excludeMatcher(await this.deps.excludes().catch(() => DEFAULT_SYNC_EXCLUDES)),
				onSynced: (paths) => {
					if (paths.includes('package.json')) void this.loadScripts();
					this.deps.onSynced(paths);
				},
				onError: this.deps.onError
			});
			// Set before mounting: saves made while the files are copied queue up and follow.
			this.#mirror = mirror;
			this.mountedFiles = await mirror.mount();
			this.#cleanups.push(
				runtime.watch((path) => mirror.changedInRuntime(path)),
				runtime.onServerReady((_port, url) => (this.previewUrl = previewUrl(url))),
				runtime.onPort((_port, type, url) => {
					if (type === 'close' && url === this.previewUrl) this.previewUrl = null;
				})
			);
			this.status = 'ready';
			await this.loadScripts();
		} catch (error) {
			await this.#release();
			if (isAbort(error)) return void (this.status = 'idle');
			this.#fail('failed', error);
		}
	}

	/** After a timeout the client is stuck for the page's life: only a reload can boot again. */
	async retry(): Promise<void> {
		if (needsReload(this.failure?.code)) return this.deps.reload();
		this.status = 'idle';
		await this.start();
	}

	async restart(): Promise<void> {
		await this.#release();
		this.status = 'idle';
		await this.start();
		if ((this.status as RuntimeStatus) === 'failed') this.deps.reload();
	}

	/** A new terminal tab; the view spawns its process once it knows its size. */
	openTerminal(command = 'jsh', args: string[] = [], title?: string): TerminalTab {
		this.#requireReady();
		const id = this.#nextId++;
		const tab: TerminalTab = { id, title: title ?? `Terminal ${id}`, command, args, running: false, exitCode: null };
		this.terminals = [...this.terminals, tab];
		this.activeTerminal = tab.id;
		return tab;
	}

	runScript(name: string): TerminalTab {
		return this.openTerminal('npm', ['run', name], name);
	}

	/** Starts the tab's process; called by the terminal view. */
	async attach(id: number, size: TerminalSize): Promise<RuntimeProcess> {
		const runtime = this.#requireReady();
		const tab = this.terminals.find((t) => t.id === id);
		if (!tab) throw new SpecwrightError('terminal-closed', 'The terminal was closed.');
		// A snapshot: a reactive proxy cannot cross into the runtime's worker.
		const process = await runtime.spawn(tab.command, $state.snapshot(tab.args), { terminal: { cols: size.cols, rows: size.rows } });
		this.#processes.set(id, process);
		this.#update(id, { running: true });
		process.exit.then(
			(code) => {
				this.#processes.delete(id);
				this.#update(id, { running: false, exitCode: code });
			},
			() => this.#update(id, { running: false })
		);
		return process;
	}

	stop(id = this.activeTerminal): void {
		if (id === null) return;
		this.#processes.get(id)?.kill();
	}

	closeTerminal(id: number): void {
		this.stop(id);
		this.#processes.delete(id);
		const index = this.terminals.findIndex((t) => t.id === id);
		this.terminals = this.terminals.filter((t) => t.id !== id);
		if (this.activeTerminal === id) this.activeTerminal = this.terminals[Math.min(index, this.terminals.length - 1)]?.id ?? null;
	}

	/** Runs a command to its end for the agent and hooks; says why when no runtime is up. */
	exec(command: string, args: string[], options?: ExecOptions): Promise<ExecResult> {
		return this.#requireReady().exec(command, args, options);
	}

	async loadScripts(): Promise<void> {
		const text = await this.deps.store.readText('package.json').catch(() => null);
		this.scripts = packageScripts(text);
	}

	dispose(): void {
		this.#disposed = true;
		void this.#release();
	}

	#requireReady(): Runtime {
		if (this.#runtime && this.status === 'ready') return this.#runtime;
		throw new SpecwrightError('runtime-unavailable', this.failure?.message ?? 'No runtime is running for this project.', {
			hint: this.failure?.hint ?? 'Start the runtime in the Terminal panel to run commands.'
		});
	}

	#update(id: number, patch: Partial<TerminalTab>): void {
		const tab = this.terminals.find((t) => t.id === id);
		if (tab) Object.assign(tab, patch);
	}

	#fail(status: 'failed' | 'unavailable', error: unknown): void {
		this.status = status;
		this.failure = errorMessage(error);
	}

	async #release(): Promise<void> {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		for (const process of this.#processes.values()) process.kill();
		this.#processes.clear();
		this.#mirror?.queue.clear();
		this.#mirror = null;
		this.terminals = [];
		this.activeTerminal = null;
		this.previewUrl = null;
		const runtime = this.#runtime;
		this.#runtime = null;
		await runtime?.teardown().catch(() => {});
	}
}
