export interface StorageEstimate {
	persisted: boolean;
	usage: number;
	quota: number;
}

/** Asks the browser to keep this site's data under storage pressure, then reports the quota. */
export async function requestPersistentStorage(): Promise<StorageEstimate> {
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!storage?.estimate) return { persisted: false, usage: 0, quota: 0 };
	const persisted = (await storage.persisted?.()) || ((await storage.persist?.().catch(() => false)) ?? false);
	return { persisted, ...(await estimateStorage()) };
}

export async function estimateStorage(): Promise<{ usage: number; quota: number }> {
	const estimate = await navigator.storage.estimate().catch(() => ({ usage: 0, quota: 0 }));
	return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}
