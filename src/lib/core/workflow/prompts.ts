/**
 * Assembles chat messages for each spec request from the plain templates in templates.ts. The
 * context comes first in tagged blocks (steering, summary, upstream documents) and the request
 * last, so the model reads the instruction after everything it refers to.
 */
import { PHASE_FILE, type Phase, type SpecType } from './phases';
import {
	BUGFIX_TASKS_NOTE,
	CONTINUE_INSTRUCTION,
	DESIGN_FIRST_NOTE,
	FORMATS,
	REFINE_INSTRUCTION,
	REPAIR_INSTRUCTION,
	REQUIREMENTS_FROM_DESIGN_NOTE,
	ROLE
} from './templates';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface SteeringDoc {
	/** File name as shown to the model: `tech.md`, `AGENTS.md`. */
	name: string;
	content: string;
}

export interface SpecContext {
	specName: string;
	specType: SpecType;
	featurePrompt: string;
	/** Already filtered by the caller: always-included steering and AGENTS.md. */
	steering: readonly SteeringDoc[];
	/** A compact summary of the project's files. */
	projectSummary: string;
	/** Approved upstream documents, by phase. */
	documents: Partial<Record<Phase, string>>;
}

export interface GenerationInput extends SpecContext {
	phase: Phase;
	/** Text already received before the stream stopped: the model is asked to continue it. */
	partial?: string;
}

const DOC_ORDER: readonly Phase[] = ['requirements', 'bugfix', 'design', 'tasks'];

/** The request text is untrusted file content: a stray closing tag must not end the block early. */
function block(tag: string, attrs: string, content: string): string {
	const safe = content.replace(new RegExp(`</${tag}>`, 'gi'), `<\\/${tag}>`);
	return `<${tag}${attrs}>\n${safe.trimEnd()}\n</${tag}>`;
}

/** Steering, AGENTS.md and the project summary, as one context section. */
export function projectContext(ctx: Pick<SpecContext, 'steering' | 'projectSummary'>): string {
	const parts: string[] = [];
	for (const s of ctx.steering) {
		if (s.content.trim() !== '') parts.push(block('steering', ` file="${s.name}"`, s.content));
	}
	if (ctx.projectSummary.trim() !== '') parts.push(block('project_summary', '', ctx.projectSummary));
	return parts.length === 0 ? '' : `# Project context\n\n${parts.join('\n\n')}`;
}

/** Upstream documents in a stable order, leaving out `except` (the one being written or revised). */
export function documentsContext(documents: Partial<Record<Phase, string>>, except?: Phase): string {
	const parts: string[] = [];
	for (const phase of DOC_ORDER) {
		const text = documents[phase];
		if (phase === except || text === undefined || text.trim() === '') continue;
		parts.push(block('document', ` file="${PHASE_FILE[phase]}"`, text));
	}
	return parts.length === 0 ? '' : `# Spec documents\n\n${parts.join('\n\n')}`;
}

function featureContext(ctx: SpecContext): string {
	const kind = ctx.specType === 'bugfix' ? 'Bug report' : 'Feature description';
	return `# ${kind} (spec "${ctx.specName}")\n\n${block('request', '', ctx.featurePrompt)}`;
}

/** Phase-specific notes that depend on which documents exist (design-first, bugfix). */
export function phaseNotes(phase: Phase, ctx: SpecContext): string[] {
	const notes: string[] = [];
	const hasRequirements = Boolean(ctx.documents.requirements?.trim() || ctx.documents.bugfix?.trim());
	if (phase === 'design' && !hasRequirements) notes.push(DESIGN_FIRST_NOTE);
	if (phase === 'requirements' && ctx.documents.design?.trim()) notes.push(REQUIREMENTS_FROM_DESIGN_NOTE);
	if (phase === 'tasks' && ctx.specType === 'bugfix') notes.push(BUGFIX_TASKS_NOTE);
	return notes;
}

export function systemPrompt(phase: Phase): string {
	return `${ROLE}\n\n${FORMATS[phase]}`;
}

export function contextMessage(ctx: SpecContext, except: Phase | undefined, request: string): string {
	return [projectContext(ctx), documentsContext(ctx.documents, except), featureContext(ctx), request]
		.filter((part) => part !== '')
		.join('\n\n');
}

/** The last characters of a partial reply, so the model can find its place. */
function tail(text: string, size = 300): string {
	return text.length <= size ? text : `…${text.slice(-size)}`;
}

export function buildGenerationMessages(input: GenerationInput): ChatMessage[] {
	const file = PHASE_FILE[input.phase];
	const request = [`# Your task\n\nWrite ${file} for this ${input.specType === 'bugfix' ? 'bug fix' : 'feature'}.`, ...phaseNotes(input.phase, input)].join('\n\n');
	const messages: ChatMessage[] = [
		{ role: 'system', content: systemPrompt(input.phase) },
		{ role: 'user', content: contextMessage(input, input.phase, request) }
	];
	return [...messages, ...continueTurn(input.partial)];
}

/**
 * The Continue turn after a cut stream: the partial reply as the assistant's own words, then the
 * instruction with its last characters quoted, as models otherwise tend to restart the document.
 */
export function continueTurn(partial: string | undefined): ChatMessage[] {
	if (partial === undefined || partial === '') return [];
	return [
		{ role: 'assistant', content: partial },
		{ role: 'user', content: `${CONTINUE_INSTRUCTION}\n\nYour reply ended with:\n${block('tail', '', tail(partial))}` }
	];
}

/** `documents` holds the spec's other documents (upstream ones at least), for consistency. */
export type RefineContext = SpecContext;

export function buildRefineMessages(phase: Phase, currentDoc: string, feedback: string, context: RefineContext): ChatMessage[] {
	const file = PHASE_FILE[phase];
	const request = [
		`# Current ${file}\n\n${block('document', ` file="${file}"`, currentDoc)}`,
		`# Feedback\n\n${block('feedback', '', feedback)}`,
		`# Your task\n\n${REFINE_INSTRUCTION}`
	].join('\n\n');
	return [
		{ role: 'system', content: systemPrompt(phase) },
		{ role: 'user', content: contextMessage(context, phase, request) }
	];
}

export function buildRepairMessages(phase: Phase, badOutput: string, problems: readonly string[]): ChatMessage[] {
	const file = PHASE_FILE[phase];
	const list = problems.length === 0 ? '- It does not follow the format.' : problems.map((p) => `- ${p}`).join('\n');
	return [
		{ role: 'system', content: systemPrompt(phase) },
		{
			role: 'user',
			content: `# Output to repair (${file})\n\n${block('output', '', badOutput)}\n\n# Problems found\n\n${list}\n\n# Your task\n\n${REPAIR_INSTRUCTION}`
		}
	];
}
