import { EditorView } from '@codemirror/view';
import { Prec, type Extension } from '@codemirror/state';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { oneDarkTheme } from '@codemirror/theme-one-dark';

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

export const darkTheme: Extension = [
	oneDarkTheme,
	EditorView.theme({ '&.cm-editor .cm-gutters': { color: '#a0a8b8' } }, { dark: true }),
	Prec.high(syntaxHighlighting(darkHighlight))
];
