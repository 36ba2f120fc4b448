// Sites written by `presslens site` for a corpus the viewer was not built with: the built viewer
// copied as is (no wasm compiled), the analysed corpus beside it as data files. A synthetic story
// of 1,000 articles, served under a sub-path, with every view; a data file from another build
// refused with a message that names it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, serve, visit, controlled, assertClean, buildAll, presslens, dist, root } from './harness.mjs';

const corpusDir = join(root, 'target', 'e2e', 'synth-1k');
const siteDir = join(root, 'target', 'e2e', 'site-1k');

function build() {
  rmSync(corpusDir, { recursive: true, force: true });
  presslens('synth', '--articles', '1000', '--seed', '7', '--out', corpusDir);
  const out = presslens('site', '--corpus', corpusDir, '--viewer', dist, '--out', siteDir);
  assert.match(out, /1000 articles in \d+ data files/);
}
build();

const site = suite({ dir: siteDir });

const views = [
  ['?view=quotes', '[data-test="qrow"]'],
  ['?view=heatmap', '[data-test="heat-row"]'],
  ['?view=timeline', '[data-test="timeline-day"]'],
  ['?view=variants', '[data-test="cluster"]'],
];

test('the site reuses the viewer byte for byte and adds only data files', () => {
  // The viewer's wasm and the engine's worker (for "Your own articles").
  const wasm = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  // Trunk's hash is a number in hex, written without leading zeros: 16 digits or fewer.
  assert.deepEqual(wasm.map((f) => f.replace(/-[0-9a-f]{1,16}_bg/, '_bg')).sort(), ['presslens-app_bg.wasm', 'presslens-worker_bg.wasm']);
  for (const f of wasm) assert.deepEqual(readFileSync(join(siteDir, f)), readFileSync(join(dist, f)), `the same ${f}`);
  const data = readdirSync(join(siteDir, 'data'));
  assert.equal(data.filter((f) => /^meta-[0-9a-f]{16}\.bin$/.test(f)).length, 1);
  assert.equal(data.filter((f) => /^b\d+-[0-9a-f]{16}\.bin$/.test(f)).length, Math.ceil(1000 / 32));
});

test('a 1,000-article site opens with its own story in every view', async () => {
  const { page, problems, context } = await site.open();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await visit(page, site.url);
  const story = await page.evaluate(() => presslens.corpus());
  assert.equal(story.articles.length, 1000);
  assert.equal(await page.title(), `${story.title} — presslens`);
  assert.equal(await page.locator('h1').innerText(), story.title);
  assert.match(await page.locator('[data-test="result-count"]').innerText(), /1,?000/);
  assert.ok(requested.some((p) => /\/data\/meta-[0-9a-f]{16}\.bin$/.test(p)), 'the metadata file was fetched');

  // The export in the page is what the command line gives for the same folder.
  const cli = JSON.parse(presslens('quotes', '--json', '--corpus', corpusDir));
  const matches = await page.evaluate(() => presslens.matches());
  assert.equal(matches.length, cli.matches.length);
  assert.deepEqual(matches, cli.matches);

  const id = story.articles[123].id;
  await visit(page, `${site.url}?view=reader&article=${id}`);
  assert.ok((await page.locator('.para').count()) > 0, 'the reader shows the body');
  for (const [query, selector] of views) {
    await visit(page, site.url + query);
    assert.ok((await page.locator(selector).count()) > 0, `${query}: ${selector}`);
  }
  await assertClean(page, problems, assert);
  await context.close();
});

/** Waits until `selector` matches `n` elements (a list whose next page is on its way). */
const countOf = (page, selector, n) =>
  page.waitForFunction(([s, n]) => document.querySelectorAll(s).length === n, [selector, n], { timeout: 30_000 });

/** The cards in the DOM: place in the list (aria-posinset) and article id, in document order. */
const drawn = (page) =>
  page.locator('[data-test="result"]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-posinset')), e.dataset.article]));

/** Waits for two animation frames: the list's measure, and the one after the cards it changed. */
const twoFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Scrolls the window to `y` and waits until the list has drawn the cards there. */
async function scrollTo(page, y) {
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-test="result"]')].map((e) => e.getBoundingClientRect());
    return cards.some((r) => r.top < innerHeight && r.bottom > 0) || !cards.length;
  });
  await twoFrames(page);
}

test('over 1,000 articles the result list builds only the cards near the viewport, and scrolls through all', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const { hits } = await page.evaluate(() => presslens.query());
  assert.equal(hits.length, 1000);
  const start = await drawn(page);
  assert.ok(start.length >= 5 && start.length <= 40, `${start.length} cards at the start`);
  assert.deepEqual(start, hits.slice(0, start.length).map((h, i) => [i + 1, h.id]), 'the first hits, in order');
  assert.equal(await page.locator('[data-test="result"]').first().getAttribute('aria-setsize'), '1000');

  // Down the page a screen at a time: every hit is drawn once on the way, in its place.
  const seen = new Map();
  const height = await page.evaluate(() => innerHeight);
  for (let y = 0; ; y += height) {
    await scrollTo(page, y);
    const now = await drawn(page);
    assert.ok(now.length <= 40, `${now.length} cards in the DOM at ${y} px`);
    for (const [pos, id] of now) seen.set(pos, id);
    const end = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    if (end) break;
  }
  assert.equal(seen.size, 1000, 'every card was drawn on the way down');
  for (const [pos, id] of seen) assert.equal(id, hits[pos - 1].id, `card ${pos}`);
  // At the end of the page, the last card is in view: the padding below it is gone.
  const last = page.locator('[data-test="result"][aria-posinset="1000"]');
  const box = await last.boundingBox();
  const view = await page.evaluate(() => innerHeight);
  assert.ok(box && box.y >= 0 && box.y + box.height <= view + 1, `the last card in view: ${JSON.stringify(box)}`);

  // Back at the top, the first card again; a filter starts the list over with its own hits.
  await scrollTo(page, 0);
  assert.equal((await drawn(page))[0][1], hits[0].id);
  const outlet = page.locator('[data-test="facet-outlet"]').first();
  const name = await outlet.getAttribute('data-value');
  await outlet.click();
  const filtered = await page.evaluate((o) => presslens.query({ outlets: [o] }), name);
  await page.waitForFunction((n) => document.querySelector('[data-test="result"]')?.getAttribute('aria-setsize') === String(n), filtered.total);
  const now = await drawn(page);
  assert.deepEqual(now, filtered.hits.slice(0, now.length).map((h, i) => [i + 1, h.id]));
  await assertClean(page, problems, assert);
  await context.close();
});

test('over 1,000 articles the keyboard walks the card links in order past the cards first built', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  await page.locator('[data-test="result"][aria-posinset="1"] .headline a').focus();
  const place = () => page.evaluate(() => document.activeElement.closest('[data-test="result"]')?.getAttribute('aria-posinset'));
  for (let n = 2; n <= 60; n++) {
    await page.keyboard.press('Tab');
    assert.equal(await place(), String(n), `Tab ${n - 1} lands on card ${n}`);
    // The list follows the focus as it scrolls the page.
    await twoFrames(page);
  }
  for (let n = 59; n >= 40; n--) {
    await page.keyboard.press('Shift+Tab');
    assert.equal(await place(), String(n), `Shift+Tab back to card ${n}`);
    await twoFrames(page);
  }
  assert.ok((await drawn(page)).length <= 40, 'still only the cards near the viewport');
  await assertClean(page, problems, assert);
  await context.close();
});

test('printed, a list of up to 500 cards is built whole; a longer one prints the cards built', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const { facets } = await page.evaluate(() => presslens.query());
  let [day, n] = Object.entries(facets.days).sort((a, b) => b[1] - a[1])[0];
  assert.ok(n > 20 && n <= 500, `the busiest day has ${n} articles`);
  const print = (what) => page.evaluate((w) => window.dispatchEvent(new Event(w)), what);
  const count = () => page.locator('[data-test="result"]').count();

  await print('beforeprint');
  assert.ok((await count()) <= 40, 'all 1,000: the cards built');
  await print('afterprint');

  // That day's articles, and the undated ones (the date filter keeps them unless asked not to).
  await visit(page, `${site.url}?from=${day}&to=${day}`);
  const total = Number(await page.locator('[data-test="result"]').first().getAttribute('aria-setsize'));
  assert.ok(total >= n && total <= 500, `${total} results`);
  n = total;
  assert.ok((await count()) < n, 'on screen, the cards near the viewport');
  await print('beforeprint');
  await page.waitForFunction((n) => document.querySelectorAll('[data-test="result"]').length === n, n);
  const places = (await drawn(page)).map(([pos]) => pos);
  assert.deepEqual(places, Array.from({ length: n }, (_, i) => i + 1), 'every card, in order');
  await print('afterprint');
  await page.waitForFunction((n) => document.querySelectorAll('[data-test="result"]').length < n, n);
  await assertClean(page, problems, assert);
  await context.close();
});

test('over 1,000 articles the quote view and the heat map grow a page at a time', async () => {
  const { page, problems, context } = await site.open();

  await visit(page, `${site.url}?view=quotes`);
  const sentences = await page.locator('.quote-view .sentence').count();
  assert.ok(sentences > 0);
  const rows = page.locator('[data-test="qrow"]');
  // The first sentence's rows at once; the others' when the reader scrolls to them.
  assert.equal(await rows.count(), 20, 'the first sentence, 20 articles');
  assert.ok((await buildAll(page)) >= 1, 'the other sentences waited for the reader');
  assert.equal(await rows.count(), 20 * sentences, '20 articles under each sentence');
  const more = page.locator('.quote-view [data-test="more"]');
  assert.equal(await more.count(), sentences, 'a "Show more" under each sentence');
  assert.equal(await more.first().innerText(), 'Show 20 more articles');
  await more.first().click();
  // The next page's articles come with their bundles; until then the rows listed stay.
  await countOf(page, '[data-test="qrow"]', 40 * sentences);
  assert.equal(await rows.count(), 40 * sentences, 'one click lists 20 more under every sentence');
  assert.match(await page.locator('.quote-view .more .hint').first().innerText(), /960 not shown/);

  await visit(page, `${site.url}?view=heatmap`);
  const heat = page.locator('[data-test="heat-row"]');
  const sources = await page.locator('table.heatmap').count();
  assert.equal(await heat.count(), 50 * sources);
  await page.locator('.heatmap-view [data-test="more"]').first().click();
  await countOf(page, '[data-test="heat-row"]', 100 * sources);
  assert.equal(await heat.count(), 100 * sources);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a data file from another build is refused with a message that names it', async () => {
  const broken = join(root, 'target', 'e2e', 'site-broken');
  rmSync(broken, { recursive: true, force: true });
  cpSync(siteDir, broken, { recursive: true });
  const bundles = readdirSync(join(broken, 'data')).filter((f) => f.startsWith('b'));
  const [first, second] = [bundles.find((f) => f.startsWith('b0-')), bundles.find((f) => f.startsWith('b1-'))];
  writeFileSync(join(broken, 'data', first), readFileSync(join(broken, 'data', second)));
  const server = await serve(broken);
  const { page, context } = await site.open();
  await page.goto(server.url);
  // The articles of the damaged bundle say so; the rest of the story shows.
  const alert = page.locator('[data-test="result"] [role="alert"]').first();
  await alert.waitFor({ timeout: 30_000 });
  // Further down, past the damaged bundle's 32 articles, cards show their text.
  const card = page.locator('[data-test="result"][aria-posinset="40"]');
  for (let y = 0; !(await card.count()); y += 500) await scrollTo(page, y);
  await card.locator('.snippet mark, .snippet').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-posinset="40"] .loading-text'), null, { timeout: 30_000 });
  assert.equal(await card.locator('[role="alert"]').count(), 0);
  assert.ok((await card.locator('.snippet').innerText()).length > 20);
  const text = await alert.innerText();
  assert.match(text, new RegExp(first.replace('.', '\\.')));
  assert.match(text, /another build/);
  await context.close();
  server.close();
});

test('presslens site refuses a folder that is not an earlier site', () => {
  const other = join(root, 'target', 'e2e', 'not-a-site');
  rmSync(other, { recursive: true, force: true });
  cpSync(join(root, 'docs'), other, { recursive: true });
  assert.throws(
    () => presslens('site', '--corpus', corpusDir, '--viewer', dist, '--out', other),
    (e) => /is not empty and is not a site presslens wrote/.test(e.stderr),
  );
  assert.ok(existsSync(join(other, 'screenshots')), 'nothing was removed');
});

test('offline after one visit, the site shows what that visit fetched: an article it opened, a search it made', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  await controlled(page);
  const fetched = new Set();
  page.on('request', (r) => /\/data\/b\d+-[0-9a-f]{16}\.bin$/.test(r.url()) && fetched.add(r.url()));
  // Under the service worker's control: an article far down the list (its bundle is not one of
  // the first page's), and a search (its word chunks).
  const id = (await page.evaluate(() => presslens.corpus())).articles[900].id;
  await visit(page, `${site.url}?view=reader&article=${id}`);
  const headline = await page.locator('#reader-title').innerText();
  const word = (await page.locator('.reader .para p').first().innerText()).split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w));
  await visit(page, `${site.url}?q=${encodeURIComponent(word)}`);
  const count = await page.locator('[data-test="result-count"]').innerText();
  const cached = await page.evaluate(async () => (await (await caches.open('presslens')).keys()).map((r) => r.url));
  assert.ok(fetched.size >= 1, 'the article far down the list fetched its bundle');
  for (const u of fetched) assert.ok(cached.includes(u), `the bundle used is kept: ${u}`);
  assert.ok(cached.some((u) => /\/data\/w\d+-/.test(u)), 'the word chunks used are kept');
  assert.ok(cached.filter((u) => /\/data\/b\d+-/.test(u)).length < Math.ceil(1000 / 32), 'not every bundle');

  await context.setOffline(true);
  await visit(page, `${site.url}?view=reader&article=${id}`);
  assert.equal(await page.locator('#reader-title').innerText(), headline);
  await visit(page, `${site.url}?q=${encodeURIComponent(word)}`);
  assert.equal(await page.locator('[data-test="result-count"]').innerText(), count);
  // An article whose bundle no visit fetched says it could not be loaded, and nothing breaks.
  const unseen = (await page.evaluate(() => presslens.corpus())).articles[500].id;
  await visit(page, `${site.url}?view=reader&article=${unseen}`);
  assert.match(await page.locator(".load-failed").first().innerText(), /could not be loaded/);
  assert.deepEqual(problems.exceptions, []);
  await context.close();
});
