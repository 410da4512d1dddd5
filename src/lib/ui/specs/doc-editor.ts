/**
 * The raw editor for a spec document, loaded lazily: markdown with the spec checks shown inline,
 * beside their lines, re-run as the user types.
 */
import { EditorView, keymap } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { darkTheme } from '../editor/themes';

export interface DocFinding {
	line: number;
	severity: 'error' | 'warning' | 'info';
	message: string;
	hint?: string;
}

export interface DocEditor {
	text(): string;
	focus(): void;
	destroy(): void;
}

export function createDocEditor(
	parent: HTMLElement,
	options: { text: string; label: string; dark: boolean; check: (text: string) => DocFinding[]; onSave: () => void }
): DocEditor {
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: options.text,
			extensions: [
				basicSetup,
				markdown(),
				options.dark ? darkTheme : [],
				EditorView.lineWrapping,
				lintGutter(),
				linter((v) => diagnostics(v, options.check(v.state.doc.toString())), { delay: 300 }),
				keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (options.onSave(), true) }]),
				EditorView.contentAttributes.of({ 'aria-label': options.label }),
				EditorView.theme({ '&': { height: '100%', fontSize: '13px' }, '.cm-scroller': { fontFamily: 'var(--mono)' } })
			]
		})
	});
	return { text: () => view.state.doc.toString(), focus: () => view.focus(), destroy: () => view.destroy() };
}

function diagnostics(view: EditorView, findings: DocFinding[]): Diagnostic[] {
	const doc = view.state.doc;
	return findings.map((f) => {
		const line = doc.line(Math.min(Math.max(f.line, 1), doc.lines));
		return {
			from: line.from,
			to: line.to,
			severity: f.severity,
			message: f.hint ? `${f.message} ${f.hint}` : f.message
		};
	});
}
