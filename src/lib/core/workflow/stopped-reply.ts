import type { RetryDecision } from '../llm/retry';
import { joinContinuation } from './cleanup';

/** What the user is told beside a document when a request ended without a reply. */
export interface StopNotice {
	message: string;
	hint: string;
	settingsLink?: boolean;
	/** The reply was cut or stopped: Continue picks up where it ended. */
	canContinue?: boolean;
}

/**
 * Where a reply goes: the document itself, a proposal shown as a diff (a revision of a document that
 * exists), or nowhere but the screen (an analysis).
 */
export type ReplyTarget = 'doc' | 'proposal' | 'none';

/** What to do with a request that stopped for good (after any retries): each field is one action. */
export interface StoppedReply {
	/** Text to store as the document: whatever arrived, after the text it continued. */
	keep?: string;
	/** A partial revision, to show as a diff: never written over the document. */
	propose?: string;
	notice?: StopNotice;
}

/**
 * Decides what becomes of what arrived before a stop, a cut or an error. Nothing that arrived is
 * dropped: a document keeps it (and Continue carries on from it when the failure may pass), a
 * revision becomes a proposal. A stop the user asked for is not an error, so it says only that the
 * text is kept.
 */
export function stoppedReply(stop: Extract<RetryDecision, { action: 'stop' }>, partial: string, prefix: string, target: ReplyTarget): StoppedReply {
	const aborted = stop.problem === 'aborted';
	const notice: StopNotice = { message: stop.message, hint: stop.hint, settingsLink: stop.settingsLink };
	if (target === 'none') return aborted ? {} : { notice };
	if (target === 'proposal') {
		return { ...(partial.trim() !== '' && { propose: partial }), ...(!aborted && { notice }) };
	}
	const kept = prefix ? joinContinuation(prefix, partial) : partial;
	const any = kept.trim() !== '';
	if (aborted) return any ? { keep: kept, notice: { message: 'Stopped. What arrived is kept.', hint: '', canContinue: true } } : {};
	const resumable = stop.problem === 'cut' || stop.problem === 'network' || stop.problem === 'server-error';
	return { ...(any && { keep: kept }), notice: { ...notice, canContinue: any && resumable } };
}
