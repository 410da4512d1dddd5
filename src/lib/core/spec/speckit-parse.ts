/**
 * Readers for GitHub spec-kit files (`specs/NNN-name/spec.md`, `tasks.md`). spec-kit templates
 * vary between versions and forks (functional requirements global or per story, edge cases as a
 * heading or a label), so the reader keys on the recognisable lines rather than the layout.
 */
import { isBlank, splitLines, type Line } from './lines';
import { FenceTracker, headingOf, listItemOf, plain } from './markdown';

export interface SkScenario {
	given: string;
	when: string;
	then: string;
	/** The scenario as written, without list marker and emphasis. */
	raw: string;
}

export interface SkItem {
	/** "FR-001", "SC-002". */
	id: string;
	text: string;
}

export interface SkStory {
	number: string;
	title: string;
	priority: string;
	description: string;
	/** `**Why this priority**: …` / `**Independent Test**: …` lines, kept as written. */
	notes: string[];
	scenarios: SkScenario[];
	requirements: SkItem[];
}

export interface SkSpec {
	title: string;
	branch: string;
	input: string;
	stories: SkStory[];
	requirements: SkItem[];
	successCriteria: SkItem[];
	entities: { name: string; description: string }[];
	edgeCases: string[];
	/** Raw lines of `##` sections we do not map (Clarifications, Assumptions, …), headings included. */
	other: string[];
}

type Mode = 'none' | 'story' | 'scenarios' | 'edge' | 'entities' | 'other';

/** `**Label**: rest` or `**Label:** rest` → { label, rest }. */
export function boldLabel(text: string): { label: string; rest: string } | null {
	const t = text.trim();
	if (!t.startsWith('**')) return null;
	const close = t.indexOf('**', 2);
	if (close === -1) return null;
	let label = t.slice(2, close).trim();
	let rest = t.slice(close + 2);
	if (label.endsWith(':')) label = label.slice(0, -1).trim();
	else if (rest.trimStart().startsWith(':')) rest = rest.trimStart().slice(1);
	else return null;
	return { label, rest: rest.trim() };
}

export function parseScenario(text: string): SkScenario | null {
	const raw = plain(text).trim();
	const marks: { word: string; at: number; end: number }[] = [];
	for (const m of raw.matchAll(/\b(given|when|then)\b/gi)) {
		const word = (m[1] as string).toLowerCase();
		if (!marks.some((x) => x.word === word)) marks.push({ word, at: m.index, end: m.index + m[0].length });
	}
	if (!marks.some((m) => m.word === 'then')) return null;
	const part = (word: string): string => {
		const k = marks.findIndex((m) => m.word === word);
		const mark = marks[k];
		if (!mark) return '';
		const next = marks[k + 1];
		return raw
			.slice(mark.end, next ? next.at : raw.length)
			.trim()
			.replace(/^[,:]\s*/, '')
			.replace(/,$/, '')
			.trim();
	};
	return { given: part('given'), when: part('when'), then: part('then'), raw };
}

const ID_ITEM = /^((?:FR|SC|NFR)-\d{1,6})\s*:?\s*/i;

export function parseSpecKitSpec(text: string): SkSpec {
	const spec: SkSpec = { title: '', branch: '', input: '', stories: [], requirements: [], successCriteria: [], entities: [], edgeCases: [], other: [] };
	const fence = new FenceTracker();
	let mode: Mode = 'none';
	let story: SkStory | null = null;
	let inComment = false;
	const description: string[] = [];
	const flush = (): void => {
		if (story && !story.description) story.description = description.join(' ').trim();
		description.length = 0;
	};
	for (const line of splitLines(text)) {
		const t = line.text;
		if (mode === 'other') {
			// Unknown sections are copied through verbatim until the next `##`.
			const h = fence.open ? null : headingOf(t);
			if (!h || h.level > 2) {
				fence.feed(t);
				spec.other.push(t);
				continue;
			}
		}
		// Template instructions live in HTML comments; they are not content.
		if (inComment || t.trimStart().startsWith('<!--')) {
			inComment = !t.includes('-->');
			continue;
		}
		const wasOpen = fence.open;
		if (fence.feed(t) !== 'none' || wasOpen) continue;
		const h = headingOf(t);
		if (h) {
			const story0 = storyHeading(h.text);
			if (h.level === 1) {
				spec.title = h.text.replace(/^feature specification\s*:\s*/i, '').trim();
				continue;
			}
			flush();
			if (story0) {
				story = { ...story0, description: '', notes: [], scenarios: [], requirements: [] };
				spec.stories.push(story);
				mode = 'story';
				continue;
			}
			const title = plain(h.text).toLowerCase();
			if (/edge cases/.test(title)) mode = 'edge';
			else if (/key entities/.test(title)) mode = 'entities';
			else if (h.level === 2 && !/user scenarios|requirements|success criteria/.test(title)) {
				mode = 'other';
				spec.other.push(t);
			} else mode = 'none';
			if (h.level === 2 || mode !== 'none') story = null;
			continue;
		}
		if (isBlank(t) || /^\s*(---+|\*\*\*+)\s*$/.test(t)) continue;
		const li = listItemOf(t);
		const body = li ? li.content : t.trim();
		const label = boldLabel(body);
		const idItem = ID_ITEM.exec(plain(body).trim());
		if (idItem) {
			const item = { id: (idItem[1] as string).toUpperCase(), text: plain(body).trim().slice(idItem[0].length).trim() };
			if (item.id.startsWith('SC')) spec.successCriteria.push(item);
			else if (story) story.requirements.push(item);
			else spec.requirements.push(item);
			continue;
		}
		if (label && !li) {
			const name = label.label.toLowerCase();
			if (name === 'feature branch') spec.branch = label.rest.replace(/`/g, '');
			else if (name === 'input') spec.input = label.rest.replace(/^user description:\s*/i, '').replace(/^"(.*)"$/, '$1');
			else if (name === 'acceptance scenarios') mode = 'scenarios';
			else if (name === 'edge cases') mode = 'edge';
			else if (story && (name === 'why this priority' || name === 'independent test')) story.notes.push(t.trim());
			// The story's description is the prose before its first label.
			if (story) flush();
			continue;
		}
		if (mode === 'scenarios' && story && li) {
			const s = parseScenario(li.content);
			story.scenarios.push(s ?? { given: '', when: '', then: plain(li.content).trim(), raw: plain(li.content).trim() });
		} else if (mode === 'edge' && li) spec.edgeCases.push(li.content.trim());
		else if (mode === 'entities' && li) {
			const e = boldLabel(li.content);
			spec.entities.push(e ? { name: e.label, description: e.rest } : { name: plain(li.content).trim(), description: '' });
		} else if (mode === 'story' && story) description.push(t.trim());
	}
	flush();
	return spec;
}

/** "User Story 2 - Share an album (Priority: P2) 🎯 MVP" → number, title, priority. */
function storyHeading(text: string): { number: string; title: string; priority: string } | null {
	const m = /^user story\s+(\d{1,6})\s*[-–—:]?\s*/i.exec(plain(text));
	if (!m) return null;
	let rest = plain(text).slice(m[0].length);
	let priority = '';
	const p = rest.toLowerCase().lastIndexOf('(priority:');
	if (p !== -1) {
		const close = rest.indexOf(')', p);
		priority = rest.slice(p + 10, close === -1 ? undefined : close).trim();
		rest = (rest.slice(0, p) + (close === -1 ? '' : rest.slice(close + 1))).trim();
	}
	return { number: m[1] as string, title: rest.trim(), priority };
}

export interface SkTask {
	tid: string;
	done: boolean;
	parallel: boolean;
	story: string;
	description: string;
}

export interface SkPhase {
	title: string;
	/** Lines such as `**Purpose**: …` / `**Checkpoint**: …`, emphasis removed. */
	notes: string[];
	tasks: SkTask[];
}

export interface SkTasks {
	title: string;
	phases: SkPhase[];
	/** Raw lines of sections without tasks (Dependencies, Notes, …), headings included. */
	other: string[];
}

/** `- [ ] T012 [P] [US1] Create model in src/models/user.py`. */
export function parseSpecKitTaskLine(t: string): SkTask | null {
	const m = /^\s*[-*+]\s+\[([ xX])\]\s+/.exec(t);
	if (!m) return null;
	let rest = t.slice(m[0].length);
	const tid = /^(T\d{1,6})\b\s*/.exec(rest);
	if (tid) rest = rest.slice(tid[0].length);
	let parallel = false;
	let story = '';
	for (let tag = /^\[([^\]]{1,12})\]\s*/.exec(rest); tag; tag = /^\[([^\]]{1,12})\]\s*/.exec(rest)) {
		const v = (tag[1] as string).trim();
		if (v.toUpperCase() === 'P') parallel = true;
		else if (/^US\d+$/i.test(v)) story = v.toUpperCase();
		else break;
		rest = rest.slice(tag[0].length);
	}
	return { tid: tid ? (tid[1] as string) : '', done: m[1] !== ' ', parallel, story, description: rest.trim() };
}

export function parseSpecKitTasks(text: string): SkTasks {
	const out: SkTasks = { title: '', phases: [], other: [] };
	const lines = splitLines(text);
	let phase: SkPhase | null = null;
	let section: Line[] = [];
	const fence = new FenceTracker();
	const close = (): void => {
		if (phase && phase.tasks.length === 0) {
			out.phases.pop();
			for (const l of section) out.other.push(l.text);
		}
		phase = null;
		section = [];
	};
	for (const line of lines) {
		const t = line.text;
		const wasOpen = fence.open;
		const f = fence.feed(t);
		const h = f === 'none' && !wasOpen ? headingOf(t) : null;
		if (h && h.level === 1) {
			out.title = h.text.replace(/^tasks\s*:\s*/i, '').trim();
			continue;
		}
		if (h && h.level === 2) {
			close();
			phase = { title: h.text.replace(/^phase\s+[\dN]+\s*[:.\-–—]\s*/i, '').trim(), notes: [], tasks: [] };
			out.phases.push(phase);
			section.push(line);
			continue;
		}
		if (!phase) continue;
		section.push(line);
		if (wasOpen || f !== 'none' || h) continue;
		const task = parseSpecKitTaskLine(t);
		if (task) {
			phase.tasks.push(task);
			continue;
		}
		const label = boldLabel(t);
		if (label && /^(purpose|goal|checkpoint|independent test)$/i.test(label.label)) phase.notes.push(`${label.label}: ${plain(label.rest)}`);
	}
	close();
	return out;
}
