/**
 * What an import may hold. The sizes keep one import well inside what IndexedDB and the editor
 * handle comfortably; the ratio stops zip bombs, whose entries compress thousands of times.
 */
export interface ImportLimits {
	/** The zip file itself: it is read into memory whole, so a huge one is refused before reading. */
	maxArchiveBytes: number;
	/** Sum of the files written. Larger imports are refused before anything is unpacked. */
	maxTotalBytes: number;
	/** Any single file above this is skipped and reported. */
	maxFileBytes: number;
	/** Binary files (images, archives, fonts…) above this are skipped and reported. */
	maxBinaryBytes: number;
	/** Uncompressed ÷ compressed size above which an entry counts as a bomb… */
	maxRatio: number;
	/** …once it is larger than this: small runs of one byte compress far better than 100:1 honestly. */
	ratioFloorBytes: number;
	/** More files than this and the user is asked before the import goes on. */
	askAboveFiles: number;
	/** More files than this are refused outright. */
	maxFiles: number;
}

const MB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
	maxArchiveBytes: 400 * MB,
	maxTotalBytes: 200 * MB,
	maxFileBytes: 50 * MB,
	maxBinaryBytes: 5 * MB,
	maxRatio: 100,
	ratioFloorBytes: 1 * MB,
	askAboveFiles: 5_000,
	maxFiles: 50_000
};

/** Installed packages and a repository's history are rebuilt, not imported: left out by default. */
export const DEFAULT_EXCLUDED_FOLDERS: readonly string[] = ['.git', 'node_modules'];

export function formatMegabytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
	const mb = bytes / MB;
	return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
