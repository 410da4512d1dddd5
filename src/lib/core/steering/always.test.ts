import { describe, expect, it } from 'vitest';
import { alwaysIncludedSteering, projectSummary, steeringCandidates } from './always';

describe('alwaysIncludedSteering', () => {
	it('keeps always and front-matter-less files and AGENTS.md, without their front matter', () => {
		const docs = alwaysIncludedSteering([
			{ path: '.kiro/steering/product.md', content: '---\ninclusion: always\n---\n# Product\n' },
			{ path: '.kiro/steering/tech.md', content: '# Tech\n' },
			{ path: '.kiro/steering/testing.md', content: '---\ninclusion: fileMatch\nfileMatchPattern: "test/**"\n---\n# T\n' },
			{ path: '.kiro/steering/copy.md', content: "---\r\ninclusion: 'manual'\r\n---\r\n# C\r\n" },
			{ path: 'AGENTS.md', content: 'Be brief.' },
			{ path: 'docs/other.md', content: 'no' }
		]);
		expect(docs).toEqual([
			{ name: '.kiro/steering/product.md', content: '# Product\n' },
			{ name: '.kiro/steering/tech.md', content: '# Tech\n' },
			{ name: 'AGENTS.md', content: 'Be brief.' }
		]);
	});

	it('lists only the files worth reading', () => {
		expect(steeringCandidates(['AGENTS.md', 'src/a.ts', '.kiro/steering/x.md', '.kiro/steering/deep/y.md'])).toEqual([
			'AGENTS.md',
			'.kiro/steering/x.md'
		]);
	});
});

describe('projectSummary', () => {
	it('leaves out dependencies and specs, and says how many it cut', () => {
		const summary = projectSummary(['a.ts', 'node_modules/x/i.js', '.kiro/specs/s/tasks.md', 'b.ts', 'c.ts'], 2);
		expect(summary).toBe('Files in the project:\na.ts\nb.ts\n… and 1 more files');
		expect(projectSummary([])).toBe('The project is empty.');
	});

	it('never lists the repository', () => {
		expect(projectSummary(['.git/HEAD', '.git/objects/ab/cdef', '.gitignore', 'a.ts'])).toBe('Files in the project:\n.gitignore\na.ts');
	});
});

describe('promptInputs', () => {
	it('sizes each part of the prompt', async () => {
		const { promptInputs } = await import('./always');
		const inputs = promptInputs({
			steering: [{ name: 'tech.md', content: 'x'.repeat(40) }],
			projectSummary: 'y'.repeat(8),
			documents: { requirements: 'z'.repeat(400) },
			featurePrompt: 'abc'
		});
		expect(inputs).toEqual([
			{ name: 'the steering file tech.md', tokens: 10 },
			{ name: 'the project file list', tokens: 2 },
			{ name: 'the requirements document', tokens: 100 },
			{ name: 'the feature description', tokens: 1 }
		]);
	});
});
