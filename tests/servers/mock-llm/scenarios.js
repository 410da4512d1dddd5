// Scenario loading and reply selection for the mock LLM. Pure functions over plain data, so the
// HTTP layer in server.js stays about HTTP.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ name: string, arguments: string | Record<string, unknown> }} ScriptedToolCall
 * @typedef {{
 *   content?: string,
 *   contentFile?: string,
 *   tool_calls?: ScriptedToolCall[],
 *   finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter'
 * }} ScriptedReply
 * @typedef {{ prompt_tokens?: number, completion_tokens?: number, cached_tokens?: number }} UsageOverride
 * @typedef {{
 *   name: string,
 *   model?: string,
 *   match?: { lastUserIncludes?: string, systemIncludes?: string },
 *   replies: ScriptedReply[],
 *   chunkSize?: number,
 *   delayMs?: number,
 *   usage?: UsageOverride
 * }} Scenario
 * @typedef {{ role: string, content?: unknown, tool_calls?: unknown[], tool_call_id?: string }} ChatMessage
 */

/**
 * Reads every `*.json` in `dir` as a scenario. `contentFile` is resolved here so that long documents
 * can live next to the JSON as readable Markdown instead of one escaped string.
 * @param {string} dir
 * @returns {Scenario[]}
 */
export function loadScenarioDir(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			/** @type {Scenario} */
			const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8'));
			if (!scenario.name || !Array.isArray(scenario.replies) || scenario.replies.length === 0) {
				throw new Error(`mock-llm: scenario ${file} needs a name and at least one reply`);
			}
			scenario.replies = scenario.replies.map((reply) =>
				reply.contentFile ? { ...reply, content: readFileSync(join(dir, reply.contentFile), 'utf8') } : reply
			);
			return scenario;
		});
}

/**
 * Text of a message whether `content` is a string or an array of `{ type: 'text', text }` parts.
 * @param {ChatMessage | undefined} message
 * @returns {string}
 */
export function textOf(message) {
	const content = message?.content;
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
		.join('');
}

/**
 * @param {Scenario} scenario
 * @param {ChatMessage[]} messages
 */
function matches(scenario, messages) {
	const match = scenario.match;
	if (!match) return false;
	const lastUser = textOf(messages.findLast((m) => m.role === 'user')).toLowerCase();
	const system = messages
		.filter((m) => m.role === 'system' || m.role === 'developer')
		.map(textOf)
		.join('\n')
		.toLowerCase();
	if (match.lastUserIncludes && !lastUser.includes(match.lastUserIncludes.toLowerCase())) return false;
	if (match.systemIncludes && !system.includes(match.systemIncludes.toLowerCase())) return false;
	return Boolean(match.lastUserIncludes || match.systemIncludes);
}

/**
 * Chooses the scenario for a request: an explicit name (header or setScenario) wins, then the first
 * scenario whose `match` fits, else the built-in echo scenario.
 * @param {Map<string, Scenario>} scenarios
 * @param {string | null} explicitName
 * @param {ChatMessage[]} messages
 * @returns {Scenario}
 */
export function pickScenario(scenarios, explicitName, messages) {
	if (explicitName) {
		const named = scenarios.get(explicitName);
		if (!named) throw new Error(`unknown scenario "${explicitName}"`);
		return named;
	}
	for (const scenario of scenarios.values()) if (matches(scenario, messages)) return scenario;
	return echoScenario(messages);
}

/**
 * @param {ChatMessage[]} messages
 * @returns {Scenario}
 */
function echoScenario(messages) {
	const lastUser = textOf(messages.findLast((m) => m.role === 'user'));
	return { name: 'echo', replies: [{ content: `Mock reply to: ${lastUser}` }] };
}

/**
 * Replies advance with the assistant messages sent back since the last user message: a tool loop
 * (user, assistant tool_calls, tool results, ...) walks through the replies, every new user message
 * starts again at the first, and a retried request gets the same reply. Past the end, the last
 * reply repeats.
 * @param {Scenario} scenario
 * @param {ChatMessage[]} messages
 * @returns {{ reply: ScriptedReply, turn: number }}
 */
export function pickReply(scenario, messages) {
	const lastUserIndex = messages.findLastIndex((m) => m.role === 'user');
	const turn = messages.slice(lastUserIndex + 1).filter((m) => m.role === 'assistant').length;
	const reply = scenario.replies[Math.min(turn, scenario.replies.length - 1)];
	if (!reply) throw new Error(`scenario "${scenario.name}" has no replies`);
	return { reply, turn };
}

/** Rough token estimate (4 characters a token): good enough for usage and cost displays. */
export const estimateTokens = (/** @type {string} */ text) => Math.ceil(text.length / 4);
