/**
 * Puts untrusted HTML (rendered from a model's or a shared file's markdown) into an element, with
 * scripts, event handlers, javascript: links and frames removed. Where the browser has the HTML
 * Sanitizer API, `setHTML` sanitizes while it parses: on a 200 KB document that is about a tenth of
 * what DOMPurify costs (which parses, walks every node, serializes, and the page then parses again).
 * Elsewhere DOMPurify does it, loaded only then.
 */

/** The parts of the Sanitizer API used here (not yet in TypeScript's DOM types). */
type SanitizerConstructor = new (config: { elements: string[]; attributes: string[] }) => object;
type SetHtml = (this: Element, html: string, options: { sanitizer: object }) => void;

export type PutHtml = (element: Element, html: string) => void;

/**
 * What marked writes (with GitHub's extensions: task checkboxes, tables, strikethrough) and harmless
 * inline HTML a document may carry. Anything else is dropped, keeping its text; `setHTML` removes
 * whatever could run script (handlers, javascript: URLs) even where the list allows the element.
 * An explicit short list is also what makes each call cheap: the browser's default list is long.
 */
const ELEMENTS = [
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'pre', 'code', 'hr', 'br', 'div', 'span'],
	...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'input', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
	...['a', 'img', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'kbd', 'abbr', 'q', 'cite'],
	...['details', 'summary', 'figure', 'figcaption']
];
const ATTRIBUTES = ['href', 'title', 'src', 'alt', 'width', 'height', 'class', 'align', 'start', 'type', 'checked', 'disabled', 'colspan', 'rowspan', 'open', 'aria-label'];

export async function loadSanitizer(): Promise<PutHtml> {
	const Sanitizer = (globalThis as { Sanitizer?: SanitizerConstructor }).Sanitizer;
	const setHTML = (Element.prototype as { setHTML?: SetHtml }).setHTML;
	if (Sanitizer && setHTML) {
		const sanitizer = new Sanitizer({ elements: ELEMENTS, attributes: ATTRIBUTES });
		return (element, html) => setHTML.call(element, html, { sanitizer });
	}
	const { default: DOMPurify } = await import('dompurify');
	return (element, html) => (element.innerHTML = DOMPurify.sanitize(html));
}
