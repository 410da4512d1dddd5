/**
 * Traceability: criterion ↔ task ↔ property. A citation of a bare requirement ("3") covers all of
 * its criteria; for bugfix specs the criteria are the Expected (2.x) and Unchanged (3.x) items.
 */
import { parseBugfix } from './bugfix';
import { parseDesign, type DesignDoc } from './design';
import { compareIds } from './ids';
import { parseRequirements } from './requirements';
import { parseTasks, type Task, type TasksDoc } from './tasks';

export interface SpecTexts {
	requirements?: string;
	bugfix?: string;
	design?: string;
	tasks?: string;
}

export interface CriterionRef {
	id: string;
	requirement: string;
	text: string;
	line: number;
	file: 'requirements.md' | 'bugfix.md';
	/** False for bugfix Current Behavior items: they describe the defect, no task implements them. */
	coverable: boolean;
}

export interface CriteriaIndex {
	criteria: CriterionRef[];
	byId: Map<string, CriterionRef>;
	byRequirement: Map<string, CriterionRef[]>;
}

export function criteriaIndex(texts: Pick<SpecTexts, 'requirements' | 'bugfix'>): CriteriaIndex {
	const criteria: CriterionRef[] = [];
	if (texts.requirements !== undefined) {
		for (const r of parseRequirements(texts.requirements).requirements) {
			for (const c of r.criteria) criteria.push({ id: c.id, requirement: r.id, text: c.text, line: c.line, file: 'requirements.md', coverable: true });
		}
	}
	if (texts.bugfix !== undefined) {
		const doc = parseBugfix(texts.bugfix);
		for (const s of [doc.current, doc.expected, doc.unchanged]) {
			for (const item of s?.items ?? []) {
				const requirement = item.id.split('.')[0] ?? '';
				criteria.push({ id: item.id, requirement, text: item.text, line: item.line, file: 'bugfix.md', coverable: s?.kind !== 'current' });
			}
		}
	}
	const byId = new Map<string, CriterionRef>();
	const byRequirement = new Map<string, CriterionRef[]>();
	for (const c of criteria) {
		if (!byId.has(c.id)) byId.set(c.id, c);
		const list = byRequirement.get(c.requirement) ?? [];
		list.push(c);
		byRequirement.set(c.requirement, list);
	}
	return { criteria, byId, byRequirement };
}

/** The criteria a citation names: one criterion, or all of a requirement's; [] when unknown. */
export function resolveCitation(index: CriteriaIndex, id: string): CriterionRef[] {
	const one = index.byId.get(id);
	if (one) return [one];
	if (!id.includes('.')) return index.byRequirement.get(id) ?? [];
	return [];
}

export interface TraceRow {
	criterion: string;
	requirement: string;
	text: string;
	line: number;
	/** Tasks citing the criterion (or its whole requirement). */
	tasks: string[];
	/** Design properties validating it. */
	properties: string[];
	/** Tasks testing one of those properties. */
	propertyTasks: string[];
}

export interface Coverage {
	criteria: number;
	coveredByTasks: number;
	coveredByProperties: number;
	/** coveredByTasks / criteria (0 when there are no criteria). */
	taskCoverage: number;
	propertyCoverage: number;
	properties: number;
	propertiesTested: number;
	propertyTestCoverage: number;
}

export interface Traceability {
	rows: TraceRow[];
	tasks: { id: string; title: string; line: number; criteria: string[]; unknown: string[]; properties: string[] }[];
	properties: { id: string; name: string; line: number; criteria: string[]; unknown: string[]; tasks: string[] }[];
	coverage: Coverage;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function traceability(texts: SpecTexts, parsed?: { tasks?: TasksDoc; design?: DesignDoc }): Traceability {
	const index = criteriaIndex(texts);
	const tasksDoc = parsed?.tasks ?? (texts.tasks !== undefined ? parseTasks(texts.tasks) : null);
	const design = parsed?.design ?? (texts.design !== undefined ? parseDesign(texts.design) : null);
	// Sets, not arrays with includes(): a pathological file must not make this quadratic.
	type Acc = { ref: CriterionRef; tasks: Set<string>; properties: Set<string>; propertyTasks: Set<string> };
	const acc = new Map<string, Acc>();
	for (const c of index.criteria) {
		if (c.coverable && !acc.has(c.id)) acc.set(c.id, { ref: c, tasks: new Set(), properties: new Set(), propertyTasks: new Set() });
	}
	const tasks: Traceability['tasks'] = [];
	const testers = new Map<string, Set<string>>();
	for (const t of tasksDoc?.all ?? ([] as Task[])) {
		const criteria = new Set<string>();
		const unknown: string[] = [];
		for (const id of t.requirements) {
			const hit = resolveCitation(index, id);
			if (hit.length === 0) unknown.push(id);
			for (const c of hit) {
				criteria.add(c.id);
				acc.get(c.id)?.tasks.add(t.id);
			}
		}
		for (const p of t.properties) {
			const set = testers.get(p) ?? new Set<string>();
			set.add(t.id);
			testers.set(p, set);
		}
		tasks.push({ id: t.id, title: t.title, line: t.line, criteria: [...criteria], unknown, properties: [...t.properties] });
	}
	const properties: Traceability['properties'] = [];
	for (const p of design?.properties ?? []) {
		const criteria = new Set<string>();
		const unknown: string[] = [];
		const by = testers.get(p.id) ?? new Set<string>();
		for (const id of p.validates) {
			const hit = resolveCitation(index, id);
			if (hit.length === 0) unknown.push(id);
			for (const c of hit) {
				criteria.add(c.id);
				const row = acc.get(c.id);
				if (!row) continue;
				row.properties.add(p.id);
				for (const t of by) row.propertyTasks.add(t);
			}
		}
		properties.push({ id: p.id, name: p.name, line: p.line, criteria: [...criteria], unknown, tasks: [...by] });
	}
	const list: TraceRow[] = [...acc.values()]
		.map((a) => ({
			criterion: a.ref.id,
			requirement: a.ref.requirement,
			text: a.ref.text,
			line: a.ref.line,
			tasks: [...a.tasks],
			properties: [...a.properties],
			propertyTasks: [...a.propertyTasks]
		}))
		.sort((a, b) => compareIds(a.criterion, b.criterion));
	const byTasks = list.filter((r) => r.tasks.length > 0).length;
	const byProps = list.filter((r) => r.properties.length > 0).length;
	const tested = properties.filter((p) => p.tasks.length > 0).length;
	return {
		rows: list,
		tasks,
		properties,
		coverage: {
			criteria: list.length,
			coveredByTasks: byTasks,
			coveredByProperties: byProps,
			taskCoverage: ratio(byTasks, list.length),
			propertyCoverage: ratio(byProps, list.length),
			properties: properties.length,
			propertiesTested: tested,
			propertyTestCoverage: ratio(tested, properties.length)
		}
	};
}
