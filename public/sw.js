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
  await Promise.all(wanted.filter((u) => !have.has(u)).map((u) => cache.add(u).catch(() => {})));
  const keep = new Set([page, ...wanted]);
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
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)));
});
