import { SpecwrightError } from '../../core/errors';

/** What the page and the init worker say to each other. Errors cross as plain fields and are rebuilt. */
export interface InitRequest {
	projectId: string;
	message: string;
	author: { name: string; email: string };
}
export type InitFailure = { type: 'error'; code: string; message: string; hint?: string };
export type InitReply = { type: 'done' } | InitFailure;

export function failureReply(error: unknown): InitFailure {
	if (error instanceof SpecwrightError) return { type: 'error', code: error.code, message: error.message, hint: error.hint };
	const message = error instanceof Error ? error.message : String(error);
	return { type: 'error', code: 'git-init', message: `The project could not be made a repository: ${message}` };
}

export function failureError(reply: InitFailure): SpecwrightError {
	return new SpecwrightError(reply.code, reply.message, reply.hint === undefined ? undefined : { hint: reply.hint });
}
