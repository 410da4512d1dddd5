/**
 * Analyze: a model pass that lists ambiguities, contradictions and missing edge cases, each with
 * a suggested rewrite. Models wrap JSON in fences, add chatter or stop mid-array, so the reply is
 * read tolerantly and item by item: one bad element must not lose the others.
 */
import { PHASE_FILE, type Phase } from './phases';
import type { ChatMessage } from './prompts';
import { ANALYZE_INSTRUCTION, ANALYZE_ROLE } from './templates';

export type AnalyzeKind = 'ambiguity' | 'contradiction' | 'missing-edge-case';

export interface AnalyzeFinding {
	file: string;
	line?: number;
	kind: AnalyzeKind;
	message: string;
	original: string;
	suggestion: string;
}

export interface AnalyzeResult {
	findings: AnalyzeFinding[];
	/** False when no JSON array could be found at all (as opposed to an empty one). */
	parsed: boolean;
}

const ORDER: readonly Phase[] = ['requirements', 'bugfix', 'design', 'tasks'];

/** Numbered lines let the model cite a line, and the UI jump to it. */
function numbered(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\n$/, '')
		.split('\n')
		.map((line, i) => `${i + 1}|${line}`)
		.join('\n');
}

export function buildAnalyzeMessages(docs: Partial<Record<Phase, string>>): ChatMessage[] {
	const parts = ORDER.filter((p) => docs[p] !== undefined && docs[p].trim() !== '').map(
		(p) => `<document file="${PHASE_FILE[p]}">\n${numbered(docs[p] ?? '')}\n</document>`
	);
	return [
		{ role: 'system', content: ANALYZE_ROLE },
		{ role: 'user', content: `${parts.join('\n\n')}\n\n${ANALYZE_INSTRUCTION}` }
	];
}

export function parseAnalyzeFindings(text: string): AnalyzeResult {
	const items = jsonArray(text);
	if (items === null) return { findings: [], parsed: false };
	const findings: AnalyzeFinding[] = [];
	for (const item of items) {
		const finding = findingOf(item);
		if (finding) findings.push(finding);
	}
	return { findings, parsed: true };
}

/** The first JSON array in the text: whole, inside a fence, between the outer brackets, or `{findings: […]}`. */
function jsonArray(text: string): unknown[] | null {
	const candidates: string[] = [text.trim()];
	const fence = /```[a-z]*\s*\n([\s\S]*?)(?:\n```|$)/i.exec(text);
	if (fence) candidates.push((fence[1] as string).trim());
	const open = text.indexOf('[');
	const close = text.lastIndexOf(']');
	if (open !== -1 && close > open) candidates.push(text.slice(open, close + 1));
	for (const candidate of candidates) {
		const value = tryJson(candidate);
		if (Array.isArray(value)) return value;
		if (value && typeof value === 'object' && Array.isArray((value as { findings?: unknown }).findings)) {
			return (value as { findings: unknown[] }).findings;
		}
	}
	// A reply cut mid-array: keep the complete objects before the cut.
	return open === -1 ? null : completeObjects(text.slice(open + 1));
}

function tryJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Top-level `{…}` objects in a JSON array body, scanning strings and escapes properly. */
function completeObjects(body: string): unknown[] | null {
	const out: unknown[] = [];
	let depth = 0;
	let start = -1;
	let inString = false;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{') {
			if (depth === 0) start = i;
			depth++;
		} else if (c === '}' && depth > 0) {
			depth--;
			if (depth === 0) {
				const value = tryJson(body.slice(start, i + 1));
				if (value !== undefined) out.push(value);
			}
		}
	}
	return out.length === 0 ? null : out;
}

const KINDS: Record<string, AnalyzeKind> = {
	ambiguity: 'ambiguity',
	ambiguous: 'ambiguity',
	vague: 'ambiguity',
	contradiction: 'contradiction',
	contradictory: 'contradiction',
	conflict: 'contradiction',
	inconsistency: 'contradiction',
	missingedgecase: 'missing-edge-case',
	edgecase: 'missing-edge-case',
	missingcase: 'missing-edge-case',
	missing: 'missing-edge-case',
	gap: 'missing-edge-case'
};

function str(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function findingOf(item: unknown): AnalyzeFinding | null {
	if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
	const o = item as Record<string, unknown>;
	const message = str(o.message ?? o.description ?? o.issue);
	if (message === '') return null;
	const kind = KINDS[str(o.kind ?? o.type).toLowerCase().replace(/[^a-z]/g, '')] ?? 'ambiguity';
	const finding: AnalyzeFinding = {
		file: fileName(str(o.file)),
		kind,
		message,
		original: str(o.original),
		suggestion: str(o.suggestion ?? o.rewrite ?? o.suggested)
	};
	const line = typeof o.line === 'number' ? o.line : Number.parseInt(str(o.line), 10);
	if (Number.isSafeInteger(line) && line > 0) finding.line = line;
	return finding;
}

/** "requirements", "Requirements.md", ".kiro/specs/x/requirements.md" → "requirements.md". */
function fileName(raw: string): string {
	const base = raw.slice(raw.lastIndexOf('/') + 1).toLowerCase();
	for (const file of Object.values(PHASE_FILE)) {
		if (base === file || base === file.replace(/\.md$/, '')) return file;
	}
	return raw;
}
