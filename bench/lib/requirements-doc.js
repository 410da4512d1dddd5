// A large, valid Kiro requirements.md for the streaming bench: the app's own parser and EARS lint
// accept it, so the generation finishes without a repair request or a page of findings.

const SYSTEMS = ['Task_Board', 'Sync_Service', 'Item_Store', 'Notification_Center', 'Search_Index'];
const AREAS = ['task lists', 'due dates', 'labels', 'attachments', 'comments', 'reminders', 'exports', 'shared boards'];
const ROLES = ['project lead', 'team member', 'guest reviewer', 'workspace owner'];

/**
 * @param {number} n requirement number, from 1
 * @returns {string} one "### Requirement N: Title" section with a user story and five EARS criteria
 */
function requirement(n) {
	const area = AREAS[n % AREAS.length];
	const role = ROLES[n % ROLES.length];
	const sys = SYSTEMS[n % SYSTEMS.length];
	const other = SYSTEMS[(n + 2) % SYSTEMS.length];
	const limit = 50 + (n % 17) * 25;
	return `### Requirement ${n}: Manage ${area} in workspace ${n}

**User Story:** As a ${role}, I want to manage ${area} in workspace ${n}, so that the team sees the same ${area} after every change without asking for them.

#### Acceptance Criteria

1. WHEN the ${role} saves a change to ${area} in workspace ${n}, THE ${sys} SHALL store the change within ${limit} milliseconds and show it in the list.
2. IF the change to ${area} is larger than ${limit} kilobytes, THEN THE ${sys} SHALL reject it and SHALL show the message "Workspace ${n}: at most ${limit} kB per change".
3. WHILE the browser is offline, THE ${other} SHALL queue changes to ${area} in workspace ${n} and SHALL send them in their original order once the connection returns.
4. WHERE shared boards are enabled for workspace ${n}, THE ${other} SHALL show each change to ${area} to every member within ${limit * 2} milliseconds.
5. THE ${sys} SHALL keep the last ${10 + (n % 9)} versions of every change to ${area} in workspace ${n} and SHALL let the ${role} restore any of them.

`;
}

/**
 * @param {number} minChars the document is at least this long (it is ASCII, so bytes = characters)
 * @returns {{ text: string, requirements: number, lastHeading: string }}
 */
export function requirementsDoc(minChars) {
	const glossary = SYSTEMS.map((s) => `- **${s}**: the part of the application that the criteria call ${s.replace('_', ' ').toLowerCase()}`).join('\n');
	let text = `# Requirements Document

## Introduction

This feature lets teams manage their work across many workspaces in the browser. It covers task lists,
due dates, labels, attachments, comments, reminders, exports and shared boards. Billing is out of scope.

## Glossary

${glossary}

## Requirements

`;
	let n = 0;
	while (text.length < minChars) text += requirement(++n);
	return { text: `${text.trimEnd()}\n`, requirements: n, lastHeading: `Requirement ${n}: Manage ${AREAS[n % AREAS.length]} in workspace ${n}` };
}
