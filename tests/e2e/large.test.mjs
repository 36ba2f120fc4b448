// A 10,000-article story: the site `presslens site` writes for a synthetic corpus of that size,
// served under a sub-path. Its first screen is in index.html before the wasm runs; once the app
// is up, opening an article from the list costs at most two requests, and the quote view and the
// heat map list a page of articles, not ten thousand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, visit, assertClean, buildAll, presslens, dist, root } from './harness.mjs';

const corpusDir = join(root, 'target', 'e2e', 'synth-10k');
const siteDir = join(root, 'target', 'e2e', 'site-10k');

rmSync(corpusDir, { recursive: true, force: true });
presslens('synth', '--articles', '10000', '--seed', '3', '--out', corpusDir);
assert.match(presslens('site', '--corpus', corpusDir, '--viewer', dist, '--out', siteDir), /10000 articles in \d+ data files/);

const site = suite({ dir: siteDir });

test('a 10,000-article site: an article opens in at most two requests, the quote views a page at a time', async () => {
  const { page, problems, context } = await site.open();
  await page.goto(site.url);
  // The static first screen is there before the app: the count and the first page of cards.
  assert.equal(await page.locator('[data-test="result-count"]').first().innerText(), '10000 of 10000 articles');
  await page.waitForSelector('html[data-ready="1"]', { timeout: 120_000 });
  // Only the cards near the viewport are built.
  const cards = await page.locator('[data-test="result"]').count();
  assert.ok(cards >= 8 && cards <= 40, `${cards} cards built`);

  const requests = [];
  page.on('request', (r) => /\/favicon\.svg$/.test(r.url()) || requests.push(r.url()));
  const card = page.locator('[data-test="result"]').nth(7);
  const id = await card.getAttribute('data-article');
  const headline = await card.locator('.headline a').innerText();
  await card.locator('.headline a').click();
  await page.waitForSelector('#reader-title');
  assert.equal(await page.locator('#reader-title').innerText(), headline);
  assert.ok((await page.locator('.para').count()) > 0, 'the body is shown');
  assert.match(page.url(), new RegExp(`article=${id}`));
  assert.ok(requests.length <= 2, `opening an article made ${requests.length} requests: ${requests}`);

  await visit(page, `${site.url}?view=quotes`);
  const sentences = await page.locator('.quote-view .sentence').count();
  assert.equal(await page.locator('[data-test="qrow"]').count(), 20, 'the first sentence\'s rows at once');
  await buildAll(page);
  assert.equal(await page.locator('[data-test="qrow"]').count(), 20 * sentences);
  assert.match(await page.locator('.quote-view .more .hint').first().innerText(), /^ 9980 not shown$/);
  await visit(page, `${site.url}?view=heatmap`);
  assert.equal(await page.locator('[data-test="heat-row"]').count(), 50 * (await page.locator('table.heatmap').count()));
  // The alignment table, below 50 rows of heat map, is built when the reader comes near it.
  assert.equal(await page.locator('table.alignment').count(), 0, 'not built at the start');
  await page.locator('.when-near').first().scrollIntoViewIfNeeded();
  await page.locator('table.alignment tbody tr').first().waitFor();
  assert.equal(await page.locator('table.alignment').first().locator('tbody tr').count(), 50);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a 10,000-article site starts from its metadata file and fetches word chunks only for a search', async () => {
  const { page, problems, context } = await site.open();
  const data = [];
  page.on('request', (r) => {
    const m = /\/data\/(meta|c\d+|b\d+|w\d+)-[0-9a-f]{16}\.bin$/.exec(r.url());
    if (m) data.push({ kind: m[1][0] });
  });
  await page.goto(site.url);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 120_000 });
  const kinds = () => data.map((d) => d.kind).join('');
  // The metadata file, then the bundle of the cards drawn first (20 articles: one bundle) and the
  // catalog chunk that names them, fetched together.
  assert.equal(kinds()[0], 'm', `the start fetched ${kinds()}`);
  assert.deepEqual([...kinds().slice(1)].sort().join(''), 'bc', `the start fetched ${kinds()}`);
  assert.ok(!data.some((d) => d.kind === 'w'), 'no word chunk before a search');

  // A word of the third card's snippet, and two words that follow each other there.
  const snippet = await page.locator('[data-test="result"]').nth(2).locator('.snippet').innerText();
  const words = snippet.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 6);
  const word = words[0];
  const at = data.length;
  await page.locator('[data-test="search"]').fill(word);
  await page.waitForFunction(
    (w) => [...document.querySelectorAll('[data-test="result"] .snippet mark')].some((m) => m.textContent.toLowerCase() === w.toLowerCase()),
    word,
    { timeout: 30_000 },
  );
  const fetched = data.slice(at);
  assert.ok(fetched.some((d) => d.kind === 'w'), 'the search fetched a word chunk');
  assert.ok(fetched.filter((d) => d.kind === 'w').length <= 2, `one word, ${fetched.filter((d) => d.kind === 'w').length} chunks`);
  const count = await page.locator('[data-test="result-count"]').innerText();
  const api = await page.evaluate((q) => presslens.query({ q }), word);
  assert.equal(count, `${api.total} of 10000 articles`);
  assert.ok(api.total > 0, count);
  const none = await page.evaluate(() => presslens.query({ q: 'xylophonequartz' }));
  assert.equal(none.total, 0, 'a word in no article finds none');
  // Every card listed holds the word, marked in its snippet, now that its bundle has come.
  await page.waitForFunction(() => !document.querySelector('[data-test="result"] .loading-text'), null, { timeout: 30_000 });
  const cards = page.locator('[data-test="result"]');
  const n = Math.min(await cards.count(), 10);
  for (let i = 0; i < n; i++) {
    const marks = await cards.nth(i).locator('.snippet mark').allInnerTexts();
    assert.ok(marks.some((m) => m.toLowerCase() === word.toLowerCase()), `card ${i}: ${marks}`);
  }

  // A phrase from the same card: found in that article, and in no more articles than its two
  // words anywhere.
  const id = await page.locator('[data-test="result"]').nth(2).getAttribute('data-article');
  const tokens = snippet.split(/\s+/);
  const i = tokens.findIndex((t, k) => /^\p{L}+$/u.test(t) && /^\p{L}+$/u.test(tokens[k + 1] ?? ''));
  assert.ok(i >= 0, snippet);
  const pair = `${tokens[i]} ${tokens[i + 1]}`;
  const phrase = await page.evaluate((q) => presslens.query({ q: `"${q}"` }), pair);
  const both = await page.evaluate((q) => presslens.query({ q }), pair);
  assert.ok(phrase.hits.some((h) => h.id === id), `"${pair}" is in ${id}`);
  assert.ok(phrase.total <= both.total, `${pair}: ${phrase.total} of ${both.total}`);

  // A word's chunk is asked for as it is typed, not after the box's pause in typing: the first of
  // a few made-up words whose chunk has not come yet (the debounce is 150 ms).
  const lead = await page.evaluate(async () => {
    const box = document.querySelector('[data-test="search"]');
    for (const w of ['zyxwvuta', 'qqqjjjkk', 'vvvbbbnnn', 'kkkzzzxx', 'pppqqqyy']) {
      const t0 = performance.now();
      box.value = w;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 400));
      const asked = performance.getEntriesByType('resource').filter((r) => /\/data\/w\d+-/.test(r.name) && r.startTime >= t0);
      if (asked.length) return asked[0].startTime - t0;
    }
    return null;
  });
  assert.ok(lead !== null && lead < 100, `the word chunk was asked for ${lead} ms after the keystroke`);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a 10,000-article site names its articles from catalog chunks: an address, Back to an entry and the API find any of them', async () => {
  const { page, problems, context } = await site.open();
  const catalog = new Set();
  page.on('request', (r) => {
    const m = /\/data\/(c\d+)-[0-9a-f]{16}\.bin$/.exec(r.url());
    if (m) catalog.add(m[1]);
  });
  await visit(page, site.url);
  assert.deepEqual([...catalog], ['c0'], 'the start names the first articles alone');
  // The API's corpus() names every article: it fetches the other chunks first.
  const all = await page.evaluate(async () => (await presslens.corpus()).articles.map((a) => [a.id, a.headline]));
  assert.equal(all.length, 10000);
  assert.equal(new Set(all.map(([id]) => id)).size, 10000, 'every article has an id of its own');
  assert.ok(catalog.size >= 10, `${catalog.size} catalog chunks for 10,000 articles`);
  const [lastId, lastHeadline] = all[9999];

  // An address that opens the last article, in a page that has fetched nothing yet.
  catalog.clear();
  await visit(page, `${site.url}?view=reader&article=${lastId}`);
  await page.waitForSelector('#reader-title');
  if (lastHeadline) assert.equal(await page.locator('#reader-title').innerText(), lastHeadline);
  assert.ok(catalog.size >= 10, 'the address was looked up in every chunk');
  assert.equal(await page.locator('[data-test="notice"]').count(), 0);
  // A history entry of this page that names an article it has not named yet (as a script or an
  // extension may write): Back to it looks the id up first.
  await visit(page, site.url);
  await page.evaluate((id) => {
    history.pushState(null, '', `?view=reader&article=${id}`);
    history.pushState(null, '', '?view=browse');
  }, lastId);
  await page.goBack();
  await page.waitForSelector('#reader-title');
  if (lastHeadline) assert.equal(await page.locator('#reader-title').innerText(), lastHeadline);
  assert.match(page.url(), new RegExp(`article=${lastId}`));
  // matches() by id, in a page that has named only the first chunk: its bundle, not every bundle.
  await visit(page, site.url);
  const bundles = [];
  page.on('request', (r) => /\/data\/b\d+-/.test(r.url()) && bundles.push(r.url()));
  const m = await page.evaluate((id) => presslens.matches(id), lastId);
  assert.ok(m.length > 0 && m.every((x) => x.article === lastId), `the last article's matches: ${m.length}`);
  assert.equal(bundles.length, 1, `matches(id) fetched ${bundles.length} bundles`);
  await assert.rejects(page.evaluate(() => presslens.matches('no-such-article')), /no article "no-such-article"/);
  // An address naming no article of the story is still said, once every chunk has been looked in.
  await visit(page, `${site.url}?view=reader&article=no-such-article`);
  assert.match(await page.locator('[data-test="notice"]').innerText(), /no such article/);
  await assertClean(page, problems, assert);
  await context.close();
});
