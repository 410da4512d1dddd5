import { SpecwrightError } from '../errors';

const MAX_SUBJECT = 200;

/**
 * A commit message as git stores it: trimmed, trailing spaces gone, at most one blank line in a row,
 * and a newline at the end. Throws when nothing is left or the first line is unreasonably long.
 */
export function validateCommitMessage(raw: string): string {
	const lines = raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
	const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
	if (text === '') throw new SpecwrightError('commit-message-empty', 'Write a commit message first.', { hint: 'Say in a line what the change does.' });
	const subject = text.split('\n')[0] ?? '';
	if (subject.length > MAX_SUBJECT) {
		throw new SpecwrightError('commit-message-long', `The first line is ${subject.length} characters long.`, {
			hint: `Keep it under ${MAX_SUBJECT} characters; put details after a blank line.`
		});
	}
	return `${text}\n`;
}

/** The first line of a commit message, for lists. */
export function commitSubject(message: string): string {
	return message.split('\n')[0]?.trim() ?? '';
}

export interface GitIdentity {
	name: string;
	email: string;
}

export const DEFAULT_IDENTITY: GitIdentity = { name: 'Specwright user', email: 'user@specwright.invalid' };

/** The configured author, with the default for whatever is left blank. */
export function commitIdentity(settings: { authorName?: string; authorEmail?: string } | undefined): GitIdentity {
	return {
		name: settings?.authorName?.trim() || DEFAULT_IDENTITY.name,
		email: settings?.authorEmail?.trim() || DEFAULT_IDENTITY.email
	};
}
