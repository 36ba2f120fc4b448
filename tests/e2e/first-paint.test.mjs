// The story's first screen is static HTML in index.html (scripts/first-paint, presslens site): a
// reader sees it before any wasm runs, a browser without JavaScript shows it, and the app takes it
// over without moving anything. Measured by holding the wasm back (the page then stays on the
// static screen) and comparing with the same page once the app has mounted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, visit, assertClean, withoutWasm, dist } from './harness.mjs';

const site = suite();

/** What the reader sees of the first screen: boxes and texts of its parts. */
const layout = () => {
  const parts = ['h1', '.summary', '.tabs', '.facets', '[data-test="result-count"]', '.results', '.result', '.result .snippet', '.colophon', '.histogram'];
  return Object.fromEntries(
    parts.map((sel) => {
      const el = document.querySelector(sel);
      if (!el) return [sel, null];
      const r = el.getBoundingClientRect();
      return [sel, { box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10), text: el.innerText }];
    }),
  );
};

test('the first screen shows the story before the wasm runs, laid out as the app lays it out', async () => {
  const before = await withoutWasm(site, site.url);
  const staticLayout = await before.page.evaluate(layout);
  assert.equal(await before.page.locator('html[data-ready="1"]').count(), 0, 'the app did not start');
  assert.ok(await before.page.locator('h1').isVisible(), 'the title shows');
  assert.equal(await before.page.locator('#loading').isVisible(), false, 'no loading indicator over a first screen');
  const cards = await before.page.locator('[data-test="result"]').count();
  await before.context.close();

  const { page, problems, context } = await site.open();
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await visit(page, site.url);
  await page.waitForTimeout(300);
  const appLayout = await page.evaluate(layout);
  assert.equal(await page.locator('#first-paint').count(), 0, 'the app removed the static copy');
  assert.equal(await page.locator('[data-test="result"]').count(), cards, 'the same number of cards');
  for (const [part, seen] of Object.entries(appLayout)) {
    assert.ok(seen, `${part} is on the app's first screen`);
    assert.deepEqual(staticLayout[part], seen, `${part}: the same box and text before and after the app mounts`);
  }
  assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');
  await assertClean(page, problems, assert);
  await context.close();
});

test('without JavaScript the page shows the story, its facets with counts and the first articles', async () => {
  const { page, problems, context } = await site.open({ javaScriptEnabled: false });
  await page.goto(site.url);
  assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), /<h1>El Salvador offers/, 'index.html carries the title as static HTML');
  assert.match(await page.locator('h1').innerText(), /CECOT/);
  assert.equal(await page.locator('.tabs a').count(), 5);
  assert.match(await page.locator('[data-test="result-count"]').innerText(), /^5 of 5 articles$/);
  assert.equal(await page.locator('[data-test="result"]').count(), 5);
  const breitbart = page.locator('[data-test="facet-outlet"][data-value="Breitbart News"] [data-test="count"]');
  assert.equal(await breitbart.innerText(), '2');
  assert.ok(await page.locator('.noscript').isVisible(), 'the page says what needs JavaScript');
  assert.equal(await page.locator('#loading').isVisible(), false);
  // Bars take their length from data-pct under the policy that refuses style attributes.
  const bar = await page.locator('.result .bar').first().evaluate((e) => getComputedStyle(e).backgroundImage);
  assert.match(bar, /linear-gradient/);
  const day = await page.locator('.day-bar').last().evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(day > 2, `the busiest day's bar has a height (${day})`);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('at another address the loading indicator shows instead of a screen that was not asked for', async () => {
  const { page, context } = await withoutWasm(site, `${site.url}?view=quotes`);
  assert.equal(await page.locator('h1').isVisible(), false, 'the first screen stays hidden');
  assert.ok(await page.locator('#loading').isVisible(), 'the loading indicator shows');
  await context.close();
});

test("the reader's chosen theme applies before the app runs", async () => {
  const { page, context } = await withoutWasm(site, site.url);
  await page.evaluate(() => localStorage.setItem('presslens-theme', 'dark'));
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 23, 26)', 'the dark background');
  await context.close();
});
