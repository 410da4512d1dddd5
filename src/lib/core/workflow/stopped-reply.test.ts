import { describe, expect, it } from 'vitest';
import { decideRetry } from '../llm/retry';
import { stoppedReply } from './stopped-reply';

type Stop = Extract<ReturnType<typeof decideRetry>, { action: 'stop' }>;
const stopOf = (decision: ReturnType<typeof decideRetry>): Stop => {
	if (decision.action !== 'stop') throw new Error('expected a stop');
	return decision;
};
const aborted = stopOf(decideRetry({ kind: 'aborted' }, 1));
const cut = stopOf(decideRetry({ kind: 'cut' }, 99));
const auth = stopOf(decideRetry({ kind: 'http', status: 401, message: 'bad key' }, 1));

describe('stoppedReply', () => {
	it('keeps what arrived in a document and offers Continue after a cut', () => {
		const next = stoppedReply(cut, '# Requirements\n\nSome', '', 'doc');
		expect(next.keep).toBe('# Requirements\n\nSome');
		expect(next.notice).toMatchObject({ message: cut.message, canContinue: true });
	});

	it('joins a continuation to the text it continued', () => {
		const next = stoppedReply(cut, 'more text', '# Requirements\n\nSome ', 'doc');
		expect(next.keep).toContain('# Requirements');
		expect(next.keep).toContain('more text');
	});

	it('says only that the text is kept when the user stopped it', () => {
		const next = stoppedReply(aborted, 'partial', '', 'doc');
		expect(next).toEqual({ keep: 'partial', notice: { message: 'Stopped. What arrived is kept.', hint: '', canContinue: true } });
	});

	it('does nothing when the user stopped it before any text came', () => {
		expect(stoppedReply(aborted, '  ', '', 'doc')).toEqual({});
	});

	it('does not offer Continue for a failure that will not pass by itself, nor with nothing to continue', () => {
		const wrongKey = stoppedReply(auth, 'partial', '', 'doc');
		expect(wrongKey.keep).toBe('partial');
		expect(wrongKey.notice).toMatchObject({ settingsLink: true, canContinue: false });
		const nothing = stoppedReply(cut, '', '', 'doc');
		expect(nothing.keep).toBeUndefined();
		expect(nothing.notice?.canContinue).toBe(false);
	});

	it('turns a partial revision into a proposal, never into the document', () => {
		const next = stoppedReply(cut, 'revised part', '', 'proposal');
		expect(next).toEqual({ propose: 'revised part', notice: { message: cut.message, hint: cut.hint, settingsLink: cut.settingsLink } });
		expect(stoppedReply(aborted, 'revised part', '', 'proposal')).toEqual({ propose: 'revised part' });
	});

	it('only reports, for a request whose reply goes nowhere but the screen', () => {
		expect(stoppedReply(cut, 'findings', '', 'none')).toEqual({ notice: { message: cut.message, hint: cut.hint, settingsLink: cut.settingsLink } });
		expect(stoppedReply(aborted, 'findings', '', 'none')).toEqual({});
	});
});
