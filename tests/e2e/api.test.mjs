// window.presslens, the JavaScript API for researchers, called in the release dist/ in headless
// Chromium: query with facet counts, contract-v1 matches equal to the CLI's, corpus metadata, and
// clear errors for bad arguments.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { suite, visit, root } from './harness.mjs';

// The page lives as long as the browser: closing the browser closes it.
let page;
let cli;

const site = suite({
  setup: async () => {
    ({ page } = await site.open());
    await visit(page, site.url);
    cli = JSON.parse(
      execFileSync('cargo', ['run', '-q', '-p', 'presslens-cli', '--', 'quotes', '--json'], { cwd: root, maxBuffer: 1 << 26 }),
    );
  },
});

test('query() filters and counts the way the facet panel does', async () => {
  const all = await page.evaluate(() => presslens.query());
  assert.equal(all.total, 5);
  assert.equal(all.facets.outlets['Breitbart News'], 2);
  assert.equal(all.facets.undated, 1);

  const breitbart = await page.evaluate(() => presslens.query({ outlets: ['Breitbart News'] }));
  assert.deepEqual(breitbart.hits.map((h) => h.id.slice(0, 3)), ['001', '002']);
  assert.equal(breitbart.facets.topics.guantanamo, 0);
  // Outlet counts are "as if added": other outlets keep their own counts.
  assert.equal(breitbart.facets.outlets['The New York Sun'], 1);

  const phrase = await page.evaluate(() => presslens.query({ q: '"most unprecedented and extraordinary"', undated: false }));
  assert.ok(phrase.total >= 1 && phrase.total < 5, `phrase search gave ${phrase.total}`);
  assert.ok(phrase.hits.every((h) => h.date !== null));

  const dated = await page.evaluate(() => presslens.query({ from: '2025-02-04', to: '2025-02-04', undated: false }));
  assert.ok(dated.hits.every((h) => h.date === '2025-02-04'));
  assert.ok(dated.hits.every((h) => h.reproduced >= 0 && h.reproduced <= 1));
});

test('query() rejects bad arguments with a TypeError naming the parameter', async () => {
  const error = (args) =>
    page.evaluate((a) => {
      try {
        presslens.query(a);
        return null;
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    }, args);
  assert.match(await error({ from: '2025-02-30' }), /^TypeError: .*`from`/);
  assert.match(await error({ topics: ['no-such-topic'] }), /^TypeError: .*`topics`/);
  assert.match(await error({ outlet: ['typo for outlets'] }), /^TypeError: .*outlet/);
  assert.match(await error({ undated: 'yes' }), /^TypeError/);
  // The page is still alive and answering after every rejection.
  assert.equal(await page.evaluate(() => presslens.query({}).total), 5);
});

test('matches() equals the contract-v1 matches of `presslens quotes --json`', async () => {
  const all = await page.evaluate(() => presslens.matches());
  assert.deepEqual(all, cli.matches);
  const id = cli.articles.find((a) => a.id.startsWith('003')).id;
  const one = await page.evaluate((id) => presslens.matches(id), id);
  assert.deepEqual(one, cli.matches.filter((m) => m.article === id));
  assert.ok(one.length > 0);
  const missing = await page.evaluate(() => {
    try {
      presslens.matches('nope');
    } catch (e) {
      return e.message;
    }
  });
  assert.match(missing, /no article "nope"/);
});

test('corpus() gives the story, its sources and the article metadata', async () => {
  const c = await page.evaluate(() => presslens.corpus());
  assert.equal(c.title, cli.story.title);
  assert.equal(c.sources[0].text, cli.sources[0].text);
  assert.equal(c.sources[0].speaker, 'Nayib Bukele');
  assert.deepEqual(c.articles.map((a) => a.id), cli.articles.map((a) => a.id));
  assert.equal(c.articles.find((a) => a.id.startsWith('004')).date, null);
  assert.ok(c.articles.every((a) => !('body' in a) && a.words > 100));
  assert.ok(c.topics.length >= 8);
});
