import { MAX_PROJECT_NAME } from '../projects/names';
import { DEFAULT_IMPORT_LIMITS, formatMegabytes, type ImportLimits } from './limits';
import type { SkippedItem } from './import-plan';

/** One line per skipped item, for the summary shown after an import. */
export function describeSkipped(item: SkippedItem, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): string {
	switch (item.reason) {
		case 'symlink':
			return `${item.path} — symbolic link`;
		case 'submodule':
			return `${item.path} — git submodule (its files live in another repository)`;
		case 'excluded-folder':
			return `${item.path}/ — left out${item.files > 0 ? ` (${item.files} ${item.files === 1 ? 'file' : 'files'})` : ''}`;
		case 'binary-too-large':
			return `${item.path} — binary file over ${formatMegabytes(limits.maxBinaryBytes)}`;
		case 'too-large':
			return `${item.path} — file over ${formatMegabytes(limits.maxFileBytes)}`;
		case 'invalid-name':
			return `${item.path} — name not allowed in a project`;
	}
}

/** "my-app.zip" → "my-app"; the caller makes it unique among the existing projects. */
export function projectNameFromFileName(fileName: string): string {
	const name = fileName
		.replace(/\.zip$/i, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, MAX_PROJECT_NAME)
		.trim();
	return name === '' ? 'Imported project' : name;
}
