/**
 * Puts untrusted HTML (rendered from a model's or a shared file's markdown) into an element, with
 * scripts, event handlers, javascript: links and frames removed. Where the browser has the HTML
 * Sanitizer API, `setHTML` sanitizes while it parses: on a 200 KB document that is about a tenth of
 * what DOMPurify costs (which parses, walks every node, serializes, and the page then parses again).
 * Elsewhere DOMPurify does it, loaded only then.
 */

/** The parts of the Sanitizer API used here (not yet in TypeScript's DOM types). */
interface NativeSanitizer {
	allowElement(element: string | { name: string; attributes: string[] }): void;
	allowAttribute(attribute: string): void;
}
type SanitizerConstructor = new () => NativeSanitizer;
type SetHtml = (this: Element, html: string, options: { sanitizer: NativeSanitizer }) => void;

export type PutHtml = (element: Element, html: string) => void;

export async function loadSanitizer(): Promise<PutHtml> {
	const Sanitizer = (globalThis as { Sanitizer?: SanitizerConstructor }).Sanitizer;
	const setHTML = (Element.prototype as { setHTML?: SetHtml }).setHTML;
	if (Sanitizer && setHTML) {
		const sanitizer = markdownSanitizer(Sanitizer);
		return (element, html) => setHTML.call(element, html, { sanitizer });
	}
	const { default: DOMPurify } = await import('dompurify');
	return (element, html) => (element.innerHTML = DOMPurify.sanitize(html));
}

/**
 * The safe default, plus what marked writes and the default leaves out: task list checkboxes,
 * images, the code block's language class (diagrams are found by it), table cell alignment, a
 * list's start number, link titles, and collapsible sections. `setHTML` removes anything unsafe
 * whatever the configuration says.
 */
function markdownSanitizer(Sanitizer: SanitizerConstructor): NativeSanitizer {
	const sanitizer = new Sanitizer();
	sanitizer.allowElement({ name: 'input', attributes: ['type', 'checked', 'disabled'] });
	sanitizer.allowElement({ name: 'img', attributes: ['src', 'alt', 'title', 'width', 'height'] });
	for (const element of ['details', 'summary']) sanitizer.allowElement(element);
	for (const attribute of ['class', 'align', 'start', 'title']) sanitizer.allowAttribute(attribute);
	return sanitizer;
}
