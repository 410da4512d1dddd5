import type { RuntimeBootOptions, RuntimeHost } from '../../core/ports';
import { checkRuntimeEnvironment, type RuntimeEnvironment } from '../../core/runtime/boot-failure';

export function pageEnvironment(): RuntimeEnvironment {
	return {
		crossOriginIsolated: globalThis.crossOriginIsolated === true,
		hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
		userAgent: navigator.userAgent,
		online: navigator.onLine
	};
}

/**
 * The WebContainer runtime. This module is small on purpose: `check` runs before anything heavy
 * loads, and the client itself is imported only when the user starts a runtime.
 */
export function webContainerHost(): RuntimeHost {
	return {
		check: () => checkRuntimeEnvironment(pageEnvironment()),
		boot: async (options: RuntimeBootOptions) => {
			const { bootWebContainer } = await import('./webcontainer');
			return bootWebContainer(options);
		}
	};
}
