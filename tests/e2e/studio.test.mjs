// "Your own articles" in the browser, end to end: a folder of saved pages (the importer's fixture
// pages and a story.toml) given to the panel's folder input, analysed in the worker with the
// progress bar moving and no request made, shown in every view, its export equal to what the
// command line gives for the same files, kept over a reload, saved as one file that opens from
// file://, and deleted. A hostile page stays inert; a zip bomb is refused with its message; a drop
// of 2,000 files finishes with the page responsive (its longest main-thread task is printed as a
// benchmark figure, budget 50 ms, not asserted).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { suite, visit, assertClean, assertInert, presslens, root, shot, dist, violations } from './harness.mjs';

const work = join(root, 'target', 'e2e', 'studio');
const drop = join(work, 'my-story');
const cliCorpus = join(work, 'cli-corpus');
const POST = `We have offered the United States of America the opportunity to outsource part of its prison system.

We are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee.

The fee would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.
`;

// The reader's folder: saved pages and a story.toml written by `presslens init`.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(drop, 'pages'), { recursive: true });
const fixtures = join(root, 'crates', 'import', 'tests', 'pages');
for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) copyFileSync(join(fixtures, f), join(drop, 'pages', f));
writeFileSync(join(work, 'post.txt'), POST);
presslens('init', '--corpus', cliCorpus, '--speaker', 'Nayib Bukele', '--source', join(work, 'post.txt'), '--where', 'X (@nayibbukele)');
copyFileSync(join(cliCorpus, 'story.toml'), join(drop, 'story.toml'));
// The command line on the same files.
presslens('import', '--corpus', cliCorpus, join(drop, 'pages'));
const cli = JSON.parse(presslens('quotes', '--json', '--corpus', cliCorpus));
const cliArticles = readdirSync(join(cliCorpus, 'articles')).length;

const site = suite();

/** Opens the panel and waits for the engine's worker to have loaded. */
async function openPanel(page) {
  await page.click('[data-test="own-open"]');
  await page.waitForSelector('[data-test="studio"][data-engine="ready"]', { timeout: 30_000 });
}

/** Records every request the page makes from now on. */
function record(page) {
  const seen = [];
  const on = (r) => seen.push(r.url());
  page.on('request', on);
  return { seen, stop: () => page.off('request', on) };
}

test('a folder of saved pages becomes a story in every view, with the command line\'s export, kept, saved as one file, deleted', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const builtin = await page.locator('h1').innerText();
  await openPanel(page);

  // The progress bar's values, as the page shows them.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-test="studio-progress"] progress');
      if (p) window.__progress.push(`${p.getAttribute('value')}/${p.getAttribute('max')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.setInputFiles('[data-test="studio-folder"]', drop);
  await assert.doesNotReject(page.waitForSelector('[data-test="studio-manifest"]'), 'the story.toml in the folder is seen');
  const requests = record(page);
  await page.click('[data-test="studio-start"]');
  await page.waitForSelector('[data-test="studio-done"]', { timeout: 60_000 });
  requests.stop();
  assert.deepEqual(requests.seen, [], 'no request during the import');
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(new Set(progress).size >= 2, `the progress bar moved: ${progress.join(' ')}`);
  await shot(page, 'studio-panel');

  // The story the page shows is the command line's.
  const story = await page.evaluate(() => presslens.corpus());
  assert.equal(story.articles.length, cliArticles);
  assert.notEqual(await page.locator('h1').innerText(), builtin);
  const matches = await page.evaluate(() => presslens.matches());
  assert.deepEqual(matches, cli.matches, 'the export equals `presslens quotes --json` on the same files');
  const url = new URL(page.url());
  const id = url.searchParams.get('story');
  assert.match(id ?? '', /^s[0-9a-f]+$/, 'the URL names the kept story');
  await page.click('[data-test="studio-close"]');
  await page.waitForSelector('[data-test="own-story"]');
  // The service worker's cache holds the explorer's own files, never a story.
  const shipped = new Set(['', ...readdirSync(dist)]);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = [];
    for (const n of names) urls.push(...(await (await caches.open(n)).keys()).map((r) => r.url));
    return urls;
  });
  for (const u of cached) assert.ok(u.startsWith(site.url) && shipped.has(u.slice(site.url.length)), `cached: ${u}`);

  // Every view, and a reload, on the kept story.
  const views = [
    ['quotes', '[data-test="qrow"]'],
    ['heatmap', '[data-test="heat-row"]'],
    ['timeline', '[data-test="timeline-day"]'],
    ['variants', '[data-test="cluster"], .view p.empty'],
  ];
  for (const [view, selector] of views) {
    await visit(page, `${site.url}?story=${id}&view=${view}`);
    await page.waitForSelector(selector);
    assert.equal((await page.evaluate(() => presslens.corpus())).articles.length, cliArticles, view);
  }
  await visit(page, `${site.url}?story=${id}&view=reader&article=${encodeURIComponent(story.articles[0].id)}`);
  await page.waitForSelector('article.reader');
  await shot(page, 'studio-result');
  await page.reload();
  await page.waitForSelector('html[data-ready="1"]');
  assert.equal((await page.evaluate(() => presslens.corpus())).title, story.title, 'a reload keeps the story');

  // Save as one file: it opens from disk with every view.
  await openPanel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-story="${id}"] [data-test="studio-save"]`)]);
  const file = join(work, 'saved.html');
  await download.saveAs(file);
  const disk = await context.newPage();
  const errors = [];
  disk.on('pageerror', (e) => errors.push(String(e)));
  await disk.goto(pathToFileURL(file).href);
  await disk.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  assert.equal((await disk.evaluate(() => presslens.corpus())).articles.length, cliArticles);
  assert.deepEqual(await disk.evaluate(() => presslens.matches()), cli.matches, 'the saved file holds the same story');
  for (const [view, selector] of views) {
    await disk.goto(`${pathToFileURL(file).href}?view=${view}`);
    await disk.waitForSelector(selector);
  }
  assert.deepEqual(errors, []);
  await disk.close();

  // Delete: the built-in story comes back, and the link no longer opens the kept one.
  await page.click(`[data-story="${id}"] [data-test="studio-delete"]`);
  await page.waitForFunction((b) => document.querySelector('h1')?.innerText === b, builtin);
  await page.waitForSelector(`[data-story="${id}"]`, { state: 'detached' });
  await visit(page, `${site.url}?story=${id}`);
  assert.equal(await page.locator('h1').innerText(), builtin);
  assert.match(await page.locator('[data-test="notice"]').innerText(), /keeps no story/);
  await assertClean(page, problems, assert);
  await context.close();
});

test('the single file made with --with-import imports a folder from file:// and keeps it over a reload', async () => {
  const file = join(work, 'with-import.html');
  presslens('site', '--single-file', file, '--with-import');
  const { page, problems, context } = await site.open();
  const url = pathToFileURL(file).href;
  await visit(page, url);
  await openPanel(page);
  const requests = record(page);
  await page.setInputFiles('[data-test="studio-folder"]', drop);
  await page.click('[data-test="studio-start"]');
  await page.waitForSelector('[data-test="studio-done"]', { timeout: 60_000 });
  requests.stop();
  assert.deepEqual(requests.seen.filter((u) => !u.startsWith('blob:')), [], 'no request during the import');
  assert.deepEqual(await page.evaluate(() => presslens.matches()), cli.matches, 'the export equals the command line\'s');
  const id = new URL(page.url()).searchParams.get('story');
  assert.match(id ?? '', /^s[0-9a-f]+$/);
  assert.ok(await page.locator(`[data-story="${id}"] [data-test="studio-save"]`).isDisabled(), 'no saving from a file on disk');
  await visit(page, `${url}?story=${id}&view=quotes`);
  await page.waitForSelector('[data-test="qrow"]');
  assert.equal((await page.evaluate(() => presslens.corpus())).articles.length, cliArticles, 'kept over a reload from disk');
  assert.deepEqual(problems.exceptions, []);
  assert.deepEqual(await violations(page), [], 'Content-Security-Policy violations');
  await context.close();
});

test('a hostile saved page, given with the primary text in the form, stays inert in every view', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  await openPanel(page);
  await page.setInputFiles('[data-test="studio-files"]', [
    join(root, 'tests', 'hostile', 'pages', 'hostile-saved-page.html'),
    join(fixtures, '01_wordpress_local_cecot_tweet.html'),
  ]);
  await page.fill('[data-test="studio-speaker"]', 'Nayib Bukele');
  await page.fill('[data-test="studio-text"]', POST);
  await page.click('[data-test="studio-start"]');
  await page.waitForSelector('[data-test="studio-done"]', { timeout: 60_000 });
  const id = new URL(page.url()).searchParams.get('story');
  for (const view of ['', '&view=quotes', '&view=heatmap', '&view=variants', '&view=timeline']) {
    await visit(page, `${site.url}?story=${id}${view}`);
    await assertInert(page, `kept hostile story${view}`, assert);
  }
  const articles = (await page.evaluate(() => presslens.corpus())).articles;
  await visit(page, `${site.url}?story=${id}&view=reader&article=${encodeURIComponent(articles[0].id)}`);
  await assertInert(page, 'kept hostile story, reader', assert);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a story.toml error is shown with its line, and nothing opens', async () => {
  const broken = join(work, 'broken');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'story.toml'), 'title = "Broken"\n\n[[source]]\nid = "post"\nspeaker = \n');
  copyFileSync(join(fixtures, '02_ap_wire_split_body.html'), join(broken, 'page.html'));
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  const builtin = await page.locator('h1').innerText();
  await openPanel(page);
  await page.setInputFiles('[data-test="studio-folder"]', broken);
  await page.click('[data-test="studio-start"]');
  const failed = await page.waitForSelector('[data-test="studio-failed"]', { timeout: 60_000 });
  assert.match(await failed.innerText(), /broken\/story\.toml line 5/);
  assert.equal(await page.locator('h1').innerText(), builtin);
  assert.equal(new URL(page.url()).searchParams.get('story'), null);
  await assertClean(page, problems, assert);
  await context.close();
});

/** Little-endian fields, each [width in bytes, value], one after the other. */
const fields = (...fs) =>
  Buffer.concat(fs.map(([n, v]) => {
    const b = Buffer.alloc(n);
    if (n === 2) b.writeUInt16LE(v);
    else b.writeUInt32LE(v);
    return b;
  }));

/** A zip of one entry: `size` bytes of zeros, deflated (local header, data, central directory,
 * end record; no extra fields, no comment). */
function zipOfZeros(name, size) {
  const data = Buffer.alloc(size);
  const packed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const nameBytes = Buffer.from(name);
  // version, flags, method (8: deflate), time, date, crc, sizes, name length, extra length
  const entry = [[2, 0], [2, 8], [2, 0], [2, 0], [4, crc], [4, packed.length], [4, size], [2, nameBytes.length], [2, 0]];
  const local = fields([4, 0x04034b50], [2, 20], ...entry);
  // made by, then the entry, comment length, disk, attributes, offset of the local header
  const central = fields([4, 0x02014b50], [2, 20], [2, 20], ...entry, [2, 0], [2, 0], [2, 0], [4, 0], [4, 0]);
  const cdOffset = local.length + nameBytes.length + packed.length;
  const end = fields([4, 0x06054b50], [2, 0], [2, 0], [2, 1], [2, 1], [4, central.length + nameBytes.length], [4, cdOffset], [2, 0]);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}

test('a zip bomb is refused with its message, the other files imported', async () => {
  const bomb = join(work, 'bomb.zip');
  writeFileSync(bomb, zipOfZeros('article.txt', 300 * 1024 * 1024));
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  await openPanel(page);
  await page.setInputFiles('[data-test="studio-files"]', [bomb, join(fixtures, '02_ap_wire_split_body.html')]);
  await page.fill('[data-test="studio-speaker"]', 'Nayib Bukele');
  await page.fill('[data-test="studio-text"]', POST);
  await page.click('[data-test="studio-start"]');
  await page.waitForSelector('[data-test="studio-done"]', { timeout: 60_000 });
  const lines = await page.locator('[data-test="studio-lines"] li.skipped').allInnerTexts();
  assert.ok(lines.some((l) => l.startsWith('bomb.zip') && /zip bomb/.test(l)), `the bomb is named and refused: ${lines.join(' | ')}`);
  assert.equal((await page.evaluate(() => presslens.corpus())).articles.length, 1);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a drop of 2,000 files finishes with the page responsive', async () => {
  const many = join(work, 'many');
  presslens('synth', '--articles', '2000', '--seed', '3', '--out', many);
  const files = readdirSync(join(many, 'articles')).map((f) => join(many, 'articles', f));
  assert.equal(files.length, 2000);
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  await openPanel(page);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
  });
  await page.setInputFiles('[data-test="studio-folder"]', many);
  const started = Date.now();
  await page.click('[data-test="studio-start"]');
  // Responsive meanwhile: the page answers a round trip while the worker works.
  await page.waitForSelector('[data-test="studio-progress"]');
  const echo = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok('frame'))));
  assert.equal(echo, 'frame');
  await page.waitForSelector('[data-test="studio-done"], [data-test="studio-failed"]', { timeout: 240_000 });
  assert.equal(await page.locator('[data-test="studio-failed"]').count(), 0, 'the import failed');
  const seconds = (Date.now() - started) / 1000;
  // Long tasks (over 50 ms) from the click on Analyse until the worker's story arrives, and the
  // one task that then keeps, decodes and renders it. (Chromium's own work to make the 2,001
  // File objects of the folder input comes before the click, in the test's setInputFiles.)
  const { during, show } = await page.evaluate(() => {
    const start = performance.getEntriesByName('presslens-import-start')[0].startTime;
    const done = performance.getEntriesByName('presslens-import-done')[0].startTime;
    const shown = performance.getEntriesByName('presslens-story-shown')[0].startTime;
    const during = window.__tasks.filter(([t, d]) => t + d > start && t < done).map(([, d]) => d);
    return { during: Math.max(0, ...during), show: shown - done };
  });
  assert.equal((await page.evaluate(() => presslens.corpus())).articles.length, 2000);
  console.log(`# bench: 2,000-file import in the browser: ${seconds.toFixed(1)} s; longest main-thread task during the import ${during < 50 ? 'under 50' : during.toFixed(0)} ms (budget 50 ms); then showing the story (keep, decode, render) ${show.toFixed(0)} ms`);
  await assertClean(page, problems, assert);
  await context.close();
});
