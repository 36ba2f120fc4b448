// The explorer's service worker: once a page has been visited, the whole site works offline.
//
// The page (index.html) is fetched from the network first, so that a new build shows up at once,
// and falls back to the cached copy offline, whatever the query string (every view lives in the
// URL). Every asset index.html links to (the boot script, the wasm-bindgen glue, the wasm binary
// with the embedded corpus, the style sheet, the icon) has a content hash in its name, so it is
// served from the cache first. Each time the page comes from the network, the cache is brought
// in line with it: new assets are fetched, assets no page links to any more are dropped.

const CACHE = 'presslens';
const scope = new URL(self.registration.scope);
const page = new URL('./', scope).href;
/** The "Your own articles" panel and the engine's worker: not linked from the page (they load
 * only when the panel is opened) and not content-hashed, so they are fetched from the network
 * first and kept for offline use once used. A reader's own files and stories never pass through
 * here: the page reads them from disk and keeps them in IndexedDB. */
/** A site's data files (`presslens site`): the page links only to the metadata file; the bundles
 * and word-index chunks it names are fetched as a visit needs them. All are named by their
 * content hash, so each is kept once fetched, for as long as the page links to the same
 * metadata file. */
const dataDir = new URL('data/', scope).href;
const onDemand = ['studio.js', 'stories.js', 'presslens-worker_loader.js', 'presslens-worker.js', 'presslens-worker_bg.wasm']
  .map((f) => new URL(f, scope).href);

/** Asset URLs that index.html links to with src= or href=, resolved against the scope. Links to
 * the page itself at another address (the first screen's tabs and cards: `?view=…`) are not
 * assets: the page is one file whatever its query string. */
function assets(html) {
  const found = new Set();
  for (const m of html.matchAll(/\b(?:src|href)=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)) {
    const raw = (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&');
    const url = new URL(raw, scope);
    const self = url.pathname === scope.pathname || url.pathname.endsWith('/index.html');
    if (url.origin === scope.origin && url.pathname.startsWith(scope.pathname) && !self) found.add(url.href);
  }
  return [...found];
}

/** Stores the page and makes the cache hold exactly the assets it links to. */
async function refresh(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const wanted = assets(html);
  await cache.put(page, response);
  const have = new Set((await cache.keys()).map((r) => r.url));
  // The same metadata file as before: the data files this site's visits fetched are still its own.
  const sameData = wanted.some((u) => u.startsWith(dataDir) && have.has(u));
  await Promise.all(wanted.filter((u) => !have.has(u)).map((u) => cache.add(u).catch(() => {})));
  const used = sameData ? [...have].filter((u) => u.startsWith(dataDir)) : [];
  const keep = new Set([page, ...wanted, ...onDemand, ...used]);
  await Promise.all([...have].filter((u) => !keep.has(u)).map((u) => cache.delete(u)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(page, { cache: 'no-cache' })
      .then((r) => (r.ok ? refresh(r) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;

  const isPage = request.mode === 'navigate' || url.pathname === scope.pathname || url.pathname.endsWith('/index.html');
  if (isPage) {
    event.respondWith(
      fetch(request, { cache: 'no-cache' })
        .then((response) => {
          if (response.ok) event.waitUntil(refresh(response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(page)) ?? Response.error()),
    );
    return;
  }
  if (onDemand.includes(url.origin + url.pathname)) {
    event.respondWith(
      fetch(request, { cache: 'no-cache' })
        .then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put(url.origin + url.pathname, response.clone());
          return response;
        })
        .catch(async () => (await caches.match(url.origin + url.pathname)) ?? Response.error()),
    );
    return;
  }
  if (url.href.startsWith(dataDir)) {
    event.respondWith(
      caches.match(request, { ignoreSearch: true }).then(
        (hit) =>
          hit ??
          fetch(request).then(async (response) => {
            if (response.ok) await (await caches.open(CACHE)).put(url.origin + url.pathname, response.clone());
            return response;
          }),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)));
});
