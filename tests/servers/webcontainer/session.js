// One booted WebContainer, as seen from Node: created by the headless page's `build()`, it runs the
// file-system calls, processes, watchers and preview ports, and queues events (output, exits, watch
// events, ports) for the page's event stream.
import { watch } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { RealProcess } from './processes.js';
import { listeningPorts, startPortProxy } from './ports.js';

/**
 * @typedef {import('./fs-ops.js').Workspace} Workspace
 * @typedef {import('./processes.js').RunOptions} RunOptions
 * @typedef {import('./processes.js').Dimensions} Dimensions
 * @typedef {Record<string, unknown> & { t: string }} SessionEvent
 * @typedef {{ write(line: string): void, end(): void }} EventSink
 */

const PORT_POLL_MS = 200;

export class Session {
	/** @param {Workspace} workspace */
	constructor(workspace) {
		this.id = randomUUID();
		this.workspace = workspace;
		/** @type {SessionEvent[]} events waiting for the page's stream */
		this.queue = [];
		/** @type {EventSink | null} */
		this.sink = null;
		/** @type {Map<number, RealProcess>} */
		this.processes = new Map();
		/** @type {Map<number, import('node:fs').FSWatcher>} */
		this.watchers = new Map();
		/** @type {Map<number, { url: string, close(): Promise<void> }>} */
		this.ports = new Map();
		this.nextId = 1;
		/** @type {NodeJS.Timeout | null} */
		this.pollTimer = null;
		this.closed = false;
		/** @type {Promise<void>} polls run one at a time, so a port never gets two proxies */
		this.polling = Promise.resolve();
	}

	/** @param {SessionEvent} event */
	emit(event) {
		if (this.closed) return;
		if (this.sink) this.sink.write(JSON.stringify(event) + '\n');
		else this.queue.push(event);
	}

	/** @param {EventSink} sink */
	attach(sink) {
		this.sink = sink;
		for (const event of this.queue.splice(0)) sink.write(JSON.stringify(event) + '\n');
	}

	/** @param {RunOptions} options */
	run(options) {
		const id = this.nextId++;
		const cwd = this.workspace.resolve(options.cwd ?? '.');
		const proc = new RealProcess(options, cwd, this.workspace.root, {
			data: (stream, chunk) => this.emit({ t: 'data', id, stream, d: chunk.toString('base64') }),
			exit: (code) => {
				this.processes.delete(id);
				this.emit({ t: 'exit', id, code });
				void this.pollPorts();
			}
		});
		this.processes.set(id, proc);
		this.schedulePoll();
		return id;
	}

	/** @param {number} id */
	process(id) {
		const proc = this.processes.get(id);
		if (!proc) throw new Error('This process already exited');
		return proc;
	}

	/** @param {string} path @param {{ recursive?: boolean, encoding?: BufferEncoding } | null} options */
	watch(path, options) {
		const id = this.nextId++;
		const watcher = watch(this.workspace.resolve(path), { recursive: !!options?.recursive, encoding: 'utf8', persistent: false });
		watcher.on('change', (event, filename) => this.emit({ t: 'watch', id, event, filename: String(filename) }));
		watcher.on('error', () => this.unwatch(id));
		this.watchers.set(id, watcher);
		return id;
	}

	/** @param {number} id */
	unwatch(id) {
		this.watchers.get(id)?.close();
		this.watchers.delete(id);
	}

	schedulePoll() {
		if (this.pollTimer || this.closed) return;
		this.pollTimer = setTimeout(async () => {
			await this.pollPorts();
			this.pollTimer = null;
			if (this.processes.size > 0) this.schedulePoll();
		}, PORT_POLL_MS);
	}

	/** Reports ports the spawned process trees started or stopped listening on. */
	pollPorts() {
		this.polling = this.polling.then(() => this.#poll()).catch(() => {});
		return this.polling;
	}

	async #poll() {
		const pids = [...this.processes.values()].map((p) => p.pid).filter((pid) => pid > 0);
		const now = await listeningPorts(pids);
		if (this.closed) return;
		for (const [port, target] of now) {
			if (this.ports.has(port)) continue;
			const proxy = await startPortProxy(target);
			this.ports.set(port, proxy);
			this.emit({ t: 'port', port, type: 'open', url: proxy.url });
			this.emit({ t: 'server-ready', port, url: proxy.url });
		}
		for (const [port, proxy] of this.ports) {
			if (now.has(port)) continue;
			this.ports.delete(port);
			this.emit({ t: 'port', port, type: 'close', url: proxy.url });
			await proxy.close();
		}
	}

	async teardown() {
		if (this.closed) return;
		this.closed = true;
		if (this.pollTimer) clearTimeout(this.pollTimer);
		for (const proc of this.processes.values()) proc.kill();
		for (const id of this.watchers.keys()) this.unwatch(id);
		await Promise.all([...this.ports.values()].map((p) => p.close()));
		this.ports.clear();
		this.sink?.end();
	}
}
