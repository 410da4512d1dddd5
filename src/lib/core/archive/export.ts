import type { ZipOptions } from 'fflate';
import type { FileData, FileEntry } from '../ports';
import { dirname, extname } from '../fs/paths';
import { isGitInternal } from '../git/status';

/** An fflate "zippable": path → [bytes, options]. Built here so the layout is tested in Node. */
export type ZipInput = Record<string, [Uint8Array, ZipOptions]>;

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const PRECOMPRESSED = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'zip', 'gz', 'tgz', 'br', '7z', 'woff', 'woff2', 'mp3', 'mp4', 'webm', 'ogg']);
/** Zip dates start in 1980; fflate refuses anything earlier. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);
/** The MS-DOS "directory" attribute: what unzip tools look at besides the trailing slash. */
const DOS_DIRECTORY = 0x10;

const encoder = new TextEncoder();

/**
 * Every file with its modification time, and a "folder/" entry for each empty folder so that it
 * survives a round trip through the zip.
 */
export function exportEntries(listing: readonly FileEntry[], contents: ReadonlyMap<string, FileData>): ZipInput {
	const input: ZipInput = {};
	// The history stays out: a zip is the project's files, and .git may hold a remote's address.
	listing = listing.filter((e) => !isGitInternal(e.path));
	contents = new Map([...contents].filter(([path]) => !isGitInternal(path)));
	const mtimeOf = new Map(listing.map((e) => [e.path, e.mtime]));
	for (const [path, data] of [...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const bytes = typeof data === 'string' ? encoder.encode(data) : data;
		input[path] = [bytes, { level: PRECOMPRESSED.has(extname(path)) ? 0 : 6, mtime: zipTime(mtimeOf.get(path)) }];
	}
	const parents = new Set<string>();
	for (const path of [...contents.keys(), ...listing.map((e) => e.path)]) {
		for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) parents.add(dir);
	}
	for (const entry of listing) {
		if (entry.kind === 'dir' && !parents.has(entry.path)) input[`${entry.path}/`] = [new Uint8Array(0), { level: 0, attrs: DOS_DIRECTORY, mtime: zipTime(entry.mtime) }];
	}
	return input;
}

function zipTime(mtime: number | undefined): number {
	return Math.max(mtime ?? Date.now(), ZIP_EPOCH);
}

/** "My app: v2" → "My app- v2.zip": a name every system can save. */
export function zipFileName(projectName: string): string {
	// eslint-disable-next-line no-control-regex
	const safe = projectName.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '-').replace(/^[\s.]+|[\s.]+$/g, '');
	return `${safe === '' ? 'project' : safe}.zip`;
}
