import { WebContainer, type FileSystemTree, type WebContainerProcess } from '@webcontainer/api';
import type { ExecOptions, ExecResult, Runtime, RuntimeBootOptions, RuntimeEntry, RuntimeProcess } from '../../core/ports';
import { classifyBootFailure } from '../../core/runtime/boot-failure';
import { toMountTree } from '../../core/runtime/file-tree';
import { dirname } from '../../core/fs/paths';
import { pageEnvironment } from './host';
import { collectExit } from './exec';

/**
 * Boots the WebContainer client. Loaded with a dynamic import only when the user starts a runtime.
 * The client never settles when its backend cannot be reached, so the boot races a timer; after a
 * timeout the client stays stuck (it caches the pending boot), and only a page reload helps.
 */
export async function bootWebContainer(options: RuntimeBootOptions): Promise<Runtime> {
	options.signal?.throwIfAborted();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
	const booting = WebContainer.boot({ coep: 'credentialless', workdirName: options.workdirName });
	let outcome: WebContainer | 'timeout';
	try {
		outcome = await Promise.race([booting, timeout]);
	} catch (error) {
		throw classifyBootFailure({ timedOut: false, error }, pageEnvironment());
	} finally {
		clearTimeout(timer);
	}
	if (outcome === 'timeout') {
		// Should it start after all, it would hold the one instance a page may have: release it.
		booting.then((late) => late.teardown()).catch(() => {});
		throw classifyBootFailure({ timedOut: true }, pageEnvironment());
	}
	if (options.signal?.aborted) {
		outcome.teardown();
		options.signal.throwIfAborted();
	}
	return new WebContainerRuntime(outcome);
}

function errorCode(error: unknown): string {
	const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
	return /ENOENT/.test(text) ? 'ENOENT' : /EISDIR/.test(text) ? 'EISDIR' : /ENOTDIR/.test(text) ? 'ENOTDIR' : '';
}

class WebContainerRuntime implements Runtime {
	constructor(private readonly wc: WebContainer) {}

	async mount(files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
		await this.wc.mount(toMountTree(files) as FileSystemTree);
	}

	async writeFile(path: string, data: string | Uint8Array): Promise<void> {
		await this.#ensureParent(path);
		await this.wc.fs.writeFile(path, data);
	}

	async mkdir(path: string): Promise<void> {
		await this.wc.fs.mkdir(path, { recursive: true });
	}

	async remove(path: string): Promise<void> {
		await this.wc.fs.rm(path, { recursive: true, force: true });
	}

	async rename(from: string, to: string): Promise<void> {
		await this.#ensureParent(to);
		await this.wc.fs.rename(from, to);
	}

	async inspect(path: string): Promise<RuntimeEntry> {
		try {
			return { kind: 'file', data: await this.wc.fs.readFile(path) };
		} catch (error) {
			const code = errorCode(error);
			if (code === 'ENOENT' || code === 'ENOTDIR') return null;
			if (code !== 'EISDIR') throw error;
		}
		return { kind: 'dir', names: await this.wc.fs.readdir(path) };
	}

	async spawn(command: string, args: string[], options: Parameters<Runtime['spawn']>[2] = {}): Promise<RuntimeProcess> {
		const process = await this.wc.spawn(command, args, { cwd: options.cwd, env: options.env, terminal: options.terminal });
		return wrapProcess(process);
	}

	async exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
		options.signal?.throwIfAborted();
		const process = await this.wc.spawn(command, args, { cwd: options.cwd, terminal: { cols: 160, rows: 40 } });
		return collectExit(process, options);
	}

	watch(listener: (path: string) => void): () => void {
		const watcher = this.wc.fs.watch('.', { recursive: true }, (_event, filename) => {
			const name = typeof filename === 'string' ? filename : new TextDecoder().decode(filename);
			listener(name.replace(/^\.?\/+/, ''));
		});
		return () => watcher.close();
	}

	onServerReady(listener: (port: number, url: string) => void): () => void {
		return this.wc.on('server-ready', listener);
	}

	onPort(listener: (port: number, type: 'open' | 'close', url: string) => void): () => void {
		return this.wc.on('port', listener);
	}

	async teardown(): Promise<void> {
		this.wc.teardown();
	}

	async #ensureParent(path: string): Promise<void> {
		const parent = dirname(path);
		if (parent !== '') await this.wc.fs.mkdir(parent, { recursive: true });
	}
}

function wrapProcess(process: WebContainerProcess): RuntimeProcess {
	const writer = process.input.getWriter();
	return {
		output: process.output,
		exit: process.exit,
		write: (data) => writer.write(data),
		resize: (size) => process.resize(size),
		kill: () => process.kill()
	};
}

