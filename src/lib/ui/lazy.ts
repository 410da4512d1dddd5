/**
 * Components the shell and the home page load when first needed, not with the first paint.
 *
 * SvelteKit links the stylesheets of a page's dynamically imported components in the page's HTML
 * whenever its server build imports them too (it guards server-rendered pages against unstyled
 * flashes). This app renders on the client only, so those links would only add render-blocking
 * requests to every cold load. Kept out of the server build, each component's CSS arrives with its
 * code instead, when it is first opened.
 */
const notOnServer = () => Promise.reject(new Error('client-only component'));
const server = import.meta.env.SSR;

export const loadCommandPalette = server ? notOnServer : () => import('./shell/CommandPalette.svelte');
export const loadDialogHost = server ? notOnServer : () => import('./common/DialogHost.svelte');
export const loadNewProjectDialog = server ? notOnServer : () => import('./projects/NewProjectDialog.svelte');
export const loadCloneDialog = server ? notOnServer : () => import('./projects/CloneDialog.svelte');
export const loadImportDialog = server ? notOnServer : () => import('./projects/ImportDialog.svelte');
export const loadErrorPage = server ? notOnServer : () => import('./shell/ErrorPage.svelte');
