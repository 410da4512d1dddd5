import { SpecwrightError } from '../errors';

/**
 * Project paths are relative, `/`-separated, with no empty, `.` or `..` segments. Everything that
 * names a file (the UI, a zip, a repository, the agent) goes through here, so nothing can reach
 * outside the project.
 */
export function normalizePath(input: string): string {
	const raw = input.replace(/\\/g, '/').trim();
	if (raw === '') throw new SpecwrightError('path-empty', 'A file name is required.');
	if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw)) {
		throw new SpecwrightError('path-absolute', `"${input}" is an absolute path.`, {
			hint: 'Use a path inside the project, such as src/index.ts.'
		});
	}
	const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
	if (parts.some((p) => p === '..')) {
		throw new SpecwrightError('path-outside', `"${input}" points outside the project.`, {
			hint: 'Paths may not contain "..".'
		});
	}
	if (parts.length === 0) throw new SpecwrightError('path-empty', 'A file name is required.');
	for (const part of parts) {
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u001f<>:"|?*]/.test(part)) {
			throw new SpecwrightError('path-invalid', `"${part}" contains a character that file names cannot hold.`);
		}
	}
	return parts.join('/');
}

export function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i === -1 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
	return dir === '' ? name : `${dir}/${name}`;
}

/** True when `path` is `dir` itself or lies inside it. */
export function isWithin(path: string, dir: string): boolean {
	return path === dir || path.startsWith(`${dir}/`);
}

export function extname(path: string): string {
	const base = basename(path);
	const i = base.lastIndexOf('.');
	return i <= 0 ? '' : base.slice(i + 1).toLowerCase();
}

/** Paths git keeps to itself: never shown in the file tree, exported, mirrored or given to the model. */
export function isGitInternal(path: string): boolean {
	return path === '.git' || path.startsWith('.git/');
}
