// Accessibility of every view: axe-core finds no violation (light and dark themes); the facets
// work from the keyboard alone (Tab to a checkbox, Space to toggle); focus is always visible; and
// the diff's kinds of change read without colour.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { suite, visit, assertClean } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const article = '003_149772b19662e294';
const views = {
  browse: '',
  reader: `?view=reader&article=${article}`,
  quotes: '?view=quotes',
  'quotes side by side': `?view=quotes&article=${article}&side=1`,
  heatmap: '?view=heatmap',
  timeline: '?view=timeline',
  variants: '?view=variants',
  notice: '?view=nonsense&from=2025-02-30',
  'no result': '?q=nothingmatchesthis',
};

const site = suite();

/** axe's violations on the page, one line each with the elements concerned. */
async function axe(page) {
  // The page's policy forbids scripts it did not ship; this context bypasses it for axe only.
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violation on any view (${scheme} theme)`, async () => {
    const { page, context } = await site.open({ bypassCSP: true, colorScheme: scheme });
    const found = [];
    for (const [name, query] of Object.entries(views)) {
      await visit(page, site.url + query);
      await page.locator('main#main > *').first().waitFor();
      found.push(...(await axe(page)).map((v) => `${name}: ${v}`));
    }
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('the "Your own articles" panel: no axe violation in either theme, Escape closes it and focus returns', async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await site.open({ bypassCSP: true, colorScheme: scheme });
    await visit(page, site.url);
    await page.focus('[data-test="own-open"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-test="studio"][data-engine="ready"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'studio-title', 'focus moves into the panel');
    assert.deepEqual(await axe(page), [], `${scheme} theme`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-test="studio"]', { state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), 'own-open', 'focus returns to the button');
    await context.close();
  }
});

test('a facet checkbox is reached with Tab and toggled with Space, and the list follows', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const ids = () => page.locator('[data-test="result"]').evaluateAll((els) => els.map((e) => e.dataset.article));
  const before = await ids();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.matches('[data-test="facet-outlet"] input[type="checkbox"]') ?? false);
  }
  assert.ok(reached, 'no outlet checkbox within 40 Tab presses');
  const outlet = await page.evaluate(() => document.activeElement.closest('[data-test="facet-outlet"]').dataset.value);
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  assert.notEqual(outline.style, 'none', 'the focused checkbox shows no outline');
  assert.ok(outline.width >= 2, `outline ${outline.width}px`);

  await page.keyboard.press('Space');
  await page.waitForFunction((n) => document.querySelectorAll('[data-test="result"]').length !== n, before.length);
  assert.ok(await page.evaluate(() => document.activeElement.checked));
  // The address follows in a task after the list (src/nav.rs).
  await page.waitForFunction((o) => decodeURIComponent(location.search).replace(/\+/g, ' ').includes(`outlet=${o}`), outlet);
  const after = await ids();
  assert.ok(after.length < before.length && after.length > 0, `${before.length} → ${after.length}`);

  await page.keyboard.press('Space');
  await page.waitForFunction((n) => document.querySelectorAll('[data-test="result"]').length === n, before.length);
  await assertClean(page, problems, assert);
  await context.close();
});

test('every focusable control shows a visible focus ring', async () => {
  const { page, context } = await site.open();
  await visit(page, site.url);
  const missing = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      return { ring, what: `${e.tagName.toLowerCase()}${e.dataset.test ? `[${e.dataset.test}]` : ''} ${e.textContent.trim().slice(0, 30)}` };
    });
    if (f && !f.ring) missing.push(f.what);
  }
  assert.deepEqual(missing, []);
  await context.close();
});

test('the kinds of change in a diff read without colour', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=quotes`);
  await page.locator('.legend').first().waitFor();
  const cues = await page.evaluate(() => {
    const style = (sel) => {
      const e = document.querySelector(sel);
      if (!e) return null;
      const s = getComputedStyle(e);
      return { line: s.textDecorationLine, decoStyle: s.textDecorationStyle, text: e.textContent };
    };
    return {
      del: style('.qrows .diff-del'),
      chgDel: style('.qrows .diff-chg del'),
      chgArrow: style('.qrows .diff-chg .arrow'),
      chgIns: style('.qrows .diff-chg ins'),
      out: style('.qrows .diff-out'),
      legend: document.querySelector('.legend').textContent,
      kinds: [...document.querySelectorAll('.qrows .badge')].map((b) => b.textContent),
    };
  });
  assert.match(cues.del.line, /line-through/);
  assert.match(cues.chgDel.line, /line-through/);
  assert.equal(cues.chgArrow.text, '→');
  assert.match(cues.chgIns.line, /underline/);
  assert.match(cues.out.line, /underline/);
  assert.equal(cues.out.decoStyle, 'dotted');
  for (const word of ['struck through', 'arrow', 'underlined', 'dotted']) assert.ok(cues.legend.includes(word), word);
  assert.ok(cues.kinds.every((k) => /quoted|unmarked copy|paraphrase/.test(k)), cues.kinds.join());
  // Words the outlet added are underlined too (the seed articles may have none, so check the rule).
  const ins = await page.evaluate(() => {
    const e = document.createElement('ins');
    e.className = 'diff-ins';
    document.querySelector('.qrows').append(e);
    const line = getComputedStyle(e).textDecorationLine;
    e.remove();
    return line;
  });
  assert.match(ins, /underline/);
  await context.close();
});
