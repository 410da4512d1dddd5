import type { ExecOptions, ExecResult } from '../../core/ports';
import { OutputTail } from '../../core/runtime/scripts';

/** The parts of a spawned process that running a command to its end needs. */
export interface Runnable {
	output: ReadableStream<string>;
	exit: Promise<number>;
	kill(): void;
}

/**
 * Waits for a process to end and collects the tail of its output. A timeout kills it and reports
 * `timedOut` (a result, not an error: the caller decides); an abort kills it and rejects.
 */
export async function collectExit(process: Runnable, options: Omit<ExecOptions, 'cwd'> = {}): Promise<ExecResult> {
	const tail = new OutputTail();
	const reading = process.output.pipeTo(new WritableStream({ write: (chunk) => tail.push(chunk) })).catch(() => {});
	let timer: ReturnType<typeof setTimeout> | undefined;
	let onAbort: (() => void) | undefined;
	const stopped = new Promise<'timeout' | 'abort'>((resolve) => {
		if (options.timeoutMs) timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
		onAbort = () => resolve('abort');
		if (options.signal?.aborted) onAbort();
		options.signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		const outcome = await Promise.race([process.exit, stopped]);
		if (typeof outcome === 'number') {
			await reading;
			return { exitCode: outcome, output: tail.toString(), timedOut: false };
		}
		process.kill();
		if (outcome === 'abort') throw options.signal?.reason ?? new DOMException('Aborted', 'AbortError');
		return { exitCode: -1, output: tail.toString(), timedOut: true };
	} finally {
		clearTimeout(timer);
		if (onAbort) options.signal?.removeEventListener('abort', onAbort);
	}
}
