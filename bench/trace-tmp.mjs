import { serve } from './serve.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../tests/e2e/browser-env.mjs';
const server = await serve(process.argv[2]);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('html[data-ready="1"]');
const words = ['prison', 'fee', 'rubio', 'cecot', 'gangs', 'court', 'deport', 'venezuela', 'salvador', 'citizens'];
const doSearches = async () => page.evaluate(async (words) => {
  const box = document.querySelector('[data-test="search"]');
  for (const w of words) for (const t of [w, '']) {
    box.value = t; box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 400));
  }
}, words);
await doSearches();
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
await doSearches();
await cdp.send('Tracing.end');
await done;
const by = {};
for (const e of events) if (e.ph === 'X' && e.dur) { by[e.name] = (by[e.name] ?? 0) + e.dur / 1000; }
const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [k, v] of top) console.log(k.padEnd(40), (v / 20).toFixed(2), 'ms per search');
// long tasks
const tasks = events.filter(e => e.name === 'RunTask' && e.dur > 8000).map(e => (e.dur/1000).toFixed(1));
console.log('tasks >8ms:', tasks.join(' '));
await browser.close(); server.close();
