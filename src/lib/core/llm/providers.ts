import { SpecwrightError } from '../errors';

export interface ProviderPreset {
	id: string;
	label: string;
	baseURL: string;
	/** Local servers usually take no key. */
	needsKey: boolean;
	/** A model to suggest when the list cannot be fetched. */
	suggestedModel: string;
	note?: string;
}

export const PROVIDERS: readonly ProviderPreset[] = [
	{ id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', needsKey: true, suggestedModel: 'gpt-4.1-mini' },
	{ id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', needsKey: true, suggestedModel: 'openai/gpt-4.1-mini' },
	{ id: 'groq', label: 'Groq', baseURL: 'https://api.groq.com/openai/v1', needsKey: true, suggestedModel: 'llama-3.3-70b-versatile' },
	{
		id: 'gemini',
		label: 'Google Gemini',
		baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai',
		needsKey: true,
		suggestedModel: 'gemini-2.5-flash'
	},
	{
		id: 'anthropic',
		label: 'Anthropic',
		baseURL: 'https://api.anthropic.com/v1',
		needsKey: true,
		suggestedModel: 'claude-sonnet-4-5',
		note: "Uses Anthropic's OpenAI-compatible endpoint."
	},
	{
		id: 'ollama',
		label: 'Ollama',
		baseURL: 'http://localhost:11434/v1',
		needsKey: false,
		suggestedModel: 'llama3.2',
		note: 'Start Ollama with OLLAMA_ORIGINS set to this site so the browser may call it.'
	},
	{
		id: 'lmstudio',
		label: 'LM Studio',
		baseURL: 'http://localhost:1234/v1',
		needsKey: false,
		suggestedModel: 'local-model',
		note: 'Enable CORS in LM Studio\'s server settings.'
	},
	{ id: 'custom', label: 'Custom (OpenAI-compatible)', baseURL: '', needsKey: false, suggestedModel: '' }
];

export function providerById(id: string): ProviderPreset {
	return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[PROVIDERS.length - 1]!;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a base URL and returns it without a trailing slash. Plain http is only for local servers:
 * the API key travels with every request.
 */
export function validateBaseUrl(input: string): string {
	const raw = input.trim();
	if (raw === '') {
		throw new SpecwrightError('base-url-empty', 'Enter the base URL of the API.', {
			hint: 'For example https://api.openai.com/v1'
		});
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SpecwrightError('base-url-malformed', `"${raw}" is not a valid URL.`, {
			hint: 'A base URL starts with https:// and usually ends in /v1.'
		});
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new SpecwrightError('base-url-malformed', `"${raw}" is not an http(s) URL.`, {
			hint: 'A base URL starts with https:// and usually ends in /v1.'
		});
	}
	if (url.username || url.password) {
		throw new SpecwrightError('base-url-credentials', 'Put the API key in the key field, not in the URL.');
	}
	if (url.search || url.hash) {
		throw new SpecwrightError('base-url-malformed', 'The base URL should not contain ? or #.');
	}
	if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
		throw new SpecwrightError('base-url-insecure', 'Plain http is only allowed for servers on this computer.', {
			hint: 'Use https:// so your API key is not sent in the clear.'
		});
	}
	return url.href.replace(/\/+$/, '');
}
