import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePath } from '../core/fs/paths';
import { SAMPLE_PROJECT_NAME, sampleProjectFiles } from './sample-project';

const SPEC = '.kiro/specs/task-filters';

const EXPECTED_FILES = [
	'README.md',
	'AGENTS.md',
	'package.json',
	'server.js',
	'public/index.html',
	'public/styles.css',
	'public/app.js',
	'src/tasks.js',
	'test/tasks.test.js',
	`${SPEC}/.config.kiro`,
	`${SPEC}/requirements.md`,
	`${SPEC}/design.md`,
	`${SPEC}/tasks.md`,
	'.kiro/steering/product.md',
	'.kiro/steering/tech.md',
	'.kiro/steering/structure.md',
	'.kiro/steering/testing.md',
	'.kiro/steering/ui-copy.md',
	'.kiro/hooks/run-tests-on-save.kiro.hook',
	'.kiro/hooks/review.json'
];

function content(path: string): string {
	const found = sampleProjectFiles.find((f) => f.path === path);
	if (!found) throw new Error(`The sample has no ${path}`);
	return found.content;
}

const json = (path: string) => JSON.parse(content(path));

/** Criterion ids ("2.3") in requirements.md: the M-th numbered line under "### Requirement N". */
function criteria(requirements: string): Map<string, string> {
	const found = new Map<string, string>();
	let requirement: string | undefined;
	for (const line of requirements.split('\n')) {
		const heading = /^### Requirement (\d+)\b/.exec(line);
		if (heading) requirement = heading[1];
		else if (/^#{1,3} /.test(line)) requirement = undefined;
		const item = /^(\d+)\. (.*)$/.exec(line);
		if (item && requirement) found.set(`${requirement}.${item[1]}`, item[2] ?? '');
	}
	return found;
}

/** Ids cited by lines such as `_Requirements: 1.1, 2.3_` or `**Validates: Requirements 1.2, 1.3**`. */
function citations(text: string, pattern: RegExp): string[] {
	return [...text.matchAll(pattern)].flatMap((m) => (m[1] ?? '').split(',').map((id) => id.trim()));
}

describe('sample project', () => {
	it('has a name', () => {
		expect(SAMPLE_PROJECT_NAME).toBe('Sample: Tasks app');
	});

	it('has unique, normalised relative paths and every expected file', () => {
		const paths = sampleProjectFiles.map((f) => f.path);
		expect(new Set(paths).size).toBe(paths.length);
		for (const path of paths) expect(normalizePath(path)).toBe(path);
		expect([...paths].sort()).toEqual([...EXPECTED_FILES].sort());
	});

	it('uses LF line endings and ends every file with a newline', () => {
		for (const { path, content } of sampleProjectFiles) {
			expect(content.includes('\r'), path).toBe(false);
			expect(content.endsWith('\n'), path).toBe(true);
			expect(content.endsWith('\n\n'), path).toBe(false);
		}
	});

	it('has a runnable package.json with no dependencies', () => {
		const pkg = json('package.json');
		expect(pkg.type).toBe('module');
		expect(pkg.scripts).toMatchObject({ dev: 'node server.js', test: 'node --test' });
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.devDependencies).toBeUndefined();
	});

	it('has a valid spec config', () => {
		const config = json(`${SPEC}/.config.kiro`);
		expect(config.specId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(config).toMatchObject({ workflowType: 'requirements-first', specType: 'feature' });
	});

	it('has hooks in both formats', () => {
		const legacy = json('.kiro/hooks/run-tests-on-save.kiro.hook');
		expect(legacy).toMatchObject({
			enabled: true,
			version: '1',
			when: { type: 'fileEdited', patterns: ['src/**/*.js'] },
			then: { type: 'runCommand', command: 'npm test' }
		});
		const v1 = json('.kiro/hooks/review.json');
		expect(v1.version).toBe('v1');
		const [onSave, manual] = v1.hooks;
		expect(onSave).toMatchObject({ trigger: 'PostFileSave', action: { type: 'command' } });
		expect(new RegExp(onSave.matcher).test('public/app.js')).toBe(true);
		expect(new RegExp(onSave.matcher).test('src/tasks.js')).toBe(false);
		expect(manual).toMatchObject({ trigger: 'Manual', action: { type: 'agent' } });
		expect(manual.action.prompt.length).toBeGreaterThan(40);
	});

	it('has steering with each inclusion mode', () => {
		expect(content('.kiro/steering/product.md')).toMatch(/^---\ninclusion: always\n---\n/);
		expect(content('.kiro/steering/testing.md')).toMatch(
			/^---\ninclusion: fileMatch\nfileMatchPattern: "test\/\*\*\/\*\.js"\n---\n/
		);
		expect(content('.kiro/steering/ui-copy.md')).toMatch(/^---\ninclusion: manual\n---\n/);
		expect(content('.kiro/steering/structure.md').startsWith('---')).toBe(false);
	});

	it('writes every acceptance criterion in an EARS form', () => {
		const found = criteria(content(`${SPEC}/requirements.md`));
		expect(found.size).toBeGreaterThanOrEqual(12);
		for (const [id, text] of found) {
			expect(text, id).toMatch(/^(WHEN |IF |WHILE |WHERE |THE )/);
			expect(text, id).toMatch(/THE Tasks_App SHALL /);
		}
		const forms = [...found.values()].map((t) => t.split(' ')[0]);
		expect(new Set(forms)).toEqual(new Set(['WHEN', 'IF', 'WHILE', 'WHERE', 'THE']));
	});

	it('has a task list with every status, an optional task and a checkpoint', () => {
		const tasks = content(`${SPEC}/tasks.md`);
		expect(tasks).toContain('- [x] ');
		expect(tasks).toContain('- [ ] ');
		expect(tasks).toContain('- [ ]* ');
		expect(tasks.match(/- \[-\] /g)).toHaveLength(1);
		expect(tasks).toMatch(/^- \[ \] \d+\. Checkpoint/m);
		for (const line of tasks.split('\n').filter((l) => /^\s*- \[/.test(l))) {
			expect(line, line).toMatch(/^( {2})?- \[[ x-]\]\*? \d+(\.\d+)?\.? \S/);
		}
	});

	it('cites only criteria that exist, and cites every criterion', () => {
		const known = criteria(content(`${SPEC}/requirements.md`));
		const tasks = content(`${SPEC}/tasks.md`);
		const cited = citations(tasks, /_Requirements: ([^_]+)_/g);
		expect(cited.length).toBeGreaterThan(0);
		for (const id of cited) expect(known.has(id), `tasks.md cites ${id}`).toBe(true);
		for (const id of known.keys()) expect(cited, `no task cites ${id}`).toContain(id);

		const validated = [
			...citations(tasks, /\*\*Validates: Requirements ([^*]+)\*\*/g),
			...citations(content(`${SPEC}/design.md`), /\*\*Validates: Requirements ([^*]+)\*\*/g)
		];
		expect(validated.length).toBeGreaterThan(0);
		for (const id of validated) expect(known.has(id), `Validates ${id}`).toBe(true);
	});

	it('names in tasks.md the same properties as design.md', () => {
		const design = content(`${SPEC}/design.md`);
		const designed = [...design.matchAll(/^### (Property \d+: .+)$/gm)].map((m) => m[1]);
		const planned = [...content(`${SPEC}/tasks.md`).matchAll(/\*\*(Property \d+: [^*]+)\*\*/g)].map((m) => m[1]);
		expect(designed.length).toBeGreaterThan(0);
		expect(planned.sort()).toEqual(designed.sort());
		expect(design).toContain('```mermaid');
		expect(design).toMatch(/\*For any\* /);
	});

	it('passes its own tests with node --test', { timeout: 30_000 }, () => {
		const dir = mkdtempSync(join(tmpdir(), 'specwright-sample-'));
		try {
			for (const { path, content } of sampleProjectFiles) {
				mkdirSync(dirname(join(dir, path)), { recursive: true });
				writeFileSync(join(dir, path), content);
			}
			const env = { ...process.env };
			delete env.NODE_OPTIONS;
			delete env.NODE_TEST_CONTEXT;
			const run = spawnSync(process.execPath, ['--test'], { cwd: dir, env, encoding: 'utf8', timeout: 25_000 });
			const output = `${run.stdout}\n${run.stderr}`;
			expect(run.status, output).toBe(0);
			expect(output).toMatch(/# fail 0/);
			expect(Number(/# pass (\d+)/.exec(output)?.[1])).toBeGreaterThanOrEqual(20);

			for (const script of ['server.js', 'public/app.js']) {
				const check = spawnSync(process.execPath, ['--check', script], { cwd: dir, encoding: 'utf8' });
				expect(check.status, `${script}: ${check.stderr}`).toBe(0);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
