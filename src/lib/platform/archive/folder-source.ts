import type { FolderFile, FolderListing } from '../../core/archive/run-import';

/**
 * Local folders as the browser hands them over: a directory <input> (listed by the browser, paths
 * begin with the chosen folder's name) or a dropped folder (walked here). Bytes are read only when
 * the import asks for them, after its checks have passed.
 */

function fromFile(path: string, file: File): FolderFile {
	return { path, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) };
}

/** From <input type="file" webkitdirectory>. */
export function folderFromFileList(files: ArrayLike<File>): FolderListing {
	const list = Array.from(files);
	const name = list[0]?.webkitRelativePath.split('/')[0] || 'Imported folder';
	return { name, folders: [], files: list.map((f) => fromFile(f.webkitRelativePath || f.name, f)) };
}

/**
 * From a dropped folder (DataTransferItem.webkitGetAsEntry). Excluded folders are noted but not
 * walked into: a node_modules folder can hold a hundred thousand files.
 */
export async function folderFromEntry(
	root: FileSystemDirectoryEntry,
	excluded: readonly string[],
	signal: AbortSignal,
	onFound: (files: number) => void
): Promise<FolderListing> {
	const files: FolderFile[] = [];
	const folders: string[] = [];
	const walk = async (dir: FileSystemDirectoryEntry, path: string): Promise<void> => {
		const children = await readEntries(dir);
		if (children.length === 0) folders.push(path);
		for (const child of children) {
			signal.throwIfAborted();
			const childPath = `${path}/${child.name}`;
			if (isDirectory(child)) {
				if (excluded.includes(child.name)) folders.push(childPath);
				else await walk(child, childPath);
			} else if (isFile(child)) {
				files.push(fromFile(childPath, await fileOf(child)));
				onFound(files.length);
			}
		}
	};
	await walk(root, root.name);
	return { name: root.name, files, folders };
}

export function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
	return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
	return entry.isFile;
}

/** readEntries returns a folder's children a hundred or so at a time, until an empty batch. */
async function readEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
	const reader = dir.createReader();
	const all: FileSystemEntry[] = [];
	for (;;) {
		const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
		if (batch.length === 0) return all;
		all.push(...batch);
	}
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
	return new Promise((resolve, reject) => entry.file(resolve, reject));
}
