import { zip } from 'fflate';
import { exportEntries, zipFileName, type ZipInput } from '../../core/archive/export';
import { SpecwrightError } from '../../core/errors';
import type { ProjectFileSystem } from '../../core/ports';

/**
 * Downloads a project as `<name>.zip`. Loaded only when asked for, so fflate stays out of the first
 * paint. fflate deflates large files in its own workers, so big projects do not freeze the page.
 */
export async function exportProjectZip(fs: ProjectFileSystem, projectName: string): Promise<{ fileName: string; files: number }> {
	// One read of every file's bytes, and the listing for the empty folders.
	const [listing, contents] = await Promise.all([fs.list(), fs.readAll()]);
	const input = exportEntries(listing, contents);
	const data = await zipAsync(input);
	const fileName = zipFileName(projectName);
	download(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
	return { fileName, files: Object.keys(input).filter((name) => !name.endsWith('/')).length };
}

function zipAsync(input: ZipInput): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		zip(input, (error, data) => {
			if (error) reject(new SpecwrightError('export-failed', 'The project could not be packed into a zip.', { hint: error.message, cause: error }));
			else resolve(data);
		});
	});
}

function download(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel a download that has not started reading the blob yet.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
