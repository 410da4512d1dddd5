import { describe, expect, it } from 'vitest';
import { buildQuickSpecMessages, FILE_MARKER, headingPhase, splitQuickSpec } from './quick-spec';
import { DESIGN, REQUIREMENTS, TASKS } from './test-fixtures';

const input = {
	specType: 'feature' as const,
	specName: 'recipe-box',
	featurePrompt: 'Save recipes.',
	steering: [{ name: 'AGENTS.md', content: 'Be brief.' }],
	projectSummary: 'src/ — app',
	documents: {},
	order: ['requirements', 'design', 'tasks'] as const
};

const reply = `Sure! Here is the spec.\n\n${FILE_MARKER('requirements')}\n${REQUIREMENTS}\n${FILE_MARKER('design')}\n${DESIGN}\n${FILE_MARKER('tasks')}\n${TASKS}`;

describe('buildQuickSpecMessages', () => {
	it('asks for every document after its marker, with every format and the context', () => {
		const messages = buildQuickSpecMessages(input);
		const system = messages[0]?.content ?? '';
		expect(system).toContain('<<<FILE requirements.md>>>, then <<<FILE design.md>>>, then <<<FILE tasks.md>>>');
		for (const h of ['# Requirements Document', '# Design Document', '# Implementation Plan']) expect(system).toContain(h);
		expect(messages[1]?.content).toContain('Be brief.');
		expect(messages[1]?.content).toContain('Save recipes.');
	});

	it('adds the design-first note when the design comes first, and Continue turns', () => {
		const messages = buildQuickSpecMessages({ ...input, order: ['design', 'requirements', 'tasks'], partial: 'half' });
		expect(messages[1]?.content).toContain('Leave out the **Validates** lines');
		expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
	});
});

describe('splitQuickSpec', () => {
	it('splits a complete reply and drops the chatter before the first marker', () => {
		expect(splitQuickSpec(reply)).toEqual({ requirements: REQUIREMENTS, design: DESIGN, tasks: TASKS });
	});

	it.each([
		['CRLF', reply.replace(/\n/g, '\r\n')],
		['marker variants', reply.replace('<<<FILE design.md>>>', '`<<< FILE: design.md >>>`').replace('<<<FILE tasks.md>>>', '<<FILE tasks.md>>')]
	])('tolerates %s', (_name, text) => {
		expect(Object.keys(splitQuickSpec(text))).toEqual(['requirements', 'design', 'tasks']);
		expect(splitQuickSpec(text).design).toBe(DESIGN);
	});

	it('splits a reply that is still streaming', () => {
		const cut = reply.slice(0, reply.indexOf('## Correctness'));
		const docs = splitQuickSpec(cut);
		expect(docs.requirements).toBe(REQUIREMENTS);
		expect(docs.design).toContain('## Architecture');
		expect(docs.tasks).toBeUndefined();
		expect(splitQuickSpec(`${FILE_MARKER('requirements')}\n`)).toEqual({});
	});

	it('falls back to the first headings when the markers are missing', () => {
		const docs = splitQuickSpec(`Here you go:\n\n${REQUIREMENTS}\n${DESIGN}\n${TASKS}`);
		expect(docs).toEqual({ requirements: REQUIREMENTS, design: DESIGN, tasks: TASKS });
	});

	it('ignores unknown markers and headings inside code', () => {
		const docs = splitQuickSpec(`<<<FILE notes.txt>>>\nhello\n${FILE_MARKER('design')}\n\`\`\`md\n# Implementation Plan\n\`\`\`\n`);
		expect(Object.keys(docs)).toEqual(['design']);
	});
});

describe('headingPhase', () => {
	it.each([
		['# Requirements Document', 'requirements'],
		['# Bugfix Requirements Document', 'bugfix'],
		['# Design Document: Recipe Box', 'design'],
		['# Implementation Plan', 'tasks'],
		['# Implementation Plan: X', 'tasks'],
		['## Requirements Document', null],
		['# Requirements Documentation', null]
	])('%j → %s', (line, phase) => {
		expect(headingPhase(line)).toBe(phase);
	});
});
