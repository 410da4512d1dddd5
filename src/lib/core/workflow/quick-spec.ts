/**
 * Quick spec: all documents in one reply, no gates. The documents are separated by marker lines
 * that cannot occur in Markdown by accident; when a model drops the markers anyway, the known
 * first headings split the reply instead.
 */
import { PHASE_FILE, phaseOfFile, type Phase } from './phases';
import { contextMessage, continueTurn, phaseNotes, type ChatMessage, type SpecContext } from './prompts';
import { FIRST_HEADING, FORMATS, ROLE } from './templates';

export const FILE_MARKER = (phase: Phase): string => `<<<FILE ${PHASE_FILE[phase]}>>>`;

export interface QuickSpecInput extends SpecContext {
	/** The phases to write, in workflow order (see phaseOrder). */
	order: readonly Phase[];
	partial?: string;
}

export function buildQuickSpecMessages(input: QuickSpecInput): ChatMessage[] {
	const files = input.order.map((p) => PHASE_FILE[p]).join(', ');
	const markers = input.order.map((phase) => FILE_MARKER(phase)).join(', then ');
	const formats = input.order.map((phase) => FORMATS[phase]).join('\n\n---\n\n');
	const system = `${ROLE}

This time you write all ${input.order.length} documents of the spec in one reply, in this order: ${files}.
Put each document after a line containing only its marker: ${markers}. Nothing else on the marker lines, nothing before the first marker.
Each later document builds on the earlier ones and cites their exact numbers.

${formats}`;
	// Notes as if each phase were written alone with only the phases before it available.
	const notes = input.order.flatMap((phase, i) => {
		const before = Object.fromEntries(input.order.slice(0, i).map((p) => [p, 'written above'])) as Partial<Record<Phase, string>>;
		return phaseNotes(phase, { ...input, documents: before });
	});
	const request = [`# Your task\n\nWrite the whole spec: ${files}, each after its marker line.`, ...notes].join('\n\n');
	return [
		{ role: 'system', content: system },
		{ role: 'user', content: contextMessage(input, undefined, request) },
		...continueTurn(input.partial)
	];
}

const MARKER = /^\s*`*\s*<{2,3}\s*FILE:?\s*([\w.-]+)\s*>{2,3}\s*`*\s*$/i;

/**
 * Splits a quick-spec reply (complete or still streaming) into documents. Text before the first
 * marker is chatter and is dropped; a marker naming an unknown file is ignored.
 */
export function splitQuickSpec(text: string): Partial<Record<Phase, string>> {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const docs: Partial<Record<Phase, string>> = {};
	let current: Phase | null = null;
	let buffer: string[] = [];
	let sawMarker = false;
	const flush = (): void => {
		if (current !== null && docs[current] === undefined) docs[current] = buffer.join('\n').trim() + '\n';
		buffer = [];
	};
	for (const line of lines) {
		const m = MARKER.exec(line);
		const phase = m ? phaseOfFile(m[1] as string) : null;
		if (m) sawMarker = true;
		if (phase !== null) {
			flush();
			current = phase;
			continue;
		}
		if (current !== null && !m) buffer.push(line);
	}
	flush();
	if (!sawMarker) return splitByHeadings(lines);
	for (const phase of Object.keys(docs) as Phase[]) if (docs[phase]?.trim() === '') delete docs[phase];
	return docs;
}

function splitByHeadings(lines: readonly string[]): Partial<Record<Phase, string>> {
	const docs: Partial<Record<Phase, string>> = {};
	let current: Phase | null = null;
	let buffer: string[] = [];
	let inFence = false;
	const flush = (): void => {
		if (current !== null && docs[current] === undefined && buffer.join('').trim() !== '') docs[current] = buffer.join('\n').trim() + '\n';
		buffer = [];
	};
	for (const line of lines) {
		if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
		const phase = inFence ? null : headingPhase(line);
		if (phase !== null) {
			flush();
			current = phase;
		}
		if (current !== null) buffer.push(line);
	}
	flush();
	return docs;
}

/** Which phase a first-level heading opens; the bugfix heading is checked first as it contains "Requirements". */
export function headingPhase(line: string): Phase | null {
	const t = line.trim();
	for (const phase of ['bugfix', 'requirements', 'design', 'tasks'] as const) {
		const h = FIRST_HEADING[phase];
		if (t === h || t.startsWith(`${h}:`) || t.startsWith(`${h} `)) return phase;
	}
	return null;
}
