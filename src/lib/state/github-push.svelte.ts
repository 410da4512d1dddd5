import type { ProjectFileSystem } from '../core/ports';
import type { PushProgress, PushRequest, PushResult } from '../platform/github/push';
import type { GitHubSettings } from './github-settings.svelte';

export type PushProject = typeof import('../platform/github/push').pushProject;

/**
 * One project's push to GitHub: progress, cancel and the result to link to. The push code is
 * loaded when the first push starts, never with the workbench.
 */
export class GitHubPush {
	progress = $state<PushProgress | null>(null);
	result = $state<PushResult | null>(null);
	#controller: AbortController | null = null;

	constructor(
		private readonly fs: ProjectFileSystem,
		private readonly connection: () => Promise<GitHubSettings>,
		private readonly load: () => Promise<PushProject>
	) {}

	get busy(): boolean {
		return this.#controller !== null;
	}

	/** Resolves to null when cancelled; throws what went wrong otherwise. */
	async push(request: PushRequest): Promise<PushResult | null> {
		if (this.#controller) return null;
		const controller = new AbortController();
		this.#controller = controller;
		this.result = null;
		this.progress = { phase: 'preparing', files: 0, totalFiles: 0, bytes: 0, totalBytes: 0 };
		try {
			const pushProject = await this.load();
			const connection = { ...(await this.connection()) };
			this.result = await pushProject(connection, this.fs, request, controller.signal, (p) => (this.progress = p));
			return this.result;
		} catch (error) {
			if (controller.signal.aborted) return null;
			throw error;
		} finally {
			this.progress = null;
			this.#controller = null;
		}
	}

	cancel(): void {
		this.#controller?.abort();
	}
}
