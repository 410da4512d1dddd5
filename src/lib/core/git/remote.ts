import { SpecwrightError } from '../errors';

/**
 * A remote to push to: an http(s) URL without credentials in it (tokens live in settings, never in
 * URLs, which end up in history, logs and .git/config).
 */
export function validateRemoteUrl(raw: string): string {
	const text = raw.trim();
	if (text === '') throw new SpecwrightError('remote-url-empty', 'Enter the URL of the repository to push to.');
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new SpecwrightError('remote-url-invalid', `"${text}" is not a URL.`, { hint: 'Use the HTTPS address of the repository, e.g. https://github.com/owner/repo.git.' });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SpecwrightError('remote-url-protocol', `Only http and https remotes can be used from a browser, not ${url.protocol.replace(':', '')}.`, {
			hint: 'Use the HTTPS address of the repository.'
		});
	}
	if (url.username || url.password) {
		throw new SpecwrightError('remote-url-credentials', 'The URL holds a user name or token.', {
			hint: 'Remove it from the URL and type the token in the token field instead.'
		});
	}
	if (url.search || url.hash) throw new SpecwrightError('remote-url-invalid', 'A repository URL has no query or fragment.');
	if (url.pathname === '/' || url.pathname === '') {
		throw new SpecwrightError('remote-url-invalid', 'The URL names a server but no repository.', { hint: 'e.g. https://github.com/owner/repo.git' });
	}
	return url.href;
}

/** Remembered tokens are kept per server, so one typed for one host is never sent to another. */
export function remoteHost(url: string): string {
	return new URL(url).host.toLowerCase();
}

/** A branch name git accepts (the rules of `git check-ref-format`, simplified to what people type). */
export function validateBranchName(raw: string): string {
	const name = raw.trim();
	if (
		name === '' ||
		name === '@' ||
		// eslint-disable-next-line no-control-regex
		/[\s~^:?*[\\\u0000-\u001f\u007f]/.test(name) ||
		name.includes('..') ||
		name.includes('@{') ||
		name.includes('//') ||
		/^[/.-]|[/.]$|\.lock$|\/\./.test(name)
	) {
		throw new SpecwrightError('branch-invalid', `"${name}" is not a valid branch name.`, { hint: 'Use letters, digits, "-", "_", "." and "/", e.g. main.' });
	}
	return name;
}
