import type { ProjectFileSystem, ProjectFileSystems } from '../core/ports';
import type { ProjectRecord } from '../platform/store/db';
import type { Records } from '../platform/store/records';
import { uniqueProjectName, validateProjectName } from '../core/projects/names';

const UNFINISHED_IMPORT_AGE_MS = 60 * 60 * 1000;

export type ProjectTemplate = 'blank' | 'sample';

/** The project list on the home page, and the one place projects are created and removed. */
export class Projects {
	#list = $state<ProjectRecord[]>([]);
	loaded = $state(false);

	constructor(
		private readonly records: Records,
		private readonly files: ProjectFileSystems,
		private readonly newId: () => string
	) {}

	get list(): ProjectRecord[] {
		return [...this.#list].sort((a, b) => b.updatedAt - a.updatedAt);
	}

	async load(): Promise<void> {
		this.#list = await this.records.projects();
		this.loaded = true;
	}

	/**
	 * Removes files left by imports that never finished (the tab closed mid-way: the project record
	 * is written last, so none exists). Only files untouched for an hour, so an import still running
	 * in another tab is left alone.
	 */
	async sweepUnfinishedImports(now = Date.now()): Promise<number> {
		const known = new Set(this.#list.map((p) => p.id)); // eslint-disable-line svelte/prefer-svelte-reactivity -- a local lookup, not state
		const stale = (await this.files.stored()).filter((s) => !known.has(s.projectId) && now - s.lastWrite > UNFINISHED_IMPORT_AGE_MS);
		for (const { projectId } of stale) await this.files.drop(projectId);
		return stale.length;
	}

	async get(id: string): Promise<ProjectRecord | undefined> {
		return this.#list.find((p) => p.id === id) ?? (await this.records.project(id));
	}

	/** Writes the files first and the record last, so a failure leaves no half-made project behind. */
	async create(name: string, template: ProjectTemplate): Promise<ProjectRecord> {
		const taken = this.#list.map((p) => p.name);
		const id = this.newId();
		const files = this.files.open(id);
		let projectName: string;
		if (template === 'sample') {
			const sample = await import('../sample/sample-project');
			projectName = name.trim() ? validateProjectName(name, taken) : uniqueProjectName(sample.SAMPLE_PROJECT_NAME, taken);
			await this.guarded(id, () =>
				files.writeMany(sample.sampleProjectFiles.map((f) => ({ path: f.path, data: f.content })))
			);
		} else {
			projectName = validateProjectName(name, taken);
			await this.guarded(id, () => files.writeFile('README.md', `# ${projectName}\n`));
		}
		const now = Date.now();
		const record: ProjectRecord = { id, name: projectName, createdAt: now, updatedAt: now };
		await this.guarded(id, () => this.records.putProject(record));
		this.#list = [...this.#list, record];
		return record;
	}

	/**
	 * A project whose files come from elsewhere (an import). The name is made unique only at the end,
	 * when the files are all written, so a project created meanwhile cannot take it.
	 */
	async createFilled(baseName: string, fill: (files: ProjectFileSystem) => Promise<void>): Promise<ProjectRecord> {
		const id = this.newId();
		await this.guarded(id, () => fill(this.files.open(id)));
		const now = Date.now();
		const name = uniqueProjectName(baseName, this.#list.map((p) => p.name));
		const record: ProjectRecord = { id, name, createdAt: now, updatedAt: now };
		await this.guarded(id, () => this.records.putProject(record));
		this.#list = [...this.#list, record];
		return record;
	}

	async rename(id: string, name: string): Promise<void> {
		const project = this.#list.find((p) => p.id === id);
		if (!project) return;
		const newName = validateProjectName(
			name,
			this.#list.map((p) => p.name),
			project.name
		);
		const updated = { ...project, name: newName, updatedAt: Date.now() };
		await this.records.putProject(updated);
		this.#list = this.#list.map((p) => (p.id === id ? updated : p));
	}

	/** Removes the record first: a project whose files failed to go is invisible, never half-listed. */
	async remove(id: string): Promise<void> {
		await this.records.deleteProject(id);
		this.#list = this.#list.filter((p) => p.id !== id);
		await this.files.drop(id);
	}

	async touch(id: string): Promise<void> {
		const project = this.#list.find((p) => p.id === id);
		if (!project) return;
		const updated = { ...project, updatedAt: Date.now() };
		this.#list = this.#list.map((p) => (p.id === id ? updated : p));
		await this.records.putProject(updated);
	}

	private async guarded(id: string, op: () => Promise<void>): Promise<void> {
		try {
			await op();
		} catch (error) {
			await this.files.drop(id).catch(() => undefined);
			throw error;
		}
	}
}
