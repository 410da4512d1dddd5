// Browser side of the fake WebContainer backend: runs in the hidden iframe the real
// `@webcontainer/api` client loads from `<origin>/headless`. It exposes the client's protocol with the
// client's own Comlink copy and forwards every call to the Node server: calls as JSON over fetch,
// and output, exits, watch events and ports back over one streamed response per booted instance.

/**
 * @typedef {{ expose(obj: unknown, ep: MessagePort): void, proxy<T>(obj: T): T }} ComlinkApi
 * @typedef {(...args: unknown[]) => unknown} Listener
 * @typedef {{ cwd: string, path: string }} RuntimeInfo
 * @typedef {{
 *   stdout?: Listener, stderr?: Listener, output?: Listener,
 *   resolveExit?: (code: number) => void, chain: Promise<unknown>, early: Record<string, unknown>[]
 * }} ProcRecord
 */

/** @param {Uint8Array} bytes */
function toBase64(bytes) {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

/** @param {string} b64 */
function fromBase64(b64) {
	const s = atob(b64);
	const bytes = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
	return bytes;
}

/** @param {unknown} value @returns {unknown} */
function encode(value) {
	if (value instanceof Uint8Array) return { $b64: toBase64(value) };
	if (value instanceof ArrayBuffer) return { $b64: toBase64(new Uint8Array(value)) };
	if (Array.isArray(value)) return value.map(encode);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
	return value;
}

/** @param {unknown} value @returns {unknown} */
function decode(value) {
	if (Array.isArray(value)) return value.map(decode);
	if (value && typeof value === 'object') {
		if ('$b64' in value) return fromBase64(String(value.$b64));
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
	}
	return value;
}

/**
 * @param {ComlinkApi} Comlink the client's vendored Comlink
 * @param {string} token proves to the server that calls come from this page
 */
export function startHeadless(Comlink, token) {
	/** @param {string} op @param {unknown[]} args @param {string} [session] */
	const rpc = async (op, args, session) => {
		const res = await fetch('./rpc', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-wc-token': token },
			body: JSON.stringify({ op, session, args: encode(args) })
		});
		const body = await res.json();
		if (body.error) throw new Error(body.error);
		return decode(body.value);
	};

	const server = {
		/** @param {{ workdirName?: string }} options */
		async build(options) {
			const { session, runtimeInfo } = /** @type {{ session: string, runtimeInfo: RuntimeInfo }} */ (
				await rpc('build', [{ workdirName: options?.workdirName }])
			);
			const events = await fetch(`./events?session=${session}`, { headers: { 'x-wc-token': token } });
			return Comlink.proxy(createInstance(Comlink, (op, args) => rpc(op, args, session), runtimeInfo, events));
		}
	};
	const { port1, port2 } = new MessageChannel();
	Comlink.expose(server, port1);
	window.parent.postMessage({ type: 'init' }, '*', [port2]);
}

/**
 * @param {ComlinkApi} Comlink
 * @param {(op: string, args: unknown[]) => Promise<unknown>} call
 * @param {RuntimeInfo} runtimeInfo
 * @param {Response} events
 */
function createInstance(Comlink, call, runtimeInfo, events) {
	/** @type {Map<string, Set<Listener>>} */
	const listeners = new Map();
	/** @type {Map<number, ProcRecord>} */
	const procs = new Map();
	/** @type {Map<number, Listener>} */
	const watchers = new Map();

	/** @param {number} id */
	const proc = (id) => {
		let rec = procs.get(id);
		if (!rec) procs.set(id, (rec = { chain: Promise.resolve(), early: [] }));
		return rec;
	};
	/** @param {string} name @param {unknown[]} args */
	const fire = (name, ...args) => {
		for (const l of listeners.get(name) ?? []) Promise.resolve(l(...args)).catch(() => {});
	};
	/** @param {Record<string, unknown>} e */
	const onProcEvent = (e) => {
		const rec = proc(Number(e.id));
		if (!rec.resolveExit) return void rec.early.push(e);
		// Output is delivered in order, and the exit only after all output reached the client.
		if (e.t === 'data') {
			const cb = /** @type {Record<string, Listener | undefined>} */ (/** @type {unknown} */ (rec))[String(e.stream)];
			const bytes = fromBase64(String(e.d));
			if (cb) rec.chain = rec.chain.then(() => cb(bytes)).catch(() => {});
		} else {
			const exit = rec.resolveExit;
			rec.chain
				.then(() => Promise.allSettled([rec.output, rec.stdout, rec.stderr].map((cb) => cb && cb(null))))
				.then(() => exit(Number(e.code)));
			procs.delete(Number(e.id));
		}
	};
	/** @param {Record<string, unknown>} e */
	const dispatch = (e) => {
		if (e.t === 'data' || e.t === 'exit') onProcEvent(e);
		else if (e.t === 'watch') {
			const listener = watchers.get(Number(e.id));
			if (listener) Promise.resolve(listener(e.event, e.filename)).catch(() => {});
		}
		else if (e.t === 'port') fire('port', e.port, e.type, e.url);
		else if (e.t === 'server-ready') fire('server-ready', e.port, e.url);
		else if (e.t === 'error') fire('error', { message: e.message });
	};
	void (async () => {
		const reader = /** @type {ReadableStream<Uint8Array>} */ (events.body).getReader();
		const decoder = new TextDecoder();
		let buffered = '';
		for (;;) {
			const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
			if (done || !value) return;
			buffered += decoder.decode(value, { stream: true });
			const lines = buffered.split('\n');
			buffered = lines.pop() ?? '';
			for (const line of lines) if (line) dispatch(JSON.parse(line));
		}
	})();

	const fs = {
		/** @param {string} path @param {string} [encoding] */
		readFile: (path, encoding) => call('readFile', [path, encoding ?? null]),
		/** @param {string} path @param {string | Uint8Array} data @param {unknown} [options] */
		writeFile: (path, data, options) => call('writeFile', [path, data, options ?? null]),
		/** @param {string} path @param {unknown} [options] */
		readdir: (path, options) => call('readdir', [path, options ?? null]),
		/** @param {string} path @param {unknown} [options] */
		mkdir: (path, options) => call('mkdir', [path, options ?? null]),
		/** @param {string} path @param {unknown} [options] */
		rm: (path, options) => call('rm', [path, options ?? null]),
		/** @param {string} from @param {string} to */
		rename: (from, to) => call('rename', [from, to]),
		/** @param {string} path @param {unknown} options @param {Listener} listener */
		async watch(path, options, listener) {
			const id = Number(await call('watch', [path, options ?? null]));
			if (listener) watchers.set(id, listener);
			return Comlink.proxy({
				async close() {
					watchers.delete(id);
					await call('unwatch', [id]);
				}
			});
		}
	};

	return {
		fs: () => Comlink.proxy(fs),
		previewScript: () => '',
		runtimeInfo: () => runtimeInfo,
		setPreviewScript: () => undefined,
		setCredentials: () => undefined,
		/**
		 * @param {{ command: string, args?: string[], cwd?: string, env?: Record<string, unknown>, terminal?: { cols: number, rows: number } }} options
		 * @param {Listener} [stdout] @param {Listener} [stderr] @param {Listener} [output]
		 */
		async run(options, stdout, stderr, output) {
			const id = Number(await call('run', [options]));
			const rec = proc(id);
			Object.assign(rec, { stdout, stderr, output });
			/** @type {Promise<number>} */
			const onExit = new Promise((resolve) => (rec.resolveExit = resolve));
			for (const e of rec.early.splice(0)) onProcEvent(e);
			// Keystrokes and resizes reach the process in the order they were made, one call at a time.
			/** @type {Promise<unknown>} */
			let queue = Promise.resolve();
			/** @param {string} op @param {unknown[]} args */
			const inOrder = (op, args) => (queue = queue.then(() => call(op, [id, ...args])).catch(() => {}));
			return Comlink.proxy({
				onExit,
				/** @param {string | Uint8Array} data */
				write: (data) => inOrder('write', [data]),
				kill: () => inOrder('kill', []),
				/** @param {{ cols: number, rows: number }} size */
				resize: (size) => inOrder('resize', [size])
			});
		},
		/** @param {string} event @param {Listener} listener */
		on(event, listener) {
			const set = listeners.get(event) ?? new Set();
			listeners.set(event, set);
			set.add(listener);
			return Comlink.proxy(() => void set.delete(listener));
		},
		/** @param {Uint8Array} payload @param {{ mountPoints?: string }} [options] */
		loadFiles: (payload, options) => call('loadFiles', [payload, options?.mountPoints ?? null]),
		/** @param {string} path @param {unknown} options */
		serialize: (path, options) => call('serialize', [path, options ?? {}]),
		teardown: () => call('teardown', [])
	};
}
