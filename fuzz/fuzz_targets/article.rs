//! Any bytes as an article file: parsing never panics, and every paragraph lies inside the body on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::corpus::parse_article;

fuzz_target!(|bytes: &[u8]| {
    let mut diagnostics = Vec::new();
    let a = parse_article("000_fuzz", "articles/000_fuzz.txt", bytes, &mut diagnostics);
    for p in &a.paragraphs {
        assert!(p.start <= p.end && p.end as usize <= a.body.len(), "paragraph {p:?} out of bounds");
        assert!(a.body.is_char_boundary(p.start as usize) && a.body.is_char_boundary(p.end as usize));
    }
    for d in &diagnostics {
        assert!(d.file == "articles/000_fuzz.txt", "a diagnostic names another file: {d}");
    }
});
