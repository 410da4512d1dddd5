import { describe, expect, it } from 'vitest';
import { collectExit, type Runnable } from './exec';

/** A process that prints the given chunks, then exits with `code` (or never, when null). */
function fakeProcess(chunks: string[], code: number | null) {
	let killed = false;
	let close!: () => void;
	const output = new ReadableStream<string>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			close = () => controller.close();
			if (code !== null) controller.close();
		}
	});
	const process: Runnable & { killed: () => boolean } = {
		output,
		exit: code === null ? new Promise<number>(() => {}) : Promise.resolve(code),
		kill: () => {
			killed = true;
			close();
		},
		killed: () => killed
	};
	return process;
}

describe('collectExit', () => {
	it('returns the exit code and all output', async () => {
		expect(await collectExit(fakeProcess(['building…\r\n', 'error TS2322\r\n'], 2))).toEqual({
			exitCode: 2,
			output: 'building…\r\nerror TS2322\r\n',
			timedOut: false
		});
	});

	it('kills a command that runs too long and says so', async () => {
		const process = fakeProcess(['waiting'], null);
		const result = await collectExit(process, { timeoutMs: 10 });
		expect(result).toEqual({ exitCode: -1, output: 'waiting', timedOut: true });
		expect(process.killed()).toBe(true);
	});

	it('kills the command and rejects when aborted', async () => {
		const process = fakeProcess([], null);
		const controller = new AbortController();
		const result = collectExit(process, { signal: controller.signal });
		controller.abort();
		await expect(result).rejects.toMatchObject({ name: 'AbortError' });
		expect(process.killed()).toBe(true);
	});
});
