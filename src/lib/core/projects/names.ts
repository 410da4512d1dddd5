import { SpecwrightError } from '../errors';

export const MAX_PROJECT_NAME = 80;

/** Trims and checks a project name against the names already in use (case-insensitive). */
export function validateProjectName(input: string, takenNames: readonly string[], ownName?: string): string {
	const name = input.replace(/\s+/g, ' ').trim();
	if (name === '') throw new SpecwrightError('name-empty', 'Give the project a name.');
	if (name.length > MAX_PROJECT_NAME) {
		throw new SpecwrightError('name-too-long', `Project names can be at most ${MAX_PROJECT_NAME} characters.`);
	}
	const lower = name.toLowerCase();
	const clash = takenNames.some((t) => t.toLowerCase() === lower && t !== ownName);
	if (clash) {
		throw new SpecwrightError('name-taken', `A project named "${name}" already exists.`, {
			hint: 'Choose another name.'
		});
	}
	return name;
}

/** "Sample" → "Sample 2" → "Sample 3": a free name for a new project. */
export function uniqueProjectName(base: string, takenNames: readonly string[]): string {
	const taken = new Set(takenNames.map((n) => n.toLowerCase()));
	if (!taken.has(base.toLowerCase())) return base;
	for (let i = 2; ; i++) {
		const candidate = `${base} ${i}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}
