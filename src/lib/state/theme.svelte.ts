export type ThemeMode = 'system' | 'light' | 'dark';

const KEY = 'specwright.theme';

/**
 * The colour theme. Kept in localStorage (not IndexedDB) because app.html reads it synchronously
 * before first paint; it holds no secret.
 */
export class Theme {
	mode = $state<ThemeMode>('system');
	#systemDark = $state(false);

	constructor() {
		const saved = safeGet();
		if (saved === 'light' || saved === 'dark') this.mode = saved;
		const query = matchMedia('(prefers-color-scheme: dark)');
		this.#systemDark = query.matches;
		query.addEventListener('change', (e) => (this.#systemDark = e.matches));
	}

	get resolved(): 'light' | 'dark' {
		return this.mode === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.mode;
	}

	set(mode: ThemeMode): void {
		this.mode = mode;
		try {
			if (mode === 'system') localStorage.removeItem(KEY);
			else localStorage.setItem(KEY, mode);
		} catch {
			// Storage can be blocked; the theme still applies for this visit.
		}
		this.apply();
	}

	toggle(): void {
		this.set(this.resolved === 'dark' ? 'light' : 'dark');
	}

	apply(): void {
		document.documentElement.dataset.theme = this.resolved;
	}
}

function safeGet(): string | null {
	try {
		return localStorage.getItem(KEY);
	} catch {
		return null;
	}
}
