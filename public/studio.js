// "Your own articles": a reader gives the explorer a folder, a zip or some saved pages, and the
// engine analyses them here, in a Web Worker (crates/worker), exactly as `presslens import` and
// `presslens site` would; the story is shown in every view (window.presslens.openStory), kept in
// this browser (stories.js) and can be saved as one file. Nothing of the files leaves the machine:
// the worker reads them from disk and the story goes to IndexedDB.
//
// Loaded only when the panel is first opened (public/boot.js), so none of this, nor the engine, is
// in the explorer's first load. Every text from the reader's files is put in the page as text.

import * as stories from './stories.js';

const WORKER = './presslens-worker_loader.js';
const PICKABLE = '.html,.htm,.xhtml,.shtml,.txt,.text,.zip,.csv,.json,.toml';

let panel; // the panel's elements, built once
let worker = null;
let ready = false;
let pending = []; // the messages to send once the worker listens
let files = []; // [{path, file}]
let unreadable = []; // [{file, skipped: true, text}]
let saving = null; // {id, name} of the one-file page on its way
let opener = null;

/** An element with attributes and children (strings become text nodes, never markup). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else if (v !== false && v != null) e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

/** Opens the panel, and starts the engine's worker so that it has loaded before any file is given
 * to it: from then on an import makes no request at all. */
export function open() {
  opener = document.activeElement;
  panel ??= build();
  panel.backdrop.hidden = false;
  panel.root.hidden = false;
  panel.root.querySelector('h2').focus();
  refreshKept();
  if (!worker) startWorker();
  showForm();
}

function close() {
  panel.backdrop.hidden = true;
  panel.root.hidden = true;
  if (opener?.isConnected) opener.focus();
}

function build() {
  const backdrop = el('div', { class: 'studio-backdrop', onclick: close });
  const count = el('p', { class: 'studio-count', 'data-test': 'studio-count' }, 'No files chosen yet.');
  const pickFiles = el('input', { type: 'file', multiple: true, accept: PICKABLE, 'data-test': 'studio-files', onchange: picked });
  const pickFolder = el('input', { type: 'file', webkitdirectory: true, 'data-test': 'studio-folder', onchange: picked });
  const drop = el('div', { class: 'studio-drop', 'data-test': 'studio-drop' },
    el('p', {}, 'Drop a folder, a zip or files here, or choose them:'),
    el('div', { class: 'studio-pick' },
      el('label', { class: 'button' }, 'Choose files…', pickFiles),
      el('label', { class: 'button' }, 'Choose a folder…', pickFolder)),
    count);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', dropped);
  const field = (label, name, placeholder) => {
    const input = el('input', { type: 'text', 'data-test': `studio-${name}`, placeholder });
    return [el('label', {}, label, input), input];
  };
  const [speakerRow, speaker] = field('Who said it', 'speaker', 'Nayib Bukele');
  const [whereRow, where] = field('Where', 'where', 'X (@nayibbukele)');
  const [titleRow, title] = field('Story title', 'title', 'How the press quoted them');
  const text = el('textarea', { rows: 5, 'data-test': 'studio-text' });
  const topics = el('input', { type: 'checkbox', checked: true, 'data-test': 'studio-topics' });
  const topicsLabel = el('span');
  const topicsRow = el('label', { class: 'studio-check' }, topics, topicsLabel);
  const form = el('fieldset', { class: 'studio-form' },
    el('legend', {}, 'The primary source (or include a story.toml with your files)'),
    speakerRow, whereRow, titleRow, el('label', { class: 'studio-text' }, 'Their exact words', text), topicsRow);
  const manifestNote = el('p', { class: 'studio-note', 'data-test': 'studio-manifest', hidden: true },
    'Your files include a story.toml: its primary text, speakers and topics are used.');
  const start = el('button', { type: 'button', class: 'primary', 'data-test': 'studio-start', disabled: true, onclick: analyse }, 'Analyse');
  const bar = el('progress', { max: 1, value: 0 });
  const barText = el('span');
  const cancel = el('button', { type: 'button', 'data-test': 'studio-cancel', onclick: cancelJob }, 'Cancel');
  const progress = el('div', { class: 'studio-progress', role: 'status', 'aria-live': 'polite', 'data-test': 'studio-progress', hidden: true }, bar, barText, cancel);
  const outcome = el('div', { 'aria-live': 'polite' });
  const storage = el('p', { class: 'studio-storage', role: 'alert', hidden: true });
  const builtin = el('button', { type: 'button', class: 'link', 'data-test': 'studio-builtin', onclick: backToBuiltin }, 'Back to the built-in story');
  const kept = el('ul', { 'data-test': 'studio-kept' });
  const root = el('section', { class: 'studio', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'studio-title', 'data-test': 'studio', 'data-engine': 'loading' },
    el('div', { class: 'studio-head' },
      el('h2', { id: 'studio-title', tabindex: '-1' }, 'Your own articles'),
      el('button', { type: 'button', 'data-test': 'studio-close', onclick: close }, 'Close')),
    el('p', { class: 'studio-private' },
      'Analysed here, in this browser: nothing of your files leaves this computer. Saved web pages (.html), text files, zips, a news archive\'s CSV or JSON list, and a story.toml.'),
    progress, outcome, drop, manifestNote, form, el('div', { class: 'studio-actions' }, start),
    el('section', { class: 'studio-kept', 'aria-labelledby': 'studio-kept-title' },
      el('h3', { id: 'studio-kept-title' }, 'Kept in this browser'), storage, el('p', {}, builtin), kept));
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  const host = el('div', { id: 'studio' }, backdrop, root);
  document.body.append(host);
  return { root, backdrop, count, form, manifestNote, speaker, where, title, text, topics, topicsLabel, topicsRow, start, progress, bar, barText, outcome, storage, builtin, kept, since: 0, phase: '' };
}

// --- Choosing files ---------------------------------------------------------------------------

function picked(e) {
  take([...e.target.files].map((file) => ({ path: file.webkitRelativePath || file.name, file })), []);
  e.target.value = '';
}

async function dropped(e) {
  e.preventDefault();
  panel.root.querySelector('.studio-drop').classList.remove('over');
  // The entries must be taken during the event: the browser empties the drop afterwards.
  const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  panel.count.textContent = 'Reading the folder…';
  const out = [];
  const failed = [];
  await walk(entries, out, failed, 0);
  take(out, failed);
}

/** Every file under the dropped entries, folders in name order, with their paths. */
async function walk(entries, out, failed, depth) {
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = entry.fullPath.replace(/^\//, '');
    try {
      if (entry.isFile) out.push({ path, file: await new Promise((ok, fail) => entry.file(ok, fail)) });
      else if (depth >= 32) failed.push({ file: path, skipped: true, text: 'skipped: folder nested too deep; not read' });
      else {
        const reader = entry.createReader();
        const kids = [];
        for (;;) {
          const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
          if (!batch.length) break;
          kids.push(...batch);
        }
        await walk(kids, out, failed, depth + 1);
      }
    } catch {
      failed.push({ file: path, skipped: true, text: 'skipped: the browser could not read it' });
    }
  }
}

function take(chosen, failed) {
  files = chosen;
  unreadable = failed;
  const n = files.length;
  panel.count.textContent = n === 0 ? 'No files chosen yet.' : n === 1 ? '1 file chosen.' : `${n.toLocaleString('en')} files chosen.`;
  panel.outcome.replaceChildren();
  showForm();
}

const hasManifest = () => files.some((f) => f.path === 'story.toml' || f.path.endsWith('/story.toml'));

function showForm() {
  const manifest = hasManifest();
  panel.form.hidden = manifest;
  panel.manifestNote.hidden = !manifest;
  const topics = window.presslens?.corpus?.().topics ?? [];
  panel.topicsRow.hidden = topics.length === 0;
  panel.topicsLabel.textContent = ` Start with this story's ${topics.length} topics`;
  panel.start.disabled = files.length === 0 || running();
}

// --- The worker ---------------------------------------------------------------------------------

/** The engine's worker: beside the page when served; in a single file made with `presslens site
 * --with-import`, from the glue and binary it carries inline (a page from file:// may start a
 * worker only from a blob: URL). */
function workerScript() {
  const inline = (kind) => document.querySelector(`script[data-presslens="worker-${kind}"]`)?.textContent.trim();
  const glue = inline('glue');
  const wasm = inline('wasm');
  if (!glue || !wasm) return WORKER;
  const text = new TextDecoder().decode(Uint8Array.from(atob(glue), (c) => c.charCodeAt(0)));
  const start = `;wasm_bindgen({ module_or_path: Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0)) });`;
  return URL.createObjectURL(new Blob([text, '\n', start], { type: 'text/javascript' }));
}

/** Saving as one file reads the explorer's own files from the site it was served from. */
const canSave = () => /^https?:$/.test(location.protocol);

function startWorker() {
  ready = false;
  panel.root.dataset.engine = 'loading';
  try {
    worker = new Worker(workerScript());
  } catch (e) {
    failed(`The analysis could not start: ${e}`);
    return;
  }
  worker.onmessage = (e) => reply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    stopWorker();
    failed(`The analysis stopped: ${e.message || 'the engine could not run'}`);
  };
}

function stopWorker() {
  worker?.terminate();
  worker = null;
  ready = false;
  pending = [];
}

function send(message, transfer = []) {
  if (!worker) startWorker();
  if (ready) worker.postMessage(message, transfer);
  else pending.push([message, transfer]);
}

function reply(m) {
  switch (m.type) {
    case 'ready':
      ready = true;
      panel.root.dataset.engine = 'ready';
      for (const m of pending) worker.postMessage(...m);
      pending = [];
      break;
    case 'progress':
      progress(m.phase, m.done, m.total);
      break;
    case 'done':
      finish(m);
      break;
    case 'single':
      download(saving?.name ?? 'presslens-story.html', m.html);
      saving = null;
      refreshKept();
      break;
    case 'failed':
      saving = null;
      failed(m.message, JSON.parse(m.lines ?? '[]'), m.errors);
      refreshKept();
      break;
  }
}

// --- An import ------------------------------------------------------------------------------------

const running = () => !panel.progress.hidden;

/** Files go to the worker this many to a message, a task each: cloning thousands of File handles
 * in one message would hold the page for a long task. */
const BATCH = 100;

async function analyse() {
  let story = null;
  if (!hasManifest()) {
    const speaker = panel.speaker.value.trim();
    const text = panel.text.value;
    if (!speaker || !text.trim()) {
      failed('Give the primary text and who said it, or include a story.toml with your files.');
      return;
    }
    const topics = panel.topics.checked ? (window.presslens?.corpus?.().topics ?? []) : [];
    story = { speaker, text, place: panel.where.value.trim(), title: panel.title.value.trim(), topics };
  }
  panel.outcome.replaceChildren();
  performance.mark('presslens-import-start');
  progress('read', 0, files.length);
  const job = files;
  for (let i = 0; i < job.length; i += BATCH) {
    const batch = job.slice(i, i + BATCH);
    send({ type: 'files', files: batch.map((f) => f.file), paths: batch.map((f) => f.path) });
    await new Promise((ok) => setTimeout(ok, 0));
    if (!worker) return; // cancelled meanwhile
  }
  send({ type: 'import', story });
}

const STEPS = { read: 'Files read', import: 'Files imported', analyse: 'Articles analysed' };

function progress(phase, done, total) {
  if (panel.progress.hidden || phase !== panel.phase) panel.since = performance.now();
  panel.phase = phase;
  panel.progress.hidden = false;
  panel.start.disabled = true;
  panel.bar.max = Math.max(total, 1);
  panel.bar.value = done;
  const elapsed = performance.now() - panel.since;
  const left = done > 0 && elapsed > 2000 ? (elapsed / done) * (total - done) : null;
  const eta = left == null ? '' : ` · about ${Math.ceil(left / 1000)} s left in this step`;
  panel.barText.textContent = `${STEPS[phase] ?? phase}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}${eta}`;
}

function cancelJob() {
  stopWorker();
  failed('Cancelled; nothing was kept.');
  startWorker();
}

function ended() {
  panel.progress.hidden = true;
  panel.start.disabled = files.length === 0;
}

/** A story came out: keep it, show it, and list what happened to each file. */
async function finish(m) {
  // For the benchmark: the import is over; what follows is keeping and showing the story.
  performance.mark('presslens-import-done');
  // Keeping and showing the story are tasks of their own, after the one that received it.
  await new Promise((ok) => setTimeout(ok, 0));
  ended();
  const id = 's' + (m.meta.file.match(/[0-9a-f]{16}/)?.[0] ?? Date.now().toString(16)).slice(0, 12);
  const record = { id, meta: m.meta, bundles: m.bundles };
  const bytes = m.meta.bytes.length + m.bundles.reduce((n, b) => n + b.bytes.length, 0);
  let kept;
  try {
    await stories.put({ id, title: m.title, articles: m.articles, saved: Date.now(), bytes }, record);
    kept = `Kept in this browser: a reload or this page's link comes back to it.`;
  } catch (e) {
    kept = `Shown, but not kept: ${e.message ?? e}.`;
  }
  try {
    window.presslens.openStory(record);
    performance.mark('presslens-story-shown');
  } catch (e) {
    failed(`The story could not be shown: ${e.message ?? e}`);
    return;
  }
  files = [];
  take([], []);
  const lines = [...unreadable, ...JSON.parse(m.lines)];
  panel.outcome.replaceChildren(el('div', { class: 'studio-outcome', 'data-test': 'studio-done' },
    el('p', {}, el('strong', {}, `“${m.title}”: ${m.articles.toLocaleString('en')} articles, shown now. `), kept),
    ...report(lines, m.warnings)));
  refreshKept();
}

function failed(message, lines = [], errors = []) {
  ended();
  panel.outcome.replaceChildren(el('div', { class: 'studio-outcome failed', role: 'alert', 'data-test': 'studio-failed' },
    el('p', {}, el('strong', {}, message)), ...report([...unreadable, ...lines], errors)));
}

/** Imported files listed one by one up to this many (the skipped ones always are). */
const LISTED = 300;

function report(lines, notes) {
  const skipped = lines.filter((l) => l.skipped).length;
  const shown = lines.filter((l, i) => l.skipped || i < LISTED);
  const more = lines.length - shown.length;
  const out = [];
  if (notes.length) out.push(el('ul', { class: 'studio-notes', 'data-test': 'studio-notes' }, ...notes.map((n) => el('li', {}, n))));
  if (lines.length) {
    out.push(el('details', { class: 'studio-report', open: skipped > 0 },
      el('summary', {}, `${lines.length.toLocaleString('en')} files: ${(lines.length - skipped).toLocaleString('en')} imported, ${skipped.toLocaleString('en')} skipped`),
      el('ul', { 'data-test': 'studio-lines' }, ...shown.map((l) =>
        el('li', { class: l.skipped ? 'skipped' : null }, el('span', { class: 'file' }, l.file), `: ${l.text}`)),
        more > 0 ? el('li', {}, `… and ${more.toLocaleString('en')} more imported`) : null)));
  }
  return out;
}

// --- Kept stories -------------------------------------------------------------------------------

async function refreshKept() {
  panel.builtin.parentElement.hidden = !window.presslens?.story;
  let list;
  try {
    list = await stories.list();
    panel.storage.hidden = true;
  } catch (e) {
    panel.storage.hidden = false;
    panel.storage.textContent = `This browser's storage cannot be used here: ${e.message ?? e}. Stories are shown but not kept.`;
    list = [];
  }
  const shown = window.presslens?.story;
  const items = list.map((k) => {
    const current = k.id === shown;
    return el('li', { 'data-story': k.id },
      el('span', { class: 'title' }, k.title),
      el('span', { class: 'meta' }, ` · ${k.articles.toLocaleString('en')} articles · ${Math.round(k.bytes / 1024).toLocaleString('en')} KB`),
      el('button', { type: 'button', 'data-test': 'studio-open', disabled: current, onclick: () => openKept(k.id) }, current ? 'Shown' : 'Open'),
      el('button', { type: 'button', 'data-test': 'studio-save', disabled: saving != null || !canSave(), onclick: () => save(k),
        title: canSave() ? null : 'Saving as one file needs the served explorer (this page is a file opened from disk)' }, saving?.id === k.id ? 'Saving…' : 'Save as one file'),
      el('button', { type: 'button', 'data-test': 'studio-delete', onclick: () => remove(k.id) }, 'Delete'));
  });
  panel.kept.replaceChildren(...(items.length ? items : [el('li', { class: 'studio-note' }, 'None yet.')]));
}

async function openKept(id) {
  const record = await stories.read(id);
  if (record) {
    window.presslens.openStory(record);
    close();
  } else refreshKept();
}

async function remove(id) {
  try {
    await stories.remove(id);
  } catch (e) {
    panel.storage.hidden = false;
    panel.storage.textContent = `It could not be deleted: ${e.message ?? e}`;
  }
  if (window.presslens?.story === id) window.presslens.builtinStory();
  // The explorer is replaced in a task of its own; list once it has.
  setTimeout(refreshKept, 0);
}

function backToBuiltin() {
  window.presslens.builtinStory();
  close();
}

/** Saves a kept story as one self-contained HTML file: the worker reads the explorer's own files
 * from this site (or its offline copy) and puts the story's data inside. */
async function save(k) {
  const record = await stories.read(k.id);
  if (!record) return refreshKept();
  saving = { id: k.id, name: `presslens-${slug(k.title)}.html` };
  const base = new URL('./', location.href).href;
  send({ type: 'single', base, meta: record.meta, bundles: record.bundles });
  refreshKept();
}

function slug(title) {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.join('-') : 'story';
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/html' }));
  const a = el('a', { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
