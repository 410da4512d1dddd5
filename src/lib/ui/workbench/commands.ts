import type { Command } from '../../state/commands.svelte';

export type WorkbenchView = 'files' | 'specs' | 'usage' | 'git';

/** What the palette reaches in the workbench; the components come and go with the view. */
export interface WorkbenchApi {
	editor: () => { saveActive(): unknown } | undefined;
	tree: () => { newFile(): unknown; newFolder(): unknown; rename(): unknown; remove(): unknown } | undefined;
	show: (view: WorkbenchView) => void;
	exportZip: () => unknown;
	pushToGitHub: () => void;
	commit: () => void;
	push: () => void;
	newSpec: () => void;
	hasActive: () => boolean;
	closeActive: () => void;
}

/** The workbench's own entries in the command palette (the runtime's are in terminal/commands.ts). */
export function workbenchCommands(api: WorkbenchApi): Command[] {
	return [
		{ id: 'file.save', title: 'Save file', group: 'File', shortcut: 'Ctrl+S', run: () => api.editor()?.saveActive() },
		{ id: 'file.new', title: 'New file…', group: 'File', shortcut: 'Alt+N', run: () => api.tree()?.newFile() },
		{ id: 'file.newFolder', title: 'New folder…', group: 'File', run: () => api.tree()?.newFolder() },
		{ id: 'file.rename', title: 'Rename or move the selected file…', group: 'File', shortcut: 'F2', run: () => api.tree()?.rename() },
		{ id: 'file.delete', title: 'Delete the selected file…', group: 'File', shortcut: 'Del', run: () => api.tree()?.remove() },
		{ id: 'project.exportZip', title: 'Export project as zip', group: 'Project', run: api.exportZip },
		{ id: 'project.pushGitHub', title: 'Push to GitHub', group: 'Project', run: api.pushToGitHub },
		{ id: 'view.files', title: 'Show files', group: 'View', run: () => api.show('files') },
		{ id: 'view.specs', title: 'Show specs', group: 'View', run: () => api.show('specs') },
		{ id: 'view.usage', title: 'Show usage and costs', group: 'View', run: () => api.show('usage') },
		{ id: 'view.git', title: 'Show source control', group: 'View', run: () => api.show('git') },
		{ id: 'git.commit', title: 'Commit all changes…', group: 'Git', run: api.commit },
		{ id: 'git.push', title: 'Push…', group: 'Git', run: api.push },
		{ id: 'git.history', title: 'Show commit history', group: 'Git', run: () => api.show('git') },
		{ id: 'spec.new', title: 'New spec…', group: 'Spec', run: api.newSpec },
		{ id: 'file.close', title: 'Close the active tab', group: 'File', shortcut: 'Alt+W', enabled: api.hasActive, run: api.closeActive }
	];
}
