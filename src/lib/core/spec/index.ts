/**
 * Kiro spec documents: lossless parsing, edits that touch only the intended bytes, EARS lint,
 * traceability, the task graph and spec-kit import/export. Pure TypeScript: no DOM, no I/O.
 */
export { parseConfig, serializeConfig, type SpecConfig, type SpecType, type WorkflowType } from './config';
export { parseRequirements, type Criterion, type GlossaryTerm, type Requirement, type RequirementsDoc } from './requirements';
export { parseBugfix, type BugfixDoc, type BugfixItem, type BugfixSection, type BugfixSectionKind } from './bugfix';
export { parseDesign, type DesignDoc, type MermaidBlock, type Property } from './design';
export { parseTasks, statusOf, STATUS_MARKER, type Task, type TaskStatus, type TasksDoc } from './tasks';
export { classifyEars, earsParts, vagueTerms, VAGUE_TERMS, type EarsParts, type EarsPattern } from './ears';
export { addTask, findTask, moveTask, removeTask, setTaskStatus, type NewTask, type TaskPosition } from './task-edit';
export { renumberRequirements, renumberTasks, type RenumberedSpec } from './renumber';
export { lintSpec, type Finding, type Severity, type SpecFile } from './lint';
export { traceability, type Coverage, type SpecTexts, type TraceRow, type Traceability } from './trace';
export { taskGraph, taskWaves, type TaskEdge, type TaskGraph, type TaskWaves, type WaveOptions } from './graph';
export { importSpecKit, type ImportOptions, type KiroSpec, type SpecKitFiles } from './speckit-import';
export { exportSpecKit, type ExportOptions, type SpecKitExport } from './speckit-export';
export { citedIds, expandRange } from './ids';
export { splitLines, type Line } from './lines';
