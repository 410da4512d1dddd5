import { describe, expect, it } from 'vitest';
import { Specs } from './specs.svelte';
import type { SpecDeps } from './spec-deps';
import type { Workspace } from './workspace.svelte';
import type { SpecMetaRecord } from '../platform/store/db';
import type { Records } from '../platform/store/records';
import type { ProjectFileSystem } from '../core/ports';

/** One spec, `todo`, whose record reads are answered by the test, one by one. */
function setup() {
	const reads: Array<(record: SpecMetaRecord) => void> = [];
	const workspace = {
		entries: [
			{ kind: 'dir', path: '.kiro/specs/todo' },
			{ kind: 'file', path: '.kiro/specs/todo/requirements.md' }
		],
		isFile: (path: string) => path === '.kiro/specs/todo/requirements.md',
		refresh: async () => undefined
	} as unknown as Workspace;
	const deps = {
		projectId: 'p1',
		fs: { readText: async () => '# Requirements Document\n' } as unknown as ProjectFileSystem,
		records: { specMeta: () => new Promise<SpecMetaRecord>((resolve) => reads.push(resolve)) } as unknown as Records
	} as unknown as SpecDeps;
	const record = (lastActivity: number, archived: boolean): SpecMetaRecord => ({ projectId: 'p1', spec: 'todo', prompt: '', approvals: [], archived, lastActivity });
	return { specs: new Specs(workspace, deps), reads, record };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('the specs dashboard', () => {
	it('keeps the newer row when an older read of the same spec finishes last', async () => {
		const { specs, reads, record } = setup();
		const older = specs.summarize('todo');
		const newer = specs.summarize('todo');
		await settle();
		expect(reads).toHaveLength(2);
		reads[1]!(record(2, true));
		await newer;
		reads[0]!(record(1, false));
		await older;
		expect(specs.summaries).toHaveLength(1);
		expect(specs.summaries[0]).toMatchObject({ name: 'todo', lastActivity: 2, archived: true });
	});

	it('takes a read that finishes in order', async () => {
		const { specs, reads, record } = setup();
		const first = specs.summarize();
		await settle();
		reads[0]!(record(1, false));
		await first;
		const second = specs.summarize('todo');
		await settle();
		reads[1]!(record(3, true));
		await second;
		expect(specs.summaries).toEqual([expect.objectContaining({ name: 'todo', lastActivity: 3, archived: true })]);
	});
});

describe('specs changed in another tab', () => {
	it('reads a loaded spec again, and its row, unless it is busy', async () => {
		let stored = '# Requirements Document\n\nFirst.\n';
		const workspace = { entries: [{ kind: 'dir', path: '.kiro/specs/todo' }], refresh: async () => undefined } as unknown as Workspace;
		const deps = {
			projectId: 'p1',
			fs: { readText: async (path: string) => (path.endsWith('requirements.md') ? stored : Promise.reject(new Error('none'))) } as unknown as ProjectFileSystem,
			records: { specMeta: async () => undefined } as unknown as Records
		} as unknown as SpecDeps;
		const specs = new Specs(workspace, deps);
		const session = await specs.open('todo');
		expect(session.docs.requirements).toContain('First.');

		stored = '# Requirements Document\n\nSecond.\n';
		await specs.changedElsewhere(['todo']);
		expect(session.docs.requirements).toContain('Second.');
		expect(specs.summaries.map((s) => s.name)).toEqual(['todo']);

		// While it writes, it keeps what it has.
		session.generating = { phase: 'requirements', text: '', waitUntil: null };
		stored = '# Requirements Document\n\nThird.\n';
		await specs.changedElsewhere(['todo']);
		expect(session.docs.requirements).toContain('Second.');
	});
});
