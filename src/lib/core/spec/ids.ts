/**
 * Dotted ids ("1", "2.3") as they appear in citations: `_Requirements: 1.1–1.7, 2.3_`,
 * `**Validates: Requirements 1.1, 2.3**`, `_Depends: 4.1_`. Real files mix hyphens, en and em
 * dashes, "to" and "..", so all of them count as ranges.
 */

/** A range wider than this is kept as its two ends: a typo must not allocate millions of ids. */
const MAX_RANGE = 500;

export interface IdToken {
	/** The id as written ("01.2"). */
	raw: string;
	/** Normalized ("1.2"). */
	id: string;
	/** Offset of `raw` in the scanned string. */
	at: number;
}

/** Drops leading zeros per component so "01.02" and "1.2" are the same id. */
export function normalizeId(raw: string): string {
	// Fast path: no component starts with a zero (almost always), so nothing to allocate.
	let zero = false;
	for (let i = 0; i < raw.length; i++) {
		if (raw.charCodeAt(i) === 48 && (i === 0 || raw[i - 1] === '.') && i + 1 < raw.length && raw[i + 1] !== '.') {
			zero = true;
			break;
		}
	}
	if (!zero) return raw;
	return raw
		.split('.')
		.map((part) => part.replace(/^0+(?=\d)/, ''))
		.join('.');
}

/** Every dotted number in `text`, in order, with offsets (for rewriting citations in place). */
export function idTokens(text: string): IdToken[] {
	const tokens: IdToken[] = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) {
			i++;
			continue;
		}
		// A number glued to letters (v2, 3D, FR-001 is fine: '-' is not a letter) is not an id.
		const before = i > 0 ? text.charCodeAt(i - 1) : 32;
		const start = i;
		while (i < n) {
			while (i < n && isDigitCode(text.charCodeAt(i))) i++;
			if (text[i] === '.' && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) i++;
			else break;
		}
		const after = i < n ? text.charCodeAt(i) : 32;
		if (isWordCode(before) || isWordCode(after)) continue;
		const raw = text.slice(start, i);
		tokens.push({ raw, id: normalizeId(raw), at: start });
	}
	return tokens;
}

/** Ids cited in `text`, ranges expanded ("1.1–1.3" → 1.1, 1.2, 1.3), duplicates removed. */
export function citedIds(text: string): string[] {
	const tokens = idTokens(text);
	const out: string[] = [];
	const seen = new Set<string>();
	const add = (id: string): void => {
		if (!seen.has(id)) {
			seen.add(id);
			out.push(id);
		}
	};
	for (let k = 0; k < tokens.length; k++) {
		const a = tokens[k] as IdToken;
		const b = tokens[k + 1];
		if (b && isRangeJoin(text.slice(a.at + a.raw.length, b.at))) {
			for (const id of expandRange(a.id, b.id)) add(id);
			k++;
		} else add(a.id);
	}
	return out;
}

function isRangeJoin(between: string): boolean {
	const t = between.trim();
	return t === '-' || t === '–' || t === '—' || t === '..' || t === '...' || t === '~' || t.toLowerCase() === 'to' || t === '→';
}

/** "1.1","1.4" → 1.1…1.4; ends that differ in more than the last component are kept as they are. */
export function expandRange(from: string, to: string): string[] {
	const a = from.split('.');
	const b = to.split('.');
	if (a.length !== b.length) return [from, to];
	for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return [from, to];
	const lo = Number(a[a.length - 1]);
	const hi = Number(b[b.length - 1]);
	if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo || hi - lo > MAX_RANGE) return [from, to];
	const prefix = a.slice(0, -1).join('.');
	const out: string[] = [];
	for (let v = lo; v <= hi; v++) out.push(prefix ? `${prefix}.${v}` : String(v));
	return out;
}

/** Compares dotted ids numerically ("2.10" after "2.9"). */
export function compareIds(x: string, y: string): number {
	const a = x.split('.');
	const b = y.split('.');
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const p = a[i];
		const q = b[i];
		if (p === undefined) return -1;
		if (q === undefined) return 1;
		if (p.length !== q.length) return p.length - q.length;
		if (p !== q) return p < q ? -1 : 1;
	}
	return 0;
}

function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isWordCode(c: number): boolean {
	// '_' is left out on purpose: `_Requirements: 1.1_` ends with emphasis, not a word.
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The label of a citation line such as `- _Requirements: 1.1_`, `**Validates: Requirements 2.1**`,
 * `Depends on: 3`, `Files: a.ts` — lower-cased, with the text after the colon. Null otherwise.
 */
export function labelled(text: string): { label: string; rest: string } | null {
	let i = 0;
	const n = text.length;
	while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
	if ((text[i] === '-' || text[i] === '*' || text[i] === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
		i += 2;
		while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
	}
	while (i < n && (text[i] === '_' || text[i] === '*')) i++;
	const colon = text.indexOf(':', i);
	const wide = text.indexOf('：', i);
	const at = colon === -1 ? wide : wide === -1 ? colon : Math.min(colon, wide);
	if (at === -1 || at - i > 40) return null;
	const label = text
		.slice(i, at)
		.replace(/[*_]/g, '')
		.trim()
		.toLowerCase();
	if (label === '' || !/^[\p{L} ]+( \d+)?$/u.test(label)) return null;
	return { label, rest: text.slice(at + 1) };
}

/** Labels of lines citing criteria: `_Requirements: …_`, `**Validates: Requirements …**`, and translations. */
export function isCitationLabel(label: string): boolean {
	return /^(requirements?|criteria|validates\b.*|需求|要求|要件|anforderungen?|exigences?|requisitos?)$/.test(label);
}

/** Labels of lines naming tasks a task waits for: `_Depends: 4.1_`, `Depends on: 2`, `After: 3`. */
export function isDependsLabel(label: string): boolean {
	return /^(depends( on)?|dependencies|dependency|after|blocked by|依赖|前置任务|依存)$/.test(label);
}
