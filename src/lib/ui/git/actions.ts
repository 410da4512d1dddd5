import type { AppContext } from '../../state/app.svelte';
import type { ProjectGitState } from '../../state/git.svelte';
import type { GitChange } from '../../core/ports';

/** Restoring throws away work, so it is always asked about first, naming what will happen. */
export async function restoreWithConfirm(app: Pick<AppContext, 'dialogs' | 'notices'>, git: ProjectGitState, change: GitChange): Promise<void> {
	const removes = change.status === 'added' || change.status === 'untracked';
	const ok = await app.dialogs.confirm({
		title: removes ? `Delete ${change.path}?` : `Restore ${change.path}?`,
		message: removes
			? 'This file is not in the last commit, so restoring it deletes it. This cannot be undone.'
			: 'Its changes since the last commit, saved or not, are thrown away. This cannot be undone.',
		confirmLabel: removes ? 'Delete file' : 'Restore',
		danger: true
	});
	if (!ok) return;
	try {
		await git.restore(change.path);
		app.notices.show('success', removes ? `Deleted ${change.path}.` : `Restored ${change.path} from the last commit.`);
	} catch (error) {
		app.notices.error(error);
	}
}
