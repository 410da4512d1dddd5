/**
 * requirements.md: `### Requirement N: Title` (or the older `### Requirement N`), a user story,
 * `#### Acceptance Criteria` and numbered criteria. Criterion N.M is the M-th numbered line under
 * requirement N (FORMATS.md), whatever number the list marker shows; the marker number is kept
 * for the duplicate/gap lint and for renumbering.
 */
import { classifyEars, type EarsPattern } from './ears';
import { labelled } from './ids';
import { indentOf, isBlank, splitLines, type Line } from './lines';
import { FenceTracker, headingOf, listItemOf, plain, sectionsOf, type Section } from './markdown';

export interface Criterion {
	/** `N.M`: requirement id and position. */
	id: string;
	/** The list marker's number as written ("3" in `3. WHEN …`); '' for a bullet. */
	number: string;
	text: string;
	pattern: EarsPattern;
	/** 1-based. */
	line: number;
	endLine: number;
	/** Document offsets of the written marker number, for renumbering in place. */
	numberSpan: [number, number] | null;
}

export interface Requirement {
	/** The number in the heading ("3"), or the position when the heading has none. */
	id: string;
	title: string;
	userStory: string;
	userStoryLine: number;
	line: number;
	endLine: number;
	criteria: Criterion[];
	/** Document offsets of the heading's number, for renumbering in place. */
	numberSpan: [number, number] | null;
}

export interface GlossaryTerm {
	term: string;
	definition: string;
	line: number;
}

export interface RequirementsDoc {
	title: string;
	introduction: string;
	glossary: GlossaryTerm[];
	requirements: Requirement[];
	sections: Section[];
}

const REQ_WORD = /^(requirements?|req\.?|需求|要求|要件|anforderung|exigence|requisito|требование)\s*#?(\d{1,9})(?=\s|[:：.．)\-–—]|$)/i;
const REQ_SECTION = /requirement|需求|要求|要件|anforderung|exigence|requisito|требован/i;
const GLOSSARY = /glossary|术语|用語|glossar|glossaire|glosario/i;
const CRITERIA = /acceptance criteria|验收标准|受け入れ基準|akzeptanzkriterien|critères d'acceptation|criterios de aceptación/i;
const STORY = /^(user story|用户故事|ユーザーストーリー|user-story|story)$/i;

export function parseRequirements(text: string): RequirementsDoc {
	const lines = splitLines(text);
	const doc: RequirementsDoc = { title: '', introduction: '', glossary: [], requirements: [], sections: sectionsOf(lines) };
	const fence = new FenceTracker();
	const intro: string[] = [];
	let h2 = '';
	let req: Requirement | null = null;
	let inCriteria = false;
	let crit: Criterion | null = null;
	// Indent of the current criterion and of the requirement's first one (the list's own level).
	let critIndent = 0;
	let firstIndent = -1;
	let blankAfterCrit = false;
	let wantStory = false;

	const closeReq = (endLine: number): void => {
		if (req) req.endLine = Math.max(req.line, endLine);
		req = null;
		crit = null;
	};

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as Line;
		const t = line.text;
		const wasOpen = fence.open;
		if (fence.feed(t) !== 'none' || wasOpen) continue;
		const h = headingOf(t);
		if (h) {
			if (h.level === 1 && !doc.title) doc.title = h.text;
			if (h.level <= 2) h2 = h.text;
			const current = req as Requirement | null;
			if (current && h.level > 3 && CRITERIA.test(h.text)) {
				inCriteria = true;
				crit = null;
				continue;
			}
			const start = requirementHeading(h.text, h.level, h2, line, t);
			if (start || (current && h.level <= 3)) closeReq(lastContentLine(lines, i));
			if (start) {
				req = { ...start, userStory: '', userStoryLine: 0, line: i + 1, endLine: i + 1, criteria: [] };
				doc.requirements.push(req);
				inCriteria = false;
				firstIndent = -1;
				wantStory = false;
			}
			continue;
		}
		if (isBlank(t)) {
			if (crit) blankAfterCrit = true;
			continue;
		}
		if (!req) {
			if (/^(introduction|简介|介绍|はじめに|einleitung|概要|overview)/i.test(h2)) intro.push(t.trim());
			else if (GLOSSARY.test(h2)) glossaryTerm(t, i + 1, doc.glossary);
			continue;
		}
		const r: Requirement = req;
		const { width } = indentOf(t);
		if (wantStory) {
			r.userStory = plain(t).trim();
			r.userStoryLine = i + 1;
			wantStory = false;
			continue;
		}
		const label = labelled(t);
		if (label && STORY.test(label.label)) {
			r.userStory = plain(label.rest).trim();
			r.userStoryLine = i + 1;
			wantStory = r.userStory === '';
			crit = null;
			continue;
		}
		if (label && CRITERIA.test(label.label)) {
			inCriteria = true;
			crit = null;
			continue;
		}
		const item = listItemOf(t);
		const atTop = firstIndent === -1 || width <= firstIndent + 1;
		if (item && (item.ordered || inCriteria) && atTop) {
			const content = item.content;
			const numberStart = line.start + indentOf(t).chars;
			if (firstIndent === -1) firstIndent = width;
			critIndent = width;
			crit = {
				id: `${r.id}.${r.criteria.length + 1}`,
				number: item.ordered ? item.marker : '',
				text: content.trim(),
				pattern: 'none',
				line: i + 1,
				endLine: i + 1,
				numberSpan: item.ordered ? [numberStart, numberStart + item.marker.length] : null
			};
			r.criteria.push(crit);
			blankAfterCrit = false;
			continue;
		}
		if (crit && (!blankAfterCrit || width > critIndent)) {
			crit.text = `${crit.text} ${t.trim()}`;
			crit.endLine = i + 1;
			blankAfterCrit = false;
			continue;
		}
		crit = null;
	}
	if (req) closeReq(lastContentLine(lines, lines.length));
	for (const r of doc.requirements) {
		for (const c of r.criteria) c.pattern = classifyEars(c.text);
	}
	doc.introduction = intro.join('\n');
	return doc;
}

function requirementHeading(
	heading: string,
	level: number,
	h2: string,
	line: Line,
	t: string
): Omit<Requirement, 'userStory' | 'userStoryLine' | 'line' | 'endLine' | 'criteria'> | null {
	if (level < 2 || level > 4) return null;
	const body = plain(heading);
	// "### 1. Login" is a requirement only inside a Requirements section.
	const m = REQ_WORD.exec(body) ?? (level === 3 && REQ_SECTION.test(h2) ? /^()(\d{1,9})[.:)]\s+/.exec(body) : null);
	if (!m) return null;
	const num = m[2] as string;
	const rest = body.slice(m[0].length);
	const title = rest.replace(/^[\s:：.．)\-–—]+/, '').trim();
	// Find the number in the raw line (emphasis may shift it) to renumber in place.
	const at = t.indexOf(num, t.indexOf('#'));
	const span: [number, number] | null = at === -1 ? null : [line.start + at, line.start + at + num.length];
	return { id: num.replace(/^0+(?=\d)/, ''), title, numberSpan: span };
}

function glossaryTerm(t: string, line: number, out: GlossaryTerm[]): void {
	const item = listItemOf(t);
	const body = (item ? item.content : t).trim();
	// `**Term**: definition`, or a plain `Term: definition` list item.
	const close = body.startsWith('**') ? body.indexOf('**', 2) : -1;
	const colon = close === -1 ? body.search(/[:：]/) : -1;
	if (close === -1 && (colon <= 0 || !item)) return;
	const term = (close !== -1 ? body.slice(2, close) : body.slice(0, colon)).replace(/[:：]$/, '').trim();
	const definition = (close !== -1 ? body.slice(close + 2) : body.slice(colon)).replace(/^[\s:：\-–—]+/, '').trim();
	if (term) out.push({ term, definition, line });
}

/** 1-based number of the last non-blank line before 0-based index `i`. */
function lastContentLine(lines: readonly Line[], i: number): number {
	let k = i - 1;
	while (k >= 0 && isBlank((lines[k] as Line).text)) k--;
	return k + 1;
}
