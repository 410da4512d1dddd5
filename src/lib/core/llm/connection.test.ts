import { describe, expect, it } from 'vitest';
import { classifyHttp, modelIds, networkVerdict } from './connection';
import { validateBaseUrl } from './providers';

describe('classifyHttp', () => {
	it.each([
		[401, {}, '', 'wrong-key'],
		[403, {}, '', 'wrong-key'],
		[400, { error: { code: 'invalid_api_key' } }, '', 'wrong-key'],
		[429, {}, '', 'rate-limited'],
		[404, { error: { code: 'model_not_found' } }, 'x', 'model-not-found'],
		[400, { error: { code: 'model_not_found' } }, 'x', 'model-not-found'],
		[404, {}, 'x', 'model-not-found'],
		[502, 'Bad gateway', '', 'server-error'],
		[400, { error: { message: 'bad' } }, '', 'unexpected']
	])('%i %j (model %j) is %s', (status, body, model, problem) => {
		const verdict = classifyHttp({ status, body }, model);
		expect(verdict && !verdict.ok && verdict.problem).toBe(problem);
	});

	it('treats 2xx as success and reports the wait of a 429', () => {
		expect(classifyHttp({ status: 200, body: {} }, '')).toBeUndefined();
		const verdict = classifyHttp({ status: 429, body: {}, retryAfterSeconds: 6.2 }, '');
		expect(verdict && !verdict.ok && verdict.hint).toContain('Try again in 7 s');
	});
});

describe('networkVerdict', () => {
	it('names the host', () => {
		const verdict = networkVerdict('cors', 'http://localhost:11434/v1');
		expect(verdict.ok).toBe(false);
		expect(verdict.message).toContain('localhost:11434');
	});
});

describe('modelIds', () => {
	it('reads the shapes providers use', () => {
		expect(modelIds({ data: [{ id: 'b' }, { id: 'a' }, { id: 'a' }] })).toEqual(['a', 'b']);
		expect(modelIds({ models: [{ name: 'llama3' }] })).toEqual(['llama3']);
		expect(modelIds('nonsense')).toEqual([]);
	});
});

describe('validateBaseUrl', () => {
	it('accepts https anywhere and http only locally', () => {
		expect(validateBaseUrl(' https://api.openai.com/v1/ ')).toBe('https://api.openai.com/v1');
		expect(validateBaseUrl('http://localhost:11434/v1')).toBe('http://localhost:11434/v1');
		expect(validateBaseUrl('http://127.0.0.1:1234/v1')).toBe('http://127.0.0.1:1234/v1');
	});

	it.each([
		['', 'Enter the base URL of the API.'],
		['not a url', '"not a url" is not a valid URL.'],
		['ftp://host/v1', 'is not an http(s) URL'],
		['http://example.test/v1', 'Plain http is only allowed'],
		['https://user:pw@example.test/v1', 'Put the API key in the key field'],
		['https://example.test/v1?key=1', 'should not contain']
	])('%j is refused', (input, message) => {
		expect(() => validateBaseUrl(input)).toThrow(message);
	});
});
