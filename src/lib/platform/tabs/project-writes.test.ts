import { afterEach, describe, expect, it } from 'vitest';
import { shareProjectWrites, type ProjectWrites, type WrittenElsewhere } from './project-writes';

const open: ProjectWrites[] = [];
afterEach(() => open.splice(0).forEach((tab) => tab.close()));

/** A tab of project `id`, with what it hears from the others. */
function tab(id = 'p1') {
	const heard: WrittenElsewhere[] = [];
	const writes = shareProjectWrites(id, (written) => void heard.push(written));
	open.push(writes);
	return { writes, heard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('shareProjectWrites', () => {
	it('sends what one task changed as one message, to the other tabs of the same project only', async () => {
		const first = tab();
		const second = tab();
		const elsewhere = tab('p2');
		first.writes.file('README.md');
		first.writes.file('src/a.ts');
		first.writes.file('README.md');
		first.writes.spec('todo');
		await settle();
		expect(second.heard).toEqual([{ paths: ['README.md', 'src/a.ts'], specs: ['todo'] }]);
		expect(first.heard).toEqual([]);
		expect(elsewhere.heard).toEqual([]);
	});

	it('ignores messages that are not lists of names', async () => {
		const listener = tab();
		const raw = new BroadcastChannel('specwright:project-writes:p1');
		raw.postMessage('README.md');
		raw.postMessage({ paths: 'README.md' });
		raw.postMessage({ paths: [1, 'ok.md', null], specs: [{}] });
		await settle();
		raw.close();
		expect(listener.heard).toEqual([{ paths: ['ok.md'], specs: [] }]);
	});

	it('sends nothing once closed', async () => {
		const first = tab();
		const second = tab();
		first.writes.file('README.md');
		first.writes.close();
		await settle();
		expect(second.heard).toEqual([]);
	});
});
