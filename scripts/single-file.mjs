// Turns a release dist/ into one self-contained HTML file that works when opened from disk
// (file://): the style sheet, the icon, the wasm-bindgen glue and the wasm binary (with the
// embedded corpus) are inlined, and a Content-Security-Policy allows exactly those inline script
// and style blocks by their SHA-256 digests.
//
//   trunk build --release --offline && node scripts/single-file.mjs dist presslens.html

import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [dist = 'dist', out = 'presslens.html'] = process.argv.slice(2);
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/** The value of `attr` on the first tag matching `selector` (a regular expression on the tag). */
function attribute(selector, attr) {
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/g) ?? []) {
    if (!selector.test(tag)) continue;
    const m = tag.match(new RegExp(`\\b${attr}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
    if (m) return (m[1] ?? m[2] ?? m[3]).replace(/^\.\//, '');
  }
  throw new Error(`${dist}/index.html: no ${attr} on a tag matching ${selector}`);
}

const gluePath = attribute(/rel=("?)modulepreload\1/, 'href');
const wasmPath = attribute(/as=("?)fetch\1/, 'href');
const cssPath = attribute(/rel=("?)stylesheet\1/, 'href');
const glue = readFileSync(join(dist, gluePath), 'utf8');
const wasm = readFileSync(join(dist, wasmPath)).toString('base64');
const css = readFileSync(join(dist, cssPath), 'utf8');
const icon = readFileSync(join(dist, 'favicon.svg')).toString('base64');

// The glue is an ES module whose default export starts the app; keep it as the inline module's
// own code and call that function with the decoded binary.
const init = glue.match(/export\s*\{[^}]*\b(\w+)\s+as\s+default\b[^}]*\}|export\s+default\s+(\w+)/);
if (!init) throw new Error(`${gluePath}: no default export to start the app with`);
const start = init[1] ?? init[2];
const script = `${glue.replace(/export\s*\{[^}]*\}\s*;?|export\s+default\s+\w+\s*;?/g, '')}
;(async () => {
  try {
    const text = atob(${JSON.stringify(wasm)});
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    await ${start}({ module_or_path: bytes });
  } catch (e) {
    if (!document.querySelector('[data-test="panic"]')) {
      const panel = document.createElement('main');
      panel.className = 'fatal';
      panel.setAttribute('role', 'alert');
      panel.textContent = 'presslens could not start: ' + e;
      document.getElementById('loading')?.remove();
      document.body.append(panel);
    }
    throw e;
  }
})();
`;

const digest = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${digest(script)} 'wasm-unsafe-eval'`,
  `style-src ${digest(css)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

let page = html
  // Everything that pointed at a file of dist/ goes; the inline copies come back below.
  .replace(/<meta\b[^>]*\bhttp-equiv=("?)Content-Security-Policy\1[^>]*>/gi, '')
  .replace(/<link\b[^>]*\brel=("?)(?:modulepreload|preload|stylesheet|icon)\1[^>]*>/g, '')
  .replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, '');
const head = `<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:image/svg+xml;base64,${icon}">
<style>${css}</style>
<script type="module">${script}</script>`;
page = page.replace(/<\/head>/i, `${head}</head>`);
if (/\b(?:src|href)=("?)\.?\/?[\w.-]+\.(?:js|wasm|css)\1/.test(page)) {
  throw new Error('a reference to a dist/ file is left in the single file');
}
writeFileSync(out, page);
console.log(`${out}: ${(page.length / 1024).toFixed(0)} KB, one file (from ${dist}/)`);
