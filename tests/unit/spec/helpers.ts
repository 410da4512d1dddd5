/** Test helpers for src/lib/core/spec: fixtures are read as strings with their bytes untouched (CRLF stays CRLF). */
import { readFileSync } from 'node:fs';

export function fixture(name: string): string {
	return readFileSync(new URL(`../../../src/lib/core/spec/fixtures/${name}`, import.meta.url), 'utf8');
}

/** 1-based numbers of the lines that differ between two texts split on the same line endings. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[]; from: number } {
	const a = before.split(/(?<=\n)/).filter((l) => l !== '');
	const b = after.split(/(?<=\n)/).filter((l) => l !== '');
	let p = 0;
	while (p < a.length && p < b.length && a[p] === b[p]) p++;
	let s = 0;
	while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
	return { removed: a.slice(p, a.length - s), added: b.slice(p, b.length - s), from: p + 1 };
}
