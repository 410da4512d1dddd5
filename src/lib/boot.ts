import { openSpecwrightDb, type SpecwrightDb } from './platform/store/db';
import { Records } from './platform/store/records';
import { IdbProjectFileSystems } from './platform/fs/idb-fs';
import { estimateStorage, requestPersistentStorage } from './platform/store/storage-estimate';
import { Projects } from './state/projects.svelte';
import { Settings } from './state/settings.svelte';
import { Theme } from './state/theme.svelte';
import { Notices } from './state/notices.svelte';
import { Commands } from './state/commands.svelte';
import { StorageStatus } from './state/storage.svelte';
import { Dialogs } from './state/dialogs.svelte';
import { ProjectImports } from './state/imports.svelte';
import type { AppContext } from './state/app.svelte';

/**
 * Opening the database is the slowest step of a cold start (tens of milliseconds, more on a first
 * visit, when it is created). It starts when this module is evaluated, while the router is still
 * fetching the page's code, rather than when the layout calls `boot()`.
 */
let opening: Promise<SpecwrightDb> | null = startOpening();

function startOpening(): Promise<SpecwrightDb> {
	const db = openSpecwrightDb();
	db.catch(() => {}); // reported by boot(), which awaits the same promise
	return db;
}

/** The one place adapters are created and injected into the state classes. */
export async function boot(notices: Notices, theme: Theme): Promise<AppContext> {
	const early = opening;
	opening = null; // a second boot (never expected) opens afresh
	const db = await (early ?? openSpecwrightDb());
	const records = new Records(db);
	const files = new IdbProjectFileSystems(db);
	const projects = new Projects(records, files, () => crypto.randomUUID());
	const dialogs = new Dialogs();
	let git: ReturnType<AppContext['git']> | undefined;
	let prices: Promise<import('./state/prices.svelte').Prices> | undefined;
	const app: AppContext = {
		projects,
		// The probe is only needed on the settings page: keep it out of the first paint.
		settings: new Settings(records, (llm, signal) =>
			import('./platform/llm/connection-probe').then((m) => m.testConnection(llm, signal))
		),
		theme,
		notices,
		commands: new Commands((error) => notices.error(error)),
		storage: new StorageStatus(requestPersistentStorage, estimateStorage),
		dialogs,
		// The unzip worker is loaded on the first zip import only, the git clone worker on the first clone.
		imports: new ProjectImports(
			projects,
			dialogs,
			() => import('./platform/archive/zip-extractor').then((m) => m.openZipExtractor),
			() => import('./platform/git/clone-client').then((m) => m.cloneRepository)
		),
		files,
		records,
		prices: () =>
			(prices ??= import('./state/prices.svelte').then(async ({ Prices }) => {
				const loaded = new Prices(records);
				await loaded.load();
				return loaded;
			})),
		// isomorphic-git is large: it loads once a project is open, never with the first paint.
		git: () => (git ??= import('./platform/git').then((m) => m.loadGit()))
	};
	await Promise.all([app.projects.load(), app.settings.load()]);
	app.storage.init().catch((error) => notices.error(error));
	// Housekeeping after the first paint, never in its way.
	setTimeout(() => app.projects.sweepUnfinishedImports().catch((error) => notices.error(error)), 2000);
	return app;
}

export { Notices, Theme };
