//! Any bytes as a saved web page: extraction never panics or hangs, refuses only with a reason,
//! and what it returns is plain text in the corpus's article format (one non-empty paragraph per
//! line, no line breaks inside), which the engine reads back paragraph for paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::corpus::parse_article;
use presslens_core::Severity;

fuzz_target!(|bytes: &[u8]| {
    let Ok(e) = presslens_import::extract(bytes, "fuzz.html") else { return };
    for p in &e.paragraphs {
        assert!(!p.is_empty() && !p.contains('\n') && !p.contains('\r'), "bad paragraph {p:?}");
        assert_eq!(p.trim(), p, "untrimmed paragraph {p:?}");
    }
    let body = e.body();
    let mut diagnostics = Vec::new();
    let a = parse_article("fuzz", "articles/fuzz.txt", body.as_bytes(), &mut diagnostics);
    assert!(a.date.is_none(), "a paragraph was read as a date line");
    assert!(!diagnostics.iter().any(|d| d.severity == Severity::Error), "{diagnostics:?}");
    assert_eq!(a.paragraphs.len(), e.paragraphs.len(), "paragraphs changed on the way through the corpus format");
    if let Some(d) = &e.meta.date {
        assert!(presslens_core::Date::parse(d).is_some(), "date {d:?}");
    }
});
