import type { Git, ProjectFileSystem, ProjectGit } from '../../core/ports';
import { initInBackground } from './init-client';

/**
 * Git for projects, loaded on first use: isomorphic-git is large and must stay out of the first paint.
 * The Buffer global is set up before isomorphic-git is evaluated, so the imports go one after another.
 */
export async function loadGit(): Promise<Git> {
	await import('./buffer-global');
	const { IsoProjectGit } = await import('./project-git');
	const http = () => import('isomorphic-git/http/web').then((m) => m.default);
	return { open: (fs: ProjectFileSystem): ProjectGit => new IsoProjectGit(fs, http), initInBackground };
}
