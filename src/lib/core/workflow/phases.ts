/**
 * The phases of a spec, their order and their files. Kiro's folder layout is the contract: a spec
 * written here must open unchanged in Kiro, so names and the `.config.kiro` shape follow FORMATS.md.
 */
import { SpecwrightError } from '../errors';
import type { SpecType, WorkflowType } from '../spec/index';

export type { SpecType, WorkflowType };
export type Phase = 'requirements' | 'bugfix' | 'design' | 'tasks';

export const PHASE_FILE: Record<Phase, string> = {
	requirements: 'requirements.md',
	bugfix: 'bugfix.md',
	design: 'design.md',
	tasks: 'tasks.md'
};

export const PHASE_LABEL: Record<Phase, string> = {
	requirements: 'Requirements',
	bugfix: 'Bug analysis',
	design: 'Design',
	tasks: 'Tasks'
};

/**
 * Bugfix specs always start from the bug analysis (Kiro ignores workflowType for them); a
 * design-first feature derives its requirements from the design, so requirements come second.
 */
export function phaseOrder(specType: SpecType, workflowType: WorkflowType | null = 'requirements-first'): Phase[] {
	if (specType === 'bugfix') return ['bugfix', 'design', 'tasks'];
	return workflowType === 'design-first' ? ['design', 'requirements', 'tasks'] : ['requirements', 'design', 'tasks'];
}

export function phaseFile(phase: Phase): string {
	return PHASE_FILE[phase];
}

/** The phase a spec file name belongs to; null for `.config.kiro` and other files. */
export function phaseOfFile(fileName: string): Phase | null {
	const base = fileName.slice(fileName.lastIndexOf('/') + 1);
	for (const [phase, file] of Object.entries(PHASE_FILE) as [Phase, string][]) {
		if (file === base) return phase;
	}
	return null;
}

export function specDir(name: string): string {
	return `.kiro/specs/${name}`;
}

/** The spec a project path belongs to (a file or folder inside `specDir(name)`), or null. */
export function specOfPath(path: string): string | null {
	return /^\.kiro\/specs\/([^/]+)\//.exec(path)?.[1] ?? null;
}

export const MAX_SPEC_NAME = 64;
const SUGGESTED_LENGTH = 40;
const SUGGESTED_WORDS = 6;

// Words that carry no meaning in a folder name: articles, pronouns and request filler
// ("I want to add …", "please implement …").
const STOP_WORDS = new Set(
	(
		'a an the and or but of to in on at for from by with without into onto over under as is are be been being ' +
		'it its this that these those there here i me my we our us you your he she they them their ' +
		'want wants wanted would like need needs should could can will shall must may might let lets please ' +
		'add adds adding implement implementing create creating build building make making write new some any ' +
		'so such than then when where which who what how also just only very really about via using use'
	).split(' ')
);

/** A kebab-case folder name from a feature description: ascii, meaningful words, ≤ 40 chars, never empty. */
export function suggestSpecName(prompt: string): string {
	const words = prompt
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/'s\b/g, '')
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '');
	const meaningful = words.filter((w) => !STOP_WORDS.has(w));
	const chosen = meaningful.length > 0 ? meaningful : words;
	let name = '';
	let count = 0;
	for (const word of chosen) {
		if (count === SUGGESTED_WORDS) break;
		const next = name === '' ? word : `${name}-${word}`;
		if (next.length > SUGGESTED_LENGTH) {
			// A single huge "word" (a pasted hash, a URL) is cut rather than dropped.
			if (name === '') name = word.slice(0, SUGGESTED_LENGTH);
			break;
		}
		name = next;
		count++;
	}
	return name === '' ? 'new-spec' : name;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Checks a spec folder name and returns it trimmed. Kebab-case is only suggested (real repositories
 * hold other names), but the name must be one safe path segment, and must not clash with an
 * existing spec ignoring case: the project may be cloned onto a case-insensitive file system.
 */
export function validateSpecName(input: string, existing: readonly string[]): string {
	const name = input.trim();
	if (name === '') {
		throw new SpecwrightError('spec-name-empty', 'Give the spec a name.', { hint: 'For example user-authentication.' });
	}
	if (name.length > MAX_SPEC_NAME) {
		throw new SpecwrightError('spec-name-too-long', `Spec names can be at most ${MAX_SPEC_NAME} characters.`, {
			hint: `Try "${suggestSpecName(name)}".`
		});
	}
	if (!NAME.test(name) || name.endsWith('.')) {
		throw new SpecwrightError('spec-name-invalid', `"${name}" cannot be used as a folder name.`, {
			hint: `Use lowercase words joined by hyphens, for example "${suggestSpecName(name)}".`
		});
	}
	const lower = name.toLowerCase();
	if (existing.some((e) => e.toLowerCase() === lower)) {
		throw new SpecwrightError('spec-name-taken', `A spec named "${name}" already exists.`, {
			hint: `Choose another name, for example "${uniqueSpecName(name, existing)}".`
		});
	}
	return name;
}

/** "login" → "login-2" → "login-3": a free name next to the existing specs. */
export function uniqueSpecName(base: string, existing: readonly string[]): string {
	const taken = new Set(existing.map((e) => e.toLowerCase()));
	if (!taken.has(base.toLowerCase())) return base;
	for (let i = 2; ; i++) {
		const candidate = `${base}-${i}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}

/**
 * The `.config.kiro` of a new spec, keys in Kiro's order. workflowType is written for bugfix specs
 * too: Kiro accepts it there, and one shape is simpler for every reader.
 */
export function newConfigJson(specId: string, specType: SpecType, workflowType: WorkflowType): string {
	return `${JSON.stringify({ specId, workflowType, specType }, null, 2)}\n`;
}
