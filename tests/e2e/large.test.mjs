// A 10,000-article story: the site `presslens site` writes for a synthetic corpus of that size,
// served under a sub-path. Its first screen is in index.html before the wasm runs; once the app
// is up, opening an article from the list costs at most two requests, and the quote view and the
// heat map list a page of articles, not ten thousand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, visit, assertClean, presslens, dist, root } from './harness.mjs';

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
  assert.equal(await page.locator('[data-test="result"]').count(), 50);

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
  assert.equal(await page.locator('[data-test="qrow"]').count(), 20 * sentences);
  assert.match(await page.locator('.quote-view .more .hint').first().innerText(), /^ 9980 not shown$/);
  await visit(page, `${site.url}?view=heatmap`);
  assert.equal(await page.locator('[data-test="heat-row"]').count(), 50 * (await page.locator('table.heatmap').count()));
  await assertClean(page, problems, assert);
  await context.close();
});
