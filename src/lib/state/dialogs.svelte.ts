export interface ConfirmRequest {
	kind: 'confirm';
	title: string;
	message: string;
	confirmLabel: string;
	danger?: boolean;
	resolve: (ok: boolean) => void;
}

export interface PromptRequest {
	kind: 'prompt';
	title: string;
	label: string;
	value: string;
	confirmLabel: string;
	/** Returns an error message for the field, or nothing when the value is acceptable. */
	validate?: (value: string) => Promise<string | undefined> | string | undefined;
	resolve: (value: string | null) => void;
}

export type DialogRequest = ConfirmRequest | PromptRequest;

/** Modal questions as promises, so an action reads top to bottom: `if (await dialogs.confirm(…))`. */
export class Dialogs {
	current = $state<DialogRequest | null>(null);

	confirm(options: Omit<ConfirmRequest, 'kind' | 'resolve' | 'confirmLabel'> & { confirmLabel?: string }): Promise<boolean> {
		return new Promise((resolve) => {
			this.#replace({ kind: 'confirm', confirmLabel: 'OK', ...options, resolve });
		});
	}

	prompt(options: Omit<PromptRequest, 'kind' | 'resolve' | 'confirmLabel' | 'value'> & { value?: string; confirmLabel?: string }): Promise<string | null> {
		return new Promise((resolve) => {
			this.#replace({ kind: 'prompt', confirmLabel: 'OK', value: '', ...options, resolve });
		});
	}

	close(result: boolean | string | null): void {
		const request = this.current;
		this.current = null;
		if (request?.kind === 'confirm') request.resolve(result === true);
		else if (request?.kind === 'prompt') request.resolve(typeof result === 'string' ? result : null);
	}

	#replace(request: DialogRequest): void {
		if (this.current) this.close(null);
		this.current = request;
	}
}
