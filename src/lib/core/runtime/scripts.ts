export interface PackageScript {
	name: string;
	command: string;
}

/** The `scripts` of a package.json; nothing (rather than an error) when it is missing or broken. */
export function packageScripts(text: string | null | undefined): PackageScript[] {
	if (!text) return [];
	try {
		const json: unknown = JSON.parse(text);
		if (!json || typeof json !== 'object') return [];
		const scripts = (json as { scripts?: unknown }).scripts;
		if (!scripts || typeof scripts !== 'object') return [];
		return Object.entries(scripts as Record<string, unknown>)
			.filter((entry): entry is [string, string] => typeof entry[1] === 'string')
			.map(([name, command]) => ({ name, command }));
	} catch {
		return [];
	}
}

/** Keeps the last `limit` characters of a command's output: enough for an error, bounded in memory. */
export class OutputTail {
	#chunks: string[] = [];
	#length = 0;
	truncated = false;

	constructor(private readonly limit = 64_000) {}

	push(chunk: string): void {
		this.#chunks.push(chunk);
		this.#length += chunk.length;
		while (this.#chunks.length > 1 && this.#length - this.#chunks[0]!.length >= this.limit) {
			this.#length -= this.#chunks.shift()!.length;
			this.truncated = true;
		}
	}

	toString(): string {
		const text = this.#chunks.join('');
		if (text.length <= this.limit) return text;
		this.truncated = true;
		return text.slice(text.length - this.limit);
	}
}
