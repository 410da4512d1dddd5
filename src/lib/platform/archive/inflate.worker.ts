import { inflateEntry } from '../../core/archive/inflate-entry';
import type { ZipEntry } from '../../core/archive/zip-directory';
import { SpecwrightError } from '../../core/errors';

/**
 * Inflates zip entries off the page's thread, so a large import never freezes the interface.
 * The page sends the archive once, then asks for batches of entries; cancelling terminates this worker.
 */

export type WorkerRequest = { type: 'open'; zip: ArrayBuffer } | { type: 'extract'; id: number; entries: ZipEntry[] };
export type WorkerReply =
	| { id: number; files: Uint8Array[] }
	| { id: number; error: { code: string; message: string; hint?: string } };

/** The part of a worker's global scope used here (the DOM typings describe a window). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let zip = new Uint8Array(0);

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	if (request.type === 'open') {
		zip = new Uint8Array(request.zip);
		return;
	}
	try {
		const files = request.entries.map((entry) => inflateEntry(zip, entry));
		// Transferred, not copied: each output owns its buffer.
		scope.postMessage({ id: request.id, files } satisfies WorkerReply, files.map((f) => f.buffer as ArrayBuffer));
	} catch (error) {
		const detail =
			error instanceof SpecwrightError
				? { code: error.code, message: error.message, hint: error.hint }
				: { code: 'archive-damaged', message: error instanceof Error ? error.message : String(error) };
		scope.postMessage({ id: request.id, error: detail } satisfies WorkerReply);
	}
};
