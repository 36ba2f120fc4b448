// The dist built from tests/hostile/ (scripts/test builds it into target/hostile-dist/): script
// tags, event-handler attributes, javascript: and data: URLs, SVG, HTML entities and a bidi
// override in the story, the sources, the speakers, the topics, the article bodies and every
// article field. On every view: nothing runs (no dialog, `window.__pwned` never set, no console
// error, no policy violation), no markup from the corpus becomes an element, every payload shows
// literally as text, and an article's `url` is a link only when it is http or https.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { suite, visit, assertClean, assertInert, assertShows, withoutWasm, hostileDist, root } from './harness.mjs';

const corpus = join(root, 'tests', 'hostile');
const site = suite({ dir: hostileDist });
let articles;

before(async () => {
  articles = await readArticles();
});

/** Each article file's id and paragraphs (its lines without the date line), as the app shows them. */
async function readArticles() {
  const dir = join(corpus, 'articles');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(
    files.map(async (f) => {
      const text = await readFile(join(dir, f), 'utf8');
      const body = text.replace(/^ date \d{4}-\d{2}-\d{2} /, '');
      return { id: f.replace(/\.txt$/, ''), paragraphs: body.split('\n').map((l) => l.trim()).filter(Boolean) };
    }),
  );
}

/** Shown in the masthead of every view. */
const everywhere = [
  '<script>window.__pwned = 1</script> Hostile <b>title</b> &lt;script&gt;',
  '<img src=x onerror="window.__pwned=1;alert(1)"> A summary with <svg onload=alert(1)></svg> and &amp; &lt;script&gt;alert(1)&lt;/script&gt;',
];

const outlets = [
  '\u202Elanruoj liveE <script>window.__pwned=1</script>',
  '<b>Bold</b> Times',
  'Onerror " onmouseover="window.__pwned=1" Post',
  "'; alert(1); //",
  '&lt;script&gt; Gazette',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

const browseText = [
  ...outlets,
  '<img src=x onerror=alert(1)> Headline one',
  '"><script>alert(2)</script> Headline two',
  'Headline three &lt;b&gt;not bold&lt;/b&gt;',
  '<iframe src=javascript:alert(1)></iframe> Headline four',
  '<a href=javascript:alert(1)>Headline six</a>',
  ' via <svg onload=alert(1)>Wire</svg>',
  ' via &amp; Agency',
  '<b onmouseover=alert(1)>Prison</b> topic',
  "{{constructor.constructor('alert(1)')()}} fee",
];

const sourceText = [
  'We have offered <script>window.__pwned = 1</script> the opportunity to outsource part of its prison system.',
  'We are willing to take in <img src=x onerror="window.__pwned=1"> convicted criminals into our mega-prison in exchange for a fee.',
  'The fee would be &lt;script&gt;alert(1)&lt;/script&gt; low for them but significant for us.',
  '<img src=x onerror=window.__pwned=1>Nayib Payload — <a href="javascript:alert(1)">X</a> (@payload)',
];

/** Article urls: only http and https become links; anything else is shown as text. */
const urls = {
  '001_hostile': { url: 'javascript:window.__pwned=1', link: false },
  '002_hostile': { url: 'data:text/html,<script>alert(1)</script>', link: false },
  '003_hostile': { url: 'https://example.org/three?x=<script>alert(1)</script>&y="onmouseover="alert(1)', link: true },
  '004_hostile': { url: 'JaVaScRiPt:alert(1)', link: false },
  '005_hostile': { url: 'http://example.org/five', link: true },
  '006_hostile': { url: '//example.org/protocol-relative', link: false },
};

test('the article list shows every payload as text and runs none', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  assert.equal(await page.locator('[data-test="result"]').count(), articles.length);
  await assertShows(page, [...everywhere, ...browseText], 'browse', assert);
  await assertInert(page, 'browse', assert);
  await assertClean(page, problems, assert);
  await context.close();
});

test('the first screen written into index.html shows every payload as text before the app runs, and without JavaScript', async () => {
  for (const options of [{}, { javaScriptEnabled: false }]) {
    const { page, problems, context } = await withoutWasm(site, site.url, options);
    const where = options.javaScriptEnabled === false ? 'first screen, no JavaScript' : 'first screen';
    assert.equal(await page.locator('#first-paint [data-test="result"]').count(), articles.length, where);
    await assertShows(page, [...everywhere, ...browseText], where, assert);
    await assertInert(page, where, assert);
    assert.deepEqual(problems.dialogs, [], where);
    if (options.javaScriptEnabled !== false) await assertClean(page, problems, assert);
    await context.close();
  }
});

test('the reader shows each article literally, and its url as a link only for http and https', async () => {
  const { page, problems, context } = await site.open();
  for (const a of articles) {
    await visit(page, `${site.url}?view=reader&article=${a.id}`);
    await page.locator('.reader').waitFor();
    await assertShows(page, [...everywhere, ...a.paragraphs], a.id, assert);
    await assertInert(page, a.id, assert);
    const expected = urls[a.id];
    const original = page.locator('a.original');
    if (expected.link) {
      assert.equal(await original.getAttribute('href'), expected.url, a.id);
    } else {
      assert.equal(await original.count(), 0, `${a.id}: ${expected.url} became a link`);
      assert.ok((await page.locator('.url-text').innerText()).includes(expected.url), a.id);
    }
  }
  await assertClean(page, problems, assert);
  await context.close();
});

test('the quote view, heat map, timeline and variants show the payloads as text and run none', async () => {
  const { page, problems, context } = await site.open();
  const views = {
    quotes: [...sourceText],
    'quotes&side=1': [sourceText[3]],
    heatmap: ['Coverage of <img src=x onerror=window.__pwned=1>Nayib Payload by sentence', `${outlets[1]} · 2025-02-03`],
    timeline: outlets.filter((o) => !o.startsWith("'")),
    variants: ['It is a <b>great</b> deal'],
  };
  for (const [view, texts] of Object.entries(views)) {
    await visit(page, `${site.url}?view=${view}`);
    await page.locator('main#main > *').first().waitFor();
    await assertShows(page, [...everywhere, ...texts], view, assert);
    await assertInert(page, view, assert);
  }
  await assertClean(page, problems, assert);
  await context.close();
});

test('a payload in the search box and a hostile topic id round-trip through the URL inertly', async () => {
  const { page, problems, context } = await site.open();
  const q = '<script>alert(1)</script> "<img src=x onerror=alert(1)>"';
  await visit(page, `${site.url}?q=${encodeURIComponent(q)}`);
  assert.equal(await page.locator('[data-test="search"]').inputValue(), q);
  await assertInert(page, 'search', assert);
  const topic = page.locator('[data-test="facet-topic"]').first();
  await topic.locator('input').check();
  await page.waitForURL(/topic=/);
  await page.reload();
  await page.waitForSelector('html[data-ready="1"]');
  assert.ok(await page.locator('[data-test="facet-topic"]').first().locator('input').isChecked());
  assert.equal(await page.locator('[data-test="notice"]').count(), 0);
  await assertInert(page, 'topic', assert);
  await assertClean(page, problems, assert);
  await context.close();
});
