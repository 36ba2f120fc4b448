// The stories a reader made from their own files, kept in this browser (IndexedDB) so that a
// reload, or a link with ?story=<id>, comes back to them. Nothing here leaves the machine.
//
// Two object stores keyed by the story's id: `stories` holds what the panel lists (title, number
// of articles, when it was kept, its size); `files` the story's data files as the engine's worker
// wrote them ({id, meta: {file, bytes}, bundles: [{file, bytes}]}: the metadata file, then the
// files the explorer reads the story from, found there by name), read only to open a story.

const DB = 'presslens';
const STORIES = 'stories';
const FILES = 'files';

function done(request) {
  return new Promise((ok, fail) => {
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
}

function committed(tx) {
  return new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onabort = () => fail(tx.error);
    tx.onerror = () => fail(tx.error);
  });
}

let opened;
function db() {
  if (!('indexedDB' in self)) return Promise.reject(new Error('this browser keeps no local databases here'));
  opened ??= new Promise((ok, fail) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      for (const name of [STORIES, FILES]) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
    request.onblocked = () => fail(new Error('another tab holds an older version of the stories database'));
  });
  return opened;
}

/** Every kept story ({id, title, articles, saved, bytes}), newest first. */
export async function list() {
  const tx = (await db()).transaction(STORIES);
  const all = await done(tx.objectStore(STORIES).getAll());
  return all.sort((a, b) => b.saved - a.saved);
}

/** The data files of the kept story `id`, or null. */
export async function read(id) {
  const tx = (await db()).transaction(FILES);
  return (await done(tx.objectStore(FILES).get(id))) ?? null;
}

/** Keeps a story (`files`: {id, meta, bundles}); the same id is replaced. A full quota is an
 * error whose message says so. */
export async function put(entry, files) {
  const tx = (await db()).transaction([STORIES, FILES], 'readwrite');
  tx.objectStore(STORIES).put(entry);
  tx.objectStore(FILES).put(files);
  try {
    await committed(tx);
  } catch (e) {
    if (e?.name === 'QuotaExceededError') throw new Error('this browser\'s storage for the explorer is full; delete a kept story to make room');
    throw e ?? new Error('the browser refused to keep it');
  }
}

/** Deletes the kept story `id`. */
export async function remove(id) {
  const tx = (await db()).transaction([STORIES, FILES], 'readwrite');
  tx.objectStore(STORIES).delete(id);
  tx.objectStore(FILES).delete(id);
  await committed(tx);
}
