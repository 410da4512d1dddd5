import { untrack } from 'svelte';

export interface Command {
	id: string;
	title: string;
	/** Shown in the palette, e.g. "Ctrl+S". */
	shortcut?: string;
	group?: string;
	run: () => unknown;
	enabled?: () => boolean;
}

/** Every action the command palette can reach. Pages register theirs while mounted. */
export class Commands {
	#items = $state<Command[]>([]);
	paletteOpen = $state(false);

	constructor(private readonly onError: (error: unknown) => void) {}

	get all(): Command[] {
		return this.#items.filter((c) => c.enabled?.() ?? true);
	}

	/**
	 * Pages call this from an effect. The list is read untracked: otherwise the effect would depend
	 * on the list it writes and re-run itself over and over.
	 */
	register(...commands: Command[]): () => void {
		untrack(() => {
			this.#items = [...this.#items.filter((c) => !commands.some((n) => n.id === c.id)), ...commands];
		});
		return () =>
			untrack(() => {
				this.#items = this.#items.filter((c) => !commands.includes(c));
			});
	}

	run(id: string): void {
		const command = this.#items.find((c) => c.id === id);
		if (!command) return;
		Promise.resolve()
			.then(() => command.run())
			.catch(this.onError);
	}
}
