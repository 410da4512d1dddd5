// Real child processes for `WebContainer.spawn`. `jsh` (WebContainer's shell) becomes bash; with a
// `terminal` the command runs inside a pseudo-terminal made by util-linux `script`, so prompts, echo,
// colours and resizes behave like a terminal, and stdout+stderr arrive merged as they would from a pty.
import { spawn, execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {{ cols: number, rows: number }} Dimensions
 * @typedef {{ command: string, args?: string[], cwd?: string, env?: Record<string, string | number | boolean>, terminal?: Dimensions }} RunOptions
 * @typedef {'stdout' | 'stderr' | 'output'} Stream
 * @typedef {{
 *   data(stream: Stream, chunk: Buffer): void,
 *   exit(code: number): void
 * }} ProcessSink
 */

/** @param {string} s */
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

// bash ignores PS1 from the environment: the interactive shell gets a plain prompt from an rc file,
// and no bracketed-paste escapes, so tests and terminals see `$ ` and the echoed input only.
const RC_FILE = join(tmpdir(), 'wc-backend-jshrc');
writeFileSync(RC_FILE, "PS1='$ '\nbind 'set enable-bracketed-paste off' 2>/dev/null\n");

/** @param {string} command @param {string[]} args */
function mapCommand(command, args) {
	if (command !== 'jsh') return { command, args };
	return { command: 'bash', args: args.length ? ['--noprofile', '--norc', ...args] : ['--noprofile', '--rcfile', RC_FILE, '-i'] };
}

// A small base environment, as in a fresh WebContainer: the test runner's own variables
// (FORCE_COLOR, NODE_OPTIONS, worker indexes…) must not change how commands behave.
const KEPT_ENV = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ'];
const baseEnv = () => Object.fromEntries(KEPT_ENV.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]])));

export class RealProcess {
	/**
	 * @param {RunOptions} options
	 * @param {string} cwd real working folder (already checked to lie inside root)
	 * @param {string} root
	 * @param {ProcessSink} sink
	 */
	constructor(options, cwd, root, sink) {
		const mapped = mapCommand(options.command, options.args ?? []);
		const terminal = options.terminal;
		/** @type {NodeJS.ProcessEnv} */
		const env = {
			...baseEnv(),
			PATH: `${root}/node_modules/.bin:${process.env.PATH ?? ''}`,
			SHELL: '/bin/bash',
			...Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, String(v)]))
		};
		if (terminal) Object.assign(env, { TERM: 'xterm-256color', COLUMNS: String(terminal.cols), LINES: String(terminal.rows) });
		const command = terminal ? 'script' : mapped.command;
		const args = terminal
			? ['-q', '-f', '-e', '-c', `stty cols ${terminal.cols} rows ${terminal.rows} 2>/dev/null; exec ${[mapped.command, ...mapped.args].map(quote).join(' ')}`, '/dev/null']
			: mapped.args;
		this.terminal = !!terminal;
		this.exited = false;
		// detached: the child leads its own process group, so kill() reaches the whole tree.
		this.child = spawn(command, args, { cwd, env, stdio: 'pipe', detached: true });
		this.pid = this.child.pid ?? 0;
		this.child.stdout.on('data', (chunk) => {
			if (!this.terminal) sink.data('stdout', chunk);
			sink.data('output', chunk);
		});
		this.child.stderr.on('data', (chunk) => {
			if (!this.terminal) sink.data('stderr', chunk);
			sink.data('output', chunk);
		});
		this.child.stdin.on('error', () => {});
		this.child.on('error', (error) => {
			// Like jsh: an unknown command prints a message and exits with 127.
			if (this.exited) return;
			this.exited = true;
			const missing = /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT';
			sink.data('output', Buffer.from(missing ? `jsh: command not found: ${options.command}\r\n` : `${error.message}\r\n`));
			sink.exit(missing ? 127 : 1);
		});
		this.child.on('close', (code, signal) => {
			if (this.exited) return;
			this.exited = true;
			sink.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
		});
	}

	/** @param {string | Uint8Array} data */
	write(data) {
		if (!this.exited) this.child.stdin.write(data);
	}

	kill() {
		if (this.exited || !this.pid) return;
		const group = -this.pid;
		try {
			process.kill(group, 'SIGTERM');
		} catch {
			return;
		}
		setTimeout(() => {
			if (this.exited) return;
			try {
				process.kill(group, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, 2000).unref();
	}

	/** @param {Dimensions} size */
	async resize(size) {
		if (!this.terminal || this.exited) return;
		const tty = await this.#pty();
		// Setting the size on the pty makes the kernel send SIGWINCH to the foreground job.
		if (tty) await new Promise((resolve) => execFile('stty', ['-F', tty, 'cols', String(size.cols), 'rows', String(size.rows)], () => resolve(undefined)));
	}

	/** The pty slave used by the command `script` started: its child's stdin. */
	async #pty() {
		for (const name of await readdir('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== this.pid) continue;
			const tty = await readlink(`/proc/${name}/fd/0`).catch(() => '');
			if (tty.startsWith('/dev/pts/')) return tty;
		}
		return null;
	}
}
