import type { ZipExtractor } from '../../core/archive/run-import';
import type { ZipEntry } from '../../core/archive/zip-directory';
import { SpecwrightError } from '../../core/errors';
import type { WorkerReply, WorkerRequest } from './inflate.worker';

interface Pending {
	resolve(files: Uint8Array[]): void;
	reject(error: unknown): void;
}

/** Hands the archive to a worker (transferred, so the page lets go of it) and unpacks through it. */
export function openZipExtractor(zip: Uint8Array): ZipExtractor {
	const worker = new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module', name: 'unzip' });
	const pending = new Map<number, Pending>();
	let nextId = 1;
	let closed = false;

	const failAll = (error: unknown) => {
		for (const p of pending.values()) p.reject(error);
		pending.clear();
	};
	worker.onmessage = (event: MessageEvent<WorkerReply>) => {
		const reply = event.data;
		const request = pending.get(reply.id);
		if (!request) return;
		pending.delete(reply.id);
		if ('files' in reply) request.resolve(reply.files);
		else request.reject(new SpecwrightError(reply.error.code, reply.error.message, { hint: reply.error.hint }));
	};
	worker.onerror = (event) => {
		event.preventDefault();
		failAll(
			new SpecwrightError('archive-worker', 'Unpacking stopped unexpectedly.', {
				hint: 'The browser may have run out of memory. Close other tabs and try again, or import a smaller zip.'
			})
		);
	};

	const whole = zip.byteOffset === 0 && zip.byteLength === zip.buffer.byteLength;
	const buffer = (whole ? zip.buffer : zip.slice().buffer) as ArrayBuffer;
	worker.postMessage({ type: 'open', zip: buffer } satisfies WorkerRequest, [buffer]);

	return {
		extract(entries: readonly ZipEntry[]) {
			if (closed) return Promise.reject(new DOMException('The import was cancelled.', 'AbortError'));
			const id = nextId++;
			return new Promise<Uint8Array[]>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				worker.postMessage({ type: 'extract', id, entries: [...entries] } satisfies WorkerRequest);
			});
		},
		dispose() {
			if (closed) return;
			closed = true;
			worker.terminate();
			failAll(new DOMException('The import was cancelled.', 'AbortError'));
		}
	};
}
