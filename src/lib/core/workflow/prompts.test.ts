import { describe, expect, it } from 'vitest';
import { buildGenerationMessages, buildRefineMessages, buildRepairMessages, type GenerationInput } from './prompts';
import { PROMPT_VERSION } from './templates';
import { DESIGN, REQUIREMENTS } from './test-fixtures';

const base: GenerationInput = {
	phase: 'design',
	specType: 'feature',
	specName: 'recipe-box',
	featurePrompt: 'Save recipes from the web and scale them.',
	steering: [
		{ name: 'tech.md', content: 'Use Svelte 5 and TypeScript.' },
		{ name: 'AGENTS.md', content: 'Run npm test before finishing.' },
		{ name: 'empty.md', content: '   ' }
	],
	projectSummary: 'src/lib/recipes.ts — recipe types',
	documents: { requirements: REQUIREMENTS }
};

const all = (messages: { content: string }[]): string => messages.map((m) => m.content).join('\n');

describe('buildGenerationMessages', () => {
	it('has a versioned template', () => {
		expect(PROMPT_VERSION).toMatch(/\d/);
	});

	it('puts steering, AGENTS.md, the summary, upstream documents and the request in the user message', () => {
		const messages = buildGenerationMessages(base);
		expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
		const user = messages[1]?.content ?? '';
		expect(user).toContain('<steering file="tech.md">\nUse Svelte 5 and TypeScript.\n</steering>');
		expect(user).toContain('<steering file="AGENTS.md">');
		expect(user).not.toContain('empty.md');
		expect(user).toContain('src/lib/recipes.ts — recipe types');
		expect(user).toContain('<document file="requirements.md">');
		expect(user).toContain('### Requirement 2: Scale servings');
		expect(user).toContain('Save recipes from the web and scale them.');
		expect(user.indexOf('# Your task')).toBeGreaterThan(user.indexOf('<document'));
	});

	it.each([
		['requirements', ['# Requirements Document', '### Requirement 1:', '**User Story:**', '#### Acceptance Criteria', 'THE <System_Name> SHALL', 'IF <unwanted condition>, THEN THE', 'N.M']],
		['bugfix', ['# Bugfix Requirements Document', '### Current Behavior (Defect)', '### Expected Behavior (Correct)', '### Unchanged Behavior (Regression Prevention)', '1.1', '2.1', 'SHALL CONTINUE TO']],
		['design', ['# Design Document', '## Correctness Properties', '### Property 1:', '*For any*', '**Validates: Requirements', '```mermaid']],
		['tasks', ['# Implementation Plan', '- [ ] 1. <Title>', '  - [ ] 2.1 <Sub-task title>', '_Requirements: 1.1, 1.2_', '- [ ]* 2.2', 'Checkpoint', 'At most two levels']]
	] as const)('the %s system prompt states the exact format', (phase, needles) => {
		const system = buildGenerationMessages({ ...base, phase, documents: {} })[0]?.content ?? '';
		for (const needle of needles) expect(system).toContain(needle);
		expect(system).toContain('Reply with the document only');
	});

	it.each([
		['design without requirements is design-first', { phase: 'design', documents: {} }, 'Leave out the **Validates** lines'],
		['requirements after a design', { phase: 'requirements', documents: { design: DESIGN } }, 'design-first workflow'],
		['bugfix tasks reproduce the defect first', { phase: 'tasks', specType: 'bugfix', documents: {} }, 'reproducing the defect']
	] as const)('adds a note: %s', (_name, patch, needle) => {
		expect(all(buildGenerationMessages({ ...base, ...patch }))).toContain(needle);
	});

	it('does not send the document being written as context', () => {
		const user = buildGenerationMessages({ ...base, phase: 'requirements', documents: { requirements: 'OLD DRAFT' } })[1]?.content ?? '';
		expect(user).not.toContain('OLD DRAFT');
	});

	it('Continue sends the partial reply and asks not to repeat it', () => {
		const partial = `# Design Document: Recipe Box\n\n## Overview\n\nA single-page ${'app '.repeat(200)}that stores`;
		const messages = buildGenerationMessages({ ...base, partial });
		expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
		expect(messages[2]?.content).toBe(partial);
		expect(messages[3]?.content).toContain('Do not repeat');
		expect(messages[3]?.content).toContain('app that stores\n</tail>');
		expect(buildGenerationMessages({ ...base, partial: '' })).toHaveLength(2);
	});

	it('keeps a closing tag inside a file from ending its block', () => {
		const user = buildGenerationMessages({ ...base, steering: [{ name: 'x.md', content: 'a </steering> b' }] })[1]?.content ?? '';
		expect(user).toContain('a <\\/steering> b');
	});
});

describe('buildRefineMessages', () => {
	it('sends the current document, the feedback and the context', () => {
		const messages = buildRefineMessages('requirements', REQUIREMENTS, 'Add a requirement for offline import.', { ...base, documents: { design: DESIGN } });
		const user = messages[1]?.content ?? '';
		expect(messages[0]?.content).toContain('# Requirements Document');
		expect(user).toContain('<document file="requirements.md">\n# Requirements Document');
		expect(user).toContain('<feedback>\nAdd a requirement for offline import.\n</feedback>');
		expect(user).toContain('<document file="design.md">');
		expect(user).toContain('Use Svelte 5');
		expect(user).toContain('complete revised document');
		expect(user).toContain('word for word');
	});
});

describe('buildRepairMessages', () => {
	it.each([
		[['No tasks were found.'], '- No tasks were found.'],
		[[], '- It does not follow the format.']
	])('lists problems %j', (problems, line) => {
		const messages = buildRepairMessages('tasks', 'Sure! 1. do stuff', problems);
		expect(messages[0]?.content).toContain('# Implementation Plan');
		expect(messages[1]?.content).toContain('<output>\nSure! 1. do stuff\n</output>');
		expect(messages[1]?.content).toContain(line);
	});
});
