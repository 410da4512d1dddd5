import { describe, expect, it } from 'vitest';
import { buildAnalyzeMessages, parseAnalyzeFindings } from './analyze';
import { DESIGN, REQUIREMENTS } from './test-fixtures';

const one = { file: 'requirements.md', line: 22, kind: 'ambiguity', message: 'Which URLs?', original: '1. WHEN …', suggestion: '1. WHEN … SHALL …' };

describe('buildAnalyzeMessages', () => {
	it('numbers the lines of every document and asks for JSON', () => {
		const messages = buildAnalyzeMessages({ requirements: REQUIREMENTS, design: DESIGN, tasks: ' ' });
		const user = messages[1]?.content ?? '';
		expect(user).toContain('<document file="requirements.md">\n1|# Requirements Document\n2|\n3|## Introduction');
		expect(user).toContain('<document file="design.md">');
		expect(user).not.toContain('tasks.md">');
		expect(user).toContain('"kind": "ambiguity" | "contradiction" | "missing-edge-case"');
	});
});

describe('parseAnalyzeFindings', () => {
	const json = JSON.stringify([one]);
	it.each([
		['plain JSON', json],
		['a fenced reply with chatter', `Here are my findings:\n\n\`\`\`json\n${json}\n\`\`\`\nHope it helps.`],
		['chatter around a bare array', `Findings: ${json} — done.`],
		['an object with findings', JSON.stringify({ findings: [one] })]
	])('reads %s', (_name, text) => {
		expect(parseAnalyzeFindings(text)).toEqual({ findings: [one], parsed: true });
	});

	it('keeps the complete findings of a reply cut mid-array', () => {
		const text = `[${JSON.stringify(one)}, {"file": "design.md", "message": "has a } brace and \\" quote"}, {"file": "tasks.md", "mess`;
		const result = parseAnalyzeFindings(text);
		expect(result.findings.map((f) => f.file)).toEqual(['requirements.md', 'design.md']);
		expect(result.findings[1]?.message).toBe('has a } brace and " quote');
	});

	it.each([
		['Missing Edge Case', 'missing-edge-case'],
		['missing_edge_case', 'missing-edge-case'],
		['CONTRADICTION', 'contradiction'],
		['something else', 'ambiguity']
	])('normalises kind %j to %s', (kind, expected) => {
		expect(parseAnalyzeFindings(JSON.stringify([{ ...one, kind }])).findings[0]?.kind).toBe(expected);
	});

	it('normalises files and lines and drops unusable items', () => {
		const result = parseAnalyzeFindings(
			JSON.stringify([
				{ file: '.kiro/specs/x/Requirements.md', line: '7', type: 'vague', description: 'Vague', rewrite: 'Better' },
				{ file: 'design', line: -3, message: 'm' },
				{ file: 'x.md' },
				'text',
				null
			])
		);
		expect(result.findings).toEqual([
			{ file: 'requirements.md', line: 7, kind: 'ambiguity', message: 'Vague', original: '', suggestion: 'Better' },
			{ file: 'design.md', kind: 'ambiguity', message: 'm', original: '', suggestion: '' }
		]);
	});

	it.each([
		['', false],
		['I found no problems.', false],
		['[]', true],
		['[oops', false]
	])('never throws: %j parsed=%s', (text, parsed) => {
		expect(parseAnalyzeFindings(text)).toEqual({ findings: [], parsed });
	});
});
