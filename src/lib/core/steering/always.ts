import type { SteeringDoc } from '../workflow/prompts';

/**
 * The steering that goes into every prompt: `.kiro/steering/*.md` files whose front matter says
 * `inclusion: always` (or has none), the older single `.kiro/steering.md`, and `AGENTS.md`.
 * fileMatch, manual and auto files need the full steering engine and are left out here.
 */
export function alwaysIncludedSteering(files: ReadonlyArray<{ path: string; content: string }>): SteeringDoc[] {
	const out: SteeringDoc[] = [];
	for (const { path, content } of files) {
		const inSteering = /^\.kiro\/steering\/[^/]+\.md$/.test(path);
		if (path === 'AGENTS.md' || path === '.kiro/steering.md' || (inSteering && inclusionOf(content) === 'always')) {
			out.push({ name: path, content: stripFrontMatter(content) });
		}
	}
	return out;
}

/** Paths a steering file's content must be read for, so callers read only those. */
export function steeringCandidates(paths: readonly string[]): string[] {
	return paths.filter((p) => p === 'AGENTS.md' || p === '.kiro/steering.md' || /^\.kiro\/steering\/[^/]+\.md$/.test(p));
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

function inclusionOf(content: string): string {
	const match = FRONT_MATTER.exec(content);
	if (!match) return 'always';
	const mode = /^inclusion:\s*["']?(\w+)/m.exec(match[1] ?? '');
	return mode?.[1] ?? 'always';
}

function stripFrontMatter(content: string): string {
	return content.replace(FRONT_MATTER, '');
}

/** A compact map of the project for prompts: paths only, the spec folders and dependencies left out. */
export function projectSummary(paths: readonly string[], limit = 150): string {
	const shown = paths.filter((p) => !/(^|\/)(node_modules|\.git|dist|build)(\/|$)/.test(p) && !p.startsWith('.kiro/specs/'));
	const lines = shown.slice(0, limit);
	if (shown.length > limit) lines.push(`… and ${shown.length - limit} more files`);
	return lines.length > 0 ? `Files in the project:\n${lines.join('\n')}` : 'The project is empty.';
}

/**
 * The parts of a prompt with rough token counts (about four characters a token), so a "context too
 * long" error can name the part worth cutting.
 */
export function promptInputs(ctx: {
	steering: ReadonlyArray<{ name: string; content: string }>;
	projectSummary: string;
	documents: Readonly<Record<string, string | undefined>>;
	featurePrompt?: string;
}): Array<{ name: string; tokens: number }> {
	const tokens = (text: string) => Math.ceil(text.length / 4);
	return [
		...ctx.steering.map((s) => ({ name: `the steering file ${s.name}`, tokens: tokens(s.content) })),
		{ name: 'the project file list', tokens: tokens(ctx.projectSummary) },
		...Object.entries(ctx.documents).map(([phase, text]) => ({ name: `the ${phase} document`, tokens: tokens(text ?? '') })),
		{ name: 'the feature description', tokens: tokens(ctx.featurePrompt ?? '') }
	];
}
