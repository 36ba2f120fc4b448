//! Replays the `import_html` fuzz target's seeds and every input kept in fuzz/regressions/ through
//! the same checks the target makes (fuzz/fuzz_targets/import_html.rs), so a crash found once
//! stays fixed.

use presslens_core::corpus::parse_article;
use presslens_core::{Date, Severity};
use std::path::Path;

#[test]
fn import_html_inputs() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join("import_html")) else { continue };
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with('.') || e.file_name() == "README.md" {
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
