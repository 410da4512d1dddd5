/**
 * Pathological input: 10 MB, 100,000 lines, one enormous line, deeply indented bullets. Every
 * parser must finish in linear time and nothing may throw. Time budgets are generous (CI machines
 * vary, and each figure is the best of three runs); the scaling check compares 1× and 4× input, so a
 * linear path shows about 4× and a quadratic one about 16×.
 */
import { describe, expect, it } from 'vitest';
import { lintSpec, parseBugfix, parseDesign, parseRequirements, parseTasks, setTaskStatus, taskWaves, traceability } from './index';

const MB = 1024 * 1024;

function all(text: string): void {
	parseRequirements(text);
	parseBugfix(text);
	parseDesign(text);
	taskWaves(parseTasks(text).tasks);
}

/**
 * CPU time (user + system) of the fastest of three runs, in ms. CPU time rather than wall time: on a
 * busy machine other processes stall this one for seconds, which says nothing about the parser.
 */
function time(fn: () => void): number {
	let best = Infinity;
	for (let k = 0; k < 3; k++) {
		const t0 = process.cpuUsage();
		fn();
		const used = process.cpuUsage(t0);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

const shapes: Record<string, (size: number) => string> = {
	'one line of spaces': (n) => ' '.repeat(n),
	'one line of #': (n) => '#'.repeat(n),
	'one line of [': (n) => `- ${'['.repeat(n)}`,
	'one line of backticks': (n) => '`'.repeat(n),
	'one line of digits and dots': (n) => `- [ ] ${'1.'.repeat(n / 2)}`,
	'a citation with a huge list': (n) => `- [ ] 1. T\n  - _Requirements: ${'1.1, '.repeat(n / 5)}_\n`,
	'a range on one line': (n) => `- [ ] 1. T\n  - _Requirements: ${'1.1-1.9 '.repeat(n / 8)}_\n`,
	'spaces then a word': (n) => `${' '.repeat(n)}WHEN x, THE y SHALL z ,`,
	'EARS keywords': (n) => `### Requirement 1: X\n1. WHEN ${'WHILE IF WHERE , '.repeat(n / 17)} SHALL go`,
	'many short task lines': (n) => '- [ ] 1. t\n  - [x] 1.1 u\n    - _Depends: 1_\n'.repeat(n / 40),
	'deeply indented bullets': (n) => {
		const out: string[] = [];
		let size = 0;
		for (let k = 0; size < n; k++) {
			const line = `${' '.repeat(k % 2000)}- [ ] ${k}. t`;
			out.push(line);
			size += line.length + 1;
		}
		return out.join('\n');
	},
	'unclosed fence and comments': (n) => `\`\`\`mermaid\n${'<!-- x\n- [ ] 1. t\n### Requirement 1\n'.repeat(n / 40)}`,
	'CR only line endings': (n) => '- [ ] 1. a\r  - _Requirements: 1.1_\r'.repeat(n / 36)
};

describe('pathological input', () => {
	it.each(Object.keys(shapes))('%s parses in linear time', (name) => {
		const make = shapes[name] as (n: number) => string;
		const small = make(MB / 2);
		const big = make(2 * MB);
		all(small); // warm-up
		const a = Math.max(time(() => all(small)), 10);
		const b = time(() => all(big));
		expect(b / a).toBeLessThan(10);
		expect(b).toBeLessThan(3000);
	}, 60_000);

	it('10 MB and 100,000 lines: parse, lint and trace without throwing', () => {
		const lines: string[] = ['# Implementation Plan', ''];
		for (let k = 1; lines.length < 100_000; k++) {
			lines.push(`- [ ] ${k}. Task ${k} — 写代码 ✅`, `  - [~] ${k}.1 Sub ${k}`, `    - _Requirements: ${k}.1–${k}.3_`, `    - _Depends: ${Math.max(1, k - 1)}_`, '');
		}
		let text = lines.join('\r\n');
		while (text.length < 10 * MB) text += `\r\n\r\n<!-- padding ${'.'.repeat(1000)} -->`;
		const t0 = process.cpuUsage();
		const doc = parseTasks(text);
		const used = process.cpuUsage(t0);
		const ms = (used.user + used.system) / 1000;
		expect(doc.tasks.length).toBe(20_000);
		expect(ms).toBeLessThan(5000);
		expect(() => lintSpec({ requirements: text, design: text, tasks: text })).not.toThrow();
		expect(traceability({ requirements: text, tasks: text }).coverage.criteria).toBe(0);
		const out = setTaskStatus(text, '19999.1', 'done');
		expect(out.length).toBe(text.length);
	}, 60_000);
});
