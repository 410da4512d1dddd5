import { SpecwrightError } from '../errors';

/** Where Specwright talks to GitHub and with which token; stored only in this browser's IndexedDB. */
export interface GitHubSettings {
	/** https://api.github.com, or a GitHub Enterprise server's https://host/api/v3. */
	apiUrl: string;
	token: string;
}

export const DEFAULT_GITHUB: GitHubSettings = { apiUrl: 'https://api.github.com', token: '' };

export function cleanGitHubSettings(next: GitHubSettings): GitHubSettings {
	const raw = next.apiUrl.trim() || DEFAULT_GITHUB.apiUrl;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SpecwrightError('github-api-url', `"${raw}" is not a valid URL.`, { hint: 'For GitHub.com it is https://api.github.com.' });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SpecwrightError('github-api-url', `"${raw}" is not an http(s) URL.`, { hint: 'For GitHub.com it is https://api.github.com.' });
	}
	if (url.username || url.password || url.search || url.hash) {
		throw new SpecwrightError('github-api-url', 'The API URL may not hold a user name, a password, ? or #.', { hint: 'Put the token in the token field.' });
	}
	const token = next.token.trim();
	if (/\s/.test(token)) throw new SpecwrightError('github-token-invalid', 'A token has no spaces in it.', { hint: 'Copy it again from GitHub.' });
	return { apiUrl: raw.replace(/\/+$/, ''), token };
}
