import type { SpecMetaRecord } from '../platform/store/db';
import type { Approval } from '../core/workflow';
import type { SpecDeps } from './spec-deps';

/**
 * Writes one spec's record (its prompt, approvals and last activity). Writes go one after another:
 * each reads the record the last one wrote, so an approval made while a job's bookkeeping is still
 * being written is not overwritten by that older state. Fields it does not own (the archive flag,
 * the spending cap) are kept as they are.
 */
export class SpecRecordWriter {
	/** Settles once the record exists: for a spec just created, its first write is still on its way. */
	created: Promise<void> = Promise.resolve();
	#last: Promise<void> = Promise.resolve();

	constructor(
		private readonly deps: SpecDeps,
		private readonly spec: string
	) {}

	/** `now` is read when the write's turn comes, so it carries the spec's state at that moment. */
	write(now: () => { prompt: string; approvals: Approval[] }): Promise<void> {
		const write = this.#last.then(() => this.#write(now()));
		this.#last = write.catch(() => undefined);
		return write;
	}

	async #write(fields: { prompt: string; approvals: Approval[] }): Promise<void> {
		await this.created;
		const { projectId } = this.deps;
		const existing = await this.deps.records.specMeta(projectId, this.spec);
		const record: SpecMetaRecord = {
			...existing,
			projectId,
			spec: this.spec,
			...fields,
			archived: existing?.archived ?? false,
			lastActivity: this.deps.now()
		};
		await this.deps.records.putSpecMeta(record);
		this.deps.touched?.(this.spec);
	}
}
