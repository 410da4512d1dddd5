import type { MarkedExtension, Tokens } from 'marked';

/**
 * Kiro's tasks.md marks a task's state inside the brackets: `[ ]` not started, `[x]` done (both
 * GitHub task boxes, which marked draws), `[-]` in progress and `[~]` queued, which marked would
 * leave as literal text. This extension draws those two as a small labelled badge instead, with its
 * state in words so it reads the same to a screen reader, and gives the boxes a name for the same
 * reason (a bare checkbox is announced as "checkbox", with nothing to say what it stands for).
 */
const STATES: Record<string, { className: string; label: string }> = {
	'-': { className: 'in-progress', label: 'in progress' },
	'~': { className: 'queued', label: 'queued' }
};
const MARKER = /^\[([-~])\] /;

export const taskStates: MarkedExtension = {
	renderer: {
		checkbox({ checked }) {
			return `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'done' : 'not started'}"> `;
		}
	},
	walkTokens(token) {
		if (token.type !== 'list_item' || (token as Tokens.ListItem).task) return;
		const first = (token as Tokens.ListItem).tokens[0];
		if (!first || (first.type !== 'text' && first.type !== 'paragraph')) return;
		const inline = (first as Tokens.Text | Tokens.Paragraph).tokens?.[0];
		const state = inline?.type === 'text' ? MARKER.exec(inline.text) : null;
		if (!inline || !state) return;
		const { className, label } = STATES[state[1]!]!;
		const strip = (t: { text: string; raw: string }) => {
			t.text = t.text.replace(MARKER, '');
			t.raw = t.raw.replace(MARKER, '');
		};
		strip(inline as Tokens.Text);
		const badge: Tokens.HTML = {
			type: 'html',
			raw: '',
			text: `<span class="task-state ${className}">${label}</span> `,
			block: false,
			pre: false
		};
		(first as Tokens.Text).tokens!.unshift(badge);
	}
};
