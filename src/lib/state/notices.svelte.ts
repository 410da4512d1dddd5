import { errorMessage, isAbort } from '../core/errors';

export interface Notice {
	id: number;
	kind: 'error' | 'success' | 'info';
	message: string;
	hint?: string;
}

/** The one place errors reach the user. Aborted work is never shown as an error. */
export class Notices {
	items = $state<Notice[]>([]);
	#next = 1;

	/** Shows a notice; one saying the same thing already on screen is replaced, not shown twice. */
	show(kind: Notice['kind'], message: string, hint?: string): void {
		const notice: Notice = { id: this.#next++, kind, message, hint };
		const others = this.items.filter((n) => n.kind !== kind || n.message !== message || n.hint !== hint);
		this.items = [...others.slice(-3), notice];
		if (kind !== 'error') setTimeout(() => this.dismiss(notice.id), 4000);
	}

	error(error: unknown): void {
		if (isAbort(error)) return;
		const { message, hint } = errorMessage(error);
		console.error(error);
		this.show('error', message, hint);
	}

	dismiss(id: number): void {
		this.items = this.items.filter((n) => n.id !== id);
	}
}
