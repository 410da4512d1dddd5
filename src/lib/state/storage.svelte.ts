import type { StorageEstimate } from '../platform/store/storage-estimate';

/** What the browser grants this site: persistence and the quota in use, shown on the home page. */
export class StorageStatus {
	persisted = $state(false);
	usage = $state(0);
	quota = $state(0);

	constructor(
		private readonly request: () => Promise<StorageEstimate>,
		private readonly estimate: () => Promise<{ usage: number; quota: number }>
	) {}

	async init(): Promise<void> {
		Object.assign(this, await this.request());
	}

	async refresh(): Promise<void> {
		Object.assign(this, await this.estimate());
	}
}
