/**
 * Tells the other tabs of this browser what this tab changed in a project, so their views follow:
 * the files written, moved or removed, and the specs whose record (approvals, cap) changed. One
 * BroadcastChannel per project; a message names paths and specs only, never contents, since every
 * tab reads the same store. What one task changes goes out as one message.
 */
export interface ProjectWrites {
	file(path: string): void;
	spec(name: string): void;
	close(): void;
}

export interface WrittenElsewhere {
	paths: string[];
	specs: string[];
}

/** At most this many names in one message are taken: a message is from this origin, but still checked. */
const MOST_NAMES = 10_000;

export function shareProjectWrites(projectId: string, onOthers: (written: WrittenElsewhere) => void): ProjectWrites {
	if (typeof BroadcastChannel === 'undefined') return { file() {}, spec() {}, close() {} };
	const channel = new BroadcastChannel(`specwright:project-writes:${projectId}`);
	channel.onmessage = (event: MessageEvent<unknown>) => {
		const written = { paths: names(event.data, 'paths'), specs: names(event.data, 'specs') };
		if (written.paths.length > 0 || written.specs.length > 0) onOthers(written);
	};
	let pending: { paths: Set<string>; specs: Set<string> } | null = null;
	let closed = false;
	const queue = () => {
		if (pending) return pending;
		const next = (pending = { paths: new Set<string>(), specs: new Set<string>() });
		setTimeout(() => {
			pending = null;
			if (!closed) channel.postMessage({ paths: [...next.paths], specs: [...next.specs] });
		});
		return next;
	};
	return {
		file: (path) => void queue().paths.add(path),
		spec: (name) => void queue().specs.add(name),
		close: () => {
			closed = true;
			channel.close();
		}
	};
}

function names(data: unknown, key: 'paths' | 'specs'): string[] {
	const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
	return Array.isArray(list) ? list.slice(0, MOST_NAMES).filter((x): x is string => typeof x === 'string') : [];
}
