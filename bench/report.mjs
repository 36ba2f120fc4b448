// Reads the figures scripts/bench recorded (one JSON object a line), prints each beside its
// budget, writes them as one JSON document, and draws the chart of interaction latency and
// first-load size against corpus size as an SVG.
//
//   node report.mjs RESULTS.jsonl CHART.svg

import { readFileSync, writeFileSync } from 'node:fs';

const [input, chart] = process.argv.slice(2);
const rows = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
writeFileSync(input.replace(/\.jsonl$/, '.json'), JSON.stringify(rows, null, 2) + '\n');

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
const lines = [];
const say = (what, figure, budget, ok) =>
  lines.push([what, figure, budget, ok === undefined ? '' : verdict(ok)]);

for (const r of rows.filter((r) => r.figure === 'throughput')) {
  say(`analysis throughput, ${r.articles} articles`, `${r.mb_per_s} MB/s`, '≥ 5 MB/s', r.mb_per_s >= 5);
}
for (const r of rows.filter((r) => r.figure === 'site')) {
  say(`presslens site, ${r.articles} articles, one core`, `${r.seconds} s (${r.files} files)`, '≤ 10 s', r.seconds <= 10);
}
for (const r of rows.filter((r) => r.figure === 'pagefind')) {
  const { presslens: p, pagefind: f, query } = r.result;
  const size = (b) => (b < 1024 * 1024 ? kb(b) : mb(b));
  const got = (x) => `${size(x.bytes)} in ${x.requests} request${x.requests === 1 ? '' : 's'}`;
  say(`first load (brotli), presslens site, ${r.articles} articles`, got(p.first_load), '≤ 400 KB', p.first_load.bytes <= 400 * 1024);
  say(`first search "${query}", presslens site, ${r.articles} articles`, got(p.first_search), '');
  say(`Pagefind ${r.articles} pages: page + search script`, got(f.first_load), '');
  say(`Pagefind ${r.articles} pages: first search with 5 results shown`, got(f.first_search), '');
  const ours = p.first_load.bytes + p.first_search.bytes;
  const theirs = f.first_load.bytes + f.first_search.bytes;
  say(`to a first search, presslens / Pagefind`, `${size(ours)} / ${size(theirs)}`, 'beat Pagefind', ours <= theirs);
  say(`Pagefind indexing, ${r.articles} pages`, `${(f.index_ms / 1000).toFixed(1)} s, ${f.files} files`, '');
}
for (const r of rows.filter((r) => r.figure === 'build')) {
  const budget = r.corpus === 'seed' ? 150 * 1024 : r.corpus === '1000' ? 1.5 * 1024 * 1024 : null;
  say(
    `first load (brotli), ${r.corpus === 'seed' ? 'seed corpus' : r.corpus + ' articles'}`,
    budget && budget < 1024 * 1024 ? kb(r.first_load_br) : mb(r.first_load_br),
    budget ? (budget < 1024 * 1024 ? '≤ 150 KB' : '≤ 1.5 MB') : '(no budget)',
    budget ? r.first_load_br <= budget : undefined,
  );
}
// The budgets by story size: seed, 10,000 and 100,000 articles.
const budgets = {
  seed: { facet: 16 },
  10000: { load: 400 * 1024, tti: 800, memory: 40 * 1024 * 1024, facet: 16, views: 100 },
  100000: { load: 1.5 * 1024 * 1024, tti: 2000, memory: 150 * 1024 * 1024, facet: 16, views: 200 },
};
for (const r of rows.filter((r) => r.figure === 'site_all_cores')) {
  say(
    `presslens site, ${r.articles} articles, all cores`,
    `${r.seconds} s, ${(r.mb_per_s ?? 0).toFixed(1)} MB/s, peak ${mb(r.peak_rss_kb * 1024)}, ${r.files} files`,
    'dist/ < 20,000 files',
    r.files < 20000,
  );
}
for (const r of rows.filter((r) => r.figure === 'browser')) {
  const x = r.result;
  const name = r.corpus === 'seed' ? 'seed corpus' : `a site of ${r.corpus} articles`;
  const b = budgets[r.corpus] ?? {};
  const budgeted = b.facet !== undefined;
  if (x.first_load && r.corpus !== 'seed') {
    const size = (v) => (v < 1024 * 1024 ? kb(v) : mb(v));
    say(
      `first load (brotli, until ready), ${name}`,
      `${size(x.first_load.bytes)} in ${x.first_load.requests} requests`,
      b.load ? `≤ ${size(b.load)}` : '(no budget)',
      b.load ? x.first_load.bytes <= b.load : undefined,
    );
  }
  say(`time to interactive, ${name}`, `${x.tti_ms} ms`, b.tti ? `≤ ${b.tti} ms` : '(no budget)', b.tti ? x.tti_ms <= b.tti : undefined);
  const memory = x.js_heap_bytes + (x.wasm_memory_bytes ?? 0);
  say(
    `wasm + JS heap after load, ${name}`,
    `${mb(memory)} (JS ${mb(x.js_heap_bytes)}, wasm ${mb(x.wasm_memory_bytes ?? 0)})`,
    b.memory ? `≤ ${mb(b.memory)}` : '',
    b.memory ? memory <= b.memory : undefined,
  );
  say(
    `facet click → update done, ready to paint, p50 / p95, ${name}`,
    `${x.facet_work.p50} / ${x.facet_work.p95} ms`,
    budgeted ? 'p95 ≤ 16 ms' : '',
    budgeted ? x.facet_work.p95 <= 16 : undefined,
  );
  say(`facet click → count changed p50 / p95, ${name}`, `${x.facet_to_dom.p50} / ${x.facet_to_dom.p95} ms`, '');
  say(
    `facet click → next animation frame p50 / p95, ${name}`,
    `${x.facet_to_frame.p50} / ${x.facet_to_frame.p95} ms`,
    '(≥ one 16.7 ms frame)',
  );
  if (x.search_work) {
    say(
      `search → update done p50 / p95, ${name} (after the ${x.search_debounce_ms} ms debounce)`,
      `${x.search_work.p50} / ${x.search_work.p95} ms`,
      budgeted ? 'p95 ≤ 16 ms' : '',
      budgeted ? x.search_work.p95 <= 16 : undefined,
    );
  }
  const opens = [
    ['quote view', x.quote_view_open, b.views],
    ['heat map', x.heatmap_open, b.views],
    ['an article in the reader', x.article_open, b.views && 100],
  ];
  for (const [what, o, ms] of opens.filter(([, o]) => o)) {
    const requests = what.includes('article') ? ` and ≤ 2 requests` : '';
    const ok = o.p95 <= ms && (!requests || o.requests <= 2);
    say(`opening ${what}, p50 / p95, requests, ${name}`, `${o.p50} / ${o.p95} ms, ${o.requests}`, ms ? `≤ ${ms} ms${requests}` : '', ms ? ok : undefined);
  }
}
for (const r of rows.filter((r) => r.figure === 'import')) {
  const x = r.result;
  say('"Your own articles": panel and engine, loaded on first use, brotli', kb(r.on_demand_br), '(not in the first load)');
  say('"Your own articles": 2,000 files imported and shown', `${x.seconds} s`, '(no budget)');
  say('"Your own articles": longest main-thread task during the import', `${x.longest_task_ms} ms`, '≤ 50 ms', x.longest_task_ms <= 50);
  say('"Your own articles": showing the story (keep, decode, render), one task', `${x.show_ms} ms`, '(no budget)');
}
for (const r of rows.filter((r) => r.figure === 'lighthouse')) {
  const x = r.result;
  const how = x.throttling ? `, ${x.throttling} throttling` : '';
  say(`Lighthouse performance (mobile${how}), seed`, `${x.performance}`, '100', x.performance >= 100);
  say('Lighthouse accessibility, seed', `${x.accessibility}`, '100', x.accessibility >= 100);
  say('Lighthouse best practices, seed', `${x.best_practices}`, '100', x.best_practices >= 100);
  say('Lighthouse SEO, seed', `${x.seo}`, '≥ 90', x.seo >= 90);
  say(`Lighthouse LCP${how}, seed`, `${x.lcp_ms} ms (${x.lcp_element ?? 'element unknown'})`, '≤ 1500 ms', x.lcp_ms <= 1500);
  say(`Lighthouse TBT${how}, seed`, `${x.tbt_ms} ms`, '');
  if (x.not_passed.length) say('Lighthouse audits not passed', x.not_passed.join(', '), '');
}

const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i].length)));
console.log(['figure'.padEnd(widths[0]), 'measured'.padEnd(widths[1]), 'budget'.padEnd(widths[2]), ''].join(' | '));
for (const l of lines) console.log([l[0].padEnd(widths[0]), l[1].padEnd(widths[1]), l[2].padEnd(widths[2]), l[3]].join(' | '));

// The chart: two panels over corpus size (log scale), latency on the left, first-load size on the right.
const sized = (fig) =>
  rows
    .filter((r) => r.figure === fig && /^\d+$/.test(r.corpus))
    .map((r) => ({ n: Number(r.corpus), ...r }))
    .sort((a, b) => a.n - b.n);
const browser = sized('browser');
if (chart && browser.length) {
  const W = 760;
  const H = 320;
  const pad = { l: 56, r: 16, t: 36, b: 44 };
  const panel = (x0, title, unit, series, budget) => {
    const pw = W / 2 - 20;
    const ns = series.flatMap((s) => s.points.map((p) => p[0]));
    const ys = series.flatMap((s) => s.points.map((p) => p[1])).concat(budget ? [budget.value] : []);
    const [n0, n1] = [Math.min(...ns), Math.max(...ns)];
    const ymax = Math.max(...ys) * 1.15 || 1;
    const X = (n) => x0 + pad.l + ((Math.log(n) - Math.log(n0)) / (Math.log(n1) - Math.log(n0) || 1)) * (pw - pad.l - pad.r);
    const Y = (v) => H - pad.b - (v / ymax) * (H - pad.t - pad.b);
    let g = `<text x="${x0 + pad.l}" y="20" font-weight="bold">${title}</text>`;
    g += `<line x1="${x0 + pad.l}" y1="${Y(0)}" x2="${x0 + pw - pad.r}" y2="${Y(0)}" stroke="#444"/>`;
    g += `<line x1="${x0 + pad.l}" y1="${Y(0)}" x2="${x0 + pad.l}" y2="${pad.t}" stroke="#444"/>`;
    for (const n of [...new Set(ns)]) {
      g += `<text x="${X(n)}" y="${H - pad.b + 16}" text-anchor="middle">${n >= 1000 ? n / 1000 + 'k' : n}</text>`;
    }
    g += `<text x="${x0 + (pw + pad.l) / 2}" y="${H - 8}" text-anchor="middle">articles (log scale)</text>`;
    for (let i = 0; i <= 4; i++) {
      const v = (ymax / 4) * i;
      g += `<text x="${x0 + pad.l - 6}" y="${Y(v) + 4}" text-anchor="end">${v < 10 ? v.toFixed(1) : Math.round(v)}</text>`;
    }
    g += `<text x="${x0 + 14}" y="${(H - pad.b + pad.t) / 2}" transform="rotate(-90 ${x0 + 14} ${(H - pad.b + pad.t) / 2})" text-anchor="middle">${unit}</text>`;
    if (budget) {
      g += `<line x1="${x0 + pad.l}" y1="${Y(budget.value)}" x2="${x0 + pw - pad.r}" y2="${Y(budget.value)}" stroke="#999" stroke-dasharray="4 3"/>`;
      g += `<text x="${x0 + pw - pad.r}" y="${Y(budget.value) - 4}" text-anchor="end" fill="#666">${budget.label}</text>`;
    }
    series.forEach((s, i) => {
      const pts = s.points.map(([n, v]) => `${X(n).toFixed(1)},${Y(v).toFixed(1)}`).join(' ');
      g += `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? 'stroke-dasharray="6 3"' : ''}/>`;
      for (const [n, v] of s.points) {
        g += `<circle cx="${X(n).toFixed(1)}" cy="${Y(v).toFixed(1)}" r="3" fill="${s.color}"/>`;
      }
      g += `<text x="${x0 + pad.l + 8}" y="${pad.t + 14 + i * 15}" fill="${s.color}">${s.label}</text>`;
    });
    return g;
  };
  const left = panel(
    0,
    'Interaction latency, p95',
    'ms',
    [
      { label: 'facet click → update done', color: '#1f5fbf', points: browser.map((r) => [r.n, r.result.facet_work.p95]) },
      { label: 'facet click → next frame', color: '#2a8a3a', dash: true, points: browser.map((r) => [r.n, r.result.facet_to_frame.p95]) },
      ...(browser.every((r) => r.result.search_work)
        ? [{ label: 'search → update done', color: '#b0401a', points: browser.map((r) => [r.n, r.result.search_work.p95]) }]
        : []),
    ],
    { value: 16, label: 'budget 16 ms' },
  );
  const right = panel(W / 2, 'First load until ready, brotli', 'MB', [
    { label: 'viewer + metadata + first bundles', color: '#6a3fb0', points: browser.filter((r) => r.result.first_load).map((r) => [r.n, r.result.first_load.bytes / 1024 / 1024]) },
  ]);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
${left}
${right}
</svg>
`;
  writeFileSync(chart, svg);
  console.log(`\nchart: ${chart}`);
}
