/**
 * bugfix.md: `## Bug Analysis` with Current (1.x, the defect), Expected (2.x, SHALL) and
 * Unchanged (3.x, SHALL CONTINUE TO) behaviour. Items are written `1.1 WHEN …`, as a numbered
 * list, or as bullets; an item's id is the written `N.M` when there is one, else section.position.
 */
import { classifyEars, type EarsPattern } from './ears';
import { isBlank, splitLines, type Line } from './lines';
import { FenceTracker, headingOf, listItemOf, plain, sectionsOf, type Section } from './markdown';

export type BugfixSectionKind = 'current' | 'expected' | 'unchanged';

export interface BugfixItem {
	id: string;
	text: string;
	pattern: EarsPattern;
	line: number;
}

export interface BugfixSection {
	kind: BugfixSectionKind;
	heading: string;
	line: number;
	items: BugfixItem[];
}

export interface BugfixDoc {
	title: string;
	introduction: string;
	current: BugfixSection | null;
	expected: BugfixSection | null;
	unchanged: BugfixSection | null;
	sections: Section[];
}

const KIND_NUMBER: Record<BugfixSectionKind, number> = { current: 1, expected: 2, unchanged: 3 };

export function bugfixKind(heading: string): BugfixSectionKind | null {
	const h = heading.toLowerCase();
	if (/unchanged|regression|preserv|不变|回归|変更なし/.test(h)) return 'unchanged';
	if (/expected|correct|desired|期望|预期|正しい|期待/.test(h)) return 'expected';
	if (/current|defect|actual|observed|当前|缺陷|現在|不具合/.test(h)) return 'current';
	return null;
}

export function parseBugfix(text: string): BugfixDoc {
	const lines = splitLines(text);
	const doc: BugfixDoc = { title: '', introduction: '', current: null, expected: null, unchanged: null, sections: sectionsOf(lines) };
	const fence = new FenceTracker();
	const intro: string[] = [];
	let section: BugfixSection | null = null;
	let inIntro = false;
	let last: BugfixItem | null = null;
	for (let i = 0; i < lines.length; i++) {
		const t = (lines[i] as Line).text;
		const wasOpen = fence.open;
		if (fence.feed(t) !== 'none' || wasOpen) continue;
		const h = headingOf(t);
		if (h) {
			if (h.level === 1 && !doc.title) doc.title = h.text;
			inIntro = h.level <= 2 && /^introduction|^overview|简介|概要/i.test(h.text);
			last = null;
			const kind = h.level >= 2 ? bugfixKind(h.text) : null;
			if (kind && !doc[kind]) {
				section = { kind, heading: h.text, line: i + 1, items: [] };
				doc[kind] = section;
			} else if (h.level <= 3) section = null;
			continue;
		}
		if (isBlank(t)) {
			last = null;
			continue;
		}
		if (inIntro) intro.push(t.trim());
		if (!section) continue;
		const item = itemOf(t);
		if (item) {
			const n = KIND_NUMBER[section.kind];
			last = { id: item.id ?? `${n}.${section.items.length + 1}`, text: item.text, pattern: 'none', line: i + 1 };
			section.items.push(last);
		} else if (last) last.text = `${last.text} ${t.trim()}`;
	}
	for (const s of [doc.current, doc.expected, doc.unchanged]) {
		for (const item of s?.items ?? []) item.pattern = classifyEars(item.text);
	}
	doc.introduction = intro.join('\n');
	return doc;
}

/** `1.1 WHEN …`, `- 1.1 WHEN …`, `**1.1** WHEN …`, `1. WHEN …`, `- WHEN …`. */
function itemOf(t: string): { id: string | null; text: string } | null {
	const li = listItemOf(t);
	const body = plain(li ? li.content : t).trim();
	const m = /^(\d{1,9}\.\d{1,9})[.:)]?(?:\s+|$)/.exec(body);
	if (m) return { id: (m[1] as string).replace(/(^|\.)0+(?=\d)/g, '$1'), text: body.slice(m[0].length).trim() };
	if (li) return { id: null, text: body };
	return null;
}
