/**
 * The spec workflow: phases and their files, approval gates, prompts, output cleanup and the
 * dashboard row. Pure TypeScript; the UI and the model adapter build on it.
 */
export {
	MAX_SPEC_NAME,
	newConfigJson,
	PHASE_FILE,
	PHASE_LABEL,
	phaseFile,
	phaseOfFile,
	phaseOrder,
	specDir,
	specOfPath,
	suggestSpecName,
	uniqueSpecName,
	validateSpecName,
	type Phase,
	type SpecType,
	type WorkflowType
} from './phases';
export {
	approve,
	contentHash,
	latestApproval,
	specStatus,
	type Approval,
	type NextAction,
	type PhaseState,
	type PhaseStatus,
	type SpecStatus,
	type SpecStatusInput
} from './approvals';
export { PROMPT_VERSION } from './templates';
export {
	buildGenerationMessages,
	buildRefineMessages,
	buildRepairMessages,
	continueTurn,
	systemPrompt,
	type ChatMessage,
	type GenerationInput,
	type RefineContext,
	type SpecContext,
	type SteeringDoc
} from './prompts';
export { buildQuickSpecMessages, FILE_MARKER, headingPhase, splitQuickSpec, type QuickSpecInput } from './quick-spec';
export { buildAnalyzeMessages, parseAnalyzeFindings, type AnalyzeFinding, type AnalyzeKind, type AnalyzeResult } from './analyze';
export { checkGenerated, checkStructure, cleanModelOutput, joinContinuation, usableDocument, type Checked, type Cleaned, type Usability } from './cleanup';
export { compareSummaries, specSummary, taskProgress, type SpecSummary, type SpecSummaryInput } from './dashboard';
export { stoppedReply, type ReplyTarget, type StopNotice, type StoppedReply } from './stopped-reply';
