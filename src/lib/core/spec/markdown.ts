/**
 * The little markdown the spec parsers need: ATX headings, fenced code, list items and
 * sections. Hand-written scanners rather than clever regexes so that a 10 MB line of spaces or
 * `#` still costs linear time.
 */
import { indentOf, isBlank, type Line } from './lines';

export interface Heading {
	level: number;
	text: string;
}

/** `## Title ##` → { level: 2, text: 'Title' }; null when the line is not an ATX heading. */
export function headingOf(text: string): Heading | null {
	const { width, chars } = indentOf(text);
	if (width > 3) return null;
	let i = chars;
	let level = 0;
	while (i < text.length && text.charCodeAt(i) === 35 /* # */ && level < 7) {
		level++;
		i++;
	}
	if (level === 0 || level > 6) return null;
	if (i < text.length && text[i] !== ' ' && text[i] !== '\t') return null;
	let end = text.length;
	while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	// A closing run of # counts only after whitespace ("# C#" keeps its #).
	let hashes = end;
	while (hashes > i && text[hashes - 1] === '#') hashes--;
	if (hashes < end && (hashes === i || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) end = hashes;
	return { level, text: text.slice(i, end).trim() };
}

/** Tracks ``` / ~~~ fences line by line so headings and lists inside code are ignored. */
export class FenceTracker {
	private char = '';
	private size = 0;
	/** The info string of the open fence ("mermaid", "ts", …). */
	info = '';

	get open(): boolean {
		return this.size > 0;
	}

	/** Feeds one line; returns 'open' | 'close' when the line is a fence, else 'none'. */
	feed(text: string): 'open' | 'close' | 'none' {
		const { width, chars } = indentOf(text);
		if (width > 3 && !this.open) return 'none';
		const c = text[chars];
		if (c !== '`' && c !== '~') return 'none';
		let run = chars;
		while (run < text.length && text[run] === c) run++;
		const size = run - chars;
		if (size < 3) return 'none';
		if (this.open) {
			if (c === this.char && size >= this.size && isBlank(text.slice(run))) {
				this.size = 0;
				this.char = '';
				return 'close';
			}
			return 'none';
		}
		const info = text.slice(run).trim();
		if (c === '`' && info.includes('`')) return 'none';
		this.char = c;
		this.size = size;
		this.info = info.split(/\s/, 1)[0] ?? '';
		return 'open';
	}
}

export interface ListItem {
	indent: number;
	/** '-', '*', '+' or the number of an ordered item as written. */
	marker: string;
	ordered: boolean;
	/** Text after the marker and its spaces. */
	content: string;
	/** Offset of `content` within the line. */
	contentAt: number;
}

/** `  - foo` / `3. foo` / `3) foo`; null when the line is not a list item. */
export function listItemOf(text: string): ListItem | null {
	const { width, chars } = indentOf(text);
	let i = chars;
	const c = text[i];
	let marker: string;
	let ordered = false;
	if (c === '-' || c === '*' || c === '+') {
		marker = c;
		i++;
	} else {
		const digits = i;
		while (i < text.length && i - digits < 10 && isDigit(text.charCodeAt(i))) i++;
		if (i === digits || (text[i] !== '.' && text[i] !== ')')) return null;
		marker = text.slice(digits, i);
		ordered = true;
		i++;
	}
	if (i < text.length && text[i] !== ' ' && text[i] !== '\t') return null;
	while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
	return { indent: width, marker, ordered, content: text.slice(i), contentAt: i };
}

export function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

export interface Section {
	level: number;
	title: string;
	/** 1-based line of the heading. */
	line: number;
	/** 1-based last line before the next heading of the same or a higher level. */
	endLine: number;
	/** True when the section holds only blank lines (a subsection counts as content). */
	empty: boolean;
}

/** Every ATX heading outside code fences with the extent of its section. */
export function sectionsOf(lines: readonly Line[]): Section[] {
	const sections: Section[] = [];
	const fence = new FenceTracker();
	const open: Section[] = [];
	let last: Section | null = null;
	for (let i = 0; i < lines.length; i++) {
		const text = (lines[i] as Line).text;
		const wasOpen = fence.open;
		if (fence.feed(text) !== 'none' || wasOpen) {
			if (last) last.empty = false;
			continue;
		}
		const h = headingOf(text);
		if (!h) {
			if (last && !isBlank(text)) last.empty = false;
			continue;
		}
		while (open.length > 0 && (open[open.length - 1] as Section).level >= h.level) {
			(open.pop() as Section).endLine = i;
		}
		const parent = open[open.length - 1];
		if (parent) parent.empty = false;
		const section: Section = { level: h.level, title: h.text, line: i + 1, endLine: lines.length, empty: true };
		sections.push(section);
		open.push(section);
		last = section;
	}
	return sections;
}

/**
 * Removes markdown emphasis and code marks around words: `**WHEN**` → `WHEN`, `_Note_` → `Note`,
 * but keeps underscores inside identifiers (`Recipe_Box` is a name Kiro glossaries use).
 */
export function plain(text: string): string {
	return text.replace(/[*`]+/g, '').replace(/(^|[^\p{L}\p{N}_])_+|_+(?=[^\p{L}\p{N}_]|$)/gu, '$1');
}
