// The shipped page's defences, on the seed dist/: a Content-Security-Policy with no inline script
// or style, Subresource Integrity on every asset (and a tampered asset refused), every view
// loading with zero policy violations and zero requests to another origin, at a sub-path and at
// the server root.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite, serve, open, visit, assertClean, dist } from './harness.mjs';

const site = suite();
let rootServer;

before(async () => {
  rootServer = await serve(dist, '/');
});

after(async () => {
  rootServer?.close();
});

const views = ['', '?view=reader&article=003_149772b19662e294', '?view=quotes', '?view=quotes&side=1', '?view=heatmap', '?view=timeline', '?view=variants'];

test('index.html has a strict policy, no inline script or style, and integrity on every asset', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const csp = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i)?.[0];
  assert.ok(csp, 'a Content-Security-Policy meta tag');
  const policy = csp.match(/content="([^"]*)"/)[1];
  const directive = (name) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  assert.match(directive('script-src'), /'wasm-unsafe-eval'/);
  // data: only for images (the page's own icon is inline: it then asks for no file, not even
  // while a reader's articles are imported); a data: image runs nothing and sends nothing.
  assert.doesNotMatch(policy.replace(/img-src 'self' data:/, ''), /'unsafe-inline'|'unsafe-eval'|\*|data:|https?:/);
  assert.match(directive('img-src'), /^img-src 'self' data:$/);
  assert.match(directive('default-src'), /'none'/);
  assert.match(directive('style-src'), /^style-src 'self'$/);
  // The policy must come before anything it governs.
  assert.ok(html.indexOf(csp) < html.search(/<(script|link|style)\b/i));

  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    assert.equal(body.trim(), '', `inline script: ${body.slice(0, 80)}`);
    assert.match(attrs, /\bsrc=/);
    assert.match(attrs, /\bintegrity="?sha384-/);
  }
  assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
  const assets = [...html.matchAll(/<link\b([^>]*)>/gi)].map((m) => m[1]).filter((a) => /rel="?(stylesheet|modulepreload|preload)/.test(a));
  assert.equal(assets.length, 3, 'stylesheet, glue and wasm');
  for (const attrs of assets) assert.match(attrs, /\bintegrity="?sha384-/, attrs);
});

test('every view loads under a sub-path with zero policy violations and zero foreign requests', async () => {
  const { page, problems, context } = await site.open();
  for (const v of views) {
    await visit(page, site.url + v);
    await page.locator('main#main > *').first().waitFor();
  }
  await assertClean(page, problems, assert);
  await context.close();
});

test('the same dist works at the server root', async () => {
  const { page, problems, context } = await open(site.browser, rootServer.origin);
  for (const v of views) {
    await visit(page, rootServer.url + v);
    await page.locator('main#main > *').first().waitFor();
  }
  assert.equal(await page.locator('[data-test="tab-browse"]').count(), 1);
  await assertClean(page, problems, assert);
  await context.close();
});

test('a tampered wasm binary is refused and the page says so', async () => {
  const { page, problems, context } = await site.open();
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto(site.url);
  const panel = page.locator('.fatal[role="alert"]');
  await panel.waitFor({ timeout: 30_000 });
  assert.match(await panel.innerText(), /could not be loaded/);
  assert.equal(await page.locator('html[data-ready="1"]').count(), 0);
  assert.ok(problems.console.some((m) => /integrity/i.test(m)), problems.console.join('\n'));
  await context.close();
});

test('a tampered stylesheet is refused', async () => {
  const { page, problems, context } = await site.open();
  await page.route('**/*.css', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nbody{display:none}` });
  });
  await visit(page, site.url);
  assert.ok(await page.locator('[data-test="result"]').first().isVisible());
  assert.ok(problems.console.some((m) => /integrity/i.test(m)), problems.console.join('\n'));
  await context.close();
});
