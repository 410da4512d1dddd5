/**
 * Model output → a document in the file's format. Models wrap documents in code fences, talk
 * before the first heading and sign off after the last line; these are fixed silently and each
 * fix is reported. Everything here also runs on every streamed chunk, so partial text (an open
 * fence, half a heading) must pass through unharmed.
 */
import { lintSpec, parseBugfix, parseDesign, parseRequirements, parseTasks, type Finding } from '../spec/index';
import { PHASE_FILE, type Phase } from './phases';
import { headingPhase } from './quick-spec';
import { FIRST_HEADING } from './templates';

export interface Cleaned {
	text: string;
	/** What was changed, in words for the user. */
	fixes: string[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const DOC_INFO = new Set(['', 'markdown', 'md', 'mdx', 'text', 'txt']);
const CHATTER =
	/^\s*(?:[-*]\s*)?(?:let me know|i hope|hope this|would you like|do you want|feel free|if you(?:'d| would) like|shall i|should i|i can also|happy to|please (?:let me know|review)|next,? (?:i|we) can)/i;

export function cleanModelOutput(raw: string, phase: Phase): Cleaned {
	const fixes: string[] = [];
	let lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

	const unwrapped = unwrapFence(lines);
	if (unwrapped) {
		lines = unwrapped;
		fixes.push('Removed the code fence around the document.');
	}

	const start = documentStart(lines, phase);
	if (start > 0 && lines.slice(0, start).some((l) => l.trim() !== '')) {
		fixes.push('Removed text before the first heading.');
	}
	if (start > 0) lines = lines.slice(start);
	const first = lines.find((l) => l.trim() !== '');
	if (first !== undefined && /^##\s/.test(first.trim())) {
		lines = [FIRST_HEADING[phase], '', ...lines.slice(lines.indexOf(first))];
		fixes.push(`Added the missing "${FIRST_HEADING[phase]}" heading.`);
	}

	const kept = dropTrailingChatter(lines);
	if (kept !== null) {
		lines = kept;
		fixes.push('Removed remarks after the end of the document.');
	}

	const body = lines.join('\n').replace(/\s+$/, '').replace(/^\n+/, '');
	return { text: body === '' ? '' : `${body}\n`, fixes };
}

/**
 * When the document sits in a ```markdown fence (possibly after chatter), returns the lines inside
 * it. The outer fence closes at the last bare fence line that only chatter follows; fences with an
 * info string (mermaid, ts) open inner blocks. An unclosed outer fence (streaming) still unwraps.
 */
function unwrapFence(lines: readonly string[]): string[] | null {
	let open = -1;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		const m = FENCE.exec(line);
		if (m && DOC_INFO.has((m[2] as string).toLowerCase()) && nextContentIsHeading(lines, i + 1)) {
			open = i;
			break;
		}
		// Only chatter may come before the fence: a heading means the document is not wrapped.
		if (/^\s{0,3}#\s/.test(line) || m) return null;
	}
	if (open === -1) return null;
	const outer = (FENCE.exec(lines[open] as string) as RegExpExecArray)[1] as string;
	let inner = false;
	let close = -1;
	for (let i = open + 1; i < lines.length; i++) {
		const m = FENCE.exec(lines[i] as string);
		if (!m) continue;
		const run = m[1] as string;
		if (inner) {
			if (m[2] === '') inner = false;
		} else if (m[2] !== '') inner = true;
		else if (run[0] === outer[0] && run.length >= outer.length) close = i;
	}
	// Document structure after the candidate means it closed an inner block, not the document.
	if (close !== -1 && lines.slice(close + 1).some((l) => /^\s{0,3}(#{1,6}\s|[-*] \[)/.test(l))) close = -1;
	return close === -1 ? lines.slice(open + 1) : lines.slice(open + 1, close);
}

function nextContentIsHeading(lines: readonly string[], from: number): boolean {
	for (let i = from; i < lines.length; i++) {
		const t = (lines[i] as string).trim();
		if (t !== '') return /^#{1,6}\s/.test(t);
	}
	// Nothing after the fence yet: a stream that has just opened it.
	return true;
}

/** Index of the expected first heading, else of the first level-1 heading; 0 when there is none. */
function documentStart(lines: readonly string[], phase: Phase): number {
	let firstH1 = -1;
	let inFence = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (FENCE.test(line)) inFence = !inFence;
		if (inFence) continue;
		if (headingPhase(line) === phase) return i;
		if (firstH1 === -1 && /^#\s/.test(line)) firstH1 = i;
	}
	return Math.max(firstH1, 0);
}

/** Drops closing paragraphs that talk to the reader, and a `---` rule left in front of them; null when there are none. */
function dropTrailingChatter(lines: string[]): string[] | null {
	let end = lines.length;
	let dropped = false;
	for (;;) {
		while (end > 0 && (lines[end - 1] as string).trim() === '') end--;
		let start = end;
		while (start > 0 && (lines[start - 1] as string).trim() !== '') start--;
		if (start === end || !CHATTER.test(lines[start] as string) || start === 0) break;
		dropped = true;
		end = start;
		while (end > 0 && (lines[end - 1] as string).trim() === '') end--;
		if (end > 0 && /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(lines[end - 1] as string)) end--;
	}
	return dropped ? lines.slice(0, end) : null;
}

export interface Usability {
	ok: boolean;
	problems: string[];
}

/** Whether a (cleaned) document has the bare structure of its phase; lint judges the rest. */
export function usableDocument(text: string, phase: Phase): Usability {
	const problems: string[] = [];
	if (text.trim() === '') return { ok: false, problems: ['The reply is empty.'] };
	if (phase === 'requirements') {
		const doc = parseRequirements(text);
		if (doc.requirements.length === 0) problems.push('No "### Requirement N: Title" sections were found.');
		else if (!doc.requirements.some((r) => r.criteria.length > 0)) {
			problems.push('No requirement has numbered acceptance criteria under "#### Acceptance Criteria".');
		}
	} else if (phase === 'bugfix') {
		const doc = parseBugfix(text);
		if (!doc.current) problems.push('The "### Current Behavior (Defect)" section is missing.');
		if (!doc.expected) problems.push('The "### Expected Behavior (Correct)" section is missing.');
		else if (doc.expected.items.length === 0) problems.push('"Expected Behavior" has no numbered 2.x items.');
		if (!doc.unchanged) problems.push('The "### Unchanged Behavior (Regression Prevention)" section is missing.');
	} else if (phase === 'design') {
		const doc = parseDesign(text);
		if (doc.title === '') problems.push('The document has no "# Design Document" heading.');
		if (!doc.sections.some((s) => s.level === 2)) problems.push('The document has no "## " sections (Overview, Architecture, …).');
	} else {
		const doc = parseTasks(text);
		if (doc.all.length === 0) problems.push('No tasks were found (lines like "- [ ] 1. Title").');
	}
	return { ok: problems.length === 0, problems };
}

export interface Checked extends Cleaned, Usability {
	/** Lint findings for this document, cross-checked against `others` where given. */
	findings: Finding[];
}

/** Cleanup, structure check and lint in one step: what the UI runs after each generation. */
export function checkGenerated(raw: string, phase: Phase, others: Partial<Record<Phase, string>> = {}): Checked {
	const checked = checkStructure(raw, phase);
	const findings = lintSpec({ ...others, [phase]: checked.text }).filter((f) => f.file === PHASE_FILE[phase]);
	return { ...checked, findings };
}

/**
 * Cleanup and the structure check without lint: all that decides whether a reply is kept or needs a
 * repair. The lint runs once where the findings are shown; on a long document it costs as much again.
 */
export function checkStructure(raw: string, phase: Phase): Cleaned & Usability {
	const cleaned = cleanModelOutput(raw, phase);
	return { ...cleaned, ...usableDocument(cleaned.text, phase) };
}

/**
 * Joins a Continue reply to the partial text. Models often repeat the last words before going on,
 * or restart the whole document despite being told not to; both are undone here.
 */
export function joinContinuation(partial: string, more: string): string {
	const firstLine = (t: string): string => t.trimStart().split('\n', 1)[0]?.trim() ?? '';
	if (/^#\s/.test(firstLine(more)) && firstLine(more) === firstLine(partial)) return more;
	const max = Math.min(partial.length, more.length, 1000);
	for (let k = max; k >= 12; k--) {
		if (partial.endsWith(more.slice(0, k))) return partial + more.slice(k);
	}
	return partial + more;
}
