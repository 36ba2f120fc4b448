//! Any text as an article about Bukele's post: the whole analysis (quotes, alignment, diff ops,
//! topics, clusters) never panics and keeps every invariant of the export contract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::testkit::{analyze, invariants};

fuzz_target!(|body: &str| {
    // Two copies: clusters need a quotation in more than one article.
    let c = analyze(&[body, body]);
    if let Err(why) = invariants(&c) {
        panic!("{why}");
    }
});
