import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/unit/spec/helpers';
import { lintSpec, type Finding } from './index';

const brief = (f: Finding) => `${f.file}:${f.line} ${f.severity} ${f.code}`;

describe('lintSpec on fixtures', () => {
	it('a healthy Kiro 1.0 spec has only its deliberate problems', () => {
		const findings = lintSpec({ requirements: fixture('requirements-kiro1.md'), design: fixture('design.md'), tasks: fixture('tasks-kiro1.md') });
		expect(findings.map(brief)).toEqual([
			'requirements.md:38 warning not-ears',
			'requirements.md:38 warning vague-term',
			'requirements.md:38 warning vague-term',
			'requirements.md:38 warning criterion-uncovered',
			'requirements.md:48 warning vague-term',
			'requirements.md:48 warning vague-term',
			'design.md:69 warning property-validates-nothing',
			'design.md:69 info property-untested'
		]);
		for (const f of findings) {
			expect(f.message).not.toBe('');
			expect(f.hint).not.toBe('');
		}
		expect(findings.filter((f) => f.code === 'vague-term').map((f) => f.message)).toEqual([
			'Criterion 2.4 uses the vague term "fast".',
			'Criterion 2.4 uses the vague term "user-friendly".',
			'Criterion 3.3 uses the vague term "etc".',
			'Criterion 3.3 uses the vague term "as appropriate".'
		]);
	});

	it('the Kiro 0.x spec and the messy task list', () => {
		const findings = lintSpec({ requirements: fixture('requirements-kiro0-crlf.md'), tasks: fixture('tasks-messy-crlf.md') });
		expect(findings.map(brief)).toEqual([
			'requirements.md:33 warning not-ears',
			'requirements.md:33 warning vague-term',
			'requirements.md:33 warning vague-term',
			'requirements.md:35 warning gapped-id',
			'requirements.md:42 warning gapped-id',
			'tasks.md:22 error task-unknown-criterion',
			'tasks.md:30 warning task-too-deep'
		]);
		expect(findings.find((f) => f.code === 'task-unknown-criterion')?.message).toBe('Task 2.3 cites 9.9, which does not exist.');
	});

	it('a bugfix spec', () => {
		const findings = lintSpec({ bugfix: fixture('bugfix.md'), tasks: '- [ ] 1. Parse fractions\n  - _Requirements: 2.1, 2.2, 3.1_\n' });
		expect(findings.map(brief)).toEqual([
			'bugfix.md:19 warning bugfix-no-shall',
			'bugfix.md:19 warning criterion-uncovered',
			'bugfix.md:24 warning criterion-uncovered'
		]);
	});

	it('documents that are not specs yield findings, not exceptions', () => {
		const junk = fixture('not-a-spec.md');
		expect(lintSpec({ requirements: junk, bugfix: junk, design: junk, tasks: junk }).map(brief)).toEqual([
			'requirements.md:1 error no-requirements',
			'bugfix.md:1 error bugfix-missing-section',
			'bugfix.md:1 error bugfix-missing-section',
			'bugfix.md:1 error bugfix-missing-section',
			'tasks.md:1 error no-tasks'
		]);
		expect(lintSpec({ requirements: '', design: '', tasks: '' }).map((f) => f.message)).toEqual(['requirements.md is empty.', 'design.md is empty.', 'tasks.md is empty.']);
	});
});

describe('lintSpec checks', () => {
	const codes = (texts: Parameters<typeof lintSpec>[0]) => lintSpec(texts).map((f) => f.code);

	it('duplicate and gapped ids', () => {
		const req = '### Requirement 1: A\n1. THE App SHALL a\n1. THE App SHALL b\n### Requirement 1: B\n1. THE App SHALL c\n### Requirement 3: C\n1. THE App SHALL d\n';
		expect(lintSpec({ requirements: req }).filter((f) => f.code !== 'no-user-story').map(brief)).toEqual([
			'requirements.md:3 error duplicate-id',
			'requirements.md:4 error duplicate-id',
			'requirements.md:6 warning gapped-id'
		]);
		const tasks = '- [ ] 1. A\n  - [ ] 1.1 B\n  - [ ] 1.1 C\n  - [ ] 2.4 D\n- [ ] 3. E\n';
		expect(lintSpec({ tasks }).map(brief)).toEqual(['tasks.md:3 error duplicate-id', 'tasks.md:4 warning task-id-mismatch', 'tasks.md:5 warning gapped-id']);
	});

	it('empty sections, missing stories and criteria', () => {
		const req = '# Requirements Document\n\n## Introduction\n\n## Requirements\n\n### Requirement 1: Nothing here\n\n#### Acceptance Criteria\n';
		expect(lintSpec({ requirements: req }).map(brief)).toEqual([
			'requirements.md:3 warning section-empty',
			'requirements.md:7 info no-user-story',
			'requirements.md:7 warning no-criteria',
			'requirements.md:9 warning section-empty'
		]);
	});

	it('cross-document citations, coverage, properties and dependencies', () => {
		const requirements = '### Requirement 1: A\n1. THE App SHALL a\n2. THE App SHALL b\n';
		const design = '# Design Document\n\n## Correctness Properties\n\n### Property 1: P\n**Validates: Requirements 1.3**\n\n### Property 2: Q\n**Validates: Requirements 1**\n';
		const tasks = '- [ ] 1. A\n  - _Requirements: 1.1, 2.1_\n  - _Depends: 7_\n- [ ] 2. B\n  - **Property 5: nope**\n  - _Depends: 3_\n- [ ] 3. C\n  - _Depends: 2_\n';
		expect(lintSpec({ requirements, design, tasks }).filter((f) => f.code !== 'no-user-story').map(brief)).toEqual([
			'requirements.md:3 warning criterion-uncovered',
			'design.md:5 info property-untested',
			'design.md:6 error property-unknown-criterion',
			'design.md:8 info property-untested',
			'tasks.md:1 error depends-unknown',
			'tasks.md:1 error task-unknown-criterion',
			'tasks.md:4 error depends-cycle',
			'tasks.md:4 warning task-unknown-property'
		]);
		expect(lintSpec({ requirements, design, tasks }).find((f) => f.code === 'depends-cycle')?.message).toBe('Tasks 2, 3 wait for each other.');
	});

	it('open questions and nesting', () => {
		expect(codes({ requirements: '### Requirement 1: A\n1. THE App SHALL expire links after [NEEDS CLARIFICATION: how long?]\n' })).toEqual(['no-user-story', 'needs-clarification']);
		expect(codes({ tasks: '- [ ] 1. A\n  - [ ] 1.1 B\n    - [ ] 1.1.1 C\n      - [ ] 1.1.1.1 D\n' })).toEqual(['task-too-deep', 'task-too-deep']);
	});
});
