// The explorer's release dist/, served under a sub-path, in headless Chromium: facets, URL state,
// history, reader, quote view, heat map, export, and a clean load. Screenshots go to docs/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { suite, visit, shot, root } from './harness.mjs';

const site = suite();

const results = (page) => page.locator('[data-test="result"]');
const count = async (page, facet, value) =>
  Number(await page.locator(`[data-test="facet-${facet}"][data-value="${value}"] [data-test="count"]`).innerText());
const resultIds = async (page) => results(page).evaluateAll((els) => els.map((e) => e.dataset.article));

test('loads under a sub-path with no console error and no request to another origin', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, site.url);
  assert.equal(await results(page).count(), 5);
  assert.match(await page.locator('[data-test="result-count"]').innerText(), /5/);
  await shot(page, 'browse');
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, 'browse-360');
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.exceptions, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('each facet changes the list and the counts', async () => {
  const { page, context } = await site.open();
  await visit(page, site.url);
  assert.equal(await count(page, 'outlet', 'Breitbart News'), 2);
  assert.equal(await count(page, 'topic', 'guantanamo'), 1);

  await page.locator('[data-test="facet-outlet"][data-value="Breitbart News"] input').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 2);
  assert.deepEqual((await resultIds(page)).map((id) => id.slice(0, 3)), ['001', '002']);
  // Topic counts follow the filter: Guantanamo is only in 003, which is now filtered out.
  assert.equal(await count(page, 'topic', 'guantanamo'), 0);

  await page.locator('[data-test="clear"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 5);

  await page.locator('[data-test="facet-topic"][data-value="guantanamo"] input').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 1);
  assert.equal((await resultIds(page))[0].slice(0, 3), '003');
  await page.locator('[data-test="clear"]').click();

  await page.locator('[data-test="undated"] input').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 4);
  assert.ok(!(await resultIds(page)).some((id) => id.startsWith('004')));
  await page.locator('[data-test="clear"]').click();

  await page.locator('[data-test="date-from"]').fill('2025-02-04');
  await page.locator('[data-test="date-from"]').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 4);
  assert.ok(!(await resultIds(page)).some((id) => id.startsWith('002')));
  await page.locator('[data-test="clear"]').click();

  await page.locator('[data-test="search"]').fill('Volpp');
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 1);
  assert.equal((await resultIds(page))[0].slice(0, 3), '001');
  assert.match(await results(page).first().locator('mark').first().innerText(), /Volpp/);
  await context.close();
});

test('a URL with filters restores them, and Back undoes a facet change', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?outlet=Breitbart%20News&topic=gangs`);
  assert.equal(await results(page).count(), 2);
  assert.ok(await page.locator('[data-test="facet-outlet"][data-value="Breitbart News"] input').isChecked());
  assert.ok(await page.locator('[data-test="facet-topic"][data-value="gangs"] input').isChecked());

  await page.locator('[data-test="facet-outlet"][data-value="ARY News"] input').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 3);
  assert.match(page.url(), /outlet=ARY/);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 2);
  assert.ok(!(await page.locator('[data-test="facet-outlet"][data-value="ARY News"] input').isChecked()));
  await page.goForward();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 3);
  await context.close();
});

test('a card kept across a filter change links with the new filters; a search that keeps every hit still marks it', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, `${site.url}?outlet=Breitbart%20News`);
  const link = page.locator('[data-test="result"][data-article^="001"] h2 a');
  // 001's first paragraph runs past the snippet's thirty words: the card says it is cut.
  const snippet = await page.locator('[data-test="result"][data-article^="001"] .snippet').innerText();
  assert.match(snippet, /^The president of El Salvador told U\.S\. .* …$/);
  const kept = await link.elementHandle();
  await page.locator('[data-test="facet-outlet"][data-value="ARY News"] input').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 3);
  // The card of 001 was kept, not built again, and its link follows the filters.
  assert.ok(await kept.evaluate((a) => a.isConnected), 'the card of 001 was rebuilt');
  const href = await link.getAttribute('href');
  assert.match(href, /view=reader/);
  assert.match(href, /article=001_/);
  assert.match(href, /outlet=Breitbart/);
  assert.match(href, /outlet=ARY/);

  await page.locator('[data-test="clear"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-test="result"]').length === 5);
  // Every seed article names Bukele: the hits stay the same, the snippets must still change.
  await page.locator('[data-test="search"]').fill('Bukele');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-test="result"]')].every((r) => r.querySelector('.snippet mark')),
  );
  assert.equal(await results(page).count(), 5);
  assert.match(await results(page).first().locator('.snippet mark').first().innerText(), /Bukele/i);
  assert.deepEqual(problems.exceptions, []);
  await context.close();
});

test('malformed URL values are dropped with a visible notice', async () => {
  const { page, problems, context } = await site.open();
  await visit(page, `${site.url}?from=2025-02-30&outlet=Nowhere&view=nope&topic=gangs`);
  const notice = page.locator('[data-test="notice"]');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /2025-02-30/);
  assert.match(text, /Nowhere/);
  assert.equal(await results(page).count(), 5, 'only the valid topic filter applies');
  assert.deepEqual(problems.exceptions, []);
  await context.close();
});

test('the reader highlights the quotations of 003 with the right speakers', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=reader&article=003_149772b19662e294`);
  const quotes = page.locator('[data-test="quote"]');
  await quotes.first().waitFor();
  const found = await quotes.evaluateAll((els) => els.map((e) => [e.textContent, e.dataset.speaker]));
  const speakerOf = (start) => found.find(([t]) => t.includes(start))?.[1];
  assert.equal(speakerOf('He has offered to house in his jails'), 'Marco Rubio');
  assert.equal(speakerOf('No country has ever made an offer'), 'Marco Rubio');
  assert.equal(speakerOf('We have offered the United States of America'), 'Nayib Bukele');
  assert.equal(speakerOf('The fee would be relatively low for the US'), 'Nayib Bukele');
  assert.equal(speakerOf('Ninety percent approval rating'), 'Nayib Bukele');
  assert.ok(found.length >= 8, `${found.length} quotations`);
  await shot(page, 'reader');
  await context.close();
});

test('the quote view shows 003 leaving out sentence 2 and changing U.S. to US, and the toggle folds it', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=quotes`);
  const row = (n) => page.locator(`[data-test="qrow"][data-article="003_149772b19662e294"][data-sentence="${n}"]`);
  await row(1).waitFor();
  assert.equal(await row(2).getAttribute('data-state'), 'absent');
  const changed = row(3).locator('.diff-chg');
  assert.equal(await changed.count(), 1);
  assert.match(await changed.innerText(), /US/);
  await shot(page, 'quotes');
  await page.locator('[data-test="norm-abbr"]').check();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-test="qrow"][data-article="003_149772b19662e294"][data-sentence="3"] .diff-chg').length === 0,
  );
  assert.match(page.url(), /norm=/);
  await context.close();
});

test('on a phone the story summary folds outside the Articles view, and opens on request', async () => {
  const { page, context } = await site.open();
  await page.setViewportSize({ width: 360, height: 780 });
  await visit(page, `${site.url}?view=quotes`);
  const about = page.locator('details.story-about');
  const summary = page.locator('.masthead .summary');
  const label = page.locator('[data-test="about-story"]');
  await page.locator('[data-test="qrow"]').first().waitFor();
  assert.equal(await about.evaluate((d) => d.open), false);
  assert.ok(!(await summary.isVisible()));
  // The view starts in the upper half of the first screen (under the whole summary, it did not).
  const top = await page.locator('#main').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top < 780 / 2, `the view starts at ${top}px`);
  await label.click();
  await summary.waitFor({ state: 'visible' });
  await page.locator('[data-test="tab-browse"]').click();
  await page.locator('[data-test="result"]').first().waitFor();
  assert.equal(await about.evaluate((d) => d.open), true);
  assert.ok(await summary.isVisible());
  assert.ok(!(await label.isVisible()), 'the fold has no label in the Articles view');
  // A wide screen shows the summary in every view, with no fold.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('[data-test="tab-quotes"]').click();
  await page.locator('[data-test="qrow"]').first().waitFor();
  assert.ok(await summary.isVisible());
  assert.ok(!(await label.isVisible()));
  await context.close();
});

test('the heat map has one row per article and a cell opens the quote view', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=heatmap`);
  const rows = page.locator('[data-test="heat-row"]');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 5);
  // The alignment table below: a row per article, a column per source word; a kept word is the
  // source's own, under its column.
  const aligned = page.locator('table.alignment tbody tr');
  await page.locator('table.alignment').first().scrollIntoViewIfNeeded();
  await aligned.first().waitFor();
  assert.equal(await aligned.count(), 5);
  const kept = await page.locator('table.alignment').first().evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent);
    return [...t.querySelectorAll('tbody tr')].flatMap((tr) =>
      [...tr.children].flatMap((td, i) => (td.classList.contains('al-kept') ? [[td.textContent, heads[i]]] : [])),
    );
  });
  assert.ok(kept.length > 20, `${kept.length} kept words`);
  for (const [word, head] of kept) assert.equal(word, head);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'heatmap');
  await rows.nth(3).locator('[data-test="heat-cell"]').nth(2).click();
  await page.waitForURL(/view=quotes/);
  assert.match(page.url(), /article=003_149772b19662e294/);
  await context.close();
});

test('timeline and variants render, and a day click filters to that day', async () => {
  const { page, context } = await site.open();
  await visit(page, `${site.url}?view=variants`);
  await page.locator('[data-test="cluster"]').first().waitFor();
  assert.ok((await page.locator('[data-test="cluster"]').count()) >= 3);
  // Bukele's first two sentences are two clusters; the New York Sun, which quotes both in one
  // quotation, is in each, and no wording of one is shown as a change of the other.
  const canonicals = await page.locator('[data-test="cluster"] blockquote.canonical').allTextContents();
  const offered = canonicals.filter((t) => t.startsWith('We have offered the United States of America'));
  const willing = canonicals.filter((t) => t.startsWith('We are willing to take in only convicted criminals'));
  assert.equal(offered.length, 1, canonicals.join(' | '));
  assert.equal(willing.length, 1, canonicals.join(' | '));
  for (const cluster of await page.locator('[data-test="cluster"]').all()) {
    for (const changed of await cluster.locator('.diff-chg').allTextContents()) {
      assert.ok(!/willing.*→.*offered|offered.*→.*willing/.test(changed), changed);
    }
  }
  const sunIn = await page.locator('[data-test="cluster"]', { hasText: 'The New York Sun' }).allTextContents();
  assert.ok(sunIn.filter((t) => /We have offered|We are willing/.test(t)).length >= 2);
  // thehub.news puts Rubio's words in a sentence about Bukele: the list says whom each outlet names.
  const jails = page.locator('[data-test="cluster"]', { hasText: 'He has offered to house in his jails' });
  await assert.doesNotReject(jails.locator('h3', { hasText: 'Marco Rubio' }).waitFor({ timeout: 2000 }));
  assert.match(await jails.textContent(), /thehub\.news \(undated\), attributed to Nayib Bukele/);
  assert.equal(await page.getByText('wording(s)').count(), 0);
  await shot(page, 'variants');
  await visit(page, `${site.url}?view=timeline`);
  const day = page.locator('[data-test="timeline-day"][data-day="2025-02-03"]');
  await day.waitFor();
  await shot(page, 'timeline');
  await day.click();
  await page.waitForURL(/from=2025-02-03/);
  assert.match(page.url(), /to=2025-02-03/);
  await context.close();
});

test('the JSON export with no filter equals `presslens quotes --json`', async () => {
  const cli = execFileSync('cargo', ['run', '-q', '-p', 'presslens-cli', '--', 'quotes', '--json'], { cwd: root, maxBuffer: 1 << 26 }).toString();
  const { page, context } = await site.open({ acceptDownloads: true });
  await visit(page, site.url);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-json"]').click()]);
  const path = join(root, 'target', 'e2e-export.json');
  await download.saveAs(path);
  const { readFile } = await import('node:fs/promises');
  assert.equal(await readFile(path, 'utf8'), cli);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-csv"]').click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  await context.close();
});
