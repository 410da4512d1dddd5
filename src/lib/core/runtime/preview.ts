/**
 * The address a runtime reports for a server, if it is one a preview frame may load: plain http(s)
 * only, so a process in the sandbox can never hand the page a `javascript:` or `data:` address.
 */
export function previewUrl(reported: string): string | null {
	try {
		const url = new URL(reported);
		return url.protocol === 'http:' || url.protocol === 'https:' ? reported : null;
	} catch {
		return null;
	}
}
