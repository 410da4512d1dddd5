import { SpecwrightError } from '../errors';

/**
 * Git settings: the CORS proxy used to reach git hosts from the browser, and the identity written into
 * commits. Stored only in this browser (IndexedDB settings record `'git'`).
 */
export interface GitSettings {
	/** '' = no proxy (the default): requests go straight to the git host. */
	corsProxy: string;
	authorName: string;
	authorEmail: string;
}

export const DEFAULT_GIT: GitSettings = { corsProxy: '', authorName: '', authorEmail: '' };

/** Trims and checks settings from the form; throws a SpecwrightError with a message for the field. */
export function cleanGitSettings(next: GitSettings): GitSettings {
	return {
		corsProxy: validateCorsProxy(next.corsProxy),
		authorName: next.authorName.trim(),
		authorEmail: validateEmail(next.authorEmail)
	};
}

export function validateCorsProxy(input: string): string {
	const raw = input.trim();
	if (raw === '') return '';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SpecwrightError('git-proxy-malformed', `"${raw}" is not a valid URL.`, {
			hint: 'A proxy URL starts with https://, for example https://cors.example.com'
		});
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SpecwrightError('git-proxy-malformed', `"${raw}" is not an http(s) URL.`, {
			hint: 'A proxy URL starts with https://, for example https://cors.example.com'
		});
	}
	// Credentials in the proxy URL would be sent with every request and shown on screen.
	if (url.username || url.password) {
		throw new SpecwrightError('git-proxy-credentials', 'The proxy URL must not contain a user name or password.');
	}
	if (url.search || url.hash) {
		throw new SpecwrightError('git-proxy-malformed', 'The proxy URL should not contain ? or #.');
	}
	// isomorphic-git appends `/host/path` itself.
	return raw.replace(/\/+$/, '');
}

function validateEmail(input: string): string {
	const raw = input.trim();
	if (raw !== '' && !/^[^\s@<>]+@[^\s@<>]+$/.test(raw)) {
		throw new SpecwrightError('git-email-malformed', `"${raw}" does not look like an email address.`);
	}
	return raw;
}
