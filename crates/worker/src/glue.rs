//! The worker's side of the messages with the page (public/studio.js).
//!
//! In: `{type: "files", files: [File], paths: [string]}`, as many as it takes (the page sends a
//! hundred at a time), then `{type: "import", story: {speaker, text, place, title, topics:
//! [{id, label, terms}]} | null}` (the panel's form, for files without a story.toml); the import
//! takes every file sent before it.
//! Out: `{type: "ready"}` once listening; `{type: "progress", phase, done, total}` at most every
//! 100 ms; then `{type: "done", title, articles, meta: {file, bytes}, bundles: [{file, bytes}],
//! lines, warnings: [string]}` (`bundles`: the clusters file, the catalog and the bundles, which the explorer
//! reads a kept story from; the word chunks are not sent, a kept story's words are indexed in the
//! page) or `{type: "failed", message, lines, errors}`, `lines` being the JSON
//! text of `[{file, skipped, text}]`. The bytes are transferred, not copied.
//!
//! In: `{type: "single", base: url, meta: {file, bytes}, bundles: [{file, bytes}]}` ("Save as one
//! file"). The viewer's own files are fetched from `base` (the site the page came from, or the
//! offline copy of it); the story's data comes in the message. Out: `{type: "single", html}` or
//! `{type: "failed", message}`.

use crate::job::{self, Line, Phase};
use js_sys::{Array, Object, Reflect, Uint8Array};
use presslens_import::drop::DropFile;
use presslens_import::story::TopicDraft;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// Progress messages closer together than this are not sent.
const PROGRESS_MS: f64 = 100.0;

pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        match get(&data, "type").as_string().as_deref() {
            Some("files") => CHOSEN.with(|c| {
                let files: Array = get(&data, "files").dyn_into().unwrap_or_default();
                let paths: Array = get(&data, "paths").dyn_into().unwrap_or_default();
                let mut chosen = c.borrow_mut();
                for (i, file) in files.iter().enumerate() {
                    chosen.push((paths.get(i as u32).as_string().unwrap_or_default(), file.unchecked_into()));
                }
            }),
            Some("import") => import(&data),
            Some("single") => wasm_bindgen_futures::spawn_local(async move {
                let reply = match single(&data).await {
                    Ok(html) => message("single", &[("html", html.into())]),
                    Err(e) => message(
                        "failed",
                        &[("message", e.into()), ("lines", "[]".into()), ("errors", Array::new().into())],
                    ),
                };
                post(&reply, &Array::new());
            }),
            _ => {}
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&message("ready", &[]), &Array::new());
}

thread_local! {
    /// The files sent so far for the next import, with their paths.
    static CHOSEN: std::cell::RefCell<Vec<(String, File)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn import(data: &JsValue) {
    let chosen = CHOSEN.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let manifest = manifest(&get(data, "story"));
    let mut last = 0.0;
    let mut progress = |phase: Phase, done: usize, total: usize| {
        let now = js_sys::Date::now();
        if done < total && now - last < PROGRESS_MS {
            return;
        }
        last = now;
        let fields = [("phase", phase.key().into()), ("done", done.into()), ("total", total.into())];
        post(&message("progress", &fields), &Array::new());
    };
    let reader = FileReaderSync::new().ok();
    let total = chosen.len();
    let mut dropped = Vec::with_capacity(total);
    let mut unreadable = Vec::new();
    for (i, (path, file)) in chosen.into_iter().enumerate() {
        let path = if path.is_empty() { file.name() } else { path };
        match reader.as_ref().map(|r| r.read_as_array_buffer(&file)) {
            Some(Ok(buffer)) => dropped.push(DropFile { path, bytes: Uint8Array::new(&buffer).to_vec() }),
            _ => unreadable.push(Line {
                file: path,
                skipped: true,
                text: "skipped: the browser could not read it".into(),
            }),
        }
        progress(Phase::Read, i + 1, total);
    }
    let reply = match job::run(dropped, manifest, &mut progress) {
        Ok(done) => {
            let transfer = Array::new();
            let file = |(name, bytes): &(String, Vec<u8>)| {
                let array = Uint8Array::from(bytes.as_slice());
                transfer.push(&array.buffer());
                object(&[("file", name.as_str().into()), ("bytes", array.into())])
            };
            let meta = file(&done.packed.meta);
            // What the browser keeps of a story: the metadata file, and as "bundles" the files it
            // names that the explorer reads a kept story from (the clusters, the catalog and the
            // bundles).
            let bundles: Array = std::iter::once(&done.packed.clusters)
                .chain(&done.packed.catalog)
                .chain(&done.packed.bundles)
                .map(file)
                .collect();
            let fields = [
                ("title", done.title.as_str().into()),
                ("articles", done.articles.into()),
                ("meta", meta.into()),
                ("bundles", bundles.into()),
                ("lines", lines(unreadable.into_iter().chain(done.lines))),
                ("warnings", strings(&done.warnings).into()),
            ];
            return post(&message("done", &fields), &transfer);
        }
        Err(failed) => [
            ("message", failed.message.as_str().into()),
            ("lines", lines(unreadable.into_iter().chain(failed.lines))),
            ("errors", strings(&failed.errors).into()),
        ],
    };
    post(&message("failed", &reply), &Array::new());
}

/// One self-contained HTML file of the story in `data`: the viewer's files from the site, the
/// story's data files inline, its first screen painted (presslens_site, as `presslens site
/// --single-file` writes it).
async fn single(data: &JsValue) -> Result<String, String> {
    let base = get(data, "base").as_string().ok_or("no address to read the viewer from")?;
    let file = |v: JsValue| -> Option<(String, Vec<u8>)> {
        Some((get(&v, "file").as_string()?, get(&v, "bytes").dyn_into::<Uint8Array>().ok()?.to_vec()))
    };
    let meta = file(get(data, "meta")).ok_or("the story's data is damaged")?;
    let bundles: Vec<_> = Array::from(&get(data, "bundles"))
        .iter()
        .map(file)
        .collect::<Option<_>>()
        .ok_or("the story's data is damaged")?;
    let corpus = presslens_core::pack::unpack_files((&meta.0, &meta.1), &bundles).map_err(|e| e.to_string())?;
    // The browser keeps a story's metadata file and bundles, not its word chunks (the explorer
    // indexes a kept story's words itself): packing it again gives every file the one file needs.
    let packed = presslens_core::pack::pack(&corpus, presslens_core::pack::ARTICLES_PER_BUNDLE)
        .map_err(|e| format!("the story could not be written out: {e}"))?;
    let html = String::from_utf8(fetch(&base, "").await?).map_err(|_| "the page is not UTF-8".to_string())?;
    let viewer =
        presslens_site::Viewer::parse(html).ok_or("the page this came from is not a built presslens viewer")?;
    let text = |b: Vec<u8>, name: &str| String::from_utf8(b).map_err(|_| format!("{name}: not UTF-8"));
    let mut early = Vec::new();
    for name in &viewer.early {
        early.push(text(fetch(&base, name).await?, name)?);
    }
    let parts = presslens_site::Parts {
        glue: text(fetch(&base, &viewer.glue).await?, &viewer.glue)?,
        wasm: fetch(&base, &viewer.wasm).await?,
        css: text(fetch(&base, &viewer.css).await?, &viewer.css)?,
        icon: fetch(&base, "favicon.svg").await.ok(),
        early,
    };
    let screen = presslens_site::paint::first_screen(&corpus);
    presslens_site::single_file(&viewer, &parts, &packed, &corpus.story.title, &screen, None)
}

/// One of the site's own files, relative to `base`.
async fn fetch(base: &str, name: &str) -> Result<Vec<u8>, String> {
    let url = format!("{base}{name}");
    let failed = |_| format!("{url} could not be read (offline, and not in the offline copy?)");
    let response = wasm_bindgen_futures::JsFuture::from(scope().fetch_with_str(&url)).await.map_err(failed)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer =
        wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The starting story.toml `presslens init` would write from the panel's form.
fn manifest(story: &JsValue) -> Option<String> {
    if story.is_null() || story.is_undefined() {
        return None;
    }
    let text = |k: &str| get(story, k).as_string().unwrap_or_default();
    let topics: Vec<TopicDraft> = Array::from(&get(story, "topics"))
        .iter()
        .map(|t| TopicDraft {
            id: get(&t, "id").as_string().unwrap_or_default(),
            label: get(&t, "label").as_string().unwrap_or_default(),
            terms: Array::from(&get(&t, "terms")).iter().filter_map(|x| x.as_string()).collect(),
        })
        .collect();
    let (place, title) = (text("place"), text("title"));
    let some = |s: &str| (!s.is_empty()).then_some(s.to_string());
    Some(presslens_import::story::story_toml(
        &text("speaker"),
        &text("text"),
        some(&place).as_deref(),
        some(&title).as_deref(),
        &topics,
    ))
}

/// The lines as one JSON text: a single string crosses to the page at the cost of a copy, where
/// ten thousand small objects would hold the page's main thread while they are rebuilt there.
fn lines(lines: impl Iterator<Item = Line>) -> JsValue {
    let all: Array = lines
        .map(|l| {
            object(&[("file", l.file.as_str().into()), ("skipped", l.skipped.into()), ("text", l.text.as_str().into())])
        })
        .collect();
    js_sys::JSON::stringify(&all).map_or_else(|_| "[]".into(), JsValue::from)
}

fn strings(items: &[String]) -> Array {
    items.iter().map(|s| JsValue::from(s.as_str())).collect()
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(value: &JsValue, transfer: &Array) {
    // Posting a plain object of strings, numbers and byte arrays cannot fail.
    let _ = scope().post_message_with_transfer(value, transfer);
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn message(kind: &str, fields: &[(&str, JsValue)]) -> Object {
    let o = object(fields);
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    o
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}
