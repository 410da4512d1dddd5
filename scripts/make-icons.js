// Renders static/favicon.svg into the PNG icons the web app manifest lists (static/icons/).
// Run after changing the SVG: `npx node scripts/make-icons.js`. The PNGs are committed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/browser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}static/favicon.svg`, 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const ACCENT = '#4f5bd5';

/**
 * `any` icons are the rounded square on a transparent background. The maskable icon fills the
 * square with the accent and shrinks the mark into the safe zone (the centred circle of 80% of
 * the size) that every platform mask keeps.
 */
const icons = [
	{ file: 'icon-192.png', size: 192, maskable: false },
	{ file: 'icon-512.png', size: 512, maskable: false },
	{ file: 'icon-maskable-512.png', size: 512, maskable: true }
];

const browser = await chromium.launch(chromiumLaunchOptions());
try {
	for (const { file, size, maskable } of icons) {
		const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
		const mark = maskable ? Math.round(size * 0.78) : size;
		await page.setContent(
			`<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? ACCENT : 'transparent'}">` +
				`<img src="${src}" width="${mark}" height="${mark}" alt=""></body>`
		);
		await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
		await page.screenshot({ path: `${root}static/icons/${file}`, omitBackground: !maskable });
		await page.close();
		console.log(`static/icons/${file}`);
	}
} finally {
	await browser.close();
}
