//! Any text as an article body: quotation finding never panics and every span is in bounds, on
//! character boundaries, with the inner text inside the marks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::quotes::find_quotes;
use presslens_core::testkit::story;
use presslens_core::text::paragraphs;

fuzz_target!(|body: &str| {
    let speakers = story(&[]).speakers;
    for q in find_quotes(0, body, &paragraphs(body), &speakers) {
        for s in [q.outer, q.inner] {
            assert!(s.start <= s.end && s.end as usize <= body.len(), "{s:?} out of bounds");
            assert!(body.is_char_boundary(s.start as usize) && body.is_char_boundary(s.end as usize));
        }
        assert!(q.outer.contains(q.inner) || q.cue.is_some());
    }
});
