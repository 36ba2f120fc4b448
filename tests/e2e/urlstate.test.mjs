// URL state under hostile input: 200 query strings from a seeded generator (reproducible: set
// PRESSLENS_URL_SEED to replay another run) mixing valid parameters with repeated keys, unknown
// keys, impossible dates, huge values, broken percent-encoding, NUL bytes, unicode, script
// payloads, unknown views and path-like article ids. Each must render the explorer, with a notice
// whenever something was dropped, and never a panic panel, an exception or a blank page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, visit, assertClean } from './harness.mjs';

const SEED = Number(process.env.PRESSLENS_URL_SEED ?? 20250204);
const CASES = 200;

const site = suite();

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = encodeURIComponent;
const article = '003_149772b19662e294';

// Parameters the seed corpus accepts as they are: no notice.
const good = [
  'outlet=Breitbart%20News',
  'outlet=ARY+News',
  'outlet=Breitbart%20News&outlet=Breitbart%20News',
  'topic=gangs',
  'topic=cecot&topic=fee',
  'from=2025-02-03',
  'to=2025-02-05',
  'from=2025-02-03&to=2025-02-04',
  'undated=0',
  'undated=1',
  'view=browse',
  'view=quotes',
  'view=heatmap',
  'view=timeline',
  'view=variants',
  `view=reader&article=${article}`,
  `view=quotes&article=${article}&sentence=2`,
  'norm=case,punct',
  'norm=none',
  'side=1',
  'q=fee',
  `q=${enc('"mega-prison"')}`,
  `q=${enc('<script>alert(1)</script>')}`,
  `q=${enc('Ünïcödé 🙂 ‮ RTL مرحبا 中文')}`,
  'q=%00',
  'q=',
  '',
  '&&&',
];

// Parameters that must be dropped, each with a notice.
const bad = [
  'zzz=1',
  '__proto__=x',
  'constructor=1',
  '%00=1',
  'outlet[]=x',
  '=1',
  'outlet',
  'from=2025-02-30',
  'to=2025-13-01',
  'from=0000-00-00',
  'from=2025-2-3',
  `to=${'9'.repeat(400)}`,
  'q=%ZZ',
  'q=%',
  'outlet=%E2%28',
  'view=%ZZ',
  'q=%C0%AF',
  'view=nonsense',
  `view=${enc('<script>alert(1)</script>')}`,
  'article=../../etc/passwd',
  'article=%2e%2e%2f%2e%2e%2fetc',
  `article=${enc('<img src=x onerror=alert(1)>')}`,
  'outlet=Nowhere',
  `outlet=${enc('<img src=x onerror=alert(1)>')}`,
  'topic=nope',
  'undated=maybe',
  'sentence=0',
  'sentence=-1',
  'sentence=99999999999999999999',
  'sentence=1e3',
  'norm=bogus',
  'norm=case,,punct',
  'side=2',
  `q=${'x'.repeat(3000)}`,
  `zzz=${'A'.repeat(3000)}`,
  'view=reader',
  '<script>alert(1)</script>=1',
  'javascript:alert(1)=1',
];

const views = ['browse', 'reader', 'quotes', 'heatmap', 'timeline', 'variants'];

/** One query string and whether it holds anything that must be dropped. */
function generate(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const parts = [];
  const n = 1 + Math.floor(next() * 5);
  for (let i = 0; i < n; i += 1) parts.push(next() < 0.45 ? pick(bad) : pick(good));
  const query = parts.join('&');
  // The reader without an article falls back to the list, with a notice; the last valid view wins.
  const lastView = [...query.matchAll(/(?:^|&)view=([^&]*)/g)].map((m) => m[1]).filter((v) => views.includes(v)).pop();
  const readerWithoutArticle = lastView === 'reader' && !query.includes(`article=${article}`);
  const dropped = parts.some((p) => bad.includes(p) && p !== 'view=reader') || readerWithoutArticle;
  return { query, dropped };
}

test(`${CASES} random and hostile query strings each render the explorer, with a notice for what was dropped`, async () => {
  const next = rng(SEED);
  const { page, problems, context } = await site.open();
  for (let i = 0; i < CASES; i += 1) {
    const { query, dropped } = generate(next);
    const where = `case ${i} (seed ${SEED}): ?${query.slice(0, 200)}`;
    await visit(page, `${site.url}?${query}`);
    const state = await page.evaluate(() => ({
      content: document.querySelectorAll('main#main > *').length,
      tabs: document.querySelectorAll('nav.tabs a').length,
      notices: document.querySelectorAll('[data-test="notice"] li').length,
      fatal: document.querySelectorAll('.fatal, [data-test="panic"]').length,
      pwned: typeof window.__pwned,
    }));
    assert.equal(state.fatal, 0, `${where}: error panel`);
    assert.ok(state.content > 0 && state.tabs > 0, `${where}: blank page`);
    if (dropped) assert.ok(state.notices > 0, `${where}: nothing said about what was dropped`);
    assert.equal(state.pwned, 'undefined', where);
    assert.deepEqual(problems.exceptions, [], where);
    assert.deepEqual(problems.console, [], where);
  }
  await assertClean(page, problems, assert);
  await context.close();
});

test('the notice can be dismissed, and the page goes on working', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, `${site.url}?view=nonsense&q=%ZZ&topic=human-rights`);
  const notice = page.locator('[data-test="notice"]');
  assert.equal(await notice.locator('li').count(), 2);
  await notice.getByRole('button', { name: /dismiss/i }).click();
  assert.equal(await notice.count(), 0);
  assert.equal(await page.locator('[data-test="result"]').count(), 3);
  await assertClean(page, problems, assert);
  await context.close();
});
