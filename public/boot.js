// Starts the explorer without any inline script, so the Content-Security-Policy in index.html can
// forbid inline scripts outright. Trunk writes a preload link for the wasm-bindgen glue and one for
// the wasm binary, each with its hashed file name and Subresource Integrity digest (see
// `pattern_script` in Trunk.toml); this module reads them, imports the glue (already fetched and
// checked by the modulepreload) and fetches the binary with the same integrity digest.

const glue = document.querySelector('link[rel="modulepreload"][href]');
// (Data files a site links to carry data-presslens; see src/data.rs.)
const wasm = document.querySelector('link[rel="preload"][as="fetch"][href]:not([data-presslens])');

function fail(message) {
  const panel = document.createElement('main');
  panel.className = 'fatal';
  panel.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'presslens could not start';
  const text = document.createElement('p');
  text.textContent = message;
  panel.append(title, text);
  document.getElementById('loading')?.remove();
  document.body.append(panel);
}

// "Your own articles": the panel (studio.js) and the kept stories (stories.js) load only when
// used, so none of them is in the first load; the app finds them through this hook (src/studio.rs).
window.presslensStudio = Object.freeze({
  open: () => import('./studio.js').then((m) => m.open()),
  read: (id) => import('./stories.js').then((m) => m.read(id)),
});

if (!glue || !wasm) {
  fail('The page is missing its application files; rebuild it with trunk build.');
} else {
  try {
    const { default: init } = await import(glue.href);
    const binary = fetch(wasm.href, { integrity: wasm.integrity || undefined, credentials: 'same-origin' });
    await init({ module_or_path: binary });
    // Offline after the first visit (public/sw.js). Service workers need http(s): a copy opened
    // from disk runs without one.
    if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
      navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('presslens: no offline copy:', e));
    }
  } catch (e) {
    // A panic has already put its own panel on the page; anything else (a failed download, a
    // digest mismatch, no WebAssembly) is reported here.
    if (!document.querySelector('[data-test="panic"]')) fail(`The application files could not be loaded: ${e}`);
    throw e;
  }
}
