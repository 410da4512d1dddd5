// Ports opened by the processes a page spawned, found through /proc (Linux only): the socket inodes
// held by the spawned process trees are matched with LISTEN entries of /proc/net/tcp{,6}, so a port
// opened by an unrelated process on the machine is never reported. Each port is exposed through a
// small reverse proxy that adds the headers a cross-origin-isolated page needs to embed or fetch it,
// as real WebContainer preview URLs do.
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { readFile, readdir, readlink } from 'node:fs/promises';

/** @typedef {{ port: number, host: string }} Listening */

/** @returns {Promise<Map<number, number[]>>} parent pid → child pids */
async function processChildren() {
	/** @type {Map<number, number[]>} */
	const children = new Map();
	for (const name of await readdir('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
		// comm may hold spaces and parentheses: fields after the last ')' are "state ppid …".
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		if (!ppid) continue;
		const list = children.get(ppid) ?? [];
		list.push(Number(name));
		children.set(ppid, list);
	}
	return children;
}

/** @param {number} pid @returns {Promise<string[]>} socket inodes */
async function socketInodes(pid) {
	const fds = await readdir(`/proc/${pid}/fd`).catch(() => /** @type {string[]} */ ([]));
	const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
	return links.flatMap((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1] ?? []);
}

/** @returns {Promise<Map<string, Listening>>} socket inode → listening port */
async function listeningSockets() {
	/** @type {Map<string, Listening>} */
	const byInode = new Map();
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		const text = await readFile(file, 'utf8').catch(() => '');
		for (const line of text.split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields[3] !== '0A' || !fields[1] || !fields[9]) continue; // 0A = LISTEN
			const [addr = '', port = '0'] = fields[1].split(':');
			// Loopback-only IPv6 listeners (::1) are reached on ::1, everything else on 127.0.0.1.
			const host = addr === '00000000000000000000000001000000' ? '::1' : '127.0.0.1';
			byInode.set(fields[9], { port: parseInt(port, 16), host });
		}
	}
	return byInode;
}

/**
 * Ports that the given processes or their descendants listen on.
 * @param {number[]} roots
 * @returns {Promise<Map<number, Listening>>}
 */
export async function listeningPorts(roots) {
	if (roots.length === 0) return new Map();
	const children = await processChildren();
	const pids = new Set(roots);
	for (const pid of pids) for (const child of children.get(pid) ?? []) pids.add(child);
	const inodes = (await Promise.all([...pids].map(socketInodes))).flat();
	const sockets = await listeningSockets();
	/** @type {Map<number, Listening>} */
	const ports = new Map();
	for (const inode of inodes) {
		const found = sockets.get(inode);
		if (found) ports.set(found.port, found);
	}
	return ports;
}

const ADDED_HEADERS = {
	'cross-origin-resource-policy': 'cross-origin',
	'cross-origin-embedder-policy': 'credentialless'
};

/**
 * A reverse proxy on 127.0.0.1 for one port; also passes WebSocket upgrades (dev-server reloads).
 * @param {Listening} target
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startPortProxy(target) {
	const server = createServer((req, res) => {
		const upstream = request(
			{ host: target.host, port: target.port, method: req.method, path: req.url, headers: req.headers },
			(up) => {
				const headers = { ...up.headers, ...ADDED_HEADERS };
				if (!up.headers['access-control-allow-origin']) headers['access-control-allow-origin'] = '*';
				res.writeHead(up.statusCode ?? 502, headers);
				up.pipe(res);
			}
		);
		upstream.on('error', (e) => {
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', ...ADDED_HEADERS });
			res.end(`Preview proxy: ${e.message}`);
		});
		req.pipe(upstream);
	});
	server.on('upgrade', (req, socket, head) => {
		const upstream = connect(target.port, target.host, () => {
			const lines = [`${req.method} ${req.url} HTTP/1.1`];
			for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			upstream.write(lines.join('\r\n') + '\r\n\r\n');
			upstream.write(head);
			upstream.pipe(socket).pipe(upstream);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
