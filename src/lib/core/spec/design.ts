/**
 * design.md: sections by heading, mermaid blocks and correctness properties
 * (`### Property N: Name`, a `*For any* …` sentence, `**Validates: Requirements 1.1, 2.3**`).
 * Some files write properties as bold paragraphs or list items instead of headings; both count.
 */
import { citedIds, isCitationLabel, labelled } from './ids';
import { isBlank, splitLines, type Line } from './lines';
import { FenceTracker, headingOf, listItemOf, plain, sectionsOf, type Section } from './markdown';

export interface MermaidBlock {
	/** 1-based line of the opening fence. */
	line: number;
	endLine: number;
	code: string;
}

export interface Property {
	/** The number as written ("3"). */
	id: string;
	name: string;
	/** The `*For any* …` statement (the first prose line after the heading). */
	statement: string;
	/** Criterion ids from the Validates line, ranges expanded. */
	validates: string[];
	line: number;
	/** 1-based line of the Validates citation, 0 when there is none. */
	validatesLine: number;
}

export interface DesignDoc {
	title: string;
	sections: Section[];
	mermaid: MermaidBlock[];
	properties: Property[];
}

export function parseDesign(text: string): DesignDoc {
	const lines = splitLines(text);
	const doc: DesignDoc = { title: '', sections: sectionsOf(lines), mermaid: [], properties: [] };
	const fence = new FenceTracker();
	let block: { line: number; code: string[] } | null = null;
	let prop: Property | null = null;
	let propLevel = 99;
	for (let i = 0; i < lines.length; i++) {
		const t = (lines[i] as Line).text;
		const wasOpen = fence.open;
		const f = fence.feed(t);
		if (f === 'open') {
			if (fence.info.toLowerCase() === 'mermaid') block = { line: i + 1, code: [] };
			continue;
		}
		if (f === 'close') {
			if (block) doc.mermaid.push({ line: block.line, endLine: i + 1, code: block.code.join('\n') });
			block = null;
			continue;
		}
		if (wasOpen) {
			block?.code.push(t);
			continue;
		}
		const h = headingOf(t);
		if (h) {
			if (h.level === 1 && !doc.title) doc.title = h.text;
			const p = propertyStart(h.text);
			if (p) {
				prop = { ...p, statement: '', validates: [], line: i + 1, validatesLine: 0 };
				propLevel = h.level;
				doc.properties.push(prop);
			} else if (h.level <= propLevel) prop = null;
			continue;
		}
		if (isBlank(t)) continue;
		// A property written as a bold paragraph or list item: `**Property 3: Name**`.
		const li = listItemOf(t);
		const body = plain(li ? li.content : t).trim();
		const inline = /^property\s+\d/i.test(body) ? propertyStart(body) : null;
		if (inline) {
			prop = { ...inline, statement: '', validates: [], line: i + 1, validatesLine: 0 };
			propLevel = 99;
			doc.properties.push(prop);
			continue;
		}
		if (!prop) continue;
		const label = labelled(t);
		if (label && isCitationLabel(label.label)) {
			// A Set, not includes(), and no spread: a huge citation line must neither be slow nor overflow the stack.
			const known = new Set(prop.validates);
			for (const id of citedIds(label.rest)) {
				if (known.has(id)) continue;
				known.add(id);
				prop.validates.push(id);
			}
			prop.validatesLine = i + 1;
			continue;
		}
		if (!prop.statement) prop.statement = body;
	}
	if (block) doc.mermaid.push({ line: block.line, endLine: lines.length, code: block.code.join('\n') });
	return doc;
}

/** "Property 3: Round trip" → { id: '3', name: 'Round trip' }. */
function propertyStart(text: string): { id: string; name: string } | null {
	const m = /^(?:correctness\s+)?property\s+(\d{1,9})\b\s*[:：.\-–—]?/i.exec(plain(text).trim());
	if (!m) return null;
	return { id: (m[1] as string).replace(/^0+(?=\d)/, ''), name: plain(text).trim().slice(m[0].length).trim() };
}
