import { classifyHttp, modelIds, networkVerdict, type ConnectionVerdict, type HttpOutcome } from '../../core/llm/connection';
import { validateBaseUrl } from '../../core/llm/providers';

export interface ConnectionSettings {
	baseURL: string;
	apiKey: string;
	model: string;
}

const TIMEOUT_MS = 15_000;

/**
 * Tests an OpenAI-compatible endpoint from the browser: lists models, then, when a model is chosen
 * and not listed, sends a one-token request to confirm it exists. Throws only for a malformed URL.
 */
export async function testConnection(settings: ConnectionSettings, signal?: AbortSignal): Promise<ConnectionVerdict> {
	const base = validateBaseUrl(settings.baseURL);
	if (typeof navigator !== 'undefined' && navigator.onLine === false) return networkVerdict('offline', base);
	const headers: Record<string, string> = settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {};

	const listed = await request(`${base}/models`, { headers }, signal);
	if ('network' in listed) return networkVerdict(listed.network, base);
	const listFailure = listed.status === 404 ? undefined : classifyHttp(listed, '');
	if (listFailure) return listFailure;
	const models = listed.status === 404 ? [] : modelIds(listed.body);

	if (settings.model === '' || models.includes(settings.model)) {
		return { ok: true, message: okMessage(models.length, settings.model), models };
	}
	const chat = await request(
		`${base}/chat/completions`,
		{
			method: 'POST',
			headers: { ...headers, 'Content-Type': 'application/json' },
			body: JSON.stringify({ model: settings.model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] })
		},
		signal
	);
	if ('network' in chat) return networkVerdict(chat.network, base);
	return classifyHttp(chat, settings.model) ?? { ok: true, message: okMessage(models.length, settings.model), models };
}

function okMessage(count: number, model: string): string {
	const listed = count > 0 ? `${count} model${count === 1 ? '' : 's'} available` : 'connected';
	return model ? `Connected: ${listed}; "${model}" answers.` : `Connected: ${listed}.`;
}

type Outcome = HttpOutcome | { network: 'cors' | 'unreachable' | 'timeout' };

async function request(url: string, init: RequestInit, signal?: AbortSignal): Promise<Outcome> {
	const timeout = AbortSignal.timeout(TIMEOUT_MS);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	let response: Response;
	try {
		response = await fetch(url, { ...init, signal: combined, credentials: 'omit', referrerPolicy: 'no-referrer' });
	} catch (error) {
		if (signal?.aborted) throw error;
		if (timeout.aborted) return { network: 'timeout' };
		return { network: (await reachableWithoutCors(url)) ? 'cors' : 'unreachable' };
	}
	const text = await response.text().catch(() => '');
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Non-JSON error pages are kept as text.
	}
	const retryAfter = Number(response.headers.get('retry-after'));
	return { status: response.status, body, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined };
}

/**
 * A failed CORS request and a dead host look the same to a page. A no-cors request (no key sent, the
 * reply stays opaque) succeeds when the host answered, which tells the two apart.
 */
async function reachableWithoutCors(url: string): Promise<boolean> {
	try {
		await fetch(url, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(5_000) });
		return true;
	} catch {
		return false;
	}
}
