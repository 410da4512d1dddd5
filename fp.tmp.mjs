import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--no-first-run'] });
const c = await browser.newContext({ serviceWorkers: 'block' }); const p = await c.newPage();
const urls = [];
p.on('response', (r) => { if (r.url().endsWith('.js')) urls.push(r.url()); });
await p.goto('http://127.0.0.1:4185/'); await p.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
for (const u of urls) { const f = '.svelte-kit/output/client' + new URL(u).pathname; const b = readFileSync(f); const s = b.toString(); const tags = ['fflate','mermaid','marked','DOMPurify','codemirror','openai','price','Zip','archive','Usage','Import'].filter(t => s.includes(t)); console.log((gzipSync(b).length/1000).toFixed(1), new URL(u).pathname.split('/').pop(), tags.join(',')); }
await browser.close();
