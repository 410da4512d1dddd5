import { describe, expect, it } from 'vitest';
import { SpecRecordWriter } from './spec-record';
import type { SpecDeps } from './spec-deps';
import type { SpecMetaRecord } from '../platform/store/db';
import type { Approval } from '../core/workflow';

/** A record store whose first read is slow and later ones quick: without an order, a later write would land first. */
function setup() {
	let stored: SpecMetaRecord | undefined = { projectId: 'p1', spec: 'todo', prompt: 'x', approvals: [], archived: true, lastActivity: 0, capUsd: 5 } as SpecMetaRecord;
	const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	const readTimes = [40, 5];
	const records = {
		specMeta: async () => {
			const seen = stored && structuredClone(stored);
			await delay(readTimes.shift() ?? 5);
			return seen;
		},
		putSpecMeta: async (record: SpecMetaRecord) => void (stored = record)
	};
	let clock = 0;
	const deps = { projectId: 'p1', records, now: () => ++clock } as unknown as SpecDeps;
	return { writer: new SpecRecordWriter(deps, 'todo'), stored: () => stored };
}

const approval = (phase: Approval['phase']): Approval => ({ phase, at: 1, hash: 'h' });

describe('SpecRecordWriter', () => {
	it('keeps an approval made while an earlier write was on its way', async () => {
		const { writer, stored } = setup();
		let approvals: Approval[] = [];
		const earlier = writer.write(() => ({ prompt: 'x', approvals }));
		approvals = [approval('requirements')];
		const later = writer.write(() => ({ prompt: 'x', approvals }));
		await Promise.all([earlier, later]);
		expect(stored()?.approvals).toEqual([approval('requirements')]);
	});

	it('keeps the fields it does not own', async () => {
		const { writer, stored } = setup();
		await writer.write(() => ({ prompt: 'y', approvals: [] }));
		expect(stored()).toMatchObject({ prompt: 'y', archived: true, capUsd: 5, lastActivity: 1 });
	});
});
