/**
 * Draws ```mermaid blocks inside rendered markdown. Mermaid is large, so it loads only when a
 * document has a diagram; `securityLevel: 'strict'` keeps diagram text from running scripts.
 */
let counter = 0;

export async function drawDiagrams(root: HTMLElement, dark: boolean): Promise<void> {
	const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
	if (blocks.length === 0) return;
	const { default: mermaid } = await import('mermaid');
	mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
	for (const code of blocks) {
		const pre = code.parentElement;
		if (!pre?.isConnected) continue;
		try {
			const { svg } = await mermaid.render(`diagram-${++counter}`, code.textContent ?? '');
			const figure = document.createElement('figure');
			figure.className = 'diagram';
			figure.setAttribute('role', 'img');
			figure.setAttribute('aria-label', 'Diagram');
			figure.innerHTML = svg;
			pre.replaceWith(figure);
		} catch {
			// An invalid diagram stays visible as its source text.
			pre.classList.add('diagram-error');
		}
	}
}
