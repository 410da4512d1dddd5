import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecSession } from './spec-session.svelte';
import type { SpecDeps } from './spec-deps';
import type { Records } from '../platform/store/records';
import type { ProjectFileSystem } from '../core/ports';
import type { ChatResult } from '../platform/llm/chat-stream';

const requirements = readFileSync(new URL('../../../tests/servers/mock-llm/scenarios/requirements-doc.md', import.meta.url), 'utf8');

/** A spec session whose model reply and file writes finish when the test says so. */
function setup() {
	let reply: (result: ChatResult) => void = () => undefined;
	const writes: Array<{ path: string; done: () => void }> = [];
	const deps = {
		projectId: 'p1',
		fs: {
			readText: async () => '',
			writeFile: (path: string) => new Promise<void>((resolve) => writes.push({ path, done: resolve }))
		} as unknown as ProjectFileSystem,
		records: {
			usage: async () => [],
			specMeta: async () => undefined,
			putSpecMeta: async () => undefined,
			addUsage: async () => undefined
		} as unknown as Records,
		llm: () => ({ providerId: 'custom', baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-test', model: 'mock-small' }),
		chat: (_request: unknown, onText: (text: string) => void) => {
			onText('# Requirements Document\n');
			return new Promise<ChatResult>((resolve) => (reply = resolve));
		},
		isChatFailure: (_error: unknown): _error is never => false,
		sleep: async () => undefined,
		now: () => 1,
		newId: () => 'id',
		paths: () => [],
		prices: () => ({})
	} as unknown as SpecDeps;
	return { session: new SpecSession('todo', deps), writes, finishReply: (text: string) => reply({ text, usage: null, finishReason: 'stop' }) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('a spec session', () => {
	it('is busy while a reply streams in and until the document shown is stored', async () => {
		const { session, writes, finishReply } = setup();
		expect(session.busy).toBe(false);
		const job = session.generate('requirements');
		expect(session.busy).toBe(true);
		await settle();
		finishReply(requirements);
		await settle();
		// Shown before it is stored: leaving now would lose it.
		expect(session.docs.requirements).toBe(requirements);
		expect(session.generating).toBeNull();
		expect(session.busy).toBe(true);
		const write = writes.find((w) => w.path === '.kiro/specs/todo/requirements.md');
		expect(write).toBeDefined();
		write!.done();
		await job;
		expect(session.busy).toBe(false);
	});
});
