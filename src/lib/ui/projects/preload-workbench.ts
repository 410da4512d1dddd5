import { preloadCode } from '$app/navigation';

/**
 * The workbench's code, fetched and run while an import is under way, so that the new project opens
 * as soon as its files are stored rather than waiting for it then. (Not in ui/lazy.ts: that module
 * is part of the startup chunk, which must not take in SvelteKit's client runtime.)
 */
export const preloadWorkbench = (): void => void preloadCode('/project/[id]').catch(() => undefined);
