//! Bad corpus inputs, one fixture each (built from a copy of the seeds): every problem gets an error
//! or a warning naming file and line, the build fails only where going on would lose or
//! misrepresent data, and every article file is still counted. docs/corpus-diagnostics.md lists them.

use presslens_core::corpus::load;
use presslens_core::{analyze, Severity};
use std::path::{Path, PathBuf};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

enum Change {
    /// Write (or overwrite) `articles/<name>` with these bytes.
    Article(&'static str, Vec<u8>),
    /// Replace text in story.toml.
    Manifest(&'static str, &'static str),
    /// Append text to story.toml.
    AppendManifest(&'static str),
}

struct Case {
    name: &'static str,
    change: Change,
    severity: Severity,
    /// The end of the diagnostic's file path.
    file: &'static str,
    line: Option<u32>,
    message: &'static str,
    /// Articles the story must still hold.
    articles: usize,
}

fn fixture(name: &str, change: &Change) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-bad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let seeds = Path::new(SEEDS);
    let mut manifest = std::fs::read_to_string(seeds.join("story.toml")).unwrap();
    for e in std::fs::read_dir(seeds.join("articles")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("articles").join(p.file_name().unwrap())).unwrap();
    }
    match change {
        Change::Article(file, bytes) => std::fs::write(dir.join("articles").join(file), bytes).unwrap(),
        Change::Manifest(from, to) => {
            assert!(manifest.contains(from), "fixture {name}: `{from}` not in story.toml");
            manifest = manifest.replacen(from, to, 1);
        }
        Change::AppendManifest(text) => manifest.push_str(text),
    }
    std::fs::write(dir.join("story.toml"), manifest).unwrap();
    dir
}

/// Lines in the seed story.toml.
fn manifest_end() -> u32 {
    include_str!("../../../corpus/story.toml").split_terminator('\n').count() as u32
}

/// 1-based line of the seed story.toml where `text` starts.
fn manifest_line(text: &str) -> Option<u32> {
    let manifest = include_str!("../../../corpus/story.toml");
    manifest.find(text).map(|at| 1 + manifest[..at].matches('\n').count() as u32)
}

const POST: &str = "We have offered the United States of America the opportunity to outsource part of its prison system.\n\nWe are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee.\n\nThe fee would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.\n";

fn article(first_line: &str) -> Vec<u8> {
    format!("{first_line}\n“We are grateful,” Rubio said.\n").into_bytes()
}

fn cases() -> Vec<Case> {
    use Change::*;
    use Severity::*;
    let big = {
        let para = "The offer was discussed at length in the capital on Tuesday by officials and critics alike.\n";
        let mut s = String::from(" date 2025-02-05 Start.\n");
        while s.len() < 20_000_000 {
            s.push_str(para);
        }
        s.into_bytes()
    };
    vec![
        Case {
            name: "empty article",
            change: Article("x.txt", Vec::new()),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "has no text",
            articles: 6,
        },
        Case {
            name: "no date line",
            change: Article("x.txt", article("Plain first paragraph.")),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "shown as undated",
            articles: 6,
        },
        Case {
            name: "impossible date",
            change: Article("x.txt", article(" date 2025-02-30 Text.")),
            severity: Error,
            file: "articles/x.txt",
            line: Some(1),
            message: "2025-02-30",
            articles: 6,
        },
        Case {
            name: "junk after the date",
            change: Article("x.txt", article(" date 2025-02-04x Text.")),
            severity: Error,
            file: "articles/x.txt",
            line: Some(1),
            message: "2025-02-04x",
            articles: 6,
        },
        Case {
            name: "non-UTF-8 bytes",
            change: Article("x.txt", b" date 2025-02-04 Ok.\nBad \xff\xfe byte.\n".to_vec()),
            severity: Error,
            file: "articles/x.txt",
            line: Some(2),
            message: "not valid UTF-8",
            articles: 6,
        },
        Case {
            name: "UTF-8 byte order mark",
            change: Article("x.txt", [b"\xef\xbb\xbf".as_slice(), &article(" date 2025-02-04 Text.")].concat()),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "byte order mark",
            articles: 6,
        },
        Case {
            name: "CRLF line endings",
            change: Article("x.txt", b" date 2025-02-04 One.\r\nTwo.\r\n".to_vec()),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "CRLF",
            articles: 6,
        },
        Case {
            name: "a 20 MB article",
            change: Article("x.txt", big),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "MB",
            articles: 6,
        },
        Case {
            name: "unbalanced quote marks",
            change: Article(
                "x.txt",
                b" date 2025-02-04 First.\nHe said \xe2\x80\x9cwe will see and then left.\nThe end.\n".to_vec(),
            ),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(2),
            message: "unbalanced quote mark",
            articles: 6,
        },
        Case {
            name: "ids that differ only in case",
            change: Article("000_7B00E24AC803D7D7.txt", article(" date 2025-02-04 Copy.")),
            severity: Error,
            file: "000_7b00e24ac803d7d7.txt",
            line: None,
            message: "only in case",
            articles: 6,
        },
        Case {
            name: "manifest entry for a missing file",
            change: AppendManifest("\n[article.ghost]\noutlet = \"Nobody\"\n"),
            severity: Error,
            file: "story.toml",
            line: Some(manifest_end() + 2),
            message: "articles/ghost.txt",
            articles: 5,
        },
        Case {
            name: "file with no manifest entry",
            change: Article("x.txt", article(" date 2025-02-04 Text.")),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "no [article.x] entry",
            articles: 6,
        },
        Case {
            name: "story.toml syntax error",
            change: Manifest("[[topic]]\nid    = \"fee\"", "[[topic]\nid    = \"fee\""),
            severity: Error,
            file: "story.toml",
            line: manifest_line("[[topic]]\nid    = \"fee\""),
            message: "expected `]`",
            articles: 5,
        },
        Case {
            name: "empty source text",
            change: Manifest(POST, " \n"),
            severity: Error,
            file: "story.toml",
            line: manifest_line("text    = \"\"\""),
            message: "empty `text`",
            articles: 5,
        },
        Case {
            name: "zero-width and bidi controls",
            change: Article("x.txt", article(" date 2025-02-04 Text \u{200b}with\u{202e} controls.")),
            severity: Warning,
            file: "articles/x.txt",
            line: Some(1),
            message: "U+200B",
            articles: 6,
        },
        Case {
            name: "NUL bytes",
            change: Article("x.txt", b" date 2025-02-04 Text.\nA \0 byte.\n".to_vec()),
            severity: Error,
            file: "articles/x.txt",
            line: Some(2),
            message: "NUL",
            articles: 6,
        },
    ]
}

#[test]
fn every_bad_input_gets_a_located_message_and_nothing_disappears() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = fixture(&case.name.replace(' ', "-"), &case.change);
        let loaded = load(&dir);
        let corpus = analyze(loaded.story, loaded.diagnostics);
        let found = corpus.diagnostics.iter().find(|d| {
            d.severity == case.severity
                && d.file.ends_with(case.file)
                && d.line == case.line
                && d.message.contains(case.message)
        });
        if found.is_none() {
            failures.push(format!(
                "{}: expected {:?} {}:{:?} “{}”, got {:#?}",
                case.name, case.severity, case.file, case.line, case.message, corpus.diagnostics
            ));
        }
        if corpus.articles().len() != case.articles {
            failures.push(format!("{}: {} articles, expected {}", case.name, corpus.articles().len(), case.articles));
        }
        let errors = corpus.diagnostics.iter().any(|d| d.severity == Severity::Error);
        if errors != (case.severity == Severity::Error) {
            failures.push(format!("{}: errors = {errors}", case.name));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
