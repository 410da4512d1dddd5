import { describe, expect, it } from 'vitest';
import { OutputTail, packageScripts } from './scripts';

describe('packageScripts', () => {
	it('lists string scripts in order', () => {
		expect(packageScripts('{"scripts":{"dev":"vite","test":"vitest","bad":3}}')).toEqual([
			{ name: 'dev', command: 'vite' },
			{ name: 'test', command: 'vitest' }
		]);
	});
	it.each([null, '', '{', '[]', '{"scripts":null}', '{"name":"x"}'])('nothing for %j', (text) => {
		expect(packageScripts(text)).toEqual([]);
	});
});

describe('OutputTail', () => {
	it('keeps everything under the limit', () => {
		const tail = new OutputTail(10);
		tail.push('abc');
		tail.push('def');
		expect(tail.toString()).toBe('abcdef');
		expect(tail.truncated).toBe(false);
	});
	it('keeps the last characters over the limit', () => {
		const tail = new OutputTail(5);
		for (const chunk of ['12345', '678', '9']) tail.push(chunk);
		expect(tail.toString()).toBe('56789');
		expect(tail.truncated).toBe(true);
	});
});
