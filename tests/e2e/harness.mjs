// Shared set-up for the end-to-end tests: a static server for a release dist/ under a sub-path,
// Debian's headless Chromium driven by playwright-core, and a page that records what must never
// happen: console errors, uncaught exceptions, dialogs, Content-Security-Policy violations and
// requests to any other origin.

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, resolve, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const dist = resolve(process.env.PRESSLENS_DIST ?? join(root, 'dist'));
/** The dist built from tests/hostile/ (XSS payloads in every field); scripts/test builds it. */
export const hostileDist = resolve(process.env.PRESSLENS_HOSTILE_DIST ?? join(root, 'target', 'hostile-dist'));
export const prefix = '/news/explorer/';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

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
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
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
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
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

/** Navigates and waits until the app has mounted. */
export async function visit(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
}

/** Saves a screenshot of the page into docs/screenshots/ for the README. */
export async function shot(page, name) {
  const dir = join(root, 'docs', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
