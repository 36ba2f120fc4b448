// Taking presslens anywhere: the single-file build opened from disk, the site offline after one
// visit (service worker, network cut through the DevTools protocol), and the print stylesheet of
// the reader and the quote view. Every view is checked in each case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite, open, visit, controlled, presslens, dist, root } from './harness.mjs';

const site = suite();

const ARTICLE_003 = '003_149772b19662e294';

/** Each view by its URL, and what must be on the page when it shows. */
const views = [
  ['', '[data-test="result"]', 5],
  [`?view=reader&article=${ARTICLE_003}`, '[data-test="quote"]', 1],
  ['?view=quotes', '[data-test="qrow"]', 5],
  ['?view=heatmap', '[data-test="heat-row"]', 5],
  ['?view=timeline', '[data-test="timeline-day"]', 1],
  ['?view=variants', '[data-test="cluster"]', 1],
];

async function everyView(page, base) {
  for (const [query, selector, least] of views) {
    await visit(page, base + query);
    const n = await page.locator(selector).count();
    assert.ok(n >= least, `${query || 'browse'}: ${n} × ${selector}, expected at least ${least}`);
  }
}

test('the single-file build opens from disk with every view', async () => {
  const file = join(root, 'target', 'presslens.html');
  // The seed corpus inlined as data blocks beside the viewer (presslens site --single-file).
  presslens('site', '--viewer', dist, '--single-file', file);
  const html = (await import('node:fs')).readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /\b(?:src|href)="?\.?\/?[\w-]+\.(?:js|wasm|css)\b/, 'no reference to another file');
  // One policy, its own: inline code is allowed by digest, never by 'unsafe-inline'.
  assert.equal(html.match(/http-equiv="?Content-Security-Policy/gi)?.length, 1);
  assert.doesNotMatch(html, /unsafe-inline/);

  const { page, problems, context } = await open(site.browser, 'file://');
  const url = pathToFileURL(file).href;
  await everyView(page, url);
  // Facets work from disk too, and the URL keeps the state.
  await visit(page, url);
  await page.locator('[data-test="facet-outlet"][data-value="Breitbart News"] input').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 2);
  assert.match(page.url(), /^file:.*outlet=Breitbart/);
  assert.deepEqual(problems.exceptions, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations ?? []), []);
  assert.equal(await page.evaluate(() => presslens.query().total), 5);
  await context.close();
});

test('after one visit the site works offline, every view', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  // The service worker installs, caches the page and its assets, and takes control.
  await controlled(page);
  const cached = await page.evaluate(async () => (await (await caches.open('presslens')).keys()).map((r) => r.url));
  assert.ok(cached.some((u) => u.endsWith('.wasm')), `cached: ${cached}`);
  // The first screen's links to other addresses of the page are not assets to fetch and keep.
  assert.deepEqual(cached.filter((u) => u.includes('?')), [], 'no copy of the page per query string');

  // Cut the network the way DevTools does, then reload and go through every view.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  await everyView(page, site.url);
  // The network really is gone: a file the site never had cannot be fetched.
  const missing = await page.evaluate(() =>
    fetch('./not-in-the-cache.txt').then(
      (r) => r.status,
      () => 'failed',
    ),
  );
  assert.notEqual(missing, 200);
  assert.deepEqual(problems.exceptions, []);
  await context.close();
});

test('the reader and the quote view print in black and white, without the controls', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=quotes&article=${ARTICLE_003}`);
  await page.emulateMedia({ media: 'print' });
  const style = (selector, property) =>
    page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);
  // No controls on paper.
  for (const selector of ['.tabs', '.masthead-tools']) {
    if ((await page.locator(selector).count()) > 0) assert.equal(await style(selector, 'display'), 'none', selector);
  }
  // Changes are told apart by line, not by colour: struck through, underlined, boxed; all black.
  if ((await page.locator('.diff-del').count()) > 0) {
    assert.match(await style('.diff-del', 'textDecorationLine'), /line-through/);
    assert.equal(await style('.diff-del', 'color'), 'rgb(0, 0, 0)');
  }
  assert.match(await style('.diff-chg', 'borderTopStyle'), /solid/);
  assert.equal(await style('.diff-chg', 'color'), 'rgb(0, 0, 0)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);

  await page.emulateMedia({ media: 'screen' });
  await visit(page, `${site.url}?view=reader&article=${ARTICLE_003}`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await style('[data-test="quote"]', 'color'), 'rgb(0, 0, 0)');
  assert.ok((await page.pdf({ format: 'A4' })).length > 10_000);
  await context.close();
});
