/**
 * Offsets in `md` where a complete line opens an ATX heading ("# " … "###### ") at the start of the
 * line, outside fenced code and HTML blocks, not counting offset 0. Such a heading closes whatever
 * block came before it, so the text before it renders the same alone as in the whole document
 * (except for reference link definitions, which then only apply within their own section). Where
 * unsure (an HTML block up to the next blank line) it does not cut, which is always safe.
 */
export function sectionStarts(md: string): number[] {
	const starts: number[] = [];
	let fence = '';
	let html = false;
	for (let at = 0, end = md.indexOf('\n'); end !== -1; at = end + 1, end = md.indexOf('\n', at)) {
		const line = md.slice(at, end);
		const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
		if (fence) {
			if (marker?.[1]?.startsWith(fence) && marker[2]?.trim() === '') fence = '';
		} else if (marker?.[1]) fence = marker[1];
		else if (html) html = line.trim() !== '';
		else if (/^ {0,3}</.test(line)) html = true;
		else if (at > 0 && /^#{1,6}(?:[ \t]|$)/.test(line)) starts.push(at);
	}
	return starts;
}

/**
 * Renders a document in parts and keeps what complete parts rendered to: when the text only grew
 * (a streamed reply), just the text after the last complete part is rendered. A part is a run of
 * whole sections of at least `partChars` characters: the page lays out only the parts on screen
 * (see `.part`), so a long document must not become one long part, while a call per tiny section
 * would add up. The open part (the rest, which may still grow) is not rendered again while its
 * text is unchanged (the settled document after its stream).
 */
export function sectionRenderer<T>(render: (markdown: string) => T, partChars = 2000): (md: string) => T[] {
	let done = '';
	let parts: T[] = [];
	let last: { md: string; out: T } | null = null;
	return (md) => {
		if (!md.startsWith(done)) [done, parts, last] = ['', [], null];
		const tail = md.slice(done.length);
		let from = 0;
		for (const at of sectionStarts(tail)) {
			if (at - from < partChars) continue;
			parts.push(render(tail.slice(from, at)));
			from = at;
		}
		done = md.slice(0, done.length + from);
		const open = tail.slice(from);
		if (last?.md !== open) last = { md: open, out: render(open) };
		return [...parts, last.out];
	};
}
