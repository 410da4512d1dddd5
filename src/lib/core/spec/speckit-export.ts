/**
 * Kiro → spec-kit (`specs/NNN-name/{spec.md, plan.md, tasks.md}`). The inverse of the import:
 * criteria tagged `(FR-001)` / `(SC-001)` go back to their lists, EARS criteria become
 * Given/When/Then scenarios, and tasks keep the T-ids and tags recorded in `_spec-kit:` lines.
 */
import { parseBugfix } from './bugfix';
import { earsParts } from './ears';
import { splitLines, type Line } from './lines';
import { parseRequirements, type Requirement } from './requirements';
import { FR_GROUP, kebab, SC_GROUP } from './speckit-import';
import { parseTasks, type Task } from './tasks';
import type { SpecTexts } from './trace';

export interface ExportOptions {
	/** Kebab-case feature name; defaults to the design or tasks title. */
	name?: string;
	/** The NNN in `specs/NNN-name` (default 1). */
	number?: number;
	/** Written as **Created** when given (core has no clock of its own). */
	date?: string;
}

export interface SpecKitExport {
	dir: string;
	/** Paths relative to the project root. */
	files: Record<string, string>;
}

const TAG = /\s*\(((?:FR|SC|NFR)-\d{1,6})\)\s*$/;

/** A tagged criterion back to its spec-kit wording. */
function itemText(text: string): string {
	const ensure = /^THE System SHALL ensure that\s+/i.exec(text);
	if (ensure) return text.slice(ensure[0].length);
	const m = /^THE\s+(.{1,80}?)\s+SHALL\s+/.exec(text);
	return m ? `${m[1] as string} MUST ${text.slice(m[0].length)}` : text;
}

/** An EARS criterion as a Given/When/Then scenario. */
export function earsToScenario(text: string): string {
	const parts = earsParts(text);
	if (parts.pattern === 'none') return text;
	const given = parts.clauses.filter((c) => c.keyword === 'WHILE' || c.keyword === 'WHERE').map((c) => c.text);
	const when = parts.clauses.filter((c) => c.keyword === 'WHEN' || c.keyword === 'IF').map((c) => c.text);
	const ensure = /^ensure that\s+/i.exec(parts.response);
	const then = ensure ? parts.response.slice(ensure[0].length) : `the ${parts.system || 'system'} shall ${parts.response}`;
	const out: string[] = [];
	if (given.length) out.push(`**Given** ${given.join(' and ')}`);
	if (when.length) out.push(`**When** ${when.join(' and ')}`);
	out.push(`**Then** ${then}`);
	return out.join(', ');
}

/** push(...items) overflows the argument stack on huge lists; a loop does not. */
function append(out: string[], ...lists: readonly (readonly string[])[]): void {
	for (const list of lists) for (const item of list) out.push(item);
}

function linesOf(lines: readonly Line[], r: Requirement): string[] {
	return lines.slice(r.line, r.endLine).map((l) => l.text);
}

function specMd(texts: SpecTexts, title: string, branch: string, options: ExportOptions): string {
	const out: string[] = [`# Feature Specification: ${title}`, '', `**Feature Branch**: \`${branch}\``];
	if (options.date) out.push(`**Created**: ${options.date}`);
	out.push('**Status**: Draft');
	const frs: string[] = [];
	const scs: string[] = [];
	const edge: string[] = [];
	let entities: string[] = [];
	let stories = 0;
	const body: string[] = [];
	const other: string[] = [];
	if (texts.requirements !== undefined) {
		const doc = parseRequirements(texts.requirements);
		const lines = splitLines(texts.requirements);
		out.push(`**Input**: User description: "${doc.introduction.replace(/\s+/g, ' ').trim()}"`);
		entities = doc.glossary.map((g) => `- **${g.term}**: ${g.definition}`);
		let fr = 0;
		const nextFr = (): string => `FR-${String(++fr).padStart(3, '0')}`;
		for (const r of doc.requirements) {
			const group = r.title === FR_GROUP ? frs : r.title === SC_GROUP ? scs : null;
			if (group) {
				for (const c of r.criteria) {
					const tag = TAG.exec(c.text);
					const id = tag ? (tag[1] as string) : group === frs ? nextFr() : `SC-${String(scs.length + 1).padStart(3, '0')}`;
					if (tag && id.startsWith('FR-')) fr = Math.max(fr, Number(id.slice(3)));
					group.push(`- **${id}**: ${itemText(c.text.replace(TAG, ''))}`);
				}
				continue;
			}
			stories++;
			const p = /\s*\(Priority:\s*(P\d+)\)\s*$/i.exec(r.title);
			const name = p ? r.title.slice(0, p.index) : r.title;
			body.push(`### User Story ${stories} - ${name || `Requirement ${r.id}`} (Priority: ${p ? (p[1] as string) : `P${Math.min(stories, 3)}`})`, '');
			if (r.userStory) body.push(r.userStory, '');
			for (const l of linesOf(lines, r)) if (/^\*\*(why this priority|independent test)/i.test(l.trim())) body.push(l.trim(), '');
			const scenarios: string[] = [];
			const own: string[] = [];
			for (const c of r.criteria) {
				const tag = TAG.exec(c.text);
				if (tag) {
					fr = (tag[1] as string).startsWith('FR-') ? Math.max(fr, Number((tag[1] as string).slice(3))) : fr;
					own.push(`- **${tag[1] as string}**: ${itemText(c.text.replace(TAG, ''))}`);
				} else if (c.pattern === 'ubiquitous') own.push(`- **${nextFr()}**: ${itemText(c.text)}`);
				else scenarios.push(`${scenarios.length + 1}. ${earsToScenario(c.text)}`);
			}
			if (scenarios.length) append(body, ['**Acceptance Scenarios**:', ''], scenarios, ['']);
			if (own.length) append(body, ['**Functional Requirements**:', ''], own, ['']);
			body.push('---', '');
		}
		// Edge cases go back to their list; other unknown sections (Clarifications, …) verbatim.
		let section: 'edge' | 'known' | 'other' = 'known';
		for (const l of lines) {
			if (/^##\s/.test(l.text)) {
				section = /^##\s+edge cases/i.test(l.text) ? 'edge' : /^##\s+(introduction|glossary|requirements)\s*$/i.test(l.text) ? 'known' : 'other';
				if (section === 'other') other.push(l.text);
			} else if (section === 'edge' && /^\s*[-*]\s+/.test(l.text)) edge.push(l.text.trim());
			else if (section === 'other') other.push(l.text);
		}
	} else if (texts.bugfix !== undefined) {
		const doc = parseBugfix(texts.bugfix);
		out.push(`**Input**: Bug report: "${doc.introduction.replace(/\s+/g, ' ').trim()}"`);
		body.push('### User Story 1 - Fix the defect (Priority: P1)', '');
		for (const item of doc.current?.items ?? []) body.push(`Current behaviour ${item.id}: ${item.text}`, '');
		body.push('**Acceptance Scenarios**:', '');
		(doc.expected?.items ?? []).forEach((item, k) => body.push(`${k + 1}. ${earsToScenario(item.text)}`));
		body.push('');
		for (const item of [...(doc.expected?.items ?? []), ...(doc.unchanged?.items ?? [])]) {
			frs.push(`- **FR-${String(frs.length + 1).padStart(3, '0')}**: ${itemText(item.text)} (bugfix ${item.id})`);
		}
	}
	append(out, ['', '## User Scenarios & Testing *(mandatory)*', ''], body);
	if (edge.length) append(out, ['### Edge Cases', ''], edge, ['']);
	out.push('## Requirements *(mandatory)*', '');
	if (frs.length) append(out, ['### Functional Requirements', ''], frs, ['']);
	if (entities.length) append(out, ['### Key Entities', ''], entities, ['']);
	if (scs.length) append(out, ['## Success Criteria *(mandatory)*', '', '### Measurable Outcomes', ''], scs, ['']);
	append(out, other);
	return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function planMd(texts: SpecTexts, title: string, branch: string): string {
	const out: string[] = [`# Implementation Plan: ${title}`, ''];
	if (!/^\*\*Branch\*\*/m.test(texts.design ?? '')) out.push(`**Branch**: \`${branch}\` | **Spec**: [spec.md](./spec.md)`, '');
	if (texts.design === undefined) return [...out, '## Summary', '', `Plan for ${title}.`].join('\n') + '\n';
	let seenTitle = false;
	for (const l of splitLines(texts.design)) {
		if (!seenTitle && /^#\s/.test(l.text)) {
			seenTitle = true;
			continue;
		}
		out.push(/^##\s+overview\s*$/i.test(l.text) ? '## Summary' : l.text);
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function tasksMd(texts: SpecTexts, title: string, branch: string): string {
	const out: string[] = [`# Tasks: ${title}`, '', `**Input**: Design documents from \`/specs/${branch}/\``, ''];
	const doc = parseTasks(texts.tasks ?? '');
	const stories = new Map<string, number>();
	if (texts.requirements !== undefined) {
		let n = 0;
		for (const r of parseRequirements(texts.requirements).requirements) {
			if (r.title !== FR_GROUP && r.title !== SC_GROUP) stories.set(r.id, ++n);
		}
	}
	const recorded = (t: Task): string | undefined => t.details.find((d) => /^[-*]\s+_spec-kit:/.test(d))?.replace(/^[-*]\s+_spec-kit:\s*/, '').replace(/_$/, '');
	const used = new Set<string>();
	for (const t of doc.all) {
		const tid = /^T\d+/.exec(recorded(t) ?? '');
		if (tid) used.add(tid[0]);
	}
	let counter = 0;
	const nextTid = (): string => {
		let tid: string;
		do tid = `T${String(++counter).padStart(3, '0')}`;
		while (used.has(tid));
		used.add(tid);
		return tid;
	};
	const line = (t: Task, prev: Task | undefined): string => {
		const rec = recorded(t);
		const box = t.status === 'done' ? '[X]' : '[ ]';
		if (rec !== undefined) return `- ${box} ${rec} ${t.title}`;
		const parallel = t.dependsExplicit && (!prev || !t.depends.includes(prev.id));
		const reqs = new Set(t.requirements.map((id) => id.split('.')[0] as string));
		const story = reqs.size === 1 ? stories.get([...reqs][0] as string) : undefined;
		const tags = [nextTid(), parallel ? '[P]' : '', story ? `[US${story}]` : ''].filter(Boolean).join(' ');
		return `- ${box} ${tags} ${t.title}${t.optional ? ' (optional)' : ''}`;
	};
	doc.tasks.forEach((top, p) => {
		out.push(`## Phase ${p + 1}: ${top.title}`, '');
		const notes = top.details.filter((d) => /^[-*]\s+(purpose|goal|checkpoint|independent test):/i.test(d));
		for (const n of notes) {
			const m = /^[-*]\s+([^:]+):\s*(.*)$/.exec(n);
			if (m) out.push(`**${m[1] as string}**: ${m[2] as string}`, '');
		}
		if (top.children.length === 0) out.push(line(top, undefined));
		top.children.forEach((c, k) => out.push(line(c, top.children[k - 1])));
		out.push('', '---', '');
	});
	// Kiro's "## Notes" holds the spec-kit sections without tasks, demoted one level on import.
	let inNotes = false;
	const notes: string[] = [];
	for (const l of splitLines(texts.tasks ?? '')) {
		if (/^##\s/.test(l.text)) inNotes = /^##\s+notes\s*$/i.test(l.text);
		else if (inNotes) notes.push(l.text.replace(/^###(#{0,3})\s/, '##$1 '));
	}
	const first = notes.find((l) => l.trim() !== '');
	if (first !== undefined && !first.startsWith('## ')) out.push('## Notes', '');
	append(out, notes);
	return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function exportSpecKit(texts: SpecTexts, options: ExportOptions = {}): SpecKitExport {
	const titleFrom = (text: string | undefined, prefix: RegExp): string => {
		const h1 = text === undefined ? undefined : /^#\s+(.+)$/m.exec(text.slice(0, 4096))?.[1];
		return h1 && prefix.test(h1) ? h1.replace(prefix, '').trim() : '';
	};
	const title =
		titleFrom(texts.design, /^design document\s*:\s*/i) ||
		titleFrom(texts.tasks, /^implementation plan\s*:\s*/i) ||
		(options.name ? options.name.replace(/-/g, ' ') : 'Feature');
	const name = options.name ?? kebab(title);
	const branch = `${String(options.number ?? 1).padStart(3, '0')}-${name}`;
	const dir = `specs/${branch}`;
	const files: Record<string, string> = {
		[`${dir}/spec.md`]: specMd(texts, title, branch, options),
		[`${dir}/plan.md`]: planMd(texts, title, branch)
	};
	if (texts.tasks !== undefined) files[`${dir}/tasks.md`] = tasksMd(texts, title, branch);
	return { dir, files };
}
