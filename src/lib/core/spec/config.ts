/**
 * `.config.kiro`: `{"specId", "workflowType", "specType"}`. Read leniently (bugfix specs omit
 * workflowType, hand-edited files carry extra keys); problems are reported, never thrown.
 */

export type WorkflowType = 'requirements-first' | 'design-first';
export type SpecType = 'feature' | 'bugfix';

export interface SpecConfig {
	specId: string | null;
	workflowType: WorkflowType | null;
	specType: SpecType | null;
	/** Keys we do not know, kept so a rewrite can carry them over. */
	extra: Record<string, unknown>;
	/** What is wrong with the file, for the problems panel. */
	problems: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseConfig(text: string): SpecConfig {
	const config: SpecConfig = { specId: null, workflowType: null, specType: null, extra: {}, problems: [] };
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		config.problems.push(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
		return config;
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		config.problems.push('Expected a JSON object.');
		return config;
	}
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		if (key === 'specId') {
			if (typeof value === 'string' && value !== '') {
				config.specId = value;
				if (!UUID.test(value)) config.problems.push(`specId "${value}" is not a UUID.`);
			} else config.problems.push('specId should be a non-empty string.');
		} else if (key === 'workflowType') {
			if (value === 'requirements-first' || value === 'design-first') config.workflowType = value;
			else config.problems.push(`Unknown workflowType ${JSON.stringify(value)}.`);
		} else if (key === 'specType') {
			if (value === 'feature' || value === 'bugfix') config.specType = value;
			else config.problems.push(`Unknown specType ${JSON.stringify(value)}.`);
		} else define(config.extra, key, value);
	}
	if (config.specId === null && !config.problems.some((p) => p.startsWith('specId'))) config.problems.push('specId is missing.');
	if (config.workflowType === null && config.specType !== 'bugfix' && !('workflowType' in (data as object))) {
		config.problems.push('workflowType is missing.');
	}
	return config;
}

/** Writes a config the way Kiro does (keys in Kiro's order, unknown keys after them). */
export function serializeConfig(config: Pick<SpecConfig, 'specId' | 'workflowType' | 'specType'> & { extra?: Record<string, unknown> }): string {
	const out: Record<string, unknown> = {};
	if (config.specId !== null) out.specId = config.specId;
	if (config.workflowType !== null) out.workflowType = config.workflowType;
	if (config.specType !== null) out.specType = config.specType;
	for (const [key, value] of Object.entries(config.extra ?? {})) define(out, key, value);
	return JSON.stringify(out);
}

/** Plain assignment of a "__proto__" key from JSON would change the prototype instead. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
