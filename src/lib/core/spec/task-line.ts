/**
 * The scanner for one checkbox line, `- [x]* 1.2 Title`. Hand-written rather than a regex: it runs
 * on every line of every tasks.md and must stay linear on a 10 MB line of spaces or brackets.
 */
import { normalizeId } from './ids';

/** Status emoji some files put before the number: `- [x] ✅ 1. Title`. */
const EMOJI_MARKS = new Set([0x2705, 0x2714, 0x2713, 0x2611, 0x2b1c, 0x1f532, 0x1f7e2, 0x1f504, 0x23f3, 0x1f6a7, 0x274c]);

export interface TaskLine {
	indent: number;
	/** Offsets within the line. */
	markerStart: number;
	markerEnd: number;
	marker: string;
	optional: boolean;
	id: string | null;
	idStart: number;
	idEnd: number;
	title: string;
}

function isWs(c: string | undefined): boolean {
	return c === ' ' || c === '\t';
}

function isDigitAt(t: string, k: number): boolean {
	const c = t.charCodeAt(k);
	return c >= 48 && c <= 57;
}

/** Scans `- [x]* 1.2 Title`; null when the line is not a checkbox item. */
export function taskLineOf(t: string): TaskLine | null {
	const n = t.length;
	let i = 0;
	let indent = 0;
	for (; i < n; i++) {
		const c = t.charCodeAt(i);
		if (c === 32) indent++;
		else if (c === 9) indent += 4 - (indent % 4);
		else break;
	}
	const bullet = t[i];
	if (bullet !== '-' && bullet !== '*' && bullet !== '+') return null;
	i++;
	if (!isWs(t[i])) return null;
	while (isWs(t[i])) i++;
	if (t[i] !== '[') return null;
	const markerStart = i + 1;
	const cp = t.codePointAt(markerStart);
	if (cp === undefined) return null;
	let j = markerStart + (cp > 0xffff ? 2 : 1);
	if (t[j] === '\uFE0F') j++;
	if (t[j] !== ']' || cp === 93 /* ] */) return null;
	const marker = t.slice(markerStart, j);
	j++;
	let optional = false;
	if (t[j] === '*') {
		optional = true;
		j++;
	}
	if (j < n && !isWs(t[j])) return null;
	while (isWs(t[j])) j++;
	// Some files put a status emoji before the number: `- [x] ✅ 1. Title`.
	const ecp = t.codePointAt(j);
	if (ecp !== undefined && EMOJI_MARKS.has(ecp)) {
		let k = j + (ecp > 0xffff ? 2 : 1);
		if (t[k] === '\uFE0F') k++;
		if (isWs(t[k])) {
			j = k;
			while (isWs(t[j])) j++;
		}
	}
	let k = j;
	const bold = t.startsWith('**', k);
	if (bold) k += 2;
	const idStart = k;
	while (k < n) {
		while (isDigitAt(t, k)) k++;
		if (k > idStart && t[k] === '.' && isDigitAt(t, k + 1)) k++;
		else break;
	}
	const idEnd = k;
	let id: string | null = null;
	if (idEnd > idStart) {
		let terminated = false;
		if (t[k] === '.' || t[k] === ')' || t[k] === ':') {
			k++;
			terminated = true;
		}
		if (bold && t.startsWith('**', k)) k += 2;
		if (t[k] === '*' && (k + 1 >= n || isWs(t[k + 1]))) {
			optional = true;
			k++;
		}
		if (terminated || k >= n || isWs(t[k])) id = normalizeId(t.slice(idStart, idEnd));
	}
	if (id === null) k = j;
	let title = t.slice(k).trim();
	if (id !== null && (title.startsWith('- ') || title.startsWith('– ') || title.startsWith('— '))) title = title.slice(2).trim();
	if (bold && id !== null && title.endsWith('**') && !title.slice(0, -2).includes('**')) title = title.slice(0, -2).trim();
	return { indent, markerStart: markerStart, markerEnd: markerStart + marker.length, marker, optional, id, idStart, idEnd, title };
}
