import { describe, expect, it } from 'vitest';
import { uniqueProjectName, validateProjectName } from './names';

describe('validateProjectName', () => {
	it('trims and folds white space', () => {
		expect(validateProjectName('  My   app ', [])).toBe('My app');
	});

	it.each([
		['', [], 'Give the project a name.'],
		['   ', [], 'Give the project a name.'],
		['Alpha', ['alpha'], 'A project named "Alpha" already exists.'],
		['x'.repeat(81), [], 'Project names can be at most 80 characters.']
	])('%j with %j is refused', (name, taken, message) => {
		expect(() => validateProjectName(name, taken)).toThrow(message);
	});

	it('lets a project keep its own name when renamed', () => {
		expect(validateProjectName('Alpha', ['Alpha', 'Beta'], 'Alpha')).toBe('Alpha');
	});
});

describe('uniqueProjectName', () => {
	it('counts up past names in use', () => {
		expect(uniqueProjectName('Sample', [])).toBe('Sample');
		expect(uniqueProjectName('Sample', ['sample', 'Sample 2'])).toBe('Sample 3');
	});
});
