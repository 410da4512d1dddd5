import { openSpecwrightDb } from './platform/store/db';
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

/** The one place adapters are created and injected into the state classes. */
export async function boot(notices: Notices, theme: Theme): Promise<AppContext> {
	const db = await openSpecwrightDb();
	const records = new Records(db);
	const files = new IdbProjectFileSystems(db);
	const projects = new Projects(records, files, () => crypto.randomUUID());
	const dialogs = new Dialogs();
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
		// The unzip worker is loaded on the first zip import only.
		imports: new ProjectImports(projects, dialogs, () =>
			import('./platform/archive/zip-extractor').then((m) => m.openZipExtractor)
		),
		files,
		records,
		prices: () =>
			(prices ??= import('./state/prices.svelte').then(async ({ Prices }) => {
				const loaded = new Prices(records);
				await loaded.load();
				return loaded;
			}))
	};
	await Promise.all([app.projects.load(), app.settings.load()]);
	app.storage.init().catch((error) => notices.error(error));
	// Housekeeping after the first paint, never in its way.
	setTimeout(() => app.projects.sweepUnfinishedImports().catch((error) => notices.error(error)), 2000);
	return app;
}

export { Notices, Theme };
