/**
 * One row of the specs dashboard, computed from the spec's files and its approval log. Nothing
 * here is stored: the row is rebuilt from the files whenever they change, so it cannot drift.
 */
import { parseConfig, parseTasks, type Task } from '../spec/index';
import { specStatus, type Approval, type NextAction, type PhaseStatus } from './approvals';
import { phaseOrder, type Phase, type SpecType, type WorkflowType } from './phases';

export interface SpecSummaryInput {
	name: string;
	/** The `.config.kiro` text; undefined when the file is missing. */
	configText: string | undefined;
	docs: Partial<Record<Phase, string>>;
	approvals: readonly Approval[];
	archived: boolean;
	/** Epoch milliseconds of the last change to the spec (files, approvals, requests). */
	lastActivity: number;
	modifiedAt?: Partial<Record<Phase, number>>;
}

export interface SpecSummary {
	name: string;
	specId: string | null;
	specType: SpecType;
	workflowType: WorkflowType;
	phases: PhaseStatus[];
	currentPhase: Phase | null;
	nextAction: NextAction;
	message: string;
	/** Work tasks done / total; optional tasks (`- [ ]*`) are left out of both. */
	tasks: { done: number; total: number };
	/** Some document was written against an older version of a document it builds on. */
	stale: boolean;
	archived: boolean;
	lastActivity: number;
	/** What is wrong with `.config.kiro`, for the problems panel. */
	configProblems: string[];
}

export function specSummary(input: SpecSummaryInput): SpecSummary {
	const config = input.configText === undefined ? null : parseConfig(input.configText);
	// A spec without a readable config is still shown: its files say what kind of spec it is.
	const specType: SpecType = config?.specType ?? (input.docs.bugfix !== undefined && input.docs.requirements === undefined ? 'bugfix' : 'feature');
	const workflowType: WorkflowType = config?.workflowType ?? 'requirements-first';
	const status = specStatus({
		order: phaseOrder(specType, workflowType),
		docs: input.docs,
		approvals: input.approvals,
		...(input.modifiedAt ? { modifiedAt: input.modifiedAt } : {})
	});
	const latestApproval = input.approvals.reduce((max, a) => Math.max(max, a.at), 0);
	return {
		name: input.name,
		specId: config?.specId ?? null,
		specType,
		workflowType,
		phases: status.phases,
		currentPhase: status.currentPhase,
		nextAction: status.nextAction,
		message: status.message,
		tasks: input.docs.tasks === undefined ? { done: 0, total: 0 } : taskProgress(input.docs.tasks),
		stale: status.phases.some((p) => p.state === 'stale'),
		archived: input.archived,
		lastActivity: Math.max(input.lastActivity, latestApproval),
		configProblems: config === null ? ['.config.kiro is missing.'] : config.problems
	};
}

/**
 * Counts the units of work: tasks without sub-tasks. A parent is only a heading for its children,
 * and counting both would make a half-done group look further along than it is.
 */
export function taskProgress(tasksText: string): { done: number; total: number } {
	let done = 0;
	let total = 0;
	const visit = (task: Task, optionalParent: boolean): void => {
		const optional = optionalParent || task.optional;
		if (task.children.length > 0) {
			for (const child of task.children) visit(child, optional);
			return;
		}
		if (optional) return;
		total++;
		if (task.status === 'done') done++;
	};
	for (const task of parseTasks(tasksText).tasks) visit(task, false);
	return { done, total };
}

/** Dashboard order: active specs first, most recently touched first. */
export function compareSummaries(a: SpecSummary, b: SpecSummary): number {
	return Number(a.archived) - Number(b.archived) || b.lastActivity - a.lastActivity || a.name.localeCompare(b.name);
}
