// MarkdownView renders a document section by section and keeps the HTML of complete sections while a
// reply streams in: at every step the result must be exactly what rendering the whole text gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { sectionRenderer, sectionStarts } from '../../../src/lib/ui/specs/sections';

const whole = (md: string) => marked.parse(md, { async: false }) as string;
const file = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const tricky = [
	'# Title',
	'',
	'Intro paragraph',
	'## Right after a paragraph line',
	'- a list item',
	'- another',
	'',
	'```md',
	'# not a heading: inside a fence',
	'~~~',
	'# still inside: a tilde line does not close a backtick fence',
	'````',
	'# after a longer closing fence: a heading',
	'~~~',
	'# inside a tilde fence',
	'~~~',
	'<div>',
	'# inside an HTML block',
	'</div>',
	'',
	'    # indented code, not a heading',
	'A paragraph',
	'#hashtag continues it',
	'> quote',
	'# heading after a quote',
	'1. one',
	'',
	'2. two (a loose list)',
	'',
	'###### six',
	'#',
	'Setext',
	'======',
	''
].join('\n');

const docs: Record<string, string> = {
	tricky,
	'requirements (CRLF)': file('src/lib/core/spec/fixtures/requirements-kiro0-crlf.md'),
	requirements: file('src/lib/core/spec/fixtures/requirements-kiro1.md'),
	design: file('src/lib/core/spec/fixtures/design.md'),
	tasks: file('src/lib/core/spec/fixtures/tasks-kiro1.md')
};

describe('MarkdownView sections', () => {
	it('cuts only at complete headings outside fences and HTML blocks', () => {
		const md = '# A\ntext\n```\n# in fence\n```\n<p>\n# in html\n\n## B\n### partial';
		expect(sectionStarts(md).map((at) => md.slice(at, md.indexOf('\n', at)))).toEqual(['## B']);
	});

	for (const [name, md] of Object.entries(docs)) {
		it(`renders ${name} exactly as a whole, at every step of a stream`, () => {
			const sections = sectionRenderer(whole, 60);
			for (let end = 0; end < md.length; end += 41) {
				expect(sections(md.slice(0, end)).join('')).toBe(whole(md.slice(0, end)));
			}
			expect(sections(md).join('')).toBe(whole(md));
		});
	}

	it('renders only what follows the last complete part kept', () => {
		const rendered: string[] = [];
		const sections = sectionRenderer((md) => (rendered.push(md), whole(md)), 0);
		sections('# A\none\n## B\ntwo\n## C\nthr');
		expect(rendered).toEqual(['# A\none\n', '## B\ntwo\n', '## C\nthr']);
		rendered.length = 0;
		expect(sections('# A\none\n## B\ntwo\n## C\nthree\n## D\n').length).toBe(4);
		expect(rendered).toEqual(['## C\nthree\n', '## D\n']);
	});

	it('groups sections into parts of at least the given length', () => {
		const rendered: string[] = [];
		const sections = sectionRenderer((md) => (rendered.push(md), whole(md)), 10);
		const md = '# A\none\n## B\ntwo\n## C\nthree three\n## D\nfo\n## E\n';
		expect(sections(md).join('')).toBe(whole(md));
		expect(rendered).toEqual(['# A\none\n## B\ntwo\n', '## C\nthree three\n', '## D\nfo\n## E\n']);
	});

	it('does not render the open part again while its text is unchanged', () => {
		const rendered: string[] = [];
		const sections = sectionRenderer((md) => (rendered.push(md), whole(md)), 0);
		const first = sections('# A\none\n## B\ntwo\n');
		rendered.length = 0;
		const again = sections('# A\none\n## B\ntwo\n');
		expect(rendered).toEqual([]);
		expect(again).toEqual(first);
		sections('# A\none\n## B\ntwo, more\n');
		expect(rendered).toEqual(['## B\ntwo, more\n']);
	});

	it('starts over when the text is not a continuation', () => {
		const sections = sectionRenderer(whole);
		sections(docs.requirements ?? '');
		const other = docs.design ?? '';
		expect(sections(other).join('')).toBe(whole(other));
	});
});
