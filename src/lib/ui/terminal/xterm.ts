import type { ITheme } from '@xterm/xterm';

/** xterm and its stylesheet load with the first terminal, never with the page. */
export async function loadXterm() {
	const [{ Terminal }, { FitAddon }] = await Promise.all([
		import('@xterm/xterm'),
		import('@xterm/addon-fit'),
		import('@xterm/xterm/css/xterm.css')
	]);
	return { Terminal, FitAddon };
}

export const terminalThemes: Record<'light' | 'dark', ITheme> = {
	light: {
		background: '#ffffff',
		foreground: '#1b2130',
		cursor: '#4450c9',
		selectionBackground: '#c9cdf5',
		black: '#1b2130',
		red: '#b42318',
		green: '#18794e',
		yellow: '#8a5a00',
		blue: '#4450c9',
		magenta: '#8e3bb5',
		cyan: '#0f7490',
		white: '#586072',
		brightBlack: '#586072'
	},
	dark: {
		background: '#1c2029',
		foreground: '#e5e8ee',
		cursor: '#8f99ff',
		selectionBackground: '#3a4170',
		black: '#14171d',
		red: '#ff7b72',
		green: '#56d394',
		yellow: '#f0b53d',
		blue: '#8f99ff',
		magenta: '#d2a8ff',
		cyan: '#76e3ea',
		white: '#e5e8ee',
		brightBlack: '#a0a8b8'
	}
};
