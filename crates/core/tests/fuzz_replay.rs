//! Replays the fuzz targets' seeds, every input kept in fuzz/regressions/ and the inputs that once
//! made a target slow (fuzz/slow/) through the same checks the targets make (see
//! fuzz/fuzz_targets/), so that a crash found once stays fixed.

use presslens_core::corpus::{parse_article, parse_story};
use presslens_core::quotes::find_quotes;
use presslens_core::testkit::{analyze, invariants, story};
use presslens_core::text::paragraphs;
use presslens_core::Severity;
use std::path::{Path, PathBuf};

/// The seed, regression and slow inputs of one target.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut out = Vec::new();
    for dir in ["seeds", "regressions", "slow"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            out.push((e.path(), std::fs::read(e.path()).expect("readable input")));
        }
    }
    assert!(!out.is_empty(), "no seeds for fuzz target {target}");
    out
}

fn text(bytes: &[u8]) -> Option<&str> {
    // A `&str` target gets the longest valid UTF-8 prefix of the input (`arbitrary`'s rule), so a
    // kept crash file may end in bytes the target never saw.
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    std::str::from_utf8(&bytes[..valid]).ok()
}

#[test]
fn article_inputs() {
    for (path, bytes) in inputs("article") {
        let mut diagnostics = Vec::new();
        let a = parse_article("000_fuzz", "articles/000_fuzz.txt", &bytes, &mut diagnostics);
        for p in &a.paragraphs {
            assert!(p.end as usize <= a.body.len() && a.body.is_char_boundary(p.start as usize), "{path:?}");
            assert!(a.body.is_char_boundary(p.end as usize), "{path:?}");
        }
    }
}

#[test]
fn story_toml_inputs() {
    for (path, bytes) in inputs("story_toml") {
        let Some(t) = text(&bytes) else { continue };
        let (story, diagnostics) = parse_story(t, "story.toml");
        assert!(story.is_some() || diagnostics.iter().any(|d| d.severity == Severity::Error), "{path:?}");
    }
}

#[test]
fn quotes_inputs() {
    let speakers = story(&[]).speakers;
    for (path, bytes) in inputs("quotes") {
        let Some(body) = text(&bytes) else { continue };
        let found = find_quotes(0, body, &paragraphs(body), &speakers);
        for q in &found {
            assert!(q.outer.end as usize <= body.len() && (q.outer.contains(q.inner) || q.cue.is_some()), "{path:?}");
        }
    }
}

#[test]
fn align_inputs() {
    for (path, bytes) in inputs("align") {
        let Some(body) = text(&bytes) else { continue };
        let c = analyze(&[body, body]);
        if let Err(why) = invariants(&c) {
            panic!("{path:?}: {why}");
        }
    }
}
