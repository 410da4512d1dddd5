/**
 * spec-kit → Kiro. User stories become requirements (scenarios become EARS criteria), FR-/SC- items
 * become criteria tagged `(FR-001)` so they survive a round trip, phases become top-level tasks and
 * `T001 [P] [US1]` tasks become subtasks with `_Depends:_` lines that encode what [P] meant.
 */
import { serializeConfig } from './config';
import { parseSpecKitSpec, parseSpecKitTasks, type SkItem, type SkScenario, type SkSpec, type SkTask } from './speckit-parse';

export interface SpecKitFiles {
	/** `specs/NNN-name`, used for the spec's name when `name` is not given. */
	dir?: string;
	spec?: string;
	plan?: string;
	tasks?: string;
}

export interface ImportOptions {
	/** Kebab-case spec name; defaults to the directory name without its number. */
	name?: string;
	/** UUID for `.config.kiro` (core has no randomness of its own: the caller supplies it). */
	specId?: string;
}

export interface KiroSpec {
	name: string;
	/** Paths relative to the project root: `.kiro/specs/<name>/…`. */
	files: Record<string, string>;
	warnings: string[];
}

export const FR_GROUP = 'Functional Requirements';
export const SC_GROUP = 'Success Criteria';

export function kebab(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'feature'
	);
}

/** "Given a, When b, Then c" → "WHILE a, WHEN b, THE System SHALL ensure that c". */
export function scenarioToEars(s: SkScenario): string {
	const pre: string[] = [];
	if (s.given) pre.push(`WHILE ${s.given}`);
	if (s.when) pre.push(`WHEN ${s.when}`);
	return `${pre.length ? `${pre.join(', ')}, ` : ''}THE System SHALL ensure that ${s.then}`;
}

/** "System MUST do x" → "THE System SHALL do x (FR-001)"; anything else keeps its words. */
export function itemToEars(item: SkItem): string {
	const m = /^(.{1,80}?)\s+MUST\s+/.exec(item.text);
	if (m && item.id.startsWith('FR')) {
		const subject = (m[1] as string).replace(/^the\s+/i, '');
		return `THE ${subject} SHALL ${item.text.slice(m[0].length)} (${item.id})`;
	}
	return `THE System SHALL ensure that ${item.text} (${item.id})`;
}

function requirementsMd(spec: SkSpec, eol: string): { text: string; storyIds: Map<string, { id: number; criteria: number }> } {
	const out: string[] = ['# Requirements Document', '', '## Introduction', ''];
	// The input alone, so that export → import does not prefix the title again each time.
	out.push(spec.input || spec.title || 'Imported from spec-kit.', '');
	if (spec.entities.length > 0) {
		out.push('## Glossary', '');
		for (const e of spec.entities) out.push(`- **${e.name}**: ${e.description}`);
		out.push('');
	}
	out.push('## Requirements', '');
	const storyIds = new Map<string, { id: number; criteria: number }>();
	let n = 0;
	const requirement = (title: string, story: string, notes: readonly string[], criteria: readonly string[]): void => {
		n++;
		out.push(`### Requirement ${n}: ${title}`, '');
		if (story) out.push(`**User Story:** ${story}`, '');
		for (const note of notes) out.push(note, '');
		out.push('#### Acceptance Criteria', '');
		criteria.forEach((c, k) => out.push(`${k + 1}. ${c}`));
		out.push('');
	};
	for (const s of spec.stories) {
		const title = s.priority ? `${s.title} (Priority: ${s.priority})` : s.title;
		const criteria = [...s.scenarios.map(scenarioToEars), ...s.requirements.map(itemToEars)];
		requirement(title, s.description, s.notes, criteria);
		storyIds.set(`US${s.number}`, { id: n, criteria: criteria.length });
	}
	if (spec.requirements.length > 0) requirement(FR_GROUP, '', [], spec.requirements.map(itemToEars));
	if (spec.successCriteria.length > 0) requirement(SC_GROUP, '', [], spec.successCriteria.map(itemToEars));
	if (spec.edgeCases.length > 0) {
		out.push('## Edge Cases', '');
		for (const e of spec.edgeCases) out.push(`- ${e}`);
		out.push('');
	}
	if (spec.other.length > 0) {
		// A loop, not push(...lines): a huge section must not overflow the argument stack.
		for (const l of trimBlank(spec.other)) out.push(l);
		out.push('');
	}
	return { text: out.join(eol), storyIds };
}

function trimBlank(lines: readonly string[]): string[] {
	let a = 0;
	let b = lines.length;
	while (a < b && (lines[a] as string).trim() === '') a++;
	while (b > a && (lines[b - 1] as string).trim() === '') b--;
	return lines.slice(a, b);
}

/** plan.md keeps its sections; only the title and Summary→Overview follow Kiro's naming. */
function designMd(plan: string | undefined, spec: SkSpec, title: string, eol: string): string {
	const out: string[] = [`# Design Document: ${title}`, ''];
	if (plan !== undefined) {
		let seenTitle = false;
		for (const raw of plan.split(/\r\n|\r|\n/)) {
			if (!seenTitle && /^#\s/.test(raw)) {
				seenTitle = true;
				continue;
			}
			if (out.length === 2 && raw.trim() === '') continue;
			out.push(/^##\s+summary\s*$/i.test(raw) ? '## Overview' : raw);
		}
	} else out.push('## Overview', '', spec.input || `Design for ${title}.`, '');
	if (spec.entities.length > 0 && !out.some((l) => /^##\s+data models?\b/i.test(l))) {
		out.push('', '## Data Models', '');
		for (const e of spec.entities) out.push(`- **${e.name}**: ${e.description}`);
	}
	return `${trimBlank(out).join(eol)}${eol}`;
}

const FILE_TOKEN = /(?:^|\s|`)((?:[\w.-]+\/)+[\w.-]+\.[A-Za-z0-9]{1,8}|[\w-]+\.(?:ts|js|tsx|jsx|py|go|rs|java|kt|rb|cs|svelte|vue|md|json|ya?ml|sql|sh))(?=$|[\s`,;:)])/g;

function filesIn(description: string): string[] {
	const out: string[] = [];
	for (const m of description.matchAll(FILE_TOKEN)) {
		const f = (m[1] as string).replace(/[.,]$/, '');
		if (!out.includes(f)) out.push(f);
	}
	return out;
}

function tasksMd(text: string, storyIds: ReadonlyMap<string, { id: number; criteria: number }>, title: string, eol: string): string {
	const sk = parseSpecKitTasks(text);
	const out: string[] = [`# Implementation Plan: ${sk.title || title}`, ''];
	const byTid = new Map<string, string>();
	sk.phases.forEach((phase, p) => phase.tasks.forEach((t, k) => t.tid && byTid.set(t.tid, phase.tasks.length === 1 && t.description === phase.title ? `${p + 1}` : `${p + 1}.${k + 1}`)));
	const mark = (done: boolean): string => (done ? 'x' : ' ');
	sk.phases.forEach((phase, p) => {
		const pid = String(p + 1);
		const single = phase.tasks.length === 1 && phase.tasks[0]?.description === phase.title;
		const allDone = phase.tasks.every((t) => t.done);
		const someDone = phase.tasks.some((t) => t.done);
		out.push(`- [${allDone ? 'x' : someDone ? '-' : ' '}] ${pid}. ${phase.title}`);
		for (const note of phase.notes) out.push(`  - ${note}`);
		if (single) {
			out.push(...details(phase.tasks[0] as SkTask, null, '  ', storyIds, byTid), '');
			return;
		}
		let anchor = '';
		let group: string[] = [];
		phase.tasks.forEach((t, k) => {
			const id = `${pid}.${k + 1}`;
			const prev = k > 0 ? `${pid}.${k}` : '';
			let deps: string[];
			if (t.parallel) deps = anchor ? [anchor] : [];
			else deps = group.length > 0 ? [...group] : prev ? [prev] : [];
			const implicit = deps.length === (prev ? 1 : 0) && (deps[0] ?? '') === prev;
			out.push(`  - [${mark(t.done)}] ${id} ${t.description}`);
			out.push(...details(t, implicit ? null : deps, '    ', storyIds, byTid));
			if (t.parallel) group.push(id);
			else {
				anchor = id;
				group = [];
			}
		});
		out.push('');
	});
	if (sk.phases.length === 0) out.push('- [ ] 1. Implement the feature', '');
	if (sk.other.length > 0) {
		out.push('## Notes', '');
		for (const l of trimBlank(sk.other)) out.push(l.replace(/^(#{2,5})\s/, '#$1 '));
		out.push('');
	}
	return out.join(eol);
}

/** A subtask's detail lines: files, citations, dependencies, and the spec-kit identity. */
function details(t: SkTask, deps: string[] | null, indent: string, storyIds: ReadonlyMap<string, { id: number; criteria: number }>, byTid: ReadonlyMap<string, string>): string[] {
	const out: string[] = [];
	const files = filesIn(t.description);
	if (files.length > 0) out.push(`${indent}- Files: ${files.join(', ')}`);
	const story = t.story ? storyIds.get(t.story) : undefined;
	if (story && story.criteria > 0) out.push(`${indent}- _Requirements: ${story.criteria > 1 ? `${story.id}.1–${story.id}.${story.criteria}` : `${story.id}.1`}_`);
	const mentioned: string[] = [];
	const dependsText = /\(depends on ([^)]{1,200})\)/i.exec(t.description);
	for (const m of dependsText?.[1]?.matchAll(/T\d{1,6}/g) ?? []) {
		const id = byTid.get(m[0]);
		if (id) mentioned.push(id);
	}
	if (deps !== null || mentioned.length > 0) {
		const all = [...new Set([...(deps ?? []), ...mentioned])];
		out.push(`${indent}- _Depends: ${all.length > 0 ? all.join(', ') : 'none'}_`);
	}
	const tags = [t.tid, t.parallel ? '[P]' : '', t.story ? `[${t.story}]` : ''].filter(Boolean).join(' ');
	if (tags) out.push(`${indent}- _spec-kit: ${tags}_`);
	return out;
}

export function importSpecKit(files: SpecKitFiles, options: ImportOptions = {}): KiroSpec {
	const warnings: string[] = [];
	const spec = parseSpecKitSpec(files.spec ?? '');
	if (files.spec === undefined) warnings.push('spec.md is missing: requirements.md has no user stories.');
	const eol = (files.spec ?? files.tasks ?? '').includes('\r\n') ? '\r\n' : '\n';
	const dirName = (files.dir ?? '').split('/').filter(Boolean).pop() ?? '';
	const name = options.name ?? (dirName ? kebab(dirName.replace(/^\d+-/, '')) : kebab(spec.title || 'feature'));
	const title = spec.title || name.replace(/-/g, ' ');
	const { text: requirements, storyIds } = requirementsMd(spec, eol);
	for (const s of spec.stories) if (s.scenarios.length === 0) warnings.push(`User Story ${s.number} has no acceptance scenarios.`);
	if (/\[NEEDS CLARIFICATION/.test(files.spec ?? '')) warnings.push('spec.md has open [NEEDS CLARIFICATION] questions.');
	if (options.specId === undefined) warnings.push('No specId given: .config.kiro has none until one is set.');
	const base = `.kiro/specs/${name}`;
	const out: Record<string, string> = {
		[`${base}/.config.kiro`]: serializeConfig({ specId: options.specId ?? null, workflowType: 'requirements-first', specType: 'feature' }),
		[`${base}/requirements.md`]: requirements,
		[`${base}/design.md`]: designMd(files.plan, spec, title, eol)
	};
	if (files.tasks !== undefined) out[`${base}/tasks.md`] = tasksMd(files.tasks, storyIds, title, eol);
	else warnings.push('tasks.md is missing: no tasks were imported.');
	return { name, files: out, warnings };
}
