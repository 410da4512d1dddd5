import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const layer = (patterns, message) => ({
	'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
});

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench/dist/', 'bench/baseline-kit/.svelte-kit/', 'bench/baseline-kit/build/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// Layer rules from the design: core is pure, platform depends on core only.
	{
		files: ['src/lib/core/**'],
		rules: layer(
			['**/platform/**', '**/state/**', '**/ui/**', '#lib/platform/*', '#lib/state/*', '#lib/ui/*', 'svelte', 'svelte/*', '$app/*', 'idb', 'openai', 'isomorphic-git', '@webcontainer/*', '@codemirror/*', 'codemirror'],
			'src/lib/core is pure TypeScript: inject side effects through ports.ts.'
		)
	},
	{
		files: ['src/lib/platform/**'],
		rules: layer(
			['**/state/**', '**/ui/**', '#lib/state/*', '#lib/ui/*', 'svelte', 'svelte/*', '$app/*'],
			'src/lib/platform implements ports and imports only core.'
		)
	}
);
