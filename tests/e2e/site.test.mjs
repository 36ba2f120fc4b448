// Sites written by `presslens site` for a corpus the viewer was not built with: the built viewer
// copied as is (no wasm compiled), the analysed corpus beside it as data files. A synthetic story
// of 1,000 articles, served under a sub-path, with every view; a data file from another build
// refused with a message that names it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, serve, visit, controlled, assertClean, presslens, dist, root } from './harness.mjs';

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
  assert.deepEqual(wasm.map((f) => f.replace(/-[0-9a-f]{16}_bg/, '_bg')).sort(), ['presslens-app_bg.wasm', 'presslens-worker_bg.wasm']);
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

test('over 1,000 articles the lists grow a page at a time: cards, quote rows, heat map rows', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const cards = page.locator('[data-test="result"]');
  assert.equal(await cards.count(), 50);
  await page.locator('[data-test="more"]').click();
  assert.equal(await cards.count(), 100);

  await visit(page, `${site.url}?view=quotes`);
  const sentences = await page.locator('.quote-view .sentence').count();
  assert.ok(sentences > 0);
  const rows = page.locator('[data-test="qrow"]');
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
  assert.equal(await page.locator('[data-test="result"]').count(), 50);
  assert.equal(await page.locator('[data-test="result"]').nth(40).locator('[role="alert"]').count(), 0);
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
  // Under the service worker's control: an article far down the list (its bundle is not one of
  // the first page's), and a search (its word chunks).
  const id = (await page.evaluate(() => presslens.corpus())).articles[900].id;
  await visit(page, `${site.url}?view=reader&article=${id}`);
  const headline = await page.locator('#reader-title').innerText();
  const word = (await page.locator('.reader .para p').first().innerText()).split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w));
  await visit(page, `${site.url}?q=${encodeURIComponent(word)}`);
  const count = await page.locator('[data-test="result-count"]').innerText();
  const cached = await page.evaluate(async () => (await (await caches.open('presslens')).keys()).map((r) => r.url));
  assert.ok(cached.filter((u) => /\/data\/b\d+-/.test(u)).length >= 3, 'the bundles used are kept');
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
