// tasks.md states beyond GitHub's task boxes: `[-]` in progress and `[~]` queued are drawn as badges.
import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { taskStates } from '../../../src/lib/ui/specs/task-states';

const render = (md: string) => new Marked(taskStates).parse(md, { async: false }) as string;

describe('task states', () => {
	it('draws in-progress and queued tasks as badges, at any depth, keeping the rest of the line', () => {
		const html = render('- [-] 2. Add the filter bar\n  - [~] 2.1 Queued `step`\n  - [x] 2.2 Done\n- [ ] 3. Not started\n');
		expect(html).toContain('<li><span class="task-state in-progress">in progress</span> 2. Add the filter bar');
		expect(html).toContain('<li><span class="task-state queued">queued</span> 2.1 Queued <code>step</code>');
		expect(html).not.toContain('[-]');
		expect(html).not.toContain('[~]');
		// GitHub's own task boxes stay boxes, named by their state.
		expect(html).toContain('<li><input type="checkbox" disabled checked aria-label="done"> 2.2 Done');
		expect(html).toContain('<li><input type="checkbox" disabled aria-label="not started"> 3. Not started');
	});

	it('works in loose lists, where each item is a paragraph', () => {
		const html = render('- [-] 1. First\n\n- [~] 2. Second\n');
		expect(html).toContain('<p><span class="task-state in-progress">in progress</span> 1. First</p>');
		expect(html).toContain('<p><span class="task-state queued">queued</span> 2. Second</p>');
	});

	it('leaves brackets that are not a state at the start of an item alone', () => {
		expect(render('- a [-] in the middle\n- [?] unknown\n- [-]no space\n')).toBe(
			'<ul>\n<li>a [-] in the middle</li>\n<li>[?] unknown</li>\n<li>[-]no space</li>\n</ul>\n'
		);
		expect(render('[-] not in a list\n')).toBe('<p>[-] not in a list</p>\n');
	});
});
