/**
 * The diff review editor, loaded lazily: the proposed text with the old one shown inline, and
 * accept/reject controls on every changed block (hunk). Whatever the editor holds when the user
 * saves is the result: accepted hunks, rejected ones reverted, hand edits kept.
 */
import { EditorView, keymap } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { getChunks, unifiedMergeView } from '@codemirror/merge';
import { darkTheme } from '../editor/themes';

export interface MergeEditor {
	text(): string;
	/** Hunks not yet accepted or rejected. */
	pending(): number;
	destroy(): void;
}

export function createMergeEditor(
	parent: HTMLElement,
	original: string,
	revised: string,
	dark: boolean,
	onChange: (pending: number) => void
): MergeEditor {
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: revised,
			extensions: [
				basicSetup,
				markdown(),
				dark ? darkTheme : [],
				EditorView.lineWrapping,
				unifiedMergeView({ original, mergeControls: true, gutter: true }),
				keymap.of([]),
				EditorView.updateListener.of(() => onChange(getChunks(view.state)?.chunks.length ?? 0)),
				EditorView.contentAttributes.of({ 'aria-label': 'Proposed document with changes marked' }),
				EditorView.theme({ '&': { height: '100%', fontSize: '13px' }, '.cm-scroller': { fontFamily: 'var(--mono)' } })
			]
		})
	});
	queueMicrotask(() => onChange(getChunks(view.state)?.chunks.length ?? 0));
	return {
		text: () => view.state.doc.toString(),
		pending: () => getChunks(view.state)?.chunks.length ?? 0,
		destroy: () => view.destroy()
	};
}
