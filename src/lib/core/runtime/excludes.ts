/**
 * What never flows back from the runtime into the persistent files: dependencies, build outputs
 * and caches. They are large, can be rebuilt, and would fill the browser's storage.
 */
export const DEFAULT_SYNC_EXCLUDES: readonly string[] = [
	'node_modules',
	'.git',
	'dist',
	'build',
	'out',
	'.svelte-kit',
	'.next',
	'.nuxt',
	'.output',
	'.vite',
	'.turbo',
	'.parcel-cache',
	'.cache',
	'coverage',
	'.npm',
	'*.log',
	'.DS_Store'
];

function globToRegExp(glob: string): RegExp {
	const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
	return new RegExp(`^${body}$`);
}

/**
 * A pattern without `/` matches a file or folder name at any depth (`node_modules`, `*.log`); a
 * pattern with `/` matches a path from the project root and everything under it (`src/generated`).
 */
export function excludeMatcher(patterns: readonly string[] = DEFAULT_SYNC_EXCLUDES): (path: string) => boolean {
	const names: RegExp[] = [];
	const prefixes: RegExp[] = [];
	for (const raw of patterns) {
		const pattern = raw.trim().replace(/^\/+|\/+$/g, '');
		if (pattern === '' || pattern.startsWith('#')) continue;
		(pattern.includes('/') ? prefixes : names).push(globToRegExp(pattern));
	}
	return (path) => {
		const parts = path.split('/');
		if (parts.some((part) => names.some((re) => re.test(part)))) return true;
		for (let i = 1; i <= parts.length; i++) {
			const head = parts.slice(0, i).join('/');
			if (prefixes.some((re) => re.test(head))) return true;
		}
		return false;
	};
}

/** Settings text (one pattern a line) to a list; blank lines and `#` comments are skipped. */
export function parseExcludes(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}
