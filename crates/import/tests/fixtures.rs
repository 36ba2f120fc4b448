//! The importer against hand-marked saved pages: word-level precision and recall of the article
//! text, embedded posts included, and the page facts, printed per page and overall beside their
//! budgets, with dom_smoothie's raw output for comparison. Two sets, in the format tests/pages/README
//! describes: tests/pages/, the pages the importer was developed on, and tests/heldout-pages/,
//! written afterwards by someone who had not seen the importer, and not tuned on.
//!
//! Run with `cargo test -p presslens-import --test fixtures -- --nocapture` to see the table.

use presslens_import::{decode::decode, extract};
use std::path::{Path, PathBuf};

const TEXT_BUDGET: f64 = 0.97;
const META_BUDGET: f64 = 0.95;

fn pages(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(folder);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("tests/{folder}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    out.sort();
    out
}

/// Lowercase word tokens (letters and digits).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Length of the longest common subsequence of two token lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Matched, extracted and expected word counts.
#[derive(Default, Clone, Copy)]
struct Score {
    common: usize,
    got: usize,
    want: usize,
}

impl Score {
    fn of(got: &str, want: &str) -> Score {
        let (g, w) = (words(got), words(want));
        Score { common: lcs(&g, &w), got: g.len(), want: w.len() }
    }
    fn add(&mut self, o: Score) {
        self.common += o.common;
        self.got += o.got;
        self.want += o.want;
    }
    fn precision(&self) -> f64 {
        self.common as f64 / self.got.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.common as f64 / self.want.max(1) as f64
    }
}

fn dom_smoothie_text(html: &str) -> String {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    match dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse()) {
        Ok(a) => a.text_content.to_string(),
        Err(_) => String::new(),
    }
}

const FIELDS: [&str; 6] = ["outlet", "date", "headline", "url", "author", "via"];

#[test]
fn fixture_pages_meet_the_text_and_metadata_budgets() {
    meets_the_budgets("pages", 20);
}

/// Scores every page of `tests/<folder>` (at least `least` of them), prints the table and asserts
/// the budgets.
fn meets_the_budgets(folder: &str, least: usize) {
    let pages = pages(folder);
    assert!(pages.len() >= least, "expected at least {least} pages in tests/{folder}, found {}", pages.len());
    let (mut ours, mut theirs) = (Score::default(), Score::default());
    let mut right = [0usize; 6];
    let mut report = String::from(
        "page                                              ours P / R      dom_smoothie P / R   wrong facts\n",
    );
    for page in &pages {
        let stem = page.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(page).expect("readable page");
        let want_text =
            std::fs::read_to_string(page.with_file_name(format!("{stem}.expected.txt"))).expect("expected.txt");
        let want_meta: toml::Table = std::fs::read_to_string(page.with_file_name(format!("{stem}.expected.toml")))
            .expect("expected.toml")
            .parse()
            .expect("valid toml");
        let got = extract(&bytes, &format!("{stem}.html")).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let s = Score::of(&got.paragraphs.join("\n"), &want_text);
        let d = Score::of(&dom_smoothie_text(&decode(&bytes, true).text), &want_text);
        ours.add(s);
        theirs.add(d);
        let mut wrong = Vec::new();
        for (i, field) in FIELDS.iter().enumerate() {
            let want = want_meta.get(*field).and_then(|v| v.as_str()).map(str::trim);
            let m = &got.meta;
            let have = [&m.outlet, &m.date, &m.headline, &m.url, &m.author, &m.via][i].as_deref().map(str::trim);
            if want == have {
                right[i] += 1;
            } else {
                wrong.push(format!("{field}: {have:?} (want {want:?})"));
            }
        }
        report.push_str(&format!(
            "{stem:<50} {:.3} / {:.3}   {:.3} / {:.3}        {}\n",
            s.precision(),
            s.recall(),
            d.precision(),
            d.recall(),
            wrong.join("; ")
        ));
    }
    let n = pages.len() as f64;
    report.push_str(&format!(
        "\ntests/{folder}: {} pages. Text: precision {:.3} (budget ≥ {TEXT_BUDGET}), recall {:.3} (budget ≥ {TEXT_BUDGET}); \
         dom_smoothie alone: precision {:.3}, recall {:.3}\n",
        pages.len(),
        ours.precision(),
        ours.recall(),
        theirs.precision(),
        theirs.recall()
    ));
    for (i, field) in FIELDS.iter().enumerate() {
        let budget = if i < 4 { format!(" (budget ≥ {:.0} %)", META_BUDGET * 100.0) } else { String::new() };
        report.push_str(&format!("{field} right on {:.0} % of pages{budget}\n", right[i] as f64 / n * 100.0));
    }
    println!("{report}");
    assert!(ours.precision() >= TEXT_BUDGET && ours.recall() >= TEXT_BUDGET, "text under budget:\n{report}");
    for i in 0..4 {
        assert!(right[i] as f64 / n >= META_BUDGET, "{} under budget:\n{report}", FIELDS[i]);
    }
}

#[test]
fn held_out_pages_meet_the_text_and_metadata_budgets() {
    meets_the_budgets("heldout-pages", 10);
}
