// Browser figures for one release dist/: time to interactive, the latency of facet clicks and
// search keystrokes, and memory after load, in Debian's headless Chromium; or the Lighthouse
// scores of the page. Prints one JSON object on stdout. Used by scripts/bench.
//
//   node browser.mjs interaction DIST   -> { first_load: {bytes, requests}, tti_ms, facet: {p50, p95, n}, search: {...}, memory,
//                                            quote_view_open, heatmap_open, article_open }
//   node browser.mjs import DIST FOLDER -> { files, seconds, longest_task_ms, show_ms, on_demand_br }
//                                       ("Your own articles": FOLDER given to the panel's folder input)
//   node browser.mjs lighthouse DIST [simulate|devtools]
//                                       -> { performance, accessibility, best_practices, seo, lcp_ms, … }
//
// With BENCH_RAW=1, `interaction` also prints every facet click's and search's time on stderr, in
// order (the outliers of a p95 are the clicks that change most of the list).

import { resolve } from 'node:path';
import { serve } from './serve.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, TYPES } from '../tests/e2e/browser-env.mjs';

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const summary = (xs) => ({ p50: +percentile(xs, 50).toFixed(2), p95: +percentile(xs, 95).toFixed(2), n: xs.length });

// Installed before the page's scripts: keeps the wasm memory for the memory figure and notes the
// moment the app marks itself ready.
const probe = () => {
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const out = await original.apply(WebAssembly, args);
      const exports = (out.instance ?? out).exports;
      if (exports?.memory) window.__benchMemory = exports.memory;
      return out;
    };
  }
  // Observes the document itself: an init script can run before <html> exists.
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ready === '1') {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
};

async function interaction(dir) {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  // The first load: every byte that crossed the network (as sent, compressed) until the app was
  // ready, whatever the page fetched (viewer, metadata file, the first page's bundles).
  const loaded = [];
  const onFinished = async (r) => {
    const sizes = await r.sizes().catch(() => null);
    loaded.push(sizes?.responseBodySize ?? 0);
  };
  page.on('requestfinished', onFinished);
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 300_000 });
  const tti = await page.evaluate(() => window.__benchReady);
  page.off('requestfinished', onFinished);
  const firstLoad = { bytes: loaded.reduce((a, b) => a + b, 0), requests: loaded.length };

  // A facet click: toggle an outlet, then measure in the page from the click to the end of the
  // work it causes (the click's task and every microtask after it, when the browser is free to
  // paint), to the moment the result count changed, and to the next animation frame. The last
  // is bounded below by the frame interval (16.7 ms at 60 Hz): the click comes just after a frame.
  const facet = await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    const settled = () =>
      new Promise((ok) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => ok(performance.now());
        channel.port2.postMessage(0);
      });
    const boxes = [...document.querySelectorAll('[data-test="facet-outlet"] input')].slice(0, 20);
    const count = document.querySelector('[data-test="result-count"]');
    const toWork = [];
    const toFrame = [];
    const toDom = [];
    for (let round = 0; round < 3; round++) {
      for (const box of boxes) {
        await frame();
        await new Promise((ok) => setTimeout(ok, 0));
        let changed = null;
        const watch = new MutationObserver(() => (changed ??= performance.now()));
        watch.observe(count, { childList: true, characterData: true, subtree: true });
        const start = performance.now();
        box.click();
        const done = await settled();
        const end = await frame();
        watch.disconnect();
        toWork.push(done - start);
        toFrame.push(end - start);
        toDom.push((changed ?? done) - start);
      }
    }
    return { toWork, toFrame, toDom };
  });
  if (process.env.BENCH_RAW) console.error('facet clicks, ms:', JSON.stringify(facet.toWork.map(Math.round)));

  // A search keystroke: the box waits for a pause in typing (its debounce), then queries. The
  // figure is the time from the query being applied to the updated list, measured as keystroke to
  // DOM minus the debounce the page reports.
  const words = ['prison', 'fee', 'rubio', 'cecot', 'gangs', 'court', 'deport', 'venezuela', 'salvador', 'citizens'];
  const search = await page.evaluate(async (words) => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    const box = document.querySelector('[data-test="search"]');
    const count = document.querySelector('[data-test="result-count"]');
    const debounce = Number(box.dataset.debounce ?? 150);
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const word of words) {
        for (const text of [word, '']) {
          await frame();
          const before = count.textContent;
          const start = performance.now();
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          const end = await new Promise((ok) => {
            const watch = new MutationObserver(() => {
              watch.disconnect();
              // The end of the task that updated the list, microtasks included.
              const channel = new MessageChannel();
              channel.port1.onmessage = () => ok(performance.now());
              channel.port2.postMessage(0);
            });
            watch.observe(count, { childList: true, characterData: true, subtree: true });
            setTimeout(() => {
              watch.disconnect();
              ok(null);
            }, debounce + 2000);
          });
          if (end !== null && count.textContent !== before) out.push({ text, ms: end - start - debounce });
        }
      }
    }
    return { work: out.map((x) => x.ms), raw: out, debounce };
  }, words);
  if (process.env.BENCH_RAW) console.error('searches, ms:', search.raw.map((x) => `${x.text || '(cleared)'} ${Math.round(x.ms)}`).join(', '));

  // Opening a view or an article from the article list: the click on its tab (or a card's
  // headline) to the end of the work it causes, once what it shows is in the page; and the requests
  // it made. Five rounds each, back to the article list in between.
  const requests = [];
  // Chromium asks for the page's icon again at every history entry; that is not the view's.
  page.on('request', (r) => /\/favicon\.svg$/.test(r.url()) || requests.push(r.url()));
  const opening = async (click, shown) => {
    const times = [];
    let made = 0;
    for (let round = 0; round < 5; round++) {
      await page.click('[data-test="tab-browse"]');
      await page.waitForSelector('[data-test="result"]');
      const before = requests.length;
      const ms = await page.evaluate(
        async ({ click, shown, round }) => {
          const settled = () =>
            new Promise((ok) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => ok(performance.now());
              channel.port2.postMessage(0);
            });
          const target = click === 'card' ? document.querySelectorAll('[data-test="result"] .headline a')[round] : document.querySelector(click);
          const start = performance.now();
          target.click();
          while (!document.querySelector(shown)) await new Promise((ok) => setTimeout(ok, 0));
          return (await settled()) - start;
        },
        { click, shown, round },
      );
      times.push(ms);
      made = Math.max(made, requests.length - before);
    }
    return { ...summary(times), requests: made };
  };
  const quoteView = await opening('[data-test="tab-quotes"]', '[data-test="qrow"]');
  const heatmap = await opening('[data-test="tab-heatmap"]', '[data-test="heat-row"]');
  const reader = await opening('card', '#reader-title');
  await page.click('[data-test="tab-browse"]');

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__benchMemory?.buffer.byteLength ?? null);
  const articles = await page.evaluate(() => document.querySelector('[data-test="result-count"]').textContent);

  await browser.close();
  server.close();
  return {
    articles,
    first_load: firstLoad,
    tti_ms: +tti.toFixed(1),
    facet_work: summary(facet.toWork),
    facet_to_frame: summary(facet.toFrame),
    facet_to_dom: summary(facet.toDom),
    search_work: search.work.length ? summary(search.work) : null,
    search_debounce_ms: search.debounce,
    quote_view_open: quoteView,
    heatmap_open: heatmap,
    article_open: reader,
    js_heap_bytes: heap.usedSize,
    wasm_memory_bytes: wasm,
  };
}

/** Lighthouse's mobile preset. `throttling`: 'simulate' (Lighthouse's default, which estimates a
 * slow phone from a fast local load) or 'devtools' (the page really loaded over a throttled network
 * and CPU). The two disagree on this page: on a local server the wasm arrives before the first
 * frame, so the simulation takes the static first screen's paint for one that waits on the wasm. */
async function lighthouse(dir, throttling = 'simulate') {
  const { default: run } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const server = await serve(dir);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...FLAGS] });
  try {
    const result = await run(server.url, { port: chrome.port, output: 'json', logLevel: 'error', throttlingMethod: throttling });
    const c = result.lhr.categories;
    const score = (x) => Math.round((x?.score ?? 0) * 100);
    const failed = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id);
    return {
      performance: score(c.performance),
      accessibility: score(c.accessibility),
      best_practices: score(c['best-practices']),
      seo: score(c.seo),
      lcp_ms: Math.round(result.lhr.audits['largest-contentful-paint'].numericValue),
      tbt_ms: Math.round(result.lhr.audits['total-blocking-time'].numericValue),
      lcp_element: result.lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? null,
      throttling,
      not_passed: failed,
    };
  } finally {
    await chrome.kill();
    server.close();
  }
}

/** "Your own articles": a folder given to the panel, from the click on Analyse until the story is
 * shown. The longest main-thread task counts tasks over 50 ms (Chromium's long tasks) from that
 * click until the worker's story arrives; showing it (keep, decode, render) is given apart. */
async function importFolder(dir, folder) {
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 300_000 });
  await page.click('[data-test="own-open"]');
  await page.waitForSelector('[data-test="studio"][data-engine="ready"]', { timeout: 60_000 });
  await page.setInputFiles('[data-test="studio-folder"]', folder);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  const files = Number((await page.locator('[data-test="studio-count"]').innerText()).replace(/[^0-9]/g, ''));
  await page.click('[data-test="studio-start"]');
  await page.waitForSelector('[data-test="studio-done"], [data-test="studio-failed"]', { timeout: 600_000 });
  const r = await page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const [start, done, shown] = ['presslens-import-start', 'presslens-import-done', 'presslens-story-shown'].map(at);
    const longest = Math.max(0, ...window.__tasks.filter(([t, d]) => t + d > start && t < done).map(([, d]) => d));
    return { ok: shown !== undefined, seconds: +((shown - start) / 1000).toFixed(2), longest_task_ms: +longest.toFixed(0), show_ms: +(shown - done).toFixed(0) };
  });
  await browser.close();
  server.close();
  if (!r.ok) throw new Error('the import did not open a story');
  return { files, ...r };
}

const [mode, dir, throttling] = process.argv.slice(2);
if (mode === 'import') {
  console.log(JSON.stringify(await importFolder(resolve(dir), resolve(throttling))));
  process.exit(0);
}
if (!dir || !['interaction', 'lighthouse'].includes(mode) || ![undefined, 'simulate', 'devtools'].includes(throttling)) {
  console.error('usage: node browser.mjs interaction DIST | lighthouse DIST [simulate|devtools]');
  process.exit(2);
}
const out = await (mode === 'interaction' ? interaction(resolve(dir)) : lighthouse(resolve(dir), throttling));
console.log(JSON.stringify(out));
