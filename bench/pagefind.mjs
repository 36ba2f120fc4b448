// presslens beside Pagefind, the reference for search on a static site, on the same synthetic
// articles: each article of CORPUS written out as an HTML page and indexed by Pagefind (npm
// `pagefind`, pinned in package.json), and the site `presslens site` wrote for CORPUS. In headless
// Chromium, over the brotli bench server, it counts the bytes that cross the network (encoded body
// sizes) for the first load and for a first search of QUERY:
//   - presslens: the page until the app is ready (viewer, metadata, article bundles), then the
//     query typed in the search box;
//   - Pagefind: an article page with Pagefind's search loaded (pagefind.js, its wasm, entry and
//     metadata files: what its UI loads when the search box is first used), then the search and the
//     fragments of the first five results (what its UI shows first).
// Prints one JSON object.
//
//   node pagefind.mjs CORPUS PRESSLENS_SITE WORK QUERY

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../tests/e2e/browser-env.mjs';
import { serve } from './serve.mjs';

const [corpusArg, siteArg, workArg, query] = process.argv.slice(2);
if (!query) {
  console.error('usage: node pagefind.mjs CORPUS PRESSLENS_SITE WORK QUERY');
  process.exit(2);
}
const [corpus, site, work] = [corpusArg, siteArg, workArg].map((p) => resolve(p));

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Each article as a page: its headline (from story.toml when it names one) and its paragraphs. */
function writePages(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const toml = readFileSync(join(corpus, 'story.toml'), 'utf8');
  const headlines = new Map();
  for (const m of toml.matchAll(/^\[article\.([^\]]+)\][^[]*?^headline = "((?:[^"\\]|\\.)*)"/gms)) headlines.set(m[1], m[2]);
  const files = readdirSync(join(corpus, 'articles')).filter((f) => f.endsWith('.txt'));
  for (const f of files) {
    const id = f.replace(/\.txt$/, '');
    const text = readFileSync(join(corpus, 'articles', f), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
    const paragraphs = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const title = headlines.get(id) ?? paragraphs[0]?.split(/\s+/).slice(0, 12).join(' ') ?? id;
    const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
    writeFileSync(
      join(dir, `${id}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>\n<body><main data-pagefind-body><h1>${escape(title)}</h1>\n${body}\n</main></body></html>\n`,
    );
  }
  return files.length;
}

/** Counts what crosses the network (bytes as sent, after compression) from now on. */
function meter(page) {
  const seen = [];
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => null);
    seen.push({ url: r.url(), bytes: sizes?.responseBodySize ?? 0 });
  });
  return {
    take() {
      const all = seen.splice(0);
      if (process.env.PF_DEBUG) console.error(all.map((r) => `${r.bytes} ${r.url}`).join("\n"));
      return { requests: all.length, bytes: all.reduce((n, r) => n + Math.max(0, r.bytes), 0) };
    },
  };
}

async function presslens(browser) {
  const server = await serve(site);
  // Without the service worker: the data files it fetches for the page are not the page's
  // requests, so their bytes would not be counted (a first visit's search goes to the network
  // all the same).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const m = meter(page);
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const first = m.take();
  await page.fill('[data-test="search"]', query);
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  const search = m.take();
  const hits = await page.locator('[data-test="result-count"]').innerText();
  await context.close();
  server.close();
  return { first_load: first, first_search: search, hits };
}

async function pagefind(browser, pages, first) {
  const server = await serve(pages);
  const page = await browser.newPage();
  const m = meter(page);
  await page.goto(`${server.url}${first}`);
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    window.pf = await import('/pagefind/pagefind.js');
    await window.pf.init();
  });
  await page.waitForLoadState('networkidle');
  const load = m.take();
  const hits = await page.evaluate(async (q) => {
    const r = await window.pf.search(q);
    await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
    return r.results.length;
  }, query);
  await page.waitForLoadState('networkidle');
  const search = m.take();
  await page.close();
  server.close();
  return { first_load: load, first_search: search, hits };
}

const pages = join(work, 'pages');
const articles = writePages(pages);
const start = Date.now();
execFileSync(join(import.meta.dirname, 'node_modules', '.bin', 'pagefind'), ['--site', pages, '--silent'], { stdio: 'inherit' });
const indexMs = Date.now() - start;
const pagefindFiles = readdirSync(join(pages, 'pagefind'), { recursive: true }).length;
const firstPage = readdirSync(pages).find((f) => f.endsWith('.html'));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
try {
  const out = {
    articles,
    query,
    presslens: await presslens(browser),
    pagefind: { index_ms: indexMs, files: pagefindFiles, ...(await pagefind(browser, pages, firstPage)) },
  };
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
