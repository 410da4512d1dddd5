import { describe, expect, it } from 'vitest';
import { MemoryProjectFs } from './memory-fs';
import { GitFs } from './git-fs';

function setup() {
	const store = new MemoryProjectFs();
	store.files.set('a/b.txt', { data: 'bee', mtime: 5000 });
	return { store, fs: new GitFs(store) };
}

describe('the isomorphic-git fs adapter', () => {
	it('answers with the error codes isomorphic-git expects', async () => {
		const { fs } = setup();
		await expect(fs.promises.readFile('/missing')).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(fs.promises.stat('/a/b.txt/c')).rejects.toMatchObject({ code: 'ENOTDIR' });
		await expect(fs.promises.readdir('/a/b.txt')).rejects.toMatchObject({ code: 'ENOTDIR' });
		await expect(fs.promises.mkdir('/a')).rejects.toMatchObject({ code: 'EEXIST' });
		await expect(fs.promises.mkdir('/x/y')).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(fs.promises.writeFile('/x/y', 'z')).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(fs.promises.readFile('/a')).rejects.toMatchObject({ code: 'EISDIR' });
		await expect(fs.promises.rmdir('/a')).rejects.toMatchObject({ code: 'ENOTEMPTY' });
	});

	it('reports a file removed since the listing was read as missing', async () => {
		const { store, fs } = setup();
		await fs.promises.readdir('/');
		store.files.delete('a/b.txt');
		await expect(fs.promises.readFile('/a/b.txt')).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('stats files and folders, reads text or bytes, lists folders', async () => {
		const { fs } = setup();
		const stat = await fs.promises.lstat('/a/b.txt');
		expect([stat.isFile(), stat.isDirectory(), stat.size, stat.mtimeMs]).toEqual([true, false, 3, 5000]);
		expect((await fs.promises.stat('/a')).isDirectory()).toBe(true);
		expect(await fs.promises.readFile('/a/b.txt', 'utf8')).toBe('bee');
		expect(await fs.promises.readFile('/a/b.txt')).toEqual(new TextEncoder().encode('bee'));
		expect(await fs.promises.readdir('/')).toEqual(['a']);
	});

	it('holds writes until flush, sees them meanwhile, and lands them in one batch', async () => {
		const { store, fs } = setup();
		await fs.promises.mkdir('/.git');
		await fs.promises.mkdir('/.git/refs');
		await fs.promises.mkdir('/.git/refs/tags');
		await fs.promises.writeFile('/.git/HEAD', 'ref: refs/heads/main\n');
		await fs.promises.writeFile('/.git/tmp', 'x');
		await fs.promises.unlink('/.git/tmp');
		await fs.promises.unlink('/a/b.txt');
		expect(await fs.promises.readFile('/.git/HEAD', 'utf8')).toBe('ref: refs/heads/main\n');
		expect(await fs.promises.readdir('/.git')).toEqual(['refs', 'HEAD']);
		expect(store.files.has('.git/HEAD')).toBe(false);
		await fs.flush();
		expect(store.files.has('.git/HEAD')).toBe(true);
		expect(store.files.has('.git/tmp')).toBe(false);
		expect(store.files.has('a/b.txt')).toBe(false);
		expect([...store.dirs]).toEqual(['.git/refs/tags']);
		// the removal, the batch of writes, the empty folder
		expect(store.batches).toBe(3);
	});
});
