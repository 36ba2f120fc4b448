//! Speakers and attribution clauses on wire copy of several stories, each with a gold file naming
//! the story's speakers (no aliases) and, for each quotation, who says it and the clause that
//! attributes it (format in tests/heldout/README.md). Three sets: `speakers-dev/`, which the
//! engine was tuned on and which meets the budgets; `speakers-tuned/`, tuned on but not yet at
//! budget (kept apart so that merging it does not hide a development set under budget); and
//! `speakers/`, held out (empty or absent between held-out sets). Budgets: the speaker right for at
//! least 97% of quotations, the clause exact for at least 95%, asserted on the development set
//! always; the tuned set is asserted at its floor (its figures when moved, rounded down), the
//! held-out set at its floor when it has articles. All sets' figures and misses are printed; the
//! assertions are at the end of the test.

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

/// Figures over one folder of articles: quotations, speakers right, clauses exact, and the misses.
#[derive(Default)]
struct Score {
    total: usize,
    speakers_ok: usize,
    clauses_ok: usize,
    misses: String,
}

impl Score {
    fn speaker_share(&self) -> f64 {
        self.speakers_ok as f64 / self.total.max(1) as f64
    }
    fn clause_share(&self) -> f64 {
        self.clauses_ok as f64 / self.total.max(1) as f64
    }
    fn summary(&self, set: &str) -> String {
        if self.total == 0 {
            return format!("{set}: no articles (between held-out sets)");
        }
        format!(
            "{set}: {} quotations: speaker right {:.1}% (budget 97%), clause exact {:.1}% (budget 95%)",
            self.total,
            self.speaker_share() * 100.0,
            self.clause_share() * 100.0
        )
    }
}

fn score_folder(folder: &str) -> Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout").join(folder);
    // A held-out folder is absent between sets (git keeps no empty folders): it then scores nothing.
    let Ok(entries) = std::fs::read_dir(&dir) else { return Score::default() };
    let mut files: Vec<_> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let mut score = Score::default();
    for path in &files {
        score_article(path, &mut score);
    }
    score
}

fn score_article(path: &Path, score: &mut Score) {
    let text = std::fs::read_to_string(path).unwrap();
    let (speakers, gold) = read_gold(&std::fs::read_to_string(path.with_extension("gold")).unwrap());
    let story = Story { speakers, articles: vec![article("a", &text)], ..Story::default() };
    let c = analyze(story, Vec::new());
    let a = &c.story.articles[0];
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    for g in &gold {
        score.total += 1;
        let found = c.quotes.iter().position(|q| q.inner.slice(&a.body).starts_with(&g.opening));
        let speaker = found.and_then(|qi| c.quote_speaker(qi)).map(str::to_string);
        let clause = found
            .and_then(|qi| quotes::attribution(&a.body, &a.paragraphs, &c.quotes[qi]))
            .map(|s| s.slice(&a.body).to_string());
        score.speakers_ok += usize::from(found.is_some() && speaker == g.speaker);
        score.clauses_ok += usize::from(found.is_some() && clause == g.clause);
        if found.is_none() || speaker != g.speaker || clause != g.clause {
            score.misses.push_str(&format!(
                "{name}: “{}…”\n    speaker {:?} (gold {:?})\n    clause  {:?} (gold {:?})\n",
                g.opening, speaker, g.speaker, clause, g.clause
            ));
        }
    }
}

/// Asserts the budgets on one set's figures.
fn assert_budgets(score: &Score, set: &str, report: &str) {
    assert!(score.speaker_share() >= 0.97, "{set}: speakers below budget\n{report}");
    assert!(score.clause_share() >= 0.95, "{set}: clauses below budget\n{report}");
}

#[test]
fn speakers_and_clauses_against_their_budgets() {
    let dev = score_folder("speakers-dev");
    let tuned = score_folder("speakers-tuned");
    let held = score_folder("speakers");
    assert!(dev.total >= 100, "development set too small");
    let report = format!(
        "DEV misses:\n{}\nTUNED misses:\n{}\nHELD-OUT misses:\n{}\n{}\n{}\n{}\n",
        dev.misses,
        tuned.misses,
        held.misses,
        dev.summary("dev (tuned on)"),
        tuned.summary("tuned (tuned on, not yet at budget)"),
        held.summary("held-out")
    );
    println!("{report}");
    // Each held-out set is scored once as written (tests/heldout/README.md), then tuned on and
    // moved into the development set, or into `speakers-tuned/` while merging it would take the
    // development set under budget; a newer set goes into `speakers/`, scored against the same
    // budgets. The tuned floor is s102–s137's figures after the round that moved s120–s137 there
    // (299 and 311 of 325: 92.00 %, 95.69 %), rounded down to 0.1 %. The held-out floor is
    // s138–s155's figures as written (156 and 167 of 181: 86.19 %, 92.27 %), rounded down; it is
    // asserted only while `speakers/` holds articles (an empty or absent folder asserts nothing).
    assert_budgets(&dev, "dev", &report);
    assert!(tuned.speaker_share() >= 0.920 && tuned.clause_share() >= 0.956, "tuned: below its floor\n{report}");
    if held.total > 0 {
        assert!(held.speaker_share() >= 0.861 && held.clause_share() >= 0.922, "held-out: below its floor\n{report}");
    }
}
