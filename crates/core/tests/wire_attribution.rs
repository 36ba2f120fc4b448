//! Issue 15's wire paragraph, on a story with no aliases: all three quotations are Bukele's, and the
//! export (`attributed_to`), the quote view (the match's attribution clause) and the variants view
//! (the cluster's speaker) say so alike; the clause shown is the cue's own clause. Also analysed
//! beside the five seed articles, as a new user adding wire copy would.

use presslens_core::testkit::bare_story;
use presslens_core::{analyze, corpus, export, quotes, Corpus, MatchKind, Story};
use std::path::Path;

const CONFIRMED: &str = "Bukele confirmed the offer in a post on X, saying El Salvador has “offered the United States of America the opportunity to outsource part of its prison system.” He said his country would accept only “convicted criminals” and would charge a fee that “would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.”";

const DASHED: &str = "“We have offered the United States of America the opportunity to outsource part of its prison system - Bukele explained on X - The compensation would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.” Critics said the plan would face court challenges. Rights groups have documented deaths in custody.";

/// (quotation, speaker, attribution clause, export's attributed_to, cluster speaker) per quoted
/// match of article `a`.
type Row = (String, Option<String>, Option<String>, Option<String>, Option<String>);

fn rows(c: &Corpus, a: usize) -> Vec<Row> {
    let body = &c.story.articles[a].body;
    let exported = export::json(c, &[a]);
    let json: serde_json::Value = serde_json::from_str(&exported).expect("valid JSON");
    let matches = json["matches"].as_array().expect("matches");
    c.matches
        .iter()
        .filter(|m| m.article == a && m.kind == MatchKind::Quoted)
        .map(|m| {
            let qi = m.quote.expect("a quoted match has its quotation");
            let q = &c.quotes[qi];
            let clause =
                quotes::attribution(body, &c.story.articles[a].paragraphs, q).map(|s| s.slice(body).to_string());
            assert_eq!(
                m.attribution.map(|s| s.slice(body).to_string()),
                clause,
                "the quote view shows the same clause"
            );
            let exported = matches
                .iter()
                .find(|x| x["article_start"] == m.article_span.start && x["article_end"] == m.article_span.end)
                .and_then(|x| x["attributed_to"].as_str())
                .map(str::to_string);
            let cluster = c
                .clusters
                .iter()
                .find(|cl| cl.variants.iter().any(|v| v.quotes.contains(&qi)))
                .and_then(|cl| c.story.speaker_name(cl.speaker, cl.speaker_text.as_deref()))
                .map(str::to_string);
            (q.inner.slice(body).to_string(), c.quote_speaker(qi).map(str::to_string), clause, exported, cluster)
        })
        .collect()
}

fn check(c: &Corpus, a: usize, clauses: &[&str], starts: &[&str]) {
    let rows = rows(c, a);
    let texts: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(rows.len(), starts.len(), "{texts:?}");
    for (r, (start, clause)) in rows.iter().zip(starts.iter().zip(clauses)) {
        assert!(r.0.starts_with(start), "{texts:?}");
        let bukele = Some("Nayib Bukele".to_string());
        assert_eq!((&r.1, &r.3), (&bukele, &bukele), "speaker and export of {:?}", r.0);
        if r.4.is_some() {
            assert_eq!(r.4, bukele, "variants view of {:?}", r.0);
        }
        assert_eq!(r.2.as_deref(), Some(*clause), "attribution of {:?}", r.0);
    }
}

fn expect_both(c: &Corpus, confirmed: usize, dashed: usize) {
    check(
        c,
        confirmed,
        &["Bukele confirmed the offer in a post on X, saying", "He said", "He said"],
        &["offered the United States", "convicted criminals", "would be relatively low"],
    );
    check(c, dashed, &["Bukele explained on X", "Bukele explained on X"], &["We have offered", "The compensation"]);
}

#[test]
fn the_wire_paragraph_is_bukeles_in_every_view_without_aliases() {
    let c = analyze(bare_story(&[CONFIRMED, DASHED]), Vec::new());
    expect_both(&c, 0, 1);
    // Both articles quote the first and the last sentence: two clusters, both Bukele's.
    assert_eq!(c.clusters.len(), 2);
    assert!(c.clusters.iter().all(|cl| c.story.speaker_name(cl.speaker, None) == Some("Nayib Bukele")));
}

#[test]
fn convicted_criminals_is_a_quoted_fragment_of_the_post() {
    let c = analyze(bare_story(&[CONFIRMED]), Vec::new());
    let body = &c.story.articles[0].body;
    let m = c
        .matches
        .iter()
        .find(|m| m.article_span.slice(body) == "convicted criminals")
        .expect("“convicted criminals” is matched");
    assert_eq!(m.kind, MatchKind::Quoted);
    assert_eq!(m.source_span.slice(&c.story.sources[0].text), "convicted criminals");
}

#[test]
fn beside_the_seeds_the_wire_paragraph_is_still_bukeles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let loaded = corpus::load(&dir);
    let mut story: Story = loaded.story;
    assert!(story.speakers.iter().all(|s| s.aliases.is_empty()), "the shipped corpus has no aliases");
    let n = story.articles.len();
    for (i, text) in [CONFIRMED, DASHED].iter().enumerate() {
        story.articles.push(presslens_core::testkit::article(&format!("wire{i}"), text));
    }
    let c = analyze(story, Vec::new());
    expect_both(&c, n, n + 1);
}
