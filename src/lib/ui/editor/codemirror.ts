/**
 * The CodeMirror editor, loaded lazily (it is the heaviest part of the project page). One view, one
 * EditorState per open file so each keeps its own undo history and selection.
 */
import { EditorView, keymap, type ViewUpdate } from '@codemirror/view';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { basicSetup } from 'codemirror';
import { indentWithTab } from '@codemirror/commands';
import { HighlightStyle, LanguageDescription, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { languages } from '@codemirror/language-data';
import { oneDarkTheme } from '@codemirror/theme-one-dark';

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

/**
 * One Dark's editor chrome with a highlight palette of our own: One Dark's token colours fall below
 * WCAG AA contrast (4.5:1) on its background, which an accessibility check rightly flags.
 */
const darkHighlight = HighlightStyle.define([
	{ tag: [tags.keyword, tags.modifier, tags.controlKeyword, tags.operatorKeyword], color: '#d7a8ff' },
	{ tag: [tags.string, tags.special(tags.string), tags.regexp], color: '#a8e08c' },
	{ tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#f0b56b' },
	{ tag: [tags.comment, tags.meta], color: '#a0a8b8', fontStyle: 'italic' },
	{ tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: '#7fc4ff' },
	{ tag: [tags.typeName, tags.className, tags.namespace], color: '#f2d27a' },
	{ tag: [tags.propertyName, tags.attributeName], color: '#ffb3b8' },
	{ tag: [tags.tagName], color: '#ff9b8f' },
	{ tag: tags.heading, color: '#ff9b8f', fontWeight: 'bold' },
	{ tag: [tags.link, tags.url], color: '#8ac6ff', textDecoration: 'underline' },
	{ tag: tags.emphasis, fontStyle: 'italic' },
	{ tag: tags.strong, fontWeight: 'bold' },
	{ tag: [tags.operator, tags.punctuation, tags.separator], color: '#c8d0dc' },
	{ tag: tags.invalid, color: '#ff8080' }
]);

const darkTheme: Extension = [
	oneDarkTheme,
	EditorView.theme({ '&.cm-editor .cm-gutters': { color: '#a0a8b8' } }, { dark: true }),
	Prec.high(syntaxHighlighting(darkHighlight))
];
