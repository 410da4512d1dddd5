import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { classifyEars, earsParts, parseBugfix, parseConfig, parseDesign, serializeConfig, vagueTerms, type EarsPattern } from './index';

describe('classifyEars', () => {
	const table: [string, EarsPattern][] = [
		['WHEN the user saves, THE Editor SHALL write the file.', 'event'],
		['WHEN the user saves THEN the system SHALL write the file', 'event'],
		['When the user saves, the editor shall write the file.', 'event'],
		['**WHEN** the user saves, **THE** Editor **SHALL** write the file', 'event'],
		['IF the disk is full, THEN THE Editor SHALL show an error.', 'unwanted'],
		['WHILE offline, THE App SHALL queue writes.', 'state'],
		['WHERE dark mode is enabled, THE App SHALL use the dark palette.', 'optional'],
		['THE App SHALL log every request.', 'ubiquitous'],
		['The system shall log every request.', 'ubiquitous'],
		['WHILE offline, WHEN the user saves, THE App SHALL queue the write.', 'complex'],
		['IF the token expired WHILE uploading, THEN THE App SHALL retry once.', 'complex'],
		['WHEN the user opens the file where the cursor was, THE Editor SHALL restore it.', 'event'],
		['Users can log in.', 'none'],
		['WHEN the user saves, the file is written.', 'none'],
		['SHALL be fast', 'none'],
		['', 'none'],
		['用户点击导出时系统应当生成 PDF', 'none']
	];
	it.each(table)('%s → %s', (text, pattern) => expect(classifyEars(text)).toBe(pattern));

	it('splits clauses, system and response', () => {
		expect(earsParts('WHILE offline, WHEN the user saves, THE App SHALL queue the write.')).toEqual({
			pattern: 'complex',
			clauses: [
				{ keyword: 'WHILE', text: 'offline' },
				{ keyword: 'WHEN', text: 'the user saves' }
			],
			system: 'App',
			response: 'queue the write.'
		});
		expect(earsParts('WHEN the network comes back THEN the system SHALL upload notes').system).toBe('system');
	});

	it('finds vague terms as whole words only', () => {
		expect(vagueTerms('It must be fast, user-friendly, etc. and/or robust as appropriate')).toEqual(['fast', 'user-friendly', 'etc', 'and/or', 'as appropriate']);
		expect(vagueTerms('breakfast is steadfast; fastening')).toEqual([]);
	});
});

describe('parseBugfix', () => {
	it('reads the three sections with written ids', () => {
		const doc = parseBugfix(fixture('bugfix.md'));
		expect(doc.title).toBe('Bugfix Requirements Document');
		expect(doc.introduction).toMatch(/^Scaling a recipe/);
		expect(doc.current?.items.map((i) => [i.id, i.line])).toEqual([
			['1.1', 12],
			['1.2', 13]
		]);
		expect(doc.expected?.items.map((i) => [i.id, i.pattern])).toEqual([
			['2.1', 'event'],
			['2.2', 'event'],
			['2.3', 'none']
		]);
		expect(doc.unchanged?.items.map((i) => i.id)).toEqual(['3.1', '3.2']);
	});

	it('numbers list items by section when they carry no id', () => {
		const doc = parseBugfix('## Bug Analysis\r\n### Current Behavior (Defect)\r\n- it crashes\r\n- it hangs\r\n### Expected Behavior (Correct)\r\n1. THE App SHALL not crash\r\n');
		expect(doc.current?.items.map((i) => [i.id, i.text])).toEqual([
			['1.1', 'it crashes'],
			['1.2', 'it hangs']
		]);
		expect(doc.expected?.items.map((i) => i.id)).toEqual(['2.1']);
		expect(doc.unchanged).toBeNull();
	});
});

describe('parseDesign', () => {
	const doc = parseDesign(fixture('design.md'));
	it('reads title, sections and mermaid blocks', () => {
		expect(doc.title).toBe('Design Document: Recipe Box');
		expect(doc.sections.filter((s) => s.level === 2).map((s) => s.title)).toEqual([
			'Overview',
			'Architecture',
			'Components and Interfaces',
			'Data Models',
			'Correctness Properties',
			'Error Handling',
			'Testing Strategy'
		]);
		expect(doc.mermaid.map((m) => [m.line, m.endLine, m.code.split('\n')[0]])).toEqual([
			[9, 14, 'flowchart LR'],
			[18, 24, 'sequenceDiagram']
		]);
	});
	it('reads correctness properties with expanded Validates ranges', () => {
		expect(doc.properties.map((p) => [p.id, p.name, p.validates])).toEqual([
			['1', 'Scaling round trip', ['2.1', '2.2']],
			['2', 'Merge is order independent', ['3.1']],
			['3', 'Import keeps the source', ['1.1', '1.2', '1.3', '1.4']],
			['4', 'Ticking is reversible', []]
		]);
		expect(doc.properties[0]?.statement).toMatch(/^For any recipe/);
	});
	it('accepts properties written as bold paragraphs', () => {
		const d = parseDesign('## Correctness Properties\n\n**Property 7: Idempotent save**\n_Validates: 1.2-1.3_\n');
		expect(d.properties.map((p) => [p.id, p.name, p.validates])).toEqual([['7', 'Idempotent save', ['1.2', '1.3']]]);
	});
});

describe('parseConfig', () => {
	it('reads a feature and a bugfix config', () => {
		const feature = parseConfig('{"specId": "0b7c3f9e-2a41-4d8e-9a6b-5c1d2e3f4a5b", "workflowType": "requirements-first", "specType": "feature"}');
		expect(feature).toMatchObject({ specId: '0b7c3f9e-2a41-4d8e-9a6b-5c1d2e3f4a5b', workflowType: 'requirements-first', specType: 'feature', problems: [] });
		const bugfix = parseConfig('\uFEFF{"specId":"0b7c3f9e-2a41-4d8e-9a6b-5c1d2e3f4a5b","specType":"bugfix"}');
		expect(bugfix.problems).toEqual([]);
		expect(bugfix.workflowType).toBeNull();
	});
	it('reports problems instead of throwing and keeps unknown keys', () => {
		expect(parseConfig('not json').problems[0]).toMatch(/^Not valid JSON/);
		expect(parseConfig('[]').problems).toEqual(['Expected a JSON object.']);
		const odd = parseConfig('{"specId": 3, "workflowType": "tasks-first", "owner": "me", "__proto__": {"x": 1}}');
		expect(odd.problems).toEqual(['specId should be a non-empty string.', 'Unknown workflowType "tasks-first".']);
		expect(odd.extra.owner).toBe('me');
		expect(Object.getPrototypeOf(odd.extra)).toBe(Object.prototype);
		expect(serializeConfig({ specId: 'a', workflowType: 'design-first', specType: 'feature', extra: { owner: 'me' } })).toBe(
			'{"specId":"a","workflowType":"design-first","specType":"feature","owner":"me"}'
		);
	});
});
