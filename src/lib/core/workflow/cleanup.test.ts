import { describe, expect, it } from 'vitest';
import { checkGenerated, checkStructure, cleanModelOutput, joinContinuation, usableDocument } from './cleanup';
import type { Phase } from './phases';
import { BUGFIX, DESIGN, REQUIREMENTS, TASKS } from './test-fixtures';

const DOCS: Record<Phase, string> = { requirements: REQUIREMENTS, bugfix: BUGFIX, design: DESIGN, tasks: TASKS };
const FENCE = 'Removed the code fence around the document.';
const BEFORE = 'Removed text before the first heading.';
const AFTER = 'Removed remarks after the end of the document.';

describe('cleanModelOutput', () => {
	it.each<[string, Phase, string, string[]]>([
		['a clean document', 'requirements', REQUIREMENTS, []],
		['a markdown fence', 'requirements', `\`\`\`markdown\n${REQUIREMENTS}\`\`\`\n`, [FENCE]],
		['a bare fence', 'tasks', `\`\`\`\n${TASKS}\`\`\``, [FENCE]],
		['a tilde fence', 'tasks', `~~~md\n${TASKS}~~~`, [FENCE]],
		['a fence with inner mermaid', 'design', `\`\`\`markdown\n${DESIGN}\`\`\``, [FENCE]],
		['a four-backtick fence', 'design', `\`\`\`\`markdown\n${DESIGN}\`\`\`\``, [FENCE]],
		['chatter, fence, sign-off', 'design', `Sure! Here is the design:\n\n\`\`\`markdown\n${DESIGN}\`\`\`\n\nLet me know if you want changes.`, [FENCE]],
		['chatter before the heading', 'requirements', `Of course. Here's the requirements document.\n\n${REQUIREMENTS}`, [BEFORE]],
		['trailing chatter after a rule', 'tasks', `${TASKS}\n---\n\nWould you like me to start on task 1?\n`, [AFTER]],
		['two trailing remarks', 'bugfix', `${BUGFIX}\nI hope this helps!\n\nFeel free to ask.`, [AFTER]],
		['CRLF and a BOM', 'requirements', `\uFEFF${REQUIREMENTS.replace(/\n/g, '\r\n')}`, []],
		['missing final newline and extra blank lines', 'tasks', `\n\n${TASKS.trimEnd()}\n\n\n`, []]
	])('%s', (_name, phase, raw, fixes) => {
		const cleaned = cleanModelOutput(raw, phase);
		expect(cleaned.text).toBe(DOCS[phase]);
		expect(cleaned.fixes).toEqual(fixes);
	});

	it('adds a missing first heading', () => {
		const cleaned = cleanModelOutput(REQUIREMENTS.replace('# Requirements Document\n\n', ''), 'requirements');
		expect(cleaned.text).toBe(REQUIREMENTS);
		expect(cleaned.fixes).toEqual(['Added the missing "# Requirements Document" heading.']);
	});

	it('prefers the expected heading over an earlier other one', () => {
		const cleaned = cleanModelOutput(`# Spec for recipes\n\nSome words.\n\n${REQUIREMENTS}`, 'requirements');
		expect(cleaned.text).toBe(REQUIREMENTS);
	});

	it('keeps a bare code block inside a fenced document', () => {
		const doc = `${DESIGN}\n## Data Models\n\n\`\`\`\ntype A = 1;\n\`\`\`\n\nThe end.\n`;
		expect(cleanModelOutput(`\`\`\`markdown\n${doc}\`\`\`\nThanks!`, 'design').text).toBe(doc);
	});

	it('keeps a last paragraph that is part of the document', () => {
		const doc = `${TASKS}\n## Notes\n\n- This plan covers import first.\n`;
		expect(cleanModelOutput(doc, 'tasks')).toEqual({ text: doc, fixes: [] });
	});

	it.each(['', '   \n', 'Sure', '```', '```markdown\n', '```markdown\n# Requ', 'Here is the doc:\n\n# Requirements Docu'])(
		'passes partial stream text %j without harm',
		(raw) => {
			const cleaned = cleanModelOutput(raw, 'requirements');
			expect(cleaned.text === '' || cleaned.text.endsWith('\n')).toBe(true);
			expect(cleaned.text).not.toContain('```');
		}
	);

	it.each(Object.entries(DOCS) as [Phase, string][])('every prefix of a fenced %s cleans without throwing and converges', (phase, doc) => {
		const raw = `Here it is:\n\`\`\`markdown\n${doc}\`\`\`\nLet me know!`;
		for (let i = 0; i <= raw.length; i += 7) {
			const cleaned = cleanModelOutput(raw.slice(0, i), phase);
			usableDocument(cleaned.text, phase);
		}
		expect(cleanModelOutput(raw, phase).text).toBe(doc);
	});
});

describe('usableDocument', () => {
	it.each(Object.entries(DOCS) as [Phase, string][])('a valid %s is usable', (phase, doc) => {
		expect(usableDocument(doc, phase)).toEqual({ ok: true, problems: [] });
	});

	it.each<[Phase, string, RegExp]>([
		['requirements', '', /empty/],
		['requirements', '# Requirements Document\n\nJust prose.\n', /No "### Requirement N: Title"/],
		['requirements', '# Requirements Document\n\n### Requirement 1: A\n\nNo criteria.\n', /acceptance criteria/],
		['bugfix', '# Bugfix Requirements Document\n\n### Current Behavior\n\n1.1 x\n', /Expected Behavior/],
		['bugfix', BUGFIX.replace(/2\.1 .*\n/, ''), /no numbered 2\.x/],
		['design', 'Just some text without headings.', /no "# Design Document"/],
		['design', '# Design Document\n\nOnly a title.\n', /no "## " sections/],
		['tasks', '# Implementation Plan\n\n1. Do things\n2. More things\n', /No tasks/]
	])('%s %j is not usable', (phase, text, problem) => {
		const result = usableDocument(text, phase);
		expect(result.ok).toBe(false);
		expect(result.problems.join(' ')).toMatch(problem);
	});
});

describe('checkGenerated', () => {
	it('cleans, checks and lints one document', () => {
		const checked = checkGenerated(`\`\`\`markdown\n${TASKS}\`\`\``, 'tasks', { requirements: REQUIREMENTS });
		expect(checked).toMatchObject({ text: TASKS, ok: true, fixes: [FENCE] });
		expect(checked.findings.every((f) => f.file === 'tasks.md')).toBe(true);
	});

	it('reports lint findings of the generated file', () => {
		const checked = checkGenerated('# Requirements Document\n\n### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. It should be fast.\n', 'requirements');
		expect(checked.ok).toBe(true);
		expect(checked.findings.length).toBeGreaterThan(0);
	});
});

describe('checkStructure', () => {
	it('decides as checkGenerated does, without the lint', () => {
		const raws: Array<[string, 'tasks' | 'requirements']> = [
			[`\`\`\`markdown\n${TASKS}\`\`\``, 'tasks'],
			['# Requirements Document\n\n### Requirement 1: A\n\n#### Acceptance Criteria\n\n1. It should be fast.\n', 'requirements'],
			['Sure! Here it is.\n\n# Requirements Document\n\nNo requirements yet.\n', 'requirements']
		];
		for (const [raw, phase] of raws) {
			const { findings, ...checked } = checkGenerated(raw, phase);
			expect(findings).toBeDefined();
			expect(checkStructure(raw, phase)).toEqual(checked);
		}
		expect(checkStructure(raws[2]![0], 'requirements')).toMatchObject({ ok: false, fixes: ['Removed text before the first heading.'] });
	});
});

describe('joinContinuation', () => {
	it.each([
		['plain continuation', '# Doc\n\nThe system stores', ' recipes.\n', '# Doc\n\nThe system stores recipes.\n'],
		['a repeated tail is dropped', '# Doc\n\nThe system stores recipes in', 'stores recipes in IndexedDB.\n', '# Doc\n\nThe system stores recipes in IndexedDB.\n'],
		['a short coincidental overlap is kept', '# Doc\n\nab', 'ab', '# Doc\n\nabab'],
		['a restarted document replaces the partial', '# Requirements Document\n\nHalf', '# Requirements Document\n\nWhole.\n', '# Requirements Document\n\nWhole.\n']
	])('%s', (_name, partial, more, joined) => {
		expect(joinContinuation(partial, more)).toBe(joined);
	});
});
