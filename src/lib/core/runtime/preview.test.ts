import { describe, expect, it } from 'vitest';
import { previewUrl } from './preview';

describe('previewUrl', () => {
	it('keeps http and https addresses as reported', () => {
		expect(previewUrl('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
		expect(previewUrl('https://abc--3000--1a2b.local-credentialless.webcontainer-api.io')).toBe(
			'https://abc--3000--1a2b.local-credentialless.webcontainer-api.io'
		);
	});
	it('refuses addresses a frame must never load', () => {
		expect(previewUrl('javascript:alert(1)')).toBeNull();
		expect(previewUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
		expect(previewUrl('not a url')).toBeNull();
	});
});
