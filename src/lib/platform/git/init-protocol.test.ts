import { describe, expect, it } from 'vitest';
import { failureError, failureReply } from './init-protocol';
import { SpecwrightError } from '../../core/errors';

describe('init worker failures', () => {
	it('arrive on the page as the same SpecwrightError, code and hint included', () => {
		const sent = new SpecwrightError('storage-full', 'The browser has no room left.', { hint: 'Delete a project.' });
		// structuredClone stands in for postMessage: only plain fields survive it.
		const rebuilt = failureError(structuredClone(failureReply(sent)));
		expect(rebuilt).toBeInstanceOf(SpecwrightError);
		expect([rebuilt.code, rebuilt.message, rebuilt.hint]).toEqual(['storage-full', 'The browser has no room left.', 'Delete a project.']);
	});

	it('turn any other error into one that says what failed', () => {
		const rebuilt = failureError(structuredClone(failureReply(new TypeError('x is undefined'))));
		expect(rebuilt.code).toBe('git-init');
		expect(rebuilt.message).toBe('The project could not be made a repository: x is undefined');
		expect(rebuilt.hint).toBeUndefined();
	});
});
