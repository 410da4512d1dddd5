import type { ProjectFileSystem } from '../core/ports';
import type { Records } from '../platform/store/records';
import type { LlmSettings } from './settings.svelte';
import type { ChatRequest, ChatResult } from '../platform/llm/chat-stream';
import type { Phase, StopNotice } from '../core/workflow';
import type { RequestFailure } from '../core/llm/retry';
import type { PriceTable, TokenUsage } from '../core/llm/pricing';
import type { LedgerEntry } from '../core/llm/ledger';
import { alwaysIncludedSteering, projectSummary, steeringCandidates } from '../core/steering/always';

/** What a spec session needs from the project and the app, injected so it can be tested alone. */
export interface SpecDeps {
	projectId: string;
	fs: ProjectFileSystem;
	records: Records;
	llm: () => LlmSettings;
	chat: (request: ChatRequest, onText: (text: string) => void) => Promise<ChatResult>;
	isChatFailure: (error: unknown) => error is Error & { failure: RequestFailure; partial: string; usage: TokenUsage | null };
	sleep: (ms: number, signal: AbortSignal) => Promise<void>;
	now: () => number;
	newId: () => string;
	/** The project's file paths as already known (the file tree); without it they are read from `fs`. */
	paths?: () => string[];
	/** Told after every change, so lists of specs can refresh. */
	touched?: (spec: string) => void;
	/** Told after a spec's file is written, so the file tree, open tabs and source control follow; settles once they have. */
	written?: (path: string) => Promise<void>;
	/** The effective price table (defaults with the user's edits), read at each request. */
	prices: () => PriceTable;
	/** Told about each ledger entry once it is stored, so usage views follow without reloading. */
	onRecorded?: (entry: LedgerEntry) => void;
}

/** A model revision of an existing document, shown as a diff; nothing is overwritten until accepted. */
export interface Proposal {
	phase: Phase;
	original: string;
	revised: string;
	kind: 'regenerate' | 'refine';
}

/** What is said beside a document when a job could not do what it was for. */
export type Problem = StopNotice;

/** What every prompt carries about the project. */
export interface PromptContext {
	steering: ReturnType<typeof alwaysIncludedSteering>;
	projectSummary: string;
}

/** The always-included steering files and a summary of the project's files, read for a prompt. */
export async function readPromptContext(deps: Pick<SpecDeps, 'fs' | 'paths'>): Promise<PromptContext> {
	const paths = deps.paths?.() ?? (await deps.fs.list()).filter((e) => e.kind === 'file').map((e) => e.path);
	const steeringFiles = await Promise.all(steeringCandidates(paths).map(async (path) => ({ path, content: await deps.fs.readText(path) })));
	return { steering: alwaysIncludedSteering(steeringFiles), projectSummary: projectSummary(paths) };
}
