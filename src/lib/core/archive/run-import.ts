import { SpecwrightError } from '../errors';
import type { FileData, ProjectFileSystem } from '../ports';
import { planImport, skipAfterReading, type ImportCandidate, type ImportPlan, type ImportSource, type PlannedFile, type SkippedItem } from './import-plan';
import { projectNameFromFileName } from './import-report';
import { DEFAULT_IMPORT_LIMITS, formatMegabytes, type ImportLimits } from './limits';
import { readZipDirectory, type ZipEntry } from './zip-directory';

/**
 * Runs an import from a listing to a finished project, with every side effect injected: the
 * project store, the off-thread unzipper, the user's answer to "import this many files?". The
 * project record is written only after the last file, so a failure or a cancel leaves nothing.
 */

/** Unpacks entries of one zip, off the page's thread. */
export interface ZipExtractor {
	extract(entries: readonly ZipEntry[]): Promise<Uint8Array[]>;
	/** Stops the work at once; pending extractions reject as aborted. */
	dispose(): void;
}

/** A file of a local folder the browser handed over; its bytes are read only once the plan passed. */
export interface FolderFile {
	path: string;
	size: number;
	read(): Promise<Uint8Array>;
}

export interface FolderListing {
	name: string;
	files: FolderFile[];
	/** Folders seen, including excluded ones that were not walked into, so they are reported. */
	folders: string[];
}

export interface ImportProgress {
	files: number;
	totalFiles: number;
	bytes: number;
	totalBytes: number;
}

export interface ImportDeps {
	signal: AbortSignal;
	excludedFolders: readonly string[];
	limits?: ImportLimits;
	onProgress(progress: ImportProgress): void;
	/** Asked when the import holds more than limits.askAboveFiles files. */
	confirmManyFiles(count: number, bytes: number): Promise<boolean>;
	/** Creates the project around `fill`, dropping whatever it wrote if it throws. */
	createProject(baseName: string, fill: (fs: ProjectFileSystem) => Promise<void>): Promise<{ id: string; name: string }>;
}

export interface ImportOutcome {
	projectId: string;
	projectName: string;
	files: number;
	skipped: SkippedItem[];
}

/** Files per writeMany: large enough to be quick, small enough to show progress and cancel. */
const BATCH_FILES = 200;
const BATCH_BYTES = 8 * 1024 * 1024;

/** Refuses a zip too big to read before a byte of it is loaded. */
export function checkArchiveSize(bytes: number, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): void {
	if (bytes <= limits.maxArchiveBytes) return;
	throw new SpecwrightError('archive-too-large', `This zip is ${formatMegabytes(bytes)}, more than the ${formatMegabytes(limits.maxArchiveBytes)} Specwright can import.`, {
		hint: 'Leave out build output, dependencies and large assets, then zip it again.'
	});
}

/** Returns null when the user chose not to go on with a very large import. */
export async function importZip(
	zip: Uint8Array,
	fileName: string,
	openExtractor: (zip: Uint8Array) => ZipExtractor,
	deps: ImportDeps
): Promise<ImportOutcome | null> {
	type ZipCandidate = ImportCandidate & { entry: ZipEntry };
	const candidates: ZipCandidate[] = readZipDirectory(zip).map((entry) => ({
		path: entry.name,
		kind: entry.kind,
		size: entry.size,
		compressedSize: entry.compressedSize,
		entry
	}));
	const plan = planImport(candidates, { source: 'zip', excludedFolders: deps.excludedFolders, limits: deps.limits });
	if (!(await goAhead(plan, deps))) return null;
	const extractor = openExtractor(zip);
	const stop = () => extractor.dispose();
	deps.signal.addEventListener('abort', stop, { once: true });
	try {
		return await writePlan(plan, projectNameFromFileName(fileName), (batch) => extractor.extract(batch.map((f) => f.source.entry)), deps);
	} finally {
		deps.signal.removeEventListener('abort', stop);
		extractor.dispose();
	}
}

export async function importFolder(listing: FolderListing, deps: ImportDeps): Promise<ImportOutcome | null> {
	type FolderCandidate = ImportCandidate & { file?: FolderFile };
	const candidates: FolderCandidate[] = [
		...listing.folders.map((path): FolderCandidate => ({ path, kind: 'dir', size: 0 })),
		...listing.files.map((file): FolderCandidate => ({ path: file.path, kind: 'file', size: file.size, file }))
	];
	const plan = planImport(candidates, { source: 'folder', excludedFolders: deps.excludedFolders, limits: deps.limits });
	if (!(await goAhead(plan, deps))) return null;
	const read = (batch: PlannedFile<FolderCandidate>[]) => Promise.all(batch.map((f) => f.source.file?.read() ?? new Uint8Array(0)));
	return writePlan(plan, projectNameFromFileName(listing.name), read, deps);
}

/** A repository cloned into memory: working tree and .git, every file already read. */
export interface ClonedRepository {
	files: ReadonlyArray<{ path: string; kind: 'file' | 'symlink'; data: Uint8Array }>;
}

/** Writes a clone into a new project named `name`; .git is kept, whatever the excluded folders say. */
export async function importClone(repo: ClonedRepository, name: string, deps: ImportDeps): Promise<ImportOutcome | null> {
	type CloneCandidate = ImportCandidate & { data: Uint8Array };
	const candidates = repo.files.map((f): CloneCandidate => ({ path: f.path, kind: f.kind, size: f.data.byteLength, data: f.data }));
	const excludedFolders = deps.excludedFolders.filter((folder) => folder !== '.git');
	const plan = planImport(candidates, { source: 'git', excludedFolders, limits: deps.limits });
	if (!(await goAhead(plan, deps))) return null;
	return writePlan(plan, name, async (batch) => batch.map((f) => f.source.data), deps);
}

/** A file listed by a remote source (a GitHub tree), fetched only once the plan has passed. */
export interface RemoteCandidate extends ImportCandidate {
	read?(): Promise<Uint8Array>;
}

/** A listing from a remote source; `read` may limit its own concurrency: a batch asks for all its files at once. */
export async function importRemote(name: string, candidates: readonly RemoteCandidate[], source: ImportSource, deps: ImportDeps): Promise<ImportOutcome | null> {
	const plan = planImport(candidates, { source, excludedFolders: deps.excludedFolders, limits: deps.limits });
	if (!(await goAhead(plan, deps))) return null;
	const read = (batch: PlannedFile<RemoteCandidate>[]) => Promise.all(batch.map((f) => f.source.read?.() ?? new Uint8Array(0)));
	return writePlan(plan, name, read, deps);
}

async function goAhead(plan: ImportPlan<unknown>, deps: ImportDeps): Promise<boolean> {
	if (!plan.needsConfirmation) return true;
	const ok = await deps.confirmManyFiles(plan.files.length, plan.totalBytes);
	deps.signal.throwIfAborted();
	return ok;
}

async function writePlan<T>(
	plan: ImportPlan<T>,
	baseName: string,
	read: (batch: PlannedFile<T>[]) => Promise<Uint8Array[]>,
	deps: ImportDeps
): Promise<ImportOutcome> {
	const limits = deps.limits ?? DEFAULT_IMPORT_LIMITS;
	const skipped = [...plan.skipped];
	const progress: ImportProgress = { files: 0, totalFiles: plan.files.length, bytes: 0, totalBytes: plan.totalBytes };
	let written = 0;
	deps.onProgress({ ...progress });
	const project = await deps.createProject(baseName, async (fs) => {
		for (const batch of batches(plan.files)) {
			deps.signal.throwIfAborted();
			const contents = await read(batch);
			deps.signal.throwIfAborted();
			const writes: { path: string; data: FileData }[] = [];
			batch.forEach((file, i) => {
				const data = contents[i] ?? new Uint8Array(0);
				const reason = skipAfterReading(file.path, data, limits);
				if (reason) skipped.push({ path: file.path, reason, files: 1 });
				else writes.push({ path: file.path, data });
			});
			if (writes.length > 0) await fs.writeMany(writes);
			written += writes.length;
			progress.files += batch.length;
			progress.bytes += batch.reduce((sum, f) => sum + f.size, 0);
			deps.onProgress({ ...progress });
		}
		for (const folder of plan.folders) await fs.mkdir(folder);
		deps.signal.throwIfAborted();
	});
	return { projectId: project.id, projectName: project.name, files: written, skipped };
}

/** Consecutive runs of at most BATCH_FILES files and about BATCH_BYTES bytes. */
export function batches<T extends { size: number }>(files: readonly T[], maxFiles = BATCH_FILES, maxBytes = BATCH_BYTES): T[][] {
	const out: T[][] = [];
	let current: T[] = [];
	let bytes = 0;
	for (const file of files) {
		if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
			out.push(current);
			current = [];
			bytes = 0;
		}
		current.push(file);
		bytes += file.size;
	}
	if (current.length > 0) out.push(current);
	return out;
}
