//! Speakers and attribution clauses on held-out articles (tests/heldout/speakers/): wire copy of
//! several stories, each with a gold file naming the story's speakers (no aliases) and, for each
//! quotation, who says it and the clause that attributes it (format in tests/heldout/README.md).
//! Budgets: the speaker right for at least 97% of quotations, the clause exact for at least 95%.
//! The engine does not meet them yet (81.5% and 79.6% when this test was added; the misses are
//! printed). Until it does, the test asserts those figures as a floor against regressions and
//! prints the budgets beside them.

use presslens_core::testkit::article;
use presslens_core::{analyze, quotes, Speaker, Story};
use std::path::Path;

/// One gold line: the quotation's opening words, its speaker, its clause ("-" for none).
struct Gold {
    opening: String,
    speaker: Option<String>,
    clause: Option<String>,
}

fn dash(s: &str) -> Option<String> {
    (s != "-").then(|| s.to_string())
}

fn read_gold(text: &str) -> (Vec<Speaker>, Vec<Gold>) {
    let mut speakers = Vec::new();
    let mut gold = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(list) = line.strip_prefix("speakers =") {
            let names = list.split(';').map(str::trim).filter(|n| !n.is_empty());
            speakers.extend(names.map(|n| Speaker { name: n.to_string(), aliases: Vec::new() }));
            continue;
        }
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(parts.len(), 3, "gold line {line:?}");
        gold.push(Gold { opening: parts[0].into(), speaker: dash(parts[1]), clause: dash(parts[2]) });
    }
    (speakers, gold)
}

#[test]
fn speakers_and_clauses_against_their_budgets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout/speakers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "held-out set too small");
    let (mut total, mut speakers_ok, mut clauses_ok) = (0usize, 0usize, 0usize);
    let mut report = String::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let (speakers, gold) = read_gold(&std::fs::read_to_string(path.with_extension("gold")).unwrap());
        let story = Story { speakers, articles: vec![article("a", &text)], ..Story::default() };
        let c = analyze(story, Vec::new());
        let a = &c.story.articles[0];
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        for g in &gold {
            total += 1;
            let found = c.quotes.iter().position(|q| q.inner.slice(&a.body).starts_with(&g.opening));
            let speaker = found.and_then(|qi| c.quote_speaker(qi)).map(str::to_string);
            let clause = found
                .and_then(|qi| quotes::attribution(&a.body, &a.paragraphs, &c.quotes[qi]))
                .map(|s| s.slice(&a.body).to_string());
            speakers_ok += usize::from(found.is_some() && speaker == g.speaker);
            clauses_ok += usize::from(found.is_some() && clause == g.clause);
            if found.is_none() || speaker != g.speaker || clause != g.clause {
                report.push_str(&format!(
                    "{name}: “{}…”\n    speaker {:?} (gold {:?})\n    clause  {:?} (gold {:?})\n",
                    g.opening, speaker, g.speaker, clause, g.clause
                ));
            }
        }
    }
    let speaker_share = speakers_ok as f64 / total as f64;
    let clause_share = clauses_ok as f64 / total as f64;
    let verdict = if speaker_share >= 0.97 && clause_share >= 0.95 { "within budget" } else { "BELOW BUDGET" };
    report.push_str(&format!(
        "{total} quotations: speaker right {:.1}% (budget 97%), clause exact {:.1}% (budget 95%): {verdict}\n",
        speaker_share * 100.0,
        clause_share * 100.0
    ));
    println!("{report}");
    assert!(speaker_share >= 0.81 && clause_share >= 0.79, "regression below the recorded floor\n{report}");
}
