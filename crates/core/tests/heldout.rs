//! Accuracy on held-out articles (tests/heldout/*.txt): of the words of the post that each article
//! reproduces (quoted or unmarked, marked by hand with ⟦ ⟧), how many the engine finds (recall), and
//! how many of the words it claims are right (precision). Both must be at least 97%, over all
//! articles and per article. Words count as found when an op keeps them under the loose
//! normalization (so "US" for "U.S." counts as a reproduced word, as a reader would count it).

use presslens_core::diff;
use presslens_core::testkit::story;
use presslens_core::text::{tokenize, Normalization, TokenKind};
use presslens_core::{analyze, MatchKind, OpTag, Span};
use std::path::Path;

/// The text without marks, and the marked spans in it.
fn unmark(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => spans.push(Span::new(open.take().expect("balanced marks"), text.len())),
            c => text.push(c),
        }
    }
    (text, spans)
}

fn words(text: &str) -> Vec<Span> {
    tokenize(text).into_iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span).collect()
}

#[test]
fn finds_at_least_97_percent_of_reproduced_words_with_97_percent_precision() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "held-out set too small");
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    let mut failures = Vec::new();
    for path in &files {
        let (text, gold) = unmark(&std::fs::read_to_string(path).unwrap());
        let c = analyze_one(&text);
        let found = found_spans(&c);
        let (mut t, mut f, mut n) = (0, 0, 0);
        for w in words(&text) {
            let is_gold = gold.iter().any(|g| g.contains(w));
            let is_found = found.iter().any(|s| s.contains(w));
            match (is_gold, is_found) {
                (true, true) => t += 1,
                (false, true) => f += 1,
                (true, false) => n += 1,
                _ => {}
            }
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let recall = if t + n == 0 { 1.0 } else { t as f64 / (t + n) as f64 };
        let precision = if t + f == 0 { 1.0 } else { t as f64 / (t + f) as f64 };
        report.push_str(&format!(
            "{name:<32} gold {:>3}  found {:>3}  recall {:>6.1}%  precision {:>6.1}%\n",
            t + n,
            t + f,
            recall * 100.0,
            precision * 100.0
        ));
        if recall < 0.97 || precision < 0.97 {
            failures.push(name);
        }
        tp += t;
        fp += f;
        fneg += n;
    }
    let recall = tp as f64 / (tp + fneg) as f64;
    let precision = tp as f64 / (tp + fp) as f64;
    report.push_str(&format!(
        "overall: recall {:.1}% (budget 97%), precision {:.1}% (budget 97%)\n",
        recall * 100.0,
        precision * 100.0
    ));
    println!("{report}");
    assert!(failures.is_empty() && recall >= 0.97 && precision >= 0.97, "{report}below 97%: {failures:?}");
}

fn analyze_one(text: &str) -> presslens_core::Corpus {
    analyze(story(&[text]), Vec::new())
}

/// Article bytes that quoted or unmarked matches keep (equal under the loose normalization).
fn found_spans(c: &presslens_core::Corpus) -> Vec<Span> {
    let body = &c.story.articles[0].body;
    c.matches
        .iter()
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .flat_map(|m| {
            let src = &c.story.sources[m.source].text;
            diff::ops(src, m.source_span, body, m.article_span, Normalization::LOOSE)
                .into_iter()
                .filter(|o| o.tag == OpTag::Equal)
                .map(|o| o.article)
        })
        .collect()
}
