/**
 * The CodeMirror editor, loaded lazily (it is the heaviest part of the project page). One view, one
 * EditorState per open file so each keeps its own undo history and selection.
 */
import { EditorView, keymap, type ViewUpdate } from '@codemirror/view';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { basicSetup } from 'codemirror';
import { indentWithTab } from '@codemirror/commands';
import { LanguageDescription } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { darkTheme } from './themes';

export interface EditorCallbacks {
	onChange(path: string, text: string): void;
	onSave(path: string, text: string): void;
}

export class EditorHost {
	#view: EditorView;
	#states = new Map<string, EditorState>();
	#language = new Compartment();
	#theme = new Compartment();
	#current: string | null = null;
	#dark: boolean;

	constructor(
		parent: HTMLElement,
		private readonly callbacks: EditorCallbacks,
		dark: boolean
	) {
		this.#dark = dark;
		this.#view = new EditorView({ parent, state: EditorState.create({ doc: '' }) });
	}

	get currentPath(): string | null {
		return this.#current;
	}

	/** Shows a file; creates its state from `text` the first time. */
	show(path: string, text: string): void {
		if (this.#current !== null) this.#states.set(this.#current, this.#view.state);
		let state = this.#states.get(path);
		if (!state) {
			state = EditorState.create({ doc: text, extensions: this.#extensions(path) });
			this.#states.set(path, state);
			void this.#loadLanguage(path);
		}
		this.#current = path;
		this.#view.setState(state);
		this.#applyTheme();
	}

	text(path: string): string | undefined {
		if (path === this.#current) return this.#view.state.doc.toString();
		return this.#states.get(path)?.doc.toString();
	}

	/** New saved text from outside (a command changed the file): an undoable edit, not a reset. */
	replaceText(path: string, text: string): void {
		const changes = (state: EditorState) => ({ changes: { from: 0, to: state.doc.length, insert: text } });
		if (path === this.#current) this.#view.dispatch(changes(this.#view.state));
		else {
			const state = this.#states.get(path);
			if (state) this.#states.set(path, state.update(changes(state)).state);
		}
	}

	rename(from: string, to: string): void {
		const state = this.#states.get(from);
		if (state) {
			this.#states.delete(from);
			this.#states.set(to, state);
		}
		if (this.#current === from) this.#current = to;
	}

	/** Forgets files whose tabs were closed. */
	keepOnly(paths: ReadonlySet<string>): void {
		for (const path of [...this.#states.keys()]) if (!paths.has(path)) this.#states.delete(path);
		if (this.#current !== null && !paths.has(this.#current)) this.#current = null;
	}

	setDark(dark: boolean): void {
		this.#dark = dark;
		this.#applyTheme();
	}

	focus(): void {
		this.#view.focus();
	}

	destroy(): void {
		this.#view.destroy();
	}

	#extensions(path: string): Extension[] {
		return [
			basicSetup,
			keymap.of([
				indentWithTab,
				{
					key: 'Mod-s',
					preventDefault: true,
					run: (view) => {
						this.callbacks.onSave(path, view.state.doc.toString());
						return true;
					}
				}
			]),
			this.#language.of([]),
			this.#theme.of(this.#dark ? darkTheme : []),
			EditorView.updateListener.of((update: ViewUpdate) => {
				if (update.docChanged && this.#current !== null) this.callbacks.onChange(this.#current, update.state.doc.toString());
			}),
			// An explicit tabindex makes the scrolling editor reachable by keyboard for every checker.
			EditorView.contentAttributes.of({ 'aria-label': `Editor: ${path}`, tabindex: '0' }),
			baseTheme
		];
	}

	/** Highlighting for the file's language, fetched on demand the first time it is needed. */
	async #loadLanguage(path: string): Promise<void> {
		const description = LanguageDescription.matchFilename(languages, path.slice(path.lastIndexOf('/') + 1));
		if (!description) return;
		const support = await description.load().catch(() => null);
		if (!support) return;
		const effect = this.#language.reconfigure(support);
		if (this.#current === path) this.#view.dispatch({ effects: effect });
		else {
			const state = this.#states.get(path);
			if (state) this.#states.set(path, state.update({ effects: effect }).state);
		}
	}

	#applyTheme(): void {
		this.#view.dispatch({ effects: this.#theme.reconfigure(this.#dark ? darkTheme : []) });
	}
}

const baseTheme = EditorView.theme({
	'&': { height: '100%', fontSize: '13.5px' },
	'.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
	'&.cm-focused': { outline: 'none' }
});
