/**
 * One error shape for the whole app: adapters turn raw failures into a SpecwrightError with a
 * stable `code`, and the UI shows `message` (what happened) and `hint` (what to do) in one place.
 */
export class SpecwrightError extends Error {
	readonly code: string;
	readonly hint: string | undefined;
	constructor(code: string, message: string, options?: { hint?: string; cause?: unknown }) {
		super(message, options?.cause === undefined ? undefined : { cause: options.cause });
		this.name = 'SpecwrightError';
		this.code = code;
		this.hint = options?.hint;
	}
}

/** An operation the user cancelled: never shown as an error. */
export function isAbort(error: unknown): boolean {
	return (
		(error instanceof DOMException && error.name === 'AbortError') ||
		(error instanceof Error && error.name === 'AbortError') ||
		(error instanceof SpecwrightError && error.code === 'aborted')
	);
}

export function errorMessage(error: unknown): { message: string; hint?: string; code?: string } {
	if (error instanceof SpecwrightError) return { message: error.message, hint: error.hint, code: error.code };
	if (error instanceof Error) return { message: error.message };
	return { message: String(error) };
}
