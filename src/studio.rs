//! The explorer's side of "Your own articles". The panel itself (public/studio.js, with the
//! engine's worker behind it and the stories kept in IndexedDB by public/stories.js) loads only
//! when a reader opens it, so none of it is in the first load: public/boot.js puts a small hook on
//! `window.presslensStudio` (`open()`, `read(id)`), and the panel hands a story back through
//! `window.presslens.openStory(record)`. A story is handed over as its data files, the same
//! `presslens_core::pack` files a site serves: `{id, meta: {file, bytes}, bundles: [{file, bytes}]}`.

use crate::data::Data;
use js_sys::{Array, Function, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The kept story the explorer shows (its id), if it shows one.
    static SHOWN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The kept story shown now, if any.
pub fn shown() -> Option<String> {
    SHOWN.with(|s| s.borrow().clone())
}

pub fn set_shown(id: Option<String>) {
    SHOWN.with(|s| *s.borrow_mut() = id);
}

fn hook(name: &str) -> Option<Function> {
    let studio = Reflect::get(&js_sys::global(), &"presslensStudio".into()).ok()?;
    Reflect::get(&studio, &name.into()).ok()?.dyn_into().ok()
}

/// Whether this page can open a reader's own articles: a served explorer, or a single file that
/// carries the engine (`presslens site --single-file --with-import`).
pub fn available() -> bool {
    hook("open").is_some()
}

/// Opens the panel.
pub fn open() {
    if let Some(f) = hook("open") {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// The kept story `id`, read from this browser's storage: `Ok(None)` when it keeps none.
pub async fn read(id: &str) -> Result<Option<(&'static Data, String)>, String> {
    let read = hook("read").ok_or("This page cannot open kept stories (open the served explorer).")?;
    let promise = read.call1(&JsValue::NULL, &id.into()).map_err(|e| format!("{e:?}"))?;
    let record = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "this browser's storage could not be read".into()))?;
    if record.is_null() || record.is_undefined() {
        return Ok(None);
    }
    from_record(&record).map(Some)
}

/// A story record's data put together (the checks of `data::from_files`), with its id.
pub fn from_record(record: &JsValue) -> Result<(&'static Data, String), String> {
    let get = |v: &JsValue, k: &str| Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let file = |v: JsValue| -> Option<(String, Vec<u8>)> {
        Some((get(&v, "file").as_string()?, get(&v, "bytes").dyn_into::<Uint8Array>().ok()?.to_vec()))
    };
    let damaged = || "The story's data is damaged; delete it and import the files again.".to_string();
    let id = get(record, "id").as_string().filter(|i| crate::state::is_story_id(i)).ok_or_else(damaged)?;
    let meta = file(get(record, "meta")).ok_or_else(damaged)?;
    let bundles =
        Array::from(&get(record, "bundles")).iter().map(file).collect::<Option<Vec<_>>>().ok_or_else(damaged)?;
    Ok((crate::data::from_files(meta, bundles)?, id))
}
