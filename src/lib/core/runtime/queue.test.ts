import { describe, expect, it } from 'vitest';
import { MirrorQueue, type MirrorOp } from './queue';

function gate() {
	let open!: () => void;
	const promise = new Promise<void>((r) => (open = r));
	return { promise, open };
}

describe('MirrorQueue', () => {
	it('holds operations until started, then runs them in order', async () => {
		const done: string[] = [];
		const queue = new MirrorQueue(async (op) => void done.push(op.kind === 'rename' ? `${op.from}>${op.to}` : `${op.kind}:${op.path}`));
		void queue.push({ kind: 'mkdir', path: 'a' });
		void queue.push({ kind: 'write', path: 'a/x', data: '1' });
		void queue.push({ kind: 'rename', from: 'a/x', to: 'a/y' });
		expect(done).toEqual([]);
		queue.start();
		await queue.idle();
		expect(done).toEqual(['mkdir:a', 'write:a/x', 'a/x>a/y']);
	});

	it('coalesces waiting writes to one path into the last one', async () => {
		const writes: string[] = [];
		const first = gate();
		const queue = new MirrorQueue(async (op) => {
			if (op.kind === 'write') writes.push(`${op.path}=${String(op.data)}`);
			if (op.kind === 'mkdir') await first.promise;
		});
		queue.start();
		void queue.push({ kind: 'mkdir', path: 'busy' });
		const pushes = ['1', '2', '3', '4'].map((data) => queue.push({ kind: 'write', path: 'f.txt', data }));
		void queue.push({ kind: 'write', path: 'other.txt', data: 'o' });
		expect(queue.size).toBe(2);
		first.open();
		await Promise.all(pushes);
		await queue.idle();
		expect(writes).toEqual(['f.txt=4', 'other.txt=o']);
	});

	it('does not merge writes across an operation on the same path', async () => {
		const ops: MirrorOp[] = [];
		const queue = new MirrorQueue(async (op) => void ops.push(op));
		void queue.push({ kind: 'write', path: 'd/f', data: '1' });
		void queue.push({ kind: 'remove', path: 'd' });
		void queue.push({ kind: 'write', path: 'd/f', data: '2' });
		queue.start();
		await queue.idle();
		expect(ops.map((o) => o.kind)).toEqual(['write', 'remove', 'write']);
	});

	it('coalesces repeated sync requests for one path', async () => {
		const ops: MirrorOp[] = [];
		const queue = new MirrorQueue(async (op) => void ops.push(op));
		for (let i = 0; i < 5; i++) void queue.push({ kind: 'sync', path: 'out.txt' });
		queue.start();
		await queue.idle();
		expect(ops).toEqual([{ kind: 'sync', path: 'out.txt' }]);
	});

	it('reports a failed operation and goes on with the next', async () => {
		const errors: string[] = [];
		const ran: string[] = [];
		const queue = new MirrorQueue(
			async (op) => {
				if (op.kind === 'write' && op.path === 'bad') throw new Error('disk full');
				ran.push(op.kind);
			},
			(error) => errors.push((error as Error).message)
		);
		queue.start();
		await expect(queue.push({ kind: 'write', path: 'bad', data: '' })).rejects.toThrow('disk full');
		await queue.push({ kind: 'mkdir', path: 'ok' });
		expect(errors).toEqual(['disk full']);
		expect(ran).toEqual(['mkdir']);
	});

	it('clear drops what has not started and settles its callers', async () => {
		const ran: string[] = [];
		const queue = new MirrorQueue(async (op) => void ran.push(op.kind));
		const waiting = queue.push({ kind: 'write', path: 'a', data: '' });
		queue.clear();
		await waiting;
		await queue.idle();
		expect(ran).toEqual([]);
	});
});
