import { createContext } from 'svelte';
import type { ProjectFileSystems } from '../core/ports';
import type { Projects } from './projects.svelte';
import type { Settings } from './settings.svelte';
import type { Theme } from './theme.svelte';
import type { Notices } from './notices.svelte';
import type { Commands } from './commands.svelte';
import type { StorageStatus } from './storage.svelte';
import type { Dialogs } from './dialogs.svelte';
import type { ProjectImports } from './imports.svelte';
import type { Records } from '../platform/store/records';
import type { Prices } from './prices.svelte';

/** Everything a page needs, built once by boot.ts and handed down by context. */
export interface AppContext {
	projects: Projects;
	settings: Settings;
	theme: Theme;
	notices: Notices;
	commands: Commands;
	storage: StorageStatus;
	dialogs: Dialogs;
	imports: ProjectImports;
	files: ProjectFileSystems;
	records: Records;
	/** The price table, loaded on first use. */
	prices: () => Promise<Prices>;
}

export const [getApp, setApp] = createContext<AppContext>();
