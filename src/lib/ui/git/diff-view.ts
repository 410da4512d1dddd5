/**
 * A read-only diff of one file, loaded lazily: the new text with removed lines shown inline and the
 * changed lines marked in the gutter, as the spec review shows proposals.
 */
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { unifiedMergeView } from '@codemirror/merge';
import { lineNumbers } from '@codemirror/view';
import { darkTheme } from '../editor/themes';

export function createDiffView(parent: HTMLElement, before: string, after: string, dark: boolean, label: string): { destroy(): void } {
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: after,
			extensions: [
				lineNumbers(),
				EditorState.readOnly.of(true),
				EditorView.editable.of(false),
				dark ? darkTheme : [],
				EditorView.lineWrapping,
				unifiedMergeView({
					original: before,
					mergeControls: false,
					gutter: true,
					// A whole new or deleted file underlined word by word is noise: the gutter says it all.
					highlightChanges: before !== '' && after !== '',
					collapseUnchanged: { margin: 3, minSize: 6 }
				}),
				EditorView.contentAttributes.of({ 'aria-label': label }),
				EditorView.theme({ '&': { fontSize: '13px' }, '.cm-scroller': { fontFamily: 'var(--mono)' } })
			]
		})
	});
	return { destroy: () => view.destroy() };
}
