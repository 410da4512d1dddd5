import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { parseRequirements, type EarsPattern } from './index';

type Expected = { id: string; title: string; line: number; story: RegExp; criteria: [string, EarsPattern, number][] };

const table: { file: string; title: string; requirements: Expected[] }[] = [
	{
		file: 'requirements-kiro1.md',
		title: 'Requirements Document',
		requirements: [
			{
				id: '1',
				title: 'Import a recipe from a URL',
				line: 17,
				story: /^As a home cook, I want to paste a recipe URL/,
				criteria: [
					['1.1', 'event', 23],
					['1.2', 'unwanted', 24],
					['1.3', 'state', 25],
					['1.4', 'ubiquitous', 26],
					['1.5', 'optional', 27]
				]
			},
			{
				id: '2',
				title: 'Scale servings',
				line: 29,
				story: /^As a cook feeding a crowd/,
				criteria: [
					['2.1', 'event', 35],
					['2.2', 'ubiquitous', 36],
					['2.3', 'complex', 37],
					['2.4', 'none', 38]
				]
			},
			{ id: '3', title: 'Build a shopping list', line: 40, story: /^As a planner/, criteria: [['3.1', 'event', 46], ['3.2', 'event', 47], ['3.3', 'ubiquitous', 48]] }
		]
	},
	{
		// Kiro 0.x: bare "### Requirement N", WHEN … THEN the system SHALL, CRLF, runs of blank lines, a gap.
		file: 'requirements-kiro0-crlf.md',
		title: 'Requirements Document',
		requirements: [
			{ id: '1', title: '', line: 11, story: /^As a commuter/, criteria: [['1.1', 'event', 17], ['1.2', 'event', 18], ['1.3', 'unwanted', 19]] },
			{ id: '2', title: '', line: 25, story: /^As a user, I want search/, criteria: [['2.1', 'event', 31], ['2.2', 'ubiquitous', 32], ['2.3', 'none', 33]] },
			{ id: '4', title: '', line: 35, story: /^As a user, I want to delete/, criteria: [['4.1', 'event', 41], ['4.2', 'event', 42]] }
		]
	},
	{
		file: 'requirements-i18n.md',
		title: '需求文档',
		requirements: [
			{ id: '1', title: '导出 PDF', line: 14, story: /^作为会计/, criteria: [['1.1', 'event', 20], ['1.2', 'unwanted', 21], ['1.3', 'none', 22]] },
			{ id: '2', title: 'Sprache / Language', line: 24, story: /^Als Buchhalterin/, criteria: [['2.1', 'optional', 30], ['2.2', 'ubiquitous', 31]] }
		]
	}
];

describe('parseRequirements on fixtures', () => {
	it.each(table)('$file', ({ file, title, requirements }) => {
		const doc = parseRequirements(fixture(file));
		expect(doc.title).toBe(title);
		expect(doc.requirements.map((r) => ({ id: r.id, title: r.title, line: r.line }))).toEqual(requirements.map((r) => ({ id: r.id, title: r.title, line: r.line })));
		doc.requirements.forEach((r, k) => {
			const want = requirements[k] as Expected;
			expect(r.userStory).toMatch(want.story);
			expect(r.criteria.map((c) => [c.id, c.pattern, c.line])).toEqual(want.criteria);
			for (const c of r.criteria) expect(c.text).not.toMatch(/\r|^\d+\./);
		});
	});

	it('reads the glossary in both separator styles and full-width colons', () => {
		expect(parseRequirements(fixture('requirements-kiro1.md')).glossary.map((g) => g.term)).toEqual(['Recipe_Box', 'Recipe', 'Serving_Scaler', 'Shopping_List']);
		const i18n = parseRequirements(fixture('requirements-i18n.md')).glossary;
		expect(i18n).toEqual([
			{ term: 'Invoice_Exporter', definition: '把发票转换为 PDF 的组件。', line: 9 },
			{ term: 'Rechnung', definition: 'German for invoice.', line: 10 }
		]);
	});

	it('keeps the written list number apart from the positional id', () => {
		const r4 = parseRequirements(fixture('requirements-kiro0-crlf.md')).requirements[2];
		expect(r4?.criteria.map((c) => [c.id, c.number])).toEqual([
			['4.1', '1'],
			['4.2', '3']
		]);
	});

	it('joins wrapped criteria and ignores nested lists and fenced code', () => {
		const text = [
			'### Requirement 1: Wrap',
			'',
			'#### Acceptance Criteria',
			'',
			'1. WHEN the user saves,',
			'   THE Editor SHALL write the file',
			'   - a nested note',
			'2. THE Editor SHALL keep a backup',
			'',
			'```',
			'3. not a criterion',
			'### Requirement 9: not a heading',
			'```'
		].join('\n');
		const doc = parseRequirements(text);
		expect(doc.requirements).toHaveLength(1);
		expect(doc.requirements[0]?.criteria.map((c) => [c.id, c.text, c.pattern])).toEqual([
			['1.1', 'WHEN the user saves, THE Editor SHALL write the file - a nested note', 'event'],
			['1.2', 'THE Editor SHALL keep a backup', 'ubiquitous']
		]);
	});

	it('returns an empty model for text that is not a spec', () => {
		expect(parseRequirements(fixture('not-a-spec.md')).requirements).toEqual([]);
		expect(parseRequirements('').requirements).toEqual([]);
	});
});
