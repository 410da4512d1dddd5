/**
 * Approval gates. An approval records when a phase's document was approved and a hash of its
 * content, so an edit after approval (and everything written on top of the old text) can be
 * detected from the files alone, without a hidden copy of the approved document.
 */
import type { Phase } from './phases';

export interface Approval {
	phase: Phase;
	/** Epoch milliseconds. */
	at: number;
	hash: string;
}

export type PhaseState = 'missing' | 'draft' | 'approved' | 'changed-after-approval' | 'stale';

export interface PhaseStatus {
	phase: Phase;
	state: PhaseState;
	/** The latest approval of this phase, whether or not it still matches. */
	approval: Approval | null;
	/** For 'stale': the upstream phase that moved on. */
	staleBecause: Phase | null;
}

export type NextAction =
	| { kind: 'generate'; phase: Phase }
	| { kind: 'review'; phase: Phase }
	| { kind: 'reapprove'; phase: Phase }
	| { kind: 'update'; phase: Phase; because: Phase }
	| { kind: 'implement' };

export interface SpecStatus {
	phases: PhaseStatus[];
	/** The first phase (in workflow order) that is not approved; null when all are. */
	currentPhase: Phase | null;
	nextAction: NextAction;
	/** A short sentence for the phase bar. */
	message: string;
}

export interface SpecStatusInput {
	order: readonly Phase[];
	docs: Partial<Record<Phase, string>>;
	/** The approval log, in any order; the latest entry per phase counts. */
	approvals: readonly Approval[];
	/**
	 * When each document's text last changed (generated or saved; the file's mtime), if known. A
	 * draft written before its upstream's current content was approved is stale; an upstream
	 * document approved long after it was written (a quick spec) dates from when it was written.
	 */
	modifiedAt?: Partial<Record<Phase, number>>;
}

/**
 * FNV-1a 64-bit over the UTF-8 bytes, in two 32-bit lanes (BigInt per byte is slow on big
 * documents). Line endings, a BOM and trailing blank space at the end are normalised first: an
 * editor that rewrites CRLF or adds a final newline has not edited the document.
 */
export function contentHash(text: string): string {
	const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
	const bytes = new TextEncoder().encode(normal);
	let hi = 0xcbf29ce4;
	let lo = 0x84222325;
	for (const byte of bytes) {
		lo = (lo ^ byte) >>> 0;
		// h * (2^40 + 0x1b3) mod 2^64; every intermediate stays below 2^53, so doubles are exact.
		const low = lo * 0x1b3;
		hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + (lo << 8)) >>> 0;
		lo = low >>> 0;
	}
	return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export function approve(phase: Phase, text: string, at: number): Approval {
	return { phase, at, hash: contentHash(text) };
}

export function latestApproval(approvals: readonly Approval[], phase: Phase): Approval | null {
	let latest: Approval | null = null;
	for (const a of approvals) {
		if (a.phase === phase && (latest === null || a.at >= latest.at)) latest = a;
	}
	return latest;
}

export function specStatus(input: SpecStatusInput): SpecStatus {
	const phases: PhaseStatus[] = [];
	// The newest upstream content that was approved, and the first upstream phase that is out of date.
	let upstreamSince = -Infinity;
	let upstreamPhase: Phase | null = null;
	let brokenUpstream: Phase | null = null;
	for (const phase of input.order) {
		const text = input.docs[phase];
		const approval = latestApproval(input.approvals, phase);
		const matches = text !== undefined && approval !== null && approval.hash === contentHash(text);
		let state: PhaseState;
		let staleBecause: Phase | null = null;
		if (text === undefined || text.trim() === '') state = 'missing';
		else {
			const since = matches ? approval.at : input.modifiedAt?.[phase];
			if (brokenUpstream !== null) staleBecause = brokenUpstream;
			else if (upstreamPhase !== null && since !== undefined && upstreamSince > since) staleBecause = upstreamPhase;
			if (staleBecause !== null) state = 'stale';
			else if (approval === null) state = 'draft';
			else state = matches ? 'approved' : 'changed-after-approval';
		}
		phases.push({ phase, state, approval, staleBecause });
		if (brokenUpstream === null && (state === 'changed-after-approval' || state === 'stale')) brokenUpstream = phase;
		if (matches) {
			const since = Math.min(versionSince(input.approvals, phase), input.modifiedAt?.[phase] ?? Infinity);
			if (since > upstreamSince) {
				upstreamSince = since;
				upstreamPhase = phase;
			}
		}
	}
	const current = phases.find((p) => p.state !== 'approved') ?? null;
	const nextAction = actionFor(current);
	return { phases, currentPhase: current?.phase ?? null, nextAction, message: messageFor(nextAction) };
}

/**
 * When the approved content of a phase was first approved: approving the same text again
 * ("still fine") must not make everything downstream stale.
 */
function versionSince(approvals: readonly Approval[], phase: Phase): number {
	const mine = approvals.filter((a) => a.phase === phase).sort((a, b) => a.at - b.at);
	const last = mine[mine.length - 1];
	if (last === undefined) return -Infinity;
	let since = last.at;
	for (let i = mine.length - 2; i >= 0 && (mine[i] as Approval).hash === last.hash; i--) since = (mine[i] as Approval).at;
	return since;
}

function actionFor(current: PhaseStatus | null): NextAction {
	if (current === null) return { kind: 'implement' };
	switch (current.state) {
		case 'missing':
			return { kind: 'generate', phase: current.phase };
		case 'draft':
			return { kind: 'review', phase: current.phase };
		case 'changed-after-approval':
			return { kind: 'reapprove', phase: current.phase };
		default:
			return { kind: 'update', phase: current.phase, because: current.staleBecause ?? current.phase };
	}
}

const FILE: Record<Phase, string> = { requirements: 'requirements', bugfix: 'bug analysis', design: 'design', tasks: 'tasks' };

function messageFor(action: NextAction): string {
	switch (action.kind) {
		case 'generate':
			return `Write the ${FILE[action.phase]}.`;
		case 'review':
			return `Review the ${FILE[action.phase]}, then approve it or ask for changes.`;
		case 'reapprove':
			return `The ${FILE[action.phase]} changed after approval: approve it again to go on.`;
		case 'update':
			return `The ${FILE[action.because]} changed: update the ${FILE[action.phase]}, or approve it as it is.`;
		case 'implement':
			return 'All documents are approved: run the tasks.';
	}
}
