/** The finding shape shared by the lint modules. */
import type { Section } from './markdown';

export type SpecFile = 'requirements.md' | 'bugfix.md' | 'design.md' | 'tasks.md';
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
	file: SpecFile;
	line: number;
	severity: Severity;
	message: string;
	hint: string;
	/** Stable identifier of the check, for filtering and tests. */
	code: string;
}

export type Report = (f: Finding) => void;

export function lintSections(file: SpecFile, sections: readonly Section[], report: Report): void {
	for (const s of sections) {
		if (s.empty && s.level > 1) {
			report({ file, line: s.line, severity: 'warning', code: 'section-empty', message: `Section "${s.title}" is empty.`, hint: 'Write the section or delete its heading.' });
		}
	}
}
