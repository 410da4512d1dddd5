/**
 * EARS (Easy Approach to Requirements Syntax) classification of acceptance criteria. Kiro writes
 * the keywords in capitals; people editing by hand often do not, so the opening keyword and SHALL
 * match in any case, while a keyword later in the sentence counts only in capitals ("WHILE editing,
 * WHEN …") — otherwise ordinary prose ("the file where …") would turn criteria into `complex`.
 */
import { plain } from './markdown';

export type EarsPattern = 'event' | 'unwanted' | 'state' | 'optional' | 'ubiquitous' | 'complex' | 'none';

export type EarsKeyword = 'WHEN' | 'IF' | 'WHILE' | 'WHERE';

export interface EarsParts {
	pattern: EarsPattern;
	/** Precondition clauses in order, e.g. [{ keyword: 'WHILE', text: 'offline' }, { keyword: 'WHEN', … }]. */
	clauses: { keyword: EarsKeyword; text: string }[];
	/** The subject before SHALL ("the System"), '' when none was found. */
	system: string;
	/** What follows SHALL, '' when there is no SHALL. */
	response: string;
}

const PATTERN: Record<EarsKeyword, EarsPattern> = { WHEN: 'event', IF: 'unwanted', WHILE: 'state', WHERE: 'optional' };

export function classifyEars(text: string): EarsPattern {
	return earsParts(text).pattern;
}

export function earsParts(input: string): EarsParts {
	const text = plain(input).trim();
	const none: EarsParts = { pattern: 'none', clauses: [], system: '', response: '' };
	const shall = /\bshall\b/i.exec(text);
	if (!shall) return none;
	const pre = text.slice(0, shall.index);
	const response = text.slice(shall.index + shall[0].length).trim();
	if (pre.trim() === '' || response === '') return { ...none, response };

	const marks: { keyword: EarsKeyword; at: number; end: number }[] = [];
	const re = /\b(when|if|while|where)\b/gi;
	const first = /^\s*(when|if|while|where)\b/i.exec(pre);
	for (let m = re.exec(pre); m; m = re.exec(pre)) {
		const word = m[0];
		const opening = first !== null && m.index === first.index + first[0].length - word.length;
		if (opening || word === word.toUpperCase()) {
			marks.push({ keyword: word.toUpperCase() as EarsKeyword, at: m.index, end: m.index + word.length });
		}
	}
	if (marks.length === 0 || !first) {
		// No opening keyword: "THE System SHALL …" is ubiquitous; a keyword mid-sentence is not EARS.
		if (marks.length > 0) return { ...none, response };
		return { pattern: 'ubiquitous', clauses: [], system: stripThe(pre.trim()), response };
	}
	const clauses: EarsParts['clauses'] = [];
	let system = '';
	for (let k = 0; k < marks.length; k++) {
		const mark = marks[k] as (typeof marks)[number];
		const next = marks[k + 1];
		let clause = pre.slice(mark.end, next ? next.at : pre.length);
		if (!next) {
			const split = splitSystem(clause);
			clause = split.clause;
			system = split.system;
		}
		clauses.push({ keyword: mark.keyword, text: trimClause(clause) });
	}
	const kinds = new Set(clauses.map((c) => c.keyword));
	const only = clauses[0]?.keyword ?? 'WHEN';
	const pattern = kinds.size > 1 ? 'complex' : PATTERN[only];
	return { pattern, clauses, system, response };
}

/** "the user saves, THE Editor" → clause "the user saves", system "Editor"; also "… THEN the system". */
function splitSystem(clause: string): { clause: string; system: string } {
	const then = /\bTHEN\b/.exec(clause) ?? /\bthen(?=\s+the\b)/i.exec(clause);
	if (then) {
		return { clause: clause.slice(0, then.index), system: stripThe(clause.slice(then.index + then[0].length).trim()) };
	}
	const comma = Math.max(clause.lastIndexOf(','), clause.lastIndexOf('，'));
	if (comma !== -1) return { clause: clause.slice(0, comma), system: stripThe(clause.slice(comma + 1).trim()) };
	return { clause, system: '' };
}

function stripThe(s: string): string {
	return s.replace(/^(then\s+)?(the\s+)?/i, '').trim();
}

/** Trims spaces and commas by hand: a `[\s,]+$` regex is quadratic on long runs of spaces. */
function trimClause(s: string): string {
	const junk = (c: string | undefined): boolean => c !== undefined && (c === ',' || c === '，' || c.trim() === '');
	let a = 0;
	let b = s.length;
	while (a < b && junk(s[a])) a++;
	while (b > a && junk(s[b - 1])) b--;
	return s.slice(a, b);
}

/** Words that make a requirement untestable; matched as whole words, case-insensitively. */
export const VAGUE_TERMS: readonly string[] = [
	'fast',
	'quickly',
	'quick',
	'user-friendly',
	'user friendly',
	'easy to use',
	'easily',
	'intuitive',
	'seamless',
	'seamlessly',
	'etc.',
	'etc',
	'as appropriate',
	'as needed',
	'if possible',
	'and/or',
	'tbd'
];

const VAGUE_RE = new RegExp(
	`(?<![\\p{L}\\p{N}])(${[...VAGUE_TERMS]
		.sort((a, b) => b.length - a.length)
		.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
		.join('|')})(?![\\p{L}\\p{N}])`,
	'giu'
);

/** Vague terms in `text`, each once, lower-cased, in order of appearance. */
export function vagueTerms(text: string): string[] {
	const found: string[] = [];
	VAGUE_RE.lastIndex = 0;
	for (let m = VAGUE_RE.exec(text); m; m = VAGUE_RE.exec(text)) {
		const term = m[0].toLowerCase().replace(/\.$/, '');
		if (!found.includes(term)) found.push(term);
	}
	return found;
}
