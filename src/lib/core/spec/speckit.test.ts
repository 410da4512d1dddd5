import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { exportSpecKit, importSpecKit, lintSpec, parseConfig, parseDesign, parseRequirements, parseTasks, taskWaves } from './index';
import { parseSpecKitSpec, parseSpecKitTasks } from './speckit-parse';

const sk = { dir: 'specs/003-photo-albums', spec: fixture('speckit/spec.md'), plan: fixture('speckit/plan.md'), tasks: fixture('speckit/tasks.md') };
const SPEC_ID = '7a1c6a3e-0f3b-4c7e-9d4a-2b8f1e6c5d90';

function kiroTexts(files: Record<string, string>, name: string) {
	const base = `.kiro/specs/${name}`;
	return { requirements: files[`${base}/requirements.md`], design: files[`${base}/design.md`], tasks: files[`${base}/tasks.md`], config: files[`${base}/.config.kiro`] };
}

describe('importSpecKit', () => {
	const imported = importSpecKit(sk, { specId: SPEC_ID });
	const kiro = kiroTexts(imported.files, imported.name);

	it('names the spec after the directory and writes a valid config', () => {
		expect(imported.name).toBe('photo-albums');
		expect(Object.keys(imported.files).sort()).toEqual(['.kiro/specs/photo-albums/.config.kiro', '.kiro/specs/photo-albums/design.md', '.kiro/specs/photo-albums/requirements.md', '.kiro/specs/photo-albums/tasks.md']);
		expect(parseConfig(kiro.config ?? '')).toMatchObject({ specId: SPEC_ID, workflowType: 'requirements-first', specType: 'feature', problems: [] });
		expect(imported.warnings).toEqual(['spec.md has open [NEEDS CLARIFICATION] questions.']);
	});

	it('maps user stories, scenarios, FR- and SC- items to requirements and EARS criteria', () => {
		const doc = parseRequirements(kiro.requirements ?? '');
		expect(doc.requirements.map((r) => [r.id, r.title, r.criteria.length])).toEqual([
			['1', 'Create an album (Priority: P1)', 2],
			['2', 'Share an album by link (Priority: P2)', 2],
			['3', 'Functional Requirements', 4],
			['4', 'Success Criteria', 2]
		]);
		expect(doc.requirements[0]?.userStory).toBe('A signed-in user picks photos from the library and saves them as a named album.');
		expect(doc.requirements[0]?.criteria[0]?.text).toBe('WHILE a signed-in user with 3 photos, WHEN they select the photos and save an album named "Trip", THE System SHALL ensure that the album "Trip" lists the 3 photos');
		expect(doc.requirements[2]?.criteria.map((c) => c.text)).toEqual([
			'THE System SHALL let a user add the same photo to several albums (FR-001)',
			'THE System SHALL keep album order as the user arranged it (FR-002)',
			'THE Users SHALL be able to revoke a share link at any time (FR-003)',
			'THE System SHALL expire share links after [NEEDS CLARIFICATION: expiry period not specified] (FR-004)'
		]);
		for (const r of doc.requirements) for (const c of r.criteria) expect(c.pattern).not.toBe('none');
		expect(doc.glossary.map((g) => g.term)).toEqual(['Album', 'ShareLink']);
	});

	it('maps phases and T-tasks to a task tree whose waves honour [P]', () => {
		const doc = parseTasks(kiro.tasks ?? '');
		expect(doc.tasks.map((t) => [t.id, t.title, t.status, t.children.length])).toEqual([
			['1', 'Setup (Shared Infrastructure)', 'in_progress', 3],
			['2', 'User Story 1 - Create an album (Priority: P1) 🎯 MVP', 'todo', 4],
			['3', 'User Story 2 - Share an album by link (Priority: P2)', 'todo', 2],
			['4', 'Polish', 'todo', 0]
		]);
		const t23 = doc.all.find((t) => t.id === '2.3');
		expect(t23).toMatchObject({ requirements: ['1.1', '1.2'], depends: ['2.1', '2.2'], files: ['src/services/album-service.ts'] });
		expect(t23?.details.at(-1)).toBe('- _spec-kit: T006 [US1]_');
		const waves = taskWaves(doc.tasks);
		expect(waves.map((w) => w.map((t) => t.id))).toEqual([['1.3'], ['1'], ['2.1', '2.2'], ['2.3'], ['2.4'], ['2'], ['3.1'], ['3.2'], ['3'], ['4']]);
	});

	it('keeps plan sections and adds data models to design.md', () => {
		const d = parseDesign(kiro.design ?? '');
		expect(d.title).toBe('Design Document: Photo Albums');
		expect(d.sections.filter((s) => s.level === 2).map((s) => s.title)).toEqual(['Overview', 'Technical Context', 'Project Structure', 'Data Models']);
	});

	it('the imported spec lints without errors', () => {
		expect(lintSpec(kiro).filter((f) => f.severity === 'error')).toEqual([]);
	});

	it('keeps CRLF when the source uses it and never throws on junk', () => {
		const crlf = importSpecKit({ spec: sk.spec.replace(/\n/g, '\r\n'), tasks: sk.tasks.replace(/\n/g, '\r\n') });
		const req = Object.entries(crlf.files).find(([p]) => p.endsWith('requirements.md'))?.[1] ?? '';
		expect(req.split('\n').every((l, k, all) => k === all.length - 1 || l.endsWith('\r'))).toBe(true);
		const junk = importSpecKit({ spec: '\u0000[[[', plan: '', tasks: '- [ ] [P' });
		expect(junk.name).toBe('feature');
		expect(junk.warnings).toContain('No specId given: .config.kiro has none until one is set.');
	});
});

describe('exportSpecKit', () => {
	it('exports a native Kiro spec: stories with scenarios, ubiquitous criteria as FRs, phases', () => {
		const out = exportSpecKit({ requirements: fixture('requirements-kiro1.md'), design: fixture('design.md'), tasks: fixture('tasks-kiro1.md') }, { number: 7, date: '2026-05-01' });
		expect(out.dir).toBe('specs/007-recipe-box');
		const spec = out.files['specs/007-recipe-box/spec.md'] ?? '';
		expect(spec).toContain('### User Story 1 - Import a recipe from a URL (Priority: P1)');
		expect(spec).toContain('1. **When** the user submits a URL that contains schema.org Recipe data, **Then** the Recipe_Box shall create a Recipe with its title, ingredients and steps.');
		expect(spec).toContain('**Given** servings are being edited, **When** the value is not a positive integer, **Then** the Recipe_Box shall show an inline error.');
		expect(spec).toContain('- **FR-001**: Recipe_Box MUST store the source URL with every imported Recipe.');
		expect(spec).toContain('**Created**: 2026-05-01');
		const tasks = out.files['specs/007-recipe-box/tasks.md'] ?? '';
		expect(tasks).toContain('## Phase 2: Implement recipe import');
		expect(tasks).toContain('- [X] T002 [US1] Parse schema.org Recipe data');
		expect(tasks).toContain('- [ ] T004 [US1] Write property test for import (optional)');
		expect(out.files['specs/007-recipe-box/plan.md']).toMatch(/^# Implementation Plan: Recipe Box\n\n\*\*Branch\*\*: `007-recipe-box`[^\n]*\n\n## Summary\n/);
		const parsed = parseSpecKitTasks(tasks);
		expect(parsed.phases.map((p) => p.tasks.length)).toEqual([1, 4, 3, 1, 3]);
	});

	it('exports a bugfix spec', () => {
		const out = exportSpecKit({ bugfix: fixture('bugfix.md') }, { name: 'fraction-scaling' });
		const spec = parseSpecKitSpec(out.files['specs/001-fraction-scaling/spec.md'] ?? '');
		expect(spec.stories).toHaveLength(1);
		expect(spec.stories[0]?.scenarios).toHaveLength(3);
		expect(spec.requirements.map((r) => r.id)).toEqual(['FR-001', 'FR-002', 'FR-003', 'FR-004', 'FR-005']);
	});
});

describe('round trips', () => {
	it('spec-kit → Kiro → spec-kit keeps stories, scenarios, ids, tags and status', () => {
		const imported = importSpecKit(sk, { specId: SPEC_ID });
		const kiro = kiroTexts(imported.files, imported.name);
		const back = exportSpecKit({ requirements: kiro.requirements, design: kiro.design, tasks: kiro.tasks }, { name: 'photo-albums', number: 3 });
		const a = parseSpecKitSpec(sk.spec);
		const b = parseSpecKitSpec(back.files['specs/003-photo-albums/spec.md'] ?? '');
		expect(b.title).toBe(a.title);
		expect(b.input).toBe(a.input);
		expect(b.stories.map((s) => [s.number, s.title, s.priority, s.description, s.notes])).toEqual(a.stories.map((s) => [s.number, s.title, s.priority, s.description, s.notes]));
		expect(b.stories.map((s) => s.scenarios.map((x) => [x.given, x.when, x.then]))).toEqual(a.stories.map((s) => s.scenarios.map((x) => [x.given, x.when, x.then])));
		expect(b.requirements).toEqual(a.requirements);
		expect(b.successCriteria).toEqual(a.successCriteria);
		expect(b.entities).toEqual(a.entities);
		expect(b.edgeCases).toEqual(a.edgeCases);
		const ta = parseSpecKitTasks(sk.tasks);
		const tb = parseSpecKitTasks(back.files['specs/003-photo-albums/tasks.md'] ?? '');
		expect(tb.phases.map((p) => [p.title, p.notes, p.tasks])).toEqual(ta.phases.map((p) => [p.title, p.notes, p.tasks]));
	});

	it('Kiro → spec-kit → Kiro keeps requirements, criteria counts and the task tree', () => {
		const texts = { requirements: fixture('requirements-kiro1.md'), design: fixture('design.md'), tasks: fixture('tasks-kiro1.md') };
		const out = exportSpecKit(texts);
		const back = importSpecKit({ dir: out.dir, spec: out.files[`${out.dir}/spec.md`], plan: out.files[`${out.dir}/plan.md`], tasks: out.files[`${out.dir}/tasks.md`] });
		const kiro = kiroTexts(back.files, back.name);
		const before = parseRequirements(texts.requirements).requirements;
		const after = parseRequirements(kiro.requirements ?? '').requirements;
		expect(after.map((r) => [r.title.replace(/ \(Priority: P\d\)$/, ''), r.criteria.length])).toEqual(before.map((r) => [r.title, r.criteria.length]));
		const tasksBefore = parseTasks(texts.tasks);
		const tasksAfter = parseTasks(kiro.tasks ?? '');
		expect(tasksAfter.all.map((t) => [t.id, t.status === 'done'])).toEqual(tasksBefore.all.map((t) => [t.id, t.status === 'done']));
		expect(parseDesign(kiro.design ?? '').properties.map((p) => p.validates)).toEqual(parseDesign(texts.design).properties.map((p) => p.validates));
	});
});
