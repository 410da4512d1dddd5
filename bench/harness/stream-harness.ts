// The least a page can do to show a streamed Markdown reply with this stack, for the stream bench's
// reference figure: read the stream, take its events, render the Markdown once at the end and put it
// into the page sanitized, in parts the browser may skip laying out, as the spec view does. No
// framework, no drawing while it streams, no checks, no storage. See bench/README.md.
import { Marked } from 'marked';
import { createParser } from 'eventsource-parser';
import { emptyReply, takeChatEvent } from '../../src/lib/core/llm/chat-reply';
import { loadSanitizer } from '../../src/lib/ui/specs/sanitize';
import { sectionRenderer } from '../../src/lib/ui/specs/sections';
import { taskStates } from '../../src/lib/ui/specs/task-states';

export interface RenderRun {
	ms: number;
	/** The parts of `ms`: the request and reading the stream, rendering the Markdown, putting it in the page, the frame. */
	readMs: number;
	markdownMs: number;
	putMs: number;
	frameMs: number;
	chars: number;
	lastHeading: string;
}

/** Resolves after the next frame is painted: rAF callbacks run before it, a posted message after. */
function nextFrame(): Promise<void> {
	return new Promise((resolve) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => resolve();
			channel.port2.postMessage(null);
		})
	);
}

/** POSTs `body` to the chat endpoint at `url` and shows the reply, timed from the request to the painted frame. */
export async function renderStream(url: string, body: string): Promise<RenderRun> {
	// Loaded before the clock starts, as the app loads them before its first document arrives.
	const putHtml = await loadSanitizer();
	const marked = new Marked(taskStates);
	const sections = sectionRenderer((md) => marked.parse(md, { async: false }) as string);
	const view = document.createElement('div');
	view.style.cssText = 'height: 100vh; overflow: auto; max-width: 90ch';
	document.body.replaceChildren(view);

	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body });
	if (!response.ok || !response.body) throw new Error(`reference render: HTTP ${response.status}`);
	const reply = emptyReply();
	const parser = createParser({ onEvent: (e) => void takeChatEvent(reply, e.data, e.event) });
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(decoder.decode(r.value, { stream: true }));
	const read = performance.now();
	const parts = sections(reply.text);
	const rendered = performance.now();
	for (const html of parts) {
		const part = document.createElement('div');
		part.style.contentVisibility = 'auto';
		part.style.containIntrinsicBlockSize = `auto ${Math.ceil(html.length / 3)}px`;
		putHtml(part, html);
		view.append(part);
	}
	const inserted = performance.now();
	await nextFrame();
	const end = performance.now();
	return { ms: end - started, readMs: read - started, markdownMs: rendered - read, putMs: inserted - rendered, frameMs: end - inserted, chars: reply.text.length, lastHeading: [...view.querySelectorAll('h3')].at(-1)?.textContent?.trim() ?? '' };
}
