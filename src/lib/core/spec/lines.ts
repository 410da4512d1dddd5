/**
 * Line splitting that keeps exact offsets and line endings. Every parser works on these lines and
 * every edit splices the original string by offset, so bytes nobody meant to change never move.
 */

export type Eol = '' | '\n' | '\r\n' | '\r';

export interface Line {
	/** The line without its line ending. */
	readonly text: string;
	/** Offset of the first character of the line in the text. */
	readonly start: number;
	/** The line ending as written ('' on a last line without one). */
	readonly eol: Eol;
}

/**
 * Splits on `\n`, `\r\n` and a lone `\r` (as markdown does). A trailing line ending does not
 * create a phantom empty last line, so `lines.length` matches what an editor numbers.
 */
export function splitLines(text: string): Line[] {
	const n = text.length;
	// Sized up front: V8 has been seen to regrow a pushed-to array of 100,000+ lines one copy at a
	// time once the function was re-optimized, turning this linear loop quadratic. Counting first
	// is two memchr scans and leaves nothing to grow.
	let count = 0;
	for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) count++;
	for (let p = text.indexOf('\r'); p !== -1; p = text.indexOf('\r', p + 1)) if (text.charCodeAt(p + 1) !== 10) count++;
	const lines = new Array<Line>(count + 1);
	let k = 0;
	let start = 0;
	// indexOf is much faster than a char loop. Both positions are cached and only searched again once
	// passed, so a file with only \r (or only \n) endings is not rescanned to its end on every line.
	let nextLf = text.indexOf('\n');
	let nextCr = text.indexOf('\r');
	while (start < n) {
		if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
		if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
		const nl = nextLf === -1 ? n : nextLf;
		if (nextCr !== -1 && nextCr < nl) {
			if (nextCr + 1 === nl && nl < n) {
				lines[k++] = { text: text.slice(start, nextCr), start, eol: '\r\n' };
				start = nl + 1;
			} else {
				lines[k++] = { text: text.slice(start, nextCr), start, eol: '\r' };
				start = nextCr + 1;
			}
			continue;
		}
		lines[k++] = { text: text.slice(start, nl), start, eol: nl < n ? '\n' : '' };
		start = nl + 1;
	}
	lines.length = k;
	return lines;
}

/** Offset just past the line's ending. */
export function lineEnd(line: Line): number {
	return line.start + line.text.length + line.eol.length;
}

/** The line ending most lines use; new lines are written with it. */
export function dominantEol(lines: readonly Line[]): '\n' | '\r\n' | '\r' {
	let lf = 0;
	let crlf = 0;
	let cr = 0;
	for (const line of lines) {
		if (line.eol === '\n') lf++;
		else if (line.eol === '\r\n') crlf++;
		else if (line.eol === '\r') cr++;
	}
	if (crlf > lf && crlf >= cr) return '\r\n';
	if (cr > lf && cr > crlf) return '\r';
	return '\n';
}

export function isBlank(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) return false;
	}
	return true;
}

/** Leading whitespace width, a tab counting to the next multiple of four (as CommonMark does). */
export function indentOf(text: string): { width: number; chars: number } {
	let width = 0;
	let i = 0;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32) width++;
		else if (c === 9) width += 4 - (width % 4);
		else break;
	}
	return { width, chars: i };
}

export interface Edit {
	start: number;
	end: number;
	insert: string;
}

/**
 * Applies non-overlapping edits made against the same original text. At equal offsets an insertion
 * goes before a removal, so "remove a block here, insert a block here" means what it says.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
	let out = '';
	let cursor = 0;
	for (const e of sorted) {
		// Overlapping edits are a bug in the caller; failing loudly beats corrupting the user's file.
		if (e.start < cursor) throw new Error(`Overlapping edits at offset ${e.start}`);
		out += text.slice(cursor, e.start) + e.insert;
		cursor = e.end;
	}
	return out + text.slice(cursor);
}
