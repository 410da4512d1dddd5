import { describe, expect, it } from 'vitest';
import { basename, dirname, extname, isWithin, joinPath, normalizePath } from './paths';
import { SpecwrightError } from '../errors';

describe('normalizePath', () => {
	it.each([
		['src/a.ts', 'src/a.ts'],
		['./src//a.ts', 'src/a.ts'],
		['src\\lib\\a.ts', 'src/lib/a.ts'],
		[' docs/readme.md ', 'docs/readme.md'],
		['a/./b/', 'a/b']
	])('%j becomes %j', (input, expected) => {
		expect(normalizePath(input)).toBe(expected);
	});

	it.each([
		['', 'path-empty'],
		['./', 'path-empty'],
		['/etc/passwd', 'path-absolute'],
		['C:\\Windows', 'path-absolute'],
		['../x', 'path-outside'],
		['a/../../x', 'path-outside'],
		['a/..', 'path-outside'],
		['a/b?c', 'path-invalid'],
		['a/\u0000', 'path-invalid']
	])('%j is refused with %s', (input, code) => {
		try {
			normalizePath(input);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(SpecwrightError);
			expect((error as SpecwrightError).code).toBe(code);
		}
	});
});

describe('path helpers', () => {
	it('split and join', () => {
		expect(dirname('a/b/c.ts')).toBe('a/b');
		expect(dirname('c.ts')).toBe('');
		expect(basename('a/b/c.ts')).toBe('c.ts');
		expect(joinPath('', 'x')).toBe('x');
		expect(joinPath('a', 'x')).toBe('a/x');
		expect(extname('a/b.Spec.TS')).toBe('ts');
		expect(extname('.gitignore')).toBe('');
	});

	it('isWithin matches whole segments only', () => {
		expect(isWithin('src/a.ts', 'src')).toBe(true);
		expect(isWithin('src', 'src')).toBe(true);
		expect(isWithin('src2/a.ts', 'src')).toBe(false);
	});
});
