//! The seed corpus: what each of the five articles must show (the engine issue's expectations).

use presslens_core::compare::{rows, SegmentKind};
use presslens_core::text::{Normalization, TokenKind};
use presslens_core::{analyze, corpus, Corpus, MatchKind, OpTag};
use std::path::Path;
use std::sync::OnceLock;

fn seeds() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let loaded = corpus::load(&dir);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        analyze(loaded.story, loaded.diagnostics)
    })
}

fn article(id_prefix: &str) -> usize {
    seeds().articles().iter().position(|a| a.id.starts_with(id_prefix)).expect("seed article")
}

/// The words of source sentence `n` (1-based) that matches of `kind` keep, runs joined by " … ".
fn kept(art: &str, n: usize, kind: MatchKind, norm: Normalization) -> String {
    let c = seeds();
    let src = &c.story.sources[0];
    let row = &rows(c, article(art), 0, norm)[n - 1];
    let words: Vec<_> = presslens_core::text::tokens_in(&src.text, row.sentence)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let mut flags = vec![false; words.len()];
    for m in row.matches.iter().filter(|m| m.kind == kind) {
        for s in m.segments.iter().filter(|s| s.kind == SegmentKind::Kept) {
            for (w, f) in words.iter().zip(flags.iter_mut()) {
                *f |= s.source.contains(w.span);
            }
        }
    }
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if flags[i] {
            if !out.is_empty() {
                out.push_str(if flags[i - 1] { " " } else { " … " });
            }
            out.push_str(w.span.slice(&src.text));
        }
    }
    out
}

const S1: &str = "We have offered the United States of America the opportunity to outsource part of its prison system";
const S2: &str = "We are willing to take in only convicted criminals including convicted U.S citizens into our mega prison CECOT in exchange for a fee";
const S3: &str =
    "The fee would be relatively low for the U.S but significant for us making our entire prison system sustainable";
const R: Normalization = Normalization::REPORT;

#[test]
fn sun_000_quotes_one_and_two_whole_and_fragments_of_three() {
    assert_eq!(kept("000", 1, MatchKind::Quoted, R), S1);
    assert_eq!(kept("000", 2, MatchKind::Quoted, R), S2);
    assert_eq!(
        kept("000", 3, MatchKind::Quoted, R),
        "relatively low … significant for us making our entire prison system sustainable"
    );
}

#[test]
fn breitbart_001_splits_one_and_two_and_paraphrases_three() {
    assert_eq!(kept("001", 1, MatchKind::Quoted, R), S1);
    assert_eq!(kept("001", 2, MatchKind::Quoted, R), S2);
    let c = seeds();
    let a = article("001");
    let quoted_12: Vec<_> =
        c.matches_of(a).filter(|m| m.kind == MatchKind::Quoted && m.source_span.start < 200).collect();
    assert_eq!(quoted_12.len(), 2, "one and two are two quotations split by the attribution");
    assert_ne!(quoted_12[0].quote, quoted_12[1].quote);
    assert_eq!(kept("001", 3, MatchKind::Quoted, R), "our entire prison system sustainable");
    assert!(kept("001", 3, MatchKind::Paraphrase, R).starts_with("The fee would be relatively low for the U.S"));
}

#[test]
fn breitbart_002_quotes_fragments_of_one_and_two_three_whole() {
    assert_eq!(
        kept("002", 1, MatchKind::Quoted, R),
        "offered … the opportunity to outsource part of its prison system"
    );
    assert_eq!(kept("002", 2, MatchKind::Quoted, R), S2);
    assert_eq!(kept("002", 3, MatchKind::Quoted, R), S3);
}

#[test]
fn ary_003_leaves_out_two_and_changes_us() {
    let c = seeds();
    assert_eq!(kept("003", 1, MatchKind::Quoted, R), S1);
    assert!(rows(c, article("003"), 0, R)[1].is_absent(), "sentence 2 is absent from 003");
    assert_eq!(
        kept("003", 3, MatchKind::Quoted, R),
        "The fee would be relatively low for the … but significant for us making our entire prison system sustainable"
    );
    let row = &rows(c, article("003"), 0, R)[2];
    let body = &c.articles()[article("003")].body;
    let src = &c.story.sources[0].text;
    let changes: Vec<(&str, &str)> = row.matches[0]
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Changed)
        .map(|s| (s.source.slice(src), s.article.slice(body)))
        .collect();
    assert_eq!(changes, [("U.S", "US")]);
    let folded = Normalization { fold_abbreviations: true, ..R };
    assert_eq!(kept("003", 3, MatchKind::Quoted, folded), S3);
}

#[test]
fn hub_004_embeds_the_post_unmarked_and_quotes_three_again() {
    assert_eq!(kept("004", 1, MatchKind::Unmarked, R), S1);
    assert_eq!(kept("004", 2, MatchKind::Unmarked, R), S2);
    assert_eq!(kept("004", 3, MatchKind::Unmarked, R), "The fee would be relatively low for");
    assert_eq!(
        kept("004", 3, MatchKind::Quoted, R),
        "would be relatively low for the U.S but significant for us making our entire prison system sustainable"
    );
    let c = seeds();
    let a = article("004");
    let body = &c.articles()[a].body;
    let embed: Vec<_> = c.matches_of(a).filter(|m| m.kind == MatchKind::Unmarked).collect();
    assert_eq!(embed.len(), 1, "one embedded copy");
    let inserted: Vec<&str> =
        embed[0].ops.iter().filter(|o| o.tag == OpTag::Insert).map(|o| o.article.slice(body)).collect();
    assert_eq!(inserted, ["Nayib Bukele (@nayibbukele) February 4, 2025"], "the author line sits in the middle");
    assert!(embed[0].article_span.slice(body).ends_with("relatively low for"));
}

#[test]
fn no_quotation_of_anyone_else_is_matched_to_the_post() {
    let c = seeds();
    let bukele = c.story.sources[0].speaker;
    for m in &c.matches {
        if let Some(q) = m.quote {
            let q = &c.quotes[q];
            assert!(q.speaker.is_none_or(|s| s == bukele) && q.speaker_text.is_none(), "{:?} matched", q);
        }
    }
    // Rubio's own words are found as quotes and attributed to him.
    let rubio = c.story.speakers.iter().position(|s| s.name == "Marco Rubio").unwrap();
    let rubio_quotes = c.quotes.iter().filter(|q| q.speaker == Some(rubio)).count();
    assert!(rubio_quotes >= 8, "{rubio_quotes}");
}

#[test]
fn rubio_variants_form_one_cluster() {
    let c = seeds();
    let cluster = c
        .clusters
        .iter()
        .find(|cl| cl.variants.iter().any(|v| v.text.contains("most unprecedented")))
        .expect("a cluster for Rubio's 'most unprecedented' remark");
    let texts: Vec<&str> = cluster.variants.iter().map(|v| v.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("extraordinary, extraordinary")), "{texts:?}");
    let from_004 = cluster
        .variants
        .iter()
        .flat_map(|v| &v.quotes)
        .any(|&q| c.articles()[c.quotes[q].article].id.starts_with("004"));
    assert!(from_004, "004's wording with “… (El Salvador)” is in the cluster");
    assert_eq!(c.story.speakers[cluster.speaker.unwrap()].name, "Marco Rubio");
}

#[test]
fn hub_004_puts_rubios_words_in_bukeles_mouth_and_the_engine_says_so() {
    // “Bukele also agreed that the South American country would house “dangerous American
    // criminals…”: the words are Rubio's (003 quotes him), but 004 presents them as Bukele's. The
    // variants view shows whom each outlet names, so the quotation is Bukele's in 004.
    let c = seeds();
    let a = article("004");
    let q = c
        .quotes
        .iter()
        .position(|q| {
            q.article == a && q.inner.slice(&c.articles()[a].body).starts_with("dangerous American criminals")
        })
        .expect("the quotation in 004");
    assert_eq!(c.quote_speaker(q), Some("Nayib Bukele"));
}

#[test]
fn topics_carry_their_evidence() {
    let c = seeds();
    let a = article("003");
    let guantanamo = c.story.topics.iter().position(|t| t.id == "guantanamo").unwrap();
    let hits: Vec<_> = c.topic_hits.iter().filter(|h| h.article == a && h.topic == guantanamo).collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].evidence[0].slice(&c.articles()[a].body), "Guantanamo Bay");
}

#[test]
#[ignore = "prints every quotation with its speaker, for reading"]
fn print_quotes() {
    let c = seeds();
    for q in &c.quotes {
        let a = &c.articles()[q.article];
        let who = q
            .speaker
            .map(|s| c.story.speakers[s].name.clone())
            .or(q.speaker_text.clone())
            .unwrap_or_else(|| "?".into());
        println!("{} [{who}] {}", &a.id[..3], q.inner.slice(&a.body));
    }
}

#[test]
fn attribution_is_the_clause_that_names_the_speaker() {
    let c = seeds();
    let attributions: Vec<&str> = ["003", "001"]
        .iter()
        .flat_map(|p| {
            let a = article(p);
            c.matches_of(a).filter_map(move |m| m.attribution.map(|s| s.slice(&c.articles()[a].body)))
        })
        .collect();
    assert!(attributions.contains(&"Bukele wrote on X after Rubio’s statement"), "{attributions:?}");
    assert!(attributions.contains(&"Salvadoran President Nayib Bukele stated in a post on X"), "{attributions:?}");
}
