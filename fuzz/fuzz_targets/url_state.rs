//! Any text as the page's query string, against the seed corpus: parsing never panics, and the
//! state it yields survives a round trip through the URL with no notice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::{analyze, corpus, Corpus};
use std::sync::OnceLock;

// The explorer's URL-state module is plain Rust over presslens-core: fuzz the very file.
#[allow(dead_code)]
#[path = "../../src/state.rs"]
mod state;

fn seeds() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let loaded = corpus::load(&dir);
        analyze(loaded.story, loaded.diagnostics)
    })
}

fuzz_target!(|search: &str| {
    let corpus = seeds();
    let (st, _notices) = state::parse(search, corpus);
    let again = state::to_search(&st);
    let (back, notices) = state::parse(&again, corpus);
    assert!(notices.is_empty(), "{search:?} -> {again:?} gave notices {notices:?}");
    assert_eq!(st, back, "{search:?} -> {again:?}");
});
