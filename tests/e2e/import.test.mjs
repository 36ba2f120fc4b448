// "Your own story" from the command line, end to end, as a newcomer follows the README: presslens
// init, then import of saved pages (the import fixtures, which embed posts, and a hostile page),
// check, and site; the site opened in Chromium with every view, the hostile page's payloads shown
// as text and never run, and the embedded posts found as unmarked copies of the source.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, visit, assertClean, assertInert, assertShows, presslens, dist, root } from './harness.mjs';

const work = join(root, 'target', 'e2e', 'own-story');
const pages = join(work, 'saved-pages');
const corpusDir = join(work, 'corpus');
const siteDir = join(work, 'site');
const POST = `We have offered the United States of America the opportunity to outsource part of its prison system.

We are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee.

The fee would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.
`;

/** Every file of the corpus folder and its bytes, to see that a second import changes nothing. */
function snapshot(dir) {
  const files = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[p] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

const fixtures = join(root, 'crates', 'import', 'tests', 'pages');
const hostilePage = join(root, 'tests', 'hostile', 'pages', 'hostile-saved-page.html');
rmSync(work, { recursive: true, force: true });
mkdirSync(pages, { recursive: true });
const saved = readdirSync(fixtures).filter((f) => f.endsWith('.html'));
for (const f of saved) copyFileSync(join(fixtures, f), join(pages, f));
copyFileSync(hostilePage, join(pages, 'hostile-saved-page.html'));
writeFileSync(join(work, 'post.txt'), POST);
presslens('init', '--corpus', corpusDir, '--speaker', 'Nayib Bukele', '--source', join(work, 'post.txt'), '--where', 'X (@nayibbukele)');
const imported = presslens('import', '--corpus', corpusDir, pages);
const afterFirst = snapshot(corpusDir);
const again = presslens('import', '--corpus', corpusDir, pages);
const checked = presslens('check', '--corpus', corpusDir);
presslens('site', '--corpus', corpusDir, '--viewer', dist, '--out', siteDir);

const site = suite({ dir: siteDir });
const total = saved.length + 1;

test('import reports every page, and importing again changes nothing', () => {
  for (const f of [...saved, 'hostile-saved-page.html']) {
    assert.match(imported, new RegExp(`${f.replace(/\./g, '\\.')}: added as `), f);
  }
  assert.match(imported, new RegExp(`^${total} added, 0 already in the corpus, 0 skipped`, 'm'));
  assert.match(again, new RegExp(`^0 added, ${total} already in the corpus, 0 skipped`, 'm'));
  assert.deepEqual(snapshot(corpusDir), afterFirst);
  assert.match(checked, /^0 errors/m);
});

test('the site of the imported pages shows every view, with the payloads as text', async () => {
  // A screen tall enough for every card: the list builds only those near the viewport.
  const { page, problems, context } = await site.open({ viewport: { width: 1280, height: 3000 } });
  await visit(page, site.url);
  assert.ok(total > 20, 'more articles than a list builds whole');
  assert.equal(await page.locator('[data-test="result"]').count(), total);
  assert.match(await page.locator('[data-test="result-count"]').innerText(), new RegExp(`${total} of ${total}`));
  // Attribute values of the page became plain text, shown literally.
  await assertShows(page, ['<b onmouseover=window.__pwned=1>Hostile</b> Herald', '<img src=x onerror=window.__pwned=1> Payload headline'], 'browse', assert);
  await assertInert(page, 'browse', assert);

  const story = await page.evaluate(() => presslens.corpus());
  const hostile = story.articles.find((a) => a.outlet?.includes('Hostile'));
  await visit(page, `${site.url}?view=reader&article=${hostile.id}`);
  await assertShows(page, ['<script>window.__pwned=1</script>', '<b>this</b> and &amp; too', '<svg onload=alert(1)>'], 'reader', assert);
  const text = await page.evaluate(() => document.body.textContent);
  for (const never of ['Injected paragraph', 'Noscript paragraph', 'Template paragraph', 'Form text', "alert('script in head')"]) {
    assert.ok(!text.includes(never), `the reader shows ${never}`);
  }
  await assertInert(page, 'reader', assert);

  for (const view of ['quotes', 'heatmap', 'timeline', 'variants']) {
    await visit(page, `${site.url}?view=${view}`);
    await page.locator('main#main > *').first().waitFor();
    await assertInert(page, view, assert);
  }
  await assertClean(page, problems, assert);
  await context.close();
});

test('embedded posts of the saved pages are found as unmarked copies of the source', async () => {
  const { page, context } = await site.open();
  await visit(page, site.url);
  const matches = await page.evaluate(() => presslens.matches());
  const unmarked = new Set(matches.filter((m) => m.kind === 'unmarked').map((m) => m.article));
  // Pages that embed Bukele's post on X: the WordPress page (01), the liveblog (08), the fact check (21).
  const story = await page.evaluate(() => presslens.corpus());
  const byHeadline = (start) => story.articles.find((a) => a.headline?.startsWith(start))?.id;
  for (const start of ['El Salvador offers to house U.S. deportees', 'Rubio in El Salvador: Bukele offers', 'Did El Salvador offer to jail U.S. citizens?']) {
    const id = byHeadline(start);
    assert.ok(id, `an article headed "${start}"`);
    assert.ok(unmarked.has(id), `the embedded post of "${start}" is an unmarked copy`);
  }
  await visit(page, `${site.url}?view=quotes`);
  assert.ok((await page.locator('[data-test="qrow"]').count()) >= 10);
  await context.close();
});
