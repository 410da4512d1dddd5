import { describe, expect, it } from 'vitest';
import { MemoryFs } from './memory-fs';

const text = (data: Uint8Array | string) => (typeof data === 'string' ? data : new TextDecoder().decode(data));

describe('MemoryFs', () => {
	it('writes, reads, lists and removes with node-style error codes', async () => {
		const fs = new MemoryFs();
		await fs.mkdir('/repo');
		await fs.writeFile('/repo/a.txt', 'hello');
		expect(await fs.readFile('/repo/a.txt', { encoding: 'utf8' })).toBe('hello');
		expect(text(await fs.readFile('/repo/a.txt'))).toBe('hello');
		expect(await fs.readdir('/repo')).toEqual(['a.txt']);
		expect((await fs.stat('/repo/a.txt')).size).toBe(5);
		expect((await fs.stat('/repo')).isDirectory()).toBe(true);
		await expect(fs.readFile('/repo/missing')).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(fs.writeFile('/nope/a.txt', 'x')).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(fs.mkdir('/repo')).rejects.toMatchObject({ code: 'EEXIST' });
		await expect(fs.rmdir('/repo')).rejects.toMatchObject({ code: 'ENOTEMPTY' });
		await expect(fs.readdir('/repo/a.txt')).rejects.toMatchObject({ code: 'ENOTDIR' });
		await fs.unlink('/repo/a.txt');
		await fs.rmdir('/repo');
		expect(await fs.readdir('/')).toEqual([]);
	});

	it('copies written bytes, so a shared buffer changed later does not change the file', async () => {
		const fs = new MemoryFs();
		const shared = new Uint8Array([1, 2, 3, 4]);
		await fs.writeFile('/f', shared.subarray(1, 3));
		shared[1] = 9;
		const back = (await fs.readFile('/f')) as Uint8Array;
		expect([...back]).toEqual([2, 3]);
		expect(back.byteOffset).toBe(0);
		expect(back.buffer.byteLength).toBe(2);
	});

	it('follows links for stat, not for lstat, and lists every file under a root', async () => {
		const fs = new MemoryFs();
		await fs.mkdir('/r');
		await fs.mkdir('/r/src');
		await fs.writeFile('/r/src/b.ts', 'b');
		await fs.symlink('src/b.ts', '/r/link');
		expect((await fs.lstat('/r/link')).isSymbolicLink()).toBe(true);
		expect((await fs.stat('/r/link')).isFile()).toBe(true);
		expect(await fs.readlink('/r/link')).toBe('src/b.ts');
		expect(fs.entries('/r').map((e) => [e.path, e.kind, text(e.data)])).toEqual([
			['link', 'symlink', 'src/b.ts'],
			['src/b.ts', 'file', 'b']
		]);
	});
});
