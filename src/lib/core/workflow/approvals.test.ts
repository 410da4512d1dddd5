import { describe, expect, it } from 'vitest';
import { approve, contentHash, latestApproval, specStatus, type Approval, type PhaseState } from './approvals';
import type { Phase } from './phases';

/** Reference FNV-1a 64 with BigInt, to check the two-lane version. */
function fnvBigInt(text: string): string {
	let h = 0xcbf29ce484222325n;
	for (const b of new TextEncoder().encode(text)) {
		h ^= BigInt(b);
		h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return h.toString(16).padStart(16, '0');
}

describe('contentHash', () => {
	it.each([
		['', 'cbf29ce484222325'],
		['a', 'af63dc4c8601ec8c'],
		['foobar', '85944171f73967e8']
	])('FNV-1a 64 of %j is %s', (text, hash) => {
		expect(contentHash(text)).toBe(hash);
	});

	it.each(['# Requirements Document\n\nÜnïcödé 🚀 text', 'x'.repeat(10_000), '\u0000\u00ff\uffff'])('matches the BigInt reference for %#', (text) => {
		expect(contentHash(text)).toBe(fnvBigInt(text));
	});

	it.each([
		['a\nb\n', 'a\r\nb\r\n', true],
		['a\nb', 'a\nb\n\n', true],
		['a\nb', '\uFEFFa\rb', true],
		['a\nb', 'a\nb.', false],
		['a b', 'a  b', false]
	])('%j vs %j equal: %s', (a, b, same) => {
		expect(contentHash(a) === contentHash(b)).toBe(same);
	});
});

const REQ = 'requirements v1';
const DES = 'design v1';
const TASKS = 'tasks v1';
const order: Phase[] = ['requirements', 'design', 'tasks'];

function states(docs: Partial<Record<Phase, string>>, approvals: Approval[], modifiedAt?: Partial<Record<Phase, number>>, o = order): PhaseState[] {
	return specStatus({ order: o, docs, approvals, ...(modifiedAt ? { modifiedAt } : {}) }).phases.map((p) => p.state);
}

describe('specStatus', () => {
	it.each<[string, Partial<Record<Phase, string>>, Approval[], Partial<Record<Phase, number>> | undefined, PhaseState[]]>([
		['nothing written', {}, [], undefined, ['missing', 'missing', 'missing']],
		['blank requirements count as missing', { requirements: '  \n' }, [], undefined, ['missing', 'missing', 'missing']],
		['a draft', { requirements: REQ }, [], undefined, ['draft', 'missing', 'missing']],
		['approved then design draft', { requirements: REQ, design: DES }, [approve('requirements', REQ, 1)], undefined, ['approved', 'draft', 'missing']],
		[
			'all approved',
			{ requirements: REQ, design: DES, tasks: TASKS },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('tasks', TASKS, 3)],
			undefined,
			['approved', 'approved', 'approved']
		],
		[
			'editing approved requirements marks everything downstream stale',
			{ requirements: 'requirements v2', design: DES, tasks: TASKS },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('tasks', TASKS, 3)],
			undefined,
			['changed-after-approval', 'stale', 'stale']
		],
		[
			'a line-ending change is not an edit',
			{ requirements: 'a\r\nb\r\n', design: DES },
			[approve('requirements', 'a\nb', 1), approve('design', DES, 2)],
			undefined,
			['approved', 'approved', 'missing']
		],
		[
			're-approving changed requirements leaves the older design stale',
			{ requirements: 'requirements v2', design: DES, tasks: TASKS },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('tasks', TASKS, 3), approve('requirements', 'requirements v2', 4)],
			undefined,
			['approved', 'stale', 'stale']
		],
		[
			'approving the design again clears it, tasks stay stale',
			{ requirements: 'requirements v2', design: 'design v2', tasks: TASKS },
			[
				approve('requirements', REQ, 1),
				approve('design', DES, 2),
				approve('tasks', TASKS, 3),
				approve('requirements', 'requirements v2', 4),
				approve('design', 'design v2', 5)
			],
			undefined,
			['approved', 'approved', 'stale']
		],
		[
			're-approving unchanged text does not cascade',
			{ requirements: REQ, design: DES, tasks: TASKS },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('tasks', TASKS, 3), approve('requirements', REQ, 9)],
			undefined,
			['approved', 'approved', 'approved']
		],
		[
			'a draft written before the upstream approval of new text is stale',
			{ requirements: 'requirements v2', design: DES },
			[approve('requirements', REQ, 1), approve('requirements', 'requirements v2', 5)],
			{ requirements: 4, design: 3 },
			['approved', 'stale', 'missing']
		],
		[
			'a draft written after it is fine',
			{ requirements: 'requirements v2', design: DES },
			[approve('requirements', REQ, 1), approve('requirements', 'requirements v2', 5)],
			{ requirements: 4, design: 6 },
			['approved', 'draft', 'missing']
		],
		[
			'quick spec: approving a document written with the others does not stale them',
			{ requirements: REQ, design: DES, tasks: TASKS },
			[approve('requirements', REQ, 10)],
			{ requirements: 5, design: 5, tasks: 5 },
			['approved', 'draft', 'draft']
		],
		[
			'the latest approval counts, whatever the log order',
			{ requirements: REQ },
			[approve('requirements', REQ, 5), approve('requirements', 'old', 1)],
			undefined,
			['approved', 'missing', 'missing']
		]
	])('%s', (_name, docs, approvals, modifiedAt, expected) => {
		expect(states(docs, approvals, modifiedAt)).toEqual(expected);
	});

	it('follows the design-first order', () => {
		const o: Phase[] = ['design', 'requirements', 'tasks'];
		const docs = { design: 'design v2', requirements: REQ };
		expect(states(docs, [approve('design', DES, 1), approve('requirements', REQ, 2)], undefined, o)).toEqual(['changed-after-approval', 'stale', 'missing']);
	});

	it.each<[string, Partial<Record<Phase, string>>, Approval[], unknown, Phase | null]>([
		['generate first', {}, [], { kind: 'generate', phase: 'requirements' }, 'requirements'],
		['review a draft', { requirements: REQ }, [], { kind: 'review', phase: 'requirements' }, 'requirements'],
		['write the next phase', { requirements: REQ }, [approve('requirements', REQ, 1)], { kind: 'generate', phase: 'design' }, 'design'],
		['re-approve an edit', { requirements: 'x', design: DES }, [approve('requirements', REQ, 1)], { kind: 'reapprove', phase: 'requirements' }, 'requirements'],
		[
			'update a stale design',
			{ requirements: 'x', design: DES },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('requirements', 'x', 3)],
			{ kind: 'update', phase: 'design', because: 'requirements' },
			'design'
		],
		[
			'implement when all are approved',
			{ requirements: REQ, design: DES, tasks: TASKS },
			[approve('requirements', REQ, 1), approve('design', DES, 2), approve('tasks', TASKS, 3)],
			{ kind: 'implement' },
			null
		]
	])('next action: %s', (_name, docs, approvals, action, current) => {
		const status = specStatus({ order, docs, approvals });
		expect(status.nextAction).toEqual(action);
		expect(status.currentPhase).toBe(current);
		expect(status.message).not.toBe('');
	});

	it('reports why a phase is stale and keeps its approval', () => {
		const status = specStatus({ order, docs: { requirements: 'x', design: DES }, approvals: [approve('requirements', REQ, 1), approve('design', DES, 2)] });
		expect(status.phases[1]).toMatchObject({ state: 'stale', staleBecause: 'requirements', approval: { at: 2 } });
		expect(latestApproval([], 'design')).toBeNull();
	});
});
