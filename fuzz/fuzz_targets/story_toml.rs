//! Any text as `story.toml`: parsing never panics; a story comes back or an error names the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens_core::corpus::parse_story;
use presslens_core::Severity;

fuzz_target!(|text: &str| {
    let (story, diagnostics) = parse_story(text, "story.toml");
    if story.is_none() {
        assert!(diagnostics.iter().any(|d| d.severity == Severity::Error), "no story and no error");
    }
    for d in &diagnostics {
        assert_eq!(d.file, "story.toml");
    }
});
