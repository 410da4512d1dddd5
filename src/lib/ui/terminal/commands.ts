import type { Command } from '../../state/commands.svelte';
import type { RuntimeSession } from '../../state/runtime.svelte';

interface PanelApi {
	start(): Promise<void>;
	newTerminal(): void;
	runScript(name: string): void;
}

/** The runtime's entries in the command palette; scripts come from the project's package.json. */
export function runtimeCommands(
	session: RuntimeSession,
	panel: () => PanelApi | undefined,
	setExpanded: (open: boolean) => void
): Command[] {
	const ready = () => session.ready;
	return [
		{ id: 'runtime.start', title: 'Start runtime', group: 'Runtime', enabled: () => session.status === 'idle', run: () => panel()?.start() },
		{ id: 'runtime.retry', title: 'Retry starting the runtime', group: 'Runtime', enabled: () => session.status === 'failed', run: () => session.retry() },
		{ id: 'runtime.restart', title: 'Restart runtime', group: 'Runtime', enabled: ready, run: () => session.restart() },
		{ id: 'terminal.new', title: 'New terminal', group: 'Runtime', enabled: ready, run: () => panel()?.newTerminal() },
		{ id: 'terminal.stop', title: 'Stop the process in the terminal', group: 'Runtime', enabled: ready, run: () => session.stop() },
		{ id: 'view.terminal', title: 'Show terminal panel', group: 'View', run: () => setExpanded(true) },
		...session.scripts.map((script) => ({
			id: `runtime.run.${script.name}`,
			title: `Run script: ${script.name}`,
			group: 'Runtime',
			enabled: ready,
			run: () => panel()?.runScript(script.name)
		}))
	];
}
