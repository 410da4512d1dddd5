/**
 * lintSpec: findings for the problems panel. Every finding names the file and line and says what
 * to do about it. Cross-document checks (citations, coverage, properties) run only when both
 * documents are given, so a partial spec is not flooded with false alarms.
 */
import { parseBugfix, type BugfixSection } from './bugfix';
import { parseDesign } from './design';
import { vagueTerms } from './ears';
import { isBlank } from './lines';
import { lintTasks } from './lint-tasks';
import { lintSections, type Finding, type Report, type SpecFile } from './lint-common';
import { parseRequirements, type Criterion } from './requirements';
import { criteriaIndex, type SpecTexts } from './trace';

const FILE_ORDER: Record<SpecFile, number> = { 'requirements.md': 0, 'bugfix.md': 1, 'design.md': 2, 'tasks.md': 3 };
const EARS_HINT = 'Use an EARS form: WHEN <trigger>, THE <System> SHALL <response> (or IF/WHILE/WHERE …, or THE <System> SHALL …).';

export type { Finding, Severity, SpecFile } from './lint-common';

export function lintSpec(texts: SpecTexts): Finding[] {
	const out: Finding[] = [];
	const report: Report = (f) => out.push(f);
	if (texts.requirements !== undefined) lintRequirements(texts.requirements, report);
	if (texts.bugfix !== undefined) lintBugfix(texts.bugfix, report);
	if (texts.design !== undefined) lintDesign(texts, report);
	if (texts.tasks !== undefined) lintTasks(texts, report);
	return out.sort((a, b) => FILE_ORDER[a.file] - FILE_ORDER[b.file] || a.line - b.line);
}

/** Vague words, open questions and EARS form of one criterion-like line. */
function lintText(file: SpecFile, line: number, id: string, text: string, report: Report): void {
	for (const term of vagueTerms(text)) {
		report({ file, line, severity: 'warning', code: 'vague-term', message: `${id} uses the vague term "${term}".`, hint: 'Replace it with something measurable (a number, a limit, a named behaviour).' });
	}
	if (text.includes('[NEEDS CLARIFICATION')) {
		report({ file, line, severity: 'warning', code: 'needs-clarification', message: `${id} has an open question.`, hint: 'Answer the [NEEDS CLARIFICATION] note and rewrite the line.' });
	}
}

function numbering(file: SpecFile, what: string, items: readonly { id: string; line: number }[], report: Report, first = 1): void {
	const seen = new Map<string, number>();
	let expected = first;
	for (const item of items) {
		const prior = seen.get(item.id);
		if (prior !== undefined) {
			report({ file, line: item.line, severity: 'error', code: 'duplicate-id', message: `${what} ${item.id} is a duplicate (first on line ${prior}).`, hint: 'Renumber so that every id is unique.' });
			continue;
		}
		seen.set(item.id, item.line);
		const n = Number(item.id.split('.').pop());
		if (Number.isSafeInteger(n) && n !== expected) {
			report({ file, line: item.line, severity: 'warning', code: 'gapped-id', message: `${what} ${item.id} comes where ${expected} was expected.`, hint: 'Renumber so that ids run without gaps.' });
		}
		if (Number.isSafeInteger(n)) expected = n + 1;
	}
}

function lintRequirements(text: string, report: Report): void {
	const file = 'requirements.md';
	const doc = parseRequirements(text);
	if (doc.requirements.length === 0) {
		report({
			file,
			line: 1,
			severity: 'error',
			code: 'no-requirements',
			message: isBlank(text) ? 'requirements.md is empty.' : 'No requirements found.',
			hint: 'Add requirements as "### Requirement 1: Title" with a user story and numbered acceptance criteria.'
		});
	}
	lintSections(file, doc.sections, report);
	numbering(file, 'Requirement', doc.requirements, report);
	for (const r of doc.requirements) {
		if (!r.userStory) {
			report({ file, line: r.line, severity: 'info', code: 'no-user-story', message: `Requirement ${r.id} has no user story.`, hint: 'Add "**User Story:** As a <role>, I want <goal>, so that <benefit>".' });
		}
		if (r.criteria.length === 0) {
			report({ file, line: r.line, severity: 'warning', code: 'no-criteria', message: `Requirement ${r.id} has no acceptance criteria.`, hint: 'Add numbered EARS criteria under "#### Acceptance Criteria".' });
		}
		const written = r.criteria.filter((c): c is Criterion => c.number !== '').map((c) => ({ id: `${r.id}.${c.number}`, line: c.line }));
		numbering(file, 'Criterion', written, report);
		for (const c of r.criteria) {
			if (c.pattern === 'none') {
				report({ file, line: c.line, severity: 'warning', code: 'not-ears', message: `Criterion ${c.id} is not in an EARS form.`, hint: EARS_HINT });
			}
			lintText(file, c.line, `Criterion ${c.id}`, c.text, report);
		}
	}
}

function lintBugfix(text: string, report: Report): void {
	const file = 'bugfix.md';
	const doc = parseBugfix(text);
	lintSections(file, doc.sections, report);
	const need: [BugfixSection | null, string][] = [
		[doc.current, 'Current Behavior (Defect)'],
		[doc.expected, 'Expected Behavior (Correct)'],
		[doc.unchanged, 'Unchanged Behavior (Regression Prevention)']
	];
	for (const [section, name] of need) {
		if (!section) {
			report({ file, line: 1, severity: 'error', code: 'bugfix-missing-section', message: `The "${name}" section is missing.`, hint: `Add "### ${name}" under "## Bug Analysis" with numbered items.` });
		} else if (section.items.length === 0) {
			report({ file, line: section.line, severity: 'warning', code: 'bugfix-no-items', message: `"${section.heading}" has no items.`, hint: 'List the behaviour as numbered items (1.1, 1.2, …).' });
		}
	}
	// Within a section: duplicates and gaps; across sections: an id reused from an earlier section.
	const earlier = new Map<string, number>();
	for (const section of [doc.current, doc.expected, doc.unchanged]) {
		if (!section) continue;
		numbering(file, 'Item', section.items, report);
		for (const item of section.items) {
			const prior = earlier.get(item.id);
			if (prior !== undefined) report({ file, line: item.line, severity: 'error', code: 'duplicate-id', message: `Item ${item.id} is a duplicate (first on line ${prior}).`, hint: 'Renumber so that every id is unique.' });
		}
		for (const item of section.items) if (!earlier.has(item.id)) earlier.set(item.id, item.line);
	}
	for (const item of doc.expected?.items ?? []) {
		if (!/\bshall\b/i.test(item.text)) {
			report({ file, line: item.line, severity: 'warning', code: 'bugfix-no-shall', message: `Expected behaviour ${item.id} does not say what the system SHALL do.`, hint: EARS_HINT });
		}
		lintText(file, item.line, `Item ${item.id}`, item.text, report);
	}
	for (const item of doc.unchanged?.items ?? []) {
		if (!/\bshall\s+continue\s+to\b/i.test(item.text)) {
			report({ file, line: item.line, severity: 'info', code: 'bugfix-no-continue', message: `Unchanged behaviour ${item.id} does not say SHALL CONTINUE TO.`, hint: 'Write it as WHEN <condition>, THE <System> SHALL CONTINUE TO <behaviour>.' });
		}
		lintText(file, item.line, `Item ${item.id}`, item.text, report);
	}
}

function lintDesign(texts: SpecTexts, report: Report): void {
	const file = 'design.md';
	const text = texts.design ?? '';
	const doc = parseDesign(text);
	if (doc.sections.length === 0) {
		report({ file, line: 1, severity: 'error', code: 'no-design', message: isBlank(text) ? 'design.md is empty.' : 'design.md has no sections.', hint: 'Start with "# Design Document" and sections such as "## Overview" and "## Architecture".' });
	}
	lintSections(file, doc.sections, report);
	for (const m of doc.mermaid) {
		if (isBlank(m.code.replace(/\n/g, ''))) report({ file, line: m.line, severity: 'warning', code: 'mermaid-empty', message: 'The mermaid block is empty.', hint: 'Draw the diagram or remove the block.' });
	}
	const hasCriteria = texts.requirements !== undefined || texts.bugfix !== undefined;
	const index = hasCriteria ? criteriaIndex(texts) : null;
	numbering(file, 'Property', doc.properties, report);
	for (const p of doc.properties) {
		if (p.validates.length === 0) {
			report({ file, line: p.line, severity: 'warning', code: 'property-validates-nothing', message: `Property ${p.id} validates no requirement.`, hint: 'Add "**Validates: Requirements N.M**" naming the criteria it checks.' });
			continue;
		}
		if (!index) continue;
		for (const id of p.validates) {
			if (index.byId.has(id) || (!id.includes('.') && index.byRequirement.has(id))) continue;
			report({ file, line: p.validatesLine || p.line, severity: 'error', code: 'property-unknown-criterion', message: `Property ${p.id} validates ${id}, which does not exist.`, hint: 'Cite an existing criterion or fix the requirement numbering.' });
		}
	}
}
