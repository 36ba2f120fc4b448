//! The analysed corpus the explorer shows, decoded once at start-up and alive for the session.
//!
//! It comes from one of two places. A page written by `presslens site` links to data files
//! (presslens_core::pack: a metadata file and bundles of articles), and in the single-file build
//! carries them inline as base64 data blocks; the viewer then reads those and is the same program
//! for every story. Otherwise the corpus build.rs embedded at build time is used (the seed
//! explorer).

use presslens_core::pack::{self, PackError};
use presslens_core::query::Index;
use presslens_core::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The attribute that marks the page's data links (`<link … data-presslens="meta">`) and inline
/// data blocks (`<script type="application/octet-stream" data-presslens="meta" data-file="…">`).
const DATA_ATTR: &str = "data-presslens";

/// The corpus and its query index, alive for the whole session.
pub struct Data {
    pub corpus: Corpus,
    pub index: Index,
}

fn keep(corpus: Corpus) -> &'static Data {
    let index = Index::new(&corpus);
    Box::leak(Box::new(Data { corpus, index }))
}

/// Milliseconds of indexing in one task, so that a click while the index fills waits for little.
const WORDS_SLICE_MS: f64 = 4.0;

/// Indexes the articles' words a few milliseconds at a time between tasks, after the app has
/// started, so start-up does not wait for it and the first search usually finds it ready (a search
/// that comes first finishes it; see `query::Index`).
pub fn index_in_background(data: &'static Data) {
    fn step(data: &'static Data) {
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < WORDS_SLICE_MS {
            if data.index.index_words(&data.corpus, 1) {
                return;
            }
        }
        leptos::prelude::set_timeout(move || step(data), std::time::Duration::ZERO);
    }
    leptos::prelude::set_timeout(move || step(data), std::time::Duration::ZERO);
}

/// The data file the page names as its metadata file, if it names one.
pub fn linked() -> Option<String> {
    let el = leptos::prelude::document().query_selector(&format!("[{DATA_ATTR}=\"meta\"]")).ok()??;
    el.get_attribute("href").or_else(|| el.get_attribute("data-file"))
}

/// Decodes the embedded corpus. The bytes were written by build.rs from the same crate version, so
/// a failure here is a build defect; it is reported in the page rather than as a blank screen.
pub fn embedded() -> Result<&'static Data, String> {
    let corpus = Corpus::from_bytes(BYTES).map_err(|e| format!("The embedded corpus could not be read: {e}"))?;
    Ok(keep(corpus))
}

/// Reads the metadata file at `meta` and every bundle it names (all requested at once), and puts
/// the corpus together. Any file that is missing, damaged or from another build is an error that
/// names it.
pub async fn fetch(meta: String) -> Result<&'static Data, String> {
    let failed = |e: PackError| format!("The story's data could not be read: {e}");
    let dir = meta.rfind('/').map_or("", |i| &meta[..=i]).to_string();
    let m = pack::read_meta(&meta, &bytes_of(&meta).await?).map_err(failed)?;
    let pending: Vec<_> = m.bundles.iter().map(|r| Pending::start(&format!("{dir}{}", r.file))).collect();
    let mut bundles = Vec::with_capacity(pending.len());
    for (r, p) in m.bundles.iter().zip(pending) {
        bundles.push(pack::read_bundle(r, &p.bytes().await?).map_err(failed)?);
    }
    Ok(keep(pack::unpack(m, bundles).map_err(failed)?))
}

/// Puts a corpus together from data files already in memory (a story the worker made, or one
/// kept in this browser), with the same checks as [`fetch`].
pub fn from_files(meta: (String, Vec<u8>), bundles: Vec<(String, Vec<u8>)>) -> Result<&'static Data, String> {
    let failed = |e: PackError| format!("The story's data could not be read: {e}");
    let m = pack::read_meta(&meta.0, &meta.1).map_err(failed)?;
    if m.bundles.len() != bundles.len() {
        return Err(failed(PackError::Mismatch(format!("{} bundles named, {} kept", m.bundles.len(), bundles.len()))));
    }
    let read: Result<Vec<_>, _> = m.bundles.iter().zip(&bundles).map(|(r, (_, b))| pack::read_bundle(r, b)).collect();
    Ok(keep(pack::unpack(m, read.map_err(failed)?).map_err(failed)?))
}

/// A data file on its way: inline in the page, or a request already sent.
enum Pending {
    Inline(Result<Vec<u8>, String>),
    Request(String, js_sys::Promise),
}

impl Pending {
    fn start(file: &str) -> Pending {
        let doc = leptos::prelude::document();
        let selector = format!("script[{DATA_ATTR}][data-file=\"{}\"]", file.replace(['"', '\\'], ""));
        if let Ok(Some(el)) = doc.query_selector(&selector) {
            let text = el.text_content().unwrap_or_default();
            return Pending::Inline(base64(&text).ok_or_else(|| format!("The inline data file {file} is damaged.")));
        }
        Pending::Request(file.to_string(), leptos::prelude::window().fetch_with_str(file))
    }

    async fn bytes(self) -> Result<Vec<u8>, String> {
        let (file, promise) = match self {
            Pending::Inline(bytes) => return bytes,
            Pending::Request(file, promise) => (file, promise),
        };
        let unreachable = |e: wasm_bindgen::JsValue| format!("The data file {file} could not be loaded: {e:?}");
        let response: web_sys::Response = JsFuture::from(promise).await.map_err(unreachable)?.unchecked_into();
        if !response.ok() {
            return Err(format!("The data file {file} could not be loaded (HTTP {}).", response.status()));
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(unreachable)?).await.map_err(unreachable)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

async fn bytes_of(file: &str) -> Result<Vec<u8>, String> {
    Pending::start(file).bytes().await
}

/// Standard base64 with padding, whitespace ignored; `None` on any other character.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_decodes_standard_padded_text() {
        assert_eq!(base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64("aGVs\nbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(base64("").as_deref(), Some(&b""[..]));
        assert_eq!(base64("a<b"), None);
    }
}
