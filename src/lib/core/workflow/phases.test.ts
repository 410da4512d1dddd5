import { describe, expect, it } from 'vitest';
import { parseConfig } from '../spec/index';
import { SpecwrightError } from '../errors';
import { newConfigJson, phaseFile, phaseOfFile, phaseOrder, specDir, specOfPath, suggestSpecName, uniqueSpecName, validateSpecName } from './phases';

describe('phaseOrder', () => {
	it.each([
		['feature', 'requirements-first', ['requirements', 'design', 'tasks']],
		['feature', 'design-first', ['design', 'requirements', 'tasks']],
		['bugfix', 'requirements-first', ['bugfix', 'design', 'tasks']],
		['bugfix', 'design-first', ['bugfix', 'design', 'tasks']]
	] as const)('%s / %s', (specType, workflow, order) => {
		expect(phaseOrder(specType, workflow)).toEqual(order);
	});
});

describe('files', () => {
	it.each([
		['requirements', 'requirements.md'],
		['bugfix', 'bugfix.md'],
		['design', 'design.md'],
		['tasks', 'tasks.md']
	] as const)('%s is written to %s and read back', (phase, file) => {
		expect(phaseFile(phase)).toBe(file);
		expect(phaseOfFile(`.kiro/specs/x/${file}`)).toBe(phase);
	});

	it('knows the folder and no phase for other files', () => {
		expect(specDir('user-login')).toBe('.kiro/specs/user-login');
		expect(specOfPath('.kiro/specs/user-login/requirements.md')).toBe('user-login');
		expect(specOfPath('.kiro/specs/user-login/')).toBe('user-login');
		expect(specOfPath('.kiro/specs/user-login')).toBeNull();
		expect(specOfPath('.kiro/steering/product.md')).toBeNull();
		expect(specOfPath('src/.kiro/specs/x/requirements.md')).toBeNull();
		expect(phaseOfFile('.kiro/specs/x/.config.kiro')).toBeNull();
	});
});

describe('suggestSpecName', () => {
	it.each([
		['I want to add a dark mode toggle to the settings page', 'dark-mode-toggle-settings-page'],
		['User authentication with email and password', 'user-authentication-email-password'],
		['Café menü: crème brûlée ordering', 'cafe-menu-creme-brulee-ordering'],
		["Fix the user's avatar upload crash!!", 'fix-user-avatar-upload-crash'],
		['Please implement it', 'please-implement-it'],
		['', 'new-spec'],
		['日本語だけ', 'new-spec'],
		['a'.repeat(100), 'a'.repeat(40)],
		['one two three four five six seven eight', 'one-two-three-four-five-six'],
		['export recipes as PDF files with images and nutrition tables', 'export-recipes-pdf-files-images']
	])('%j → %j', (prompt, name) => {
		const got = suggestSpecName(prompt);
		expect(got).toBe(name);
		expect(got.length).toBeLessThanOrEqual(40);
		expect(got).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});

describe('validateSpecName', () => {
	const existing = ['user-login', 'Recipes'];

	it.each([
		['  new-feature ', 'new-feature'],
		['v2.api_client', 'v2.api_client']
	])('accepts %j', (name, result) => {
		expect(validateSpecName(name, existing)).toBe(result);
	});

	it.each([
		['', 'spec-name-empty'],
		['   ', 'spec-name-empty'],
		['x'.repeat(65), 'spec-name-too-long'],
		['../etc', 'spec-name-invalid'],
		['a/b', 'spec-name-invalid'],
		['.hidden', 'spec-name-invalid'],
		['trailing.', 'spec-name-invalid'],
		['has space', 'spec-name-invalid'],
		['-leading', 'spec-name-invalid'],
		['USER-LOGIN', 'spec-name-taken'],
		['recipes', 'spec-name-taken']
	])('refuses %j with %s', (name, code) => {
		try {
			validateSpecName(name, existing);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(SpecwrightError);
			expect((error as SpecwrightError).code).toBe(code);
		}
	});

	it('suggests a free name on a clash', () => {
		expect(() => validateSpecName('user-login', ['user-login', 'user-login-2'])).toThrow(expect.objectContaining({ hint: expect.stringContaining('user-login-3') }));
		expect(uniqueSpecName('fresh', existing)).toBe('fresh');
	});
});

describe('newConfigJson', () => {
	it.each([
		['feature', 'requirements-first'],
		['feature', 'design-first'],
		['bugfix', 'requirements-first']
	] as const)('%s / %s reads back without problems', (specType, workflowType) => {
		const id = '0b8e4f4e-6c1c-4c3a-9a43-2d7f7a1b9c55';
		const text = newConfigJson(id, specType, workflowType);
		expect(text).toBe(`{\n  "specId": "${id}",\n  "workflowType": "${workflowType}",\n  "specType": "${specType}"\n}\n`);
		const config = parseConfig(text);
		expect(config).toMatchObject({ specId: id, specType, workflowType, problems: [] });
	});
});
