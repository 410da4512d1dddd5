import { SpecwrightError } from '../errors';

/** What the page knows about itself before a runtime is loaded. */
export interface RuntimeEnvironment {
	crossOriginIsolated: boolean;
	hasSharedArrayBuffer: boolean;
	userAgent: string;
	online: boolean;
}

export type RuntimeFailureCode =
	| 'runtime-not-isolated'
	| 'runtime-unsupported'
	| 'runtime-offline'
	| 'runtime-timeout'
	| 'runtime-failed';

/** iOS browsers all use WebKit, where the runtime does not work at all. */
function unsupportedBrowser(userAgent: string): string | null {
	if (/iPhone|iPad|iPod/.test(userAgent)) return 'Browsers on iOS and iPadOS';
	return null;
}

/** The reasons known before booting: checked without loading the runtime. */
export function checkRuntimeEnvironment(env: RuntimeEnvironment): SpecwrightError | null {
	const browser = unsupportedBrowser(env.userAgent);
	const unsupported = (who: string) =>
		new SpecwrightError('runtime-unsupported', `${who} cannot run the sandbox for commands.`, {
			hint: 'Use a recent Chromium browser (Chrome, Edge, Brave, Opera) on a desktop. Specs, editing and everything else keep working here.'
		});
	if (browser) return unsupported(browser);
	// Browsers hide SharedArrayBuffer from pages that are not isolated: name the cause, not the symptom.
	if (!env.crossOriginIsolated) {
		return new SpecwrightError('runtime-not-isolated', 'The page is not cross-origin isolated, which the sandbox for commands needs.', {
			hint: 'Serve Specwright with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: credentialless (or require-corp), over HTTPS or localhost.'
		});
	}
	if (!env.hasSharedArrayBuffer) return unsupported('This browser');
	return null;
}

/**
 * Turns what went wrong during a boot into a message the user can act on. `timedOut` means the
 * client never answered: it then stays stuck for the rest of the page's life, so only a reload helps.
 */
export function classifyBootFailure(
	failure: { timedOut: boolean; error?: unknown },
	env: RuntimeEnvironment
): SpecwrightError {
	const early = checkRuntimeEnvironment(env);
	if (early) return early;
	if (!env.online) {
		return new SpecwrightError('runtime-offline', 'The sandbox for commands cannot start while the browser is offline.', {
			hint: 'Connect to the internet, then choose Retry (it reloads the page; your files are saved).'
		});
	}
	if (failure.timedOut) {
		return new SpecwrightError('runtime-timeout', 'The sandbox for commands did not start in time.', {
			hint: 'Its service may be blocked by a network filter, an extension or a firewall, or be slow to reach. Retry reloads the page; your files are saved.'
		});
	}
	const detail = failure.error instanceof Error ? failure.error.message : String(failure.error ?? '');
	if (/unsupported|not supported|SharedArrayBuffer/i.test(detail)) {
		return new SpecwrightError('runtime-unsupported', 'This browser cannot run the sandbox for commands.', {
			hint: 'Use a recent Chromium browser (Chrome, Edge, Brave, Opera) on a desktop.',
			cause: failure.error
		});
	}
	if (/network|fetch|load|blocked|ERR_/i.test(detail)) {
		return new SpecwrightError('runtime-offline', 'The sandbox for commands could not be reached.', {
			hint: 'Its service may be blocked by a network filter, an extension or a firewall. Check the connection, then choose Retry.',
			cause: failure.error
		});
	}
	return new SpecwrightError('runtime-failed', `The sandbox for commands failed to start${detail ? `: ${detail}` : '.'}`, {
		hint: 'Choose Retry. If it keeps failing, reload the page.',
		cause: failure.error
	});
}

/**
 * Codes after which the client may be stuck (it caches a boot that never settled), so only a page
 * reload can boot again. An offline failure usually follows such a timeout too.
 */
export function needsReload(code: string | undefined): boolean {
	return code === 'runtime-timeout' || code === 'runtime-offline';
}
