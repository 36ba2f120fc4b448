// Shared set-up for the end-to-end tests: a static server for a release dist/ under a sub-path,
// Debian's headless Chromium driven by playwright-core, and a page that records what must never
// happen: console errors, uncaught exceptions, dialogs, Content-Security-Policy violations and
// requests to any other origin.

import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, resolve, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS, TYPES } from './browser-env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const dist = resolve(process.env.PRESSLENS_DIST ?? join(root, 'dist'));
/** The dist built from tests/hostile/ (XSS payloads in every field); scripts/test builds it. */
export const hostileDist = resolve(process.env.PRESSLENS_HOSTILE_DIST ?? join(root, 'target', 'hostile-dist'));
export const prefix = '/news/explorer/';
/** The presslens command line (scripts/test builds it before these tests). */
export const presslensBin = resolve(process.env.PRESSLENS_BIN ?? join(root, 'target', 'debug', 'presslens'));

/** Runs the presslens command line from the project root; returns what it printed. */
export function presslens(...args) {
  return execFileSync(presslensBin, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
}

/** Serves `dir` at `base` on 127.0.0.1 with an ephemeral port. */
export async function serve(dir = dist, base = prefix) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not under ' + base);
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${base}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Registers hooks that serve `dir` at `base` and launch a browser before the file's first test,
 * then run `setup(site)` if given, and stop both after its last. Inside tests: `site.url`,
 * `site.open(options)` (a fresh recorded page on this origin, as `open` gives), `site.browser` and
 * `site.server`. (Node 20 does not wait for one top-level `before` hook to finish before starting
 * the next, so set-up that needs the site goes in `setup`.) */
export function suite({ dir = dist, base = prefix, setup } = {}) {
  const site = {
    server: null,
    browser: null,
    get url() {
      return site.server.url;
    },
    open: (options) => open(site.browser, site.server.origin, options),
  };
  before(async () => {
    site.server = await serve(dir, base);
    site.browser = await launch();
    await setup?.(site);
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/** Collects Content-Security-Policy violations in the page (read them with `violations`). */
const recordViolations = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};

/** A fresh page that records what must never happen: console errors and any message about the
 * Content-Security-Policy, exceptions, dialogs (alert, confirm, prompt), requests to another
 * origin. (Chromium warns that it ignores `integrity` on the wasm preload link; that is not a
 * problem: public/boot.js fetches the binary with the digest and the fetch enforces it.) */
export async function open(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.addInitScript(recordViolations);
  const problems = { console: [], exceptions: [], foreign: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.exceptions.push(String(e)));
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreign.push(u);
  });
  return { context, page, problems };
}

/** The policy violations the page has seen so far. */
export async function violations(page) {
  return page.evaluate(() => window.__cspViolations ?? ['the violation recorder did not run']);
}

/** Asserts that nothing the page must never do has happened: no console error, exception,
 * dialog, policy violation or request to another origin. */
export async function assertClean(page, problems, assert) {
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.exceptions, [], 'uncaught exceptions');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
  assert.deepEqual(problems.foreign, [], 'requests to another origin');
  assert.deepEqual(await violations(page), [], 'Content-Security-Policy violations');
}

/** Asserts what a page must never contain, whatever the view: an element or an attribute made from
 * corpus text, a payload that ran, a link that is not http(s) or leaves the origin other than to
 * the original article. */
export async function assertInert(page, where, assert) {
  const found = await page.evaluate(() => {
    const bad = [...document.body.querySelectorAll('script, iframe, object, embed, img, style, math, details:not(.story-about), template, b, a:not([href]), svg:not(.timeline)')]
      .map((e) => e.outerHTML.slice(0, 120));
    const handlers = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`));
    const links = [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href'), protocol: new URL(a.href).protocol, original: a.classList.contains('original'), sameOrigin: new URL(a.href).origin === location.origin }));
    return { bad, handlers, links, pwned: typeof window.__pwned };
  });
  assert.deepEqual(found.bad, [], `${where}: elements made from corpus text`);
  assert.deepEqual(found.handlers, [], `${where}: event-handler attributes`);
  assert.equal(found.pwned, 'undefined', `${where}: a payload ran`);
  for (const l of found.links) {
    assert.ok(['http:', 'https:'].includes(l.protocol), `${where}: link ${l.href}`);
    assert.ok(l.sameOrigin || l.original, `${where}: a link to another origin that is not the original article: ${l.href}`);
  }
}

/** Asserts that the page shows each of `texts` literally. */
export async function assertShows(page, texts, where, assert) {
  const shown = await page.evaluate(() => document.body.textContent);
  for (const t of texts) assert.ok(shown.includes(t), `${where}: does not show literally: ${t}`);
}

/** Opens `url` in a fresh recorded page of `site` (`suite`) whose wasm is held back (its request
 * never answered): what a reader sees until it comes, the static first screen. */
export async function withoutWasm(site, url, options) {
  const opened = await site.open(options);
  await opened.page.route('**/*.wasm', () => {});
  await opened.page.goto(url);
  await opened.page.waitForLoadState('load');
  return opened;
}

/** Navigates and waits until the app has mounted. */
export async function visit(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
}

/** Waits until the page's service worker is installed and controls the page. */
export async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** Saves a screenshot of the page into docs/screenshots/ for the README. */
/** Scrolls to each part of the view built only when the reader comes near it (components/near.rs)
 * until every one is built; returns how many were waiting. */
export async function buildAll(page) {
  let waited = 0;
  for (;;) {
    const waiting = page.locator('.when-near[aria-busy="true"]');
    const before = await waiting.count();
    if (!before) return waited;
    waited++;
    await waiting.first().scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('.when-near[aria-busy="true"]').length < n, before);
  }
}

export async function shot(page, name) {
  const dir = join(root, 'docs', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
