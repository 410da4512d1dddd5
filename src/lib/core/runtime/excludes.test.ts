import { describe, expect, it } from 'vitest';
import { excludeMatcher, parseExcludes } from './excludes';

describe('excludeMatcher', () => {
	const defaults = excludeMatcher();
	it.each([
		['node_modules/react/index.js', true],
		['packages/app/node_modules/x.js', true],
		['.git/HEAD', true],
		['dist/index.html', true],
		['.svelte-kit/output/a.js', true],
		['npm-debug.log', true],
		['coverage/lcov.info', true],
		['src/dist.ts', false],
		['src/build/readme.md', true],
		['README.md', false],
		['src/index.ts', false]
	])('%s excluded: %s', (path, expected) => {
		expect(defaults(path)).toBe(expected);
	});

	it('matches patterns with a slash from the project root', () => {
		const match = excludeMatcher(['src/generated', 'tmp*']);
		expect(match('src/generated/a.ts')).toBe(true);
		expect(match('lib/src/generated/a.ts')).toBe(false);
		expect(match('tmp-1/x')).toBe(true);
		expect(match('node_modules/x')).toBe(false);
	});

	it('reads one pattern a line, skipping blanks and comments', () => {
		expect(parseExcludes('node_modules\n\n# caches\n .cache \r\n')).toEqual(['node_modules', '.cache']);
	});
});
