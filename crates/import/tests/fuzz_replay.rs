//! Replays the `import_html` fuzz target's seeds (fuzz/seeds/import_html and the fixture pages,
//! tests/pages, which scripts/fuzz also gives it) and every input kept in fuzz/regressions/ through
//! the same checks the target makes (fuzz/fuzz_targets/import_html.rs), so a crash found once
//! stays fixed.

use presslens_core::corpus::parse_article;
use presslens_core::{Date, Severity};
use std::path::Path;

#[test]
fn import_html_inputs() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fuzz = here.join("../../fuzz");
    let mut n = 0;
    let dirs = [fuzz.join("seeds/import_html"), fuzz.join("regressions/import_html"), here.join("tests/pages")];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            // The fixture pages sit beside their marked text and manifests: only the pages.
            let page = !dir.ends_with("pages") || name.ends_with(".html");
            if name.starts_with('.') || name == "README.md" || !page {
                continue;
            }
            let bytes = std::fs::read(e.path()).expect("readable input");
            check(&e.path(), &bytes);
            n += 1;
        }
    }
    assert!(n > 0, "no seeds for fuzz target import_html");
}

fn check(path: &Path, bytes: &[u8]) {
    let Ok(e) = presslens_import::extract(bytes, "fuzz.html") else { return };
    for p in &e.paragraphs {
        assert!(!p.is_empty() && !p.contains('\n') && !p.contains('\r'), "{path:?}: bad paragraph {p:?}");
        assert_eq!(p.trim(), p, "{path:?}");
    }
    let body = e.body();
    let mut diagnostics = Vec::new();
    let a = parse_article("fuzz", "articles/fuzz.txt", body.as_bytes(), &mut diagnostics);
    assert!(a.date.is_none(), "{path:?}: a paragraph was read as a date line");
    assert!(!diagnostics.iter().any(|d| d.severity == Severity::Error), "{path:?}: {diagnostics:?}");
    assert_eq!(a.paragraphs.len(), e.paragraphs.len(), "{path:?}");
    if let Some(d) = &e.meta.date {
        assert!(Date::parse(d).is_some(), "{path:?}: date {d:?}");
    }
}
