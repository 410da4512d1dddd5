/** The file system workload: 1,000 files of 2 KB in a nested tree, like a small imported repository. */

export const FILE_COUNT = 1000;
export const FILE_BYTES = 2048;

export interface BenchFile {
	path: string;
	data: Uint8Array;
}

/**
 * `src/mod<a>/part<b>/file<c>.ts`: 10 × 10 folders of 10 files, so the stores that keep real folders
 * (LightningFS, OPFS) pay for creating and walking them as they would on an import.
 */
export function makeFiles(): BenchFile[] {
	const encoder = new TextEncoder();
	const files: BenchFile[] = [];
	for (let i = 0; i < FILE_COUNT; i++) {
		const path = `src/mod${Math.floor(i / 100)}/part${Math.floor(i / 10) % 10}/file${i % 10}.ts`;
		// Distinct text per file, so a store that mixed files up fails verification.
		const line = `export const value${i} = ${JSON.stringify(path)};\n`;
		const data = encoder.encode(line.repeat(Math.ceil(FILE_BYTES / line.length)).slice(0, FILE_BYTES));
		files.push({ path, data });
	}
	return files;
}

/** Folders of the workload, parents before children. */
export function folders(files: readonly BenchFile[]): string[] {
	const dirs = new Set<string>();
	for (const { path } of files) {
		const parts = path.split('/');
		for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
	}
	return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length);
}

/** Throws unless every file came back byte for byte: a fast store that loses data measures nothing. */
export function verify(files: readonly BenchFile[], back: ReadonlyMap<string, Uint8Array>): void {
	if (back.size !== files.length) throw new Error(`read back ${back.size} files, wrote ${files.length}`);
	for (const { path, data } of files) {
		const got = back.get(path);
		if (!got || got.byteLength !== data.byteLength || got.some((b, i) => b !== data[i])) {
			throw new Error(`${path} did not read back as written`);
		}
	}
}
