//! Properties that must hold for any article text: spans in bounds and on character boundaries,
//! ops that tile their match exactly, `equal` ops equal after normalization, and facet counts that
//! agree with running the query with that value added.

use presslens_core::diff::tokens_in;
use presslens_core::query::{run, Index, Query};
use presslens_core::testkit::{story, POST};
use presslens_core::text::{keyed, Normalization};
use presslens_core::{analyze, Corpus, Date, OpTag, Span};
use proptest::prelude::*;

/// Pieces articles are made of: bits of the post, quote marks of every kind, cues, other words.
const PIECES: &[&str] = &[
    "We have offered the United States of America",
    "the opportunity to outsource part of its prison system",
    "We are willing to take in only convicted criminals",
    "(including convicted U.S. citizens)",
    "into our mega-prison (CECOT) in exchange for a fee",
    "The fee would be relatively low for the US",
    "but significant for us, making our entire prison system sustainable",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "…",
    " - ",
    "—",
    ",",
    ".",
    "\n",
    "\n\n",
    "Bukele said",
    "Rubio told reporters",
    "according to Bukele",
    "he added",
    "said Rubio",
    "the offer",
    "was criticised",
    "Ñandú café",
    "é",
    "🙂",
    "U.S.",
    "mega-prison",
    "pic.twitter.com/AbC",
];

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.join(" "))
}

fn check_span(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.start <= s.end && (s.end as usize) <= text.len(), "{what} {s:?} out of bounds");
    prop_assert!(
        text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize),
        "{what} {s:?} splits a character"
    );
    Ok(())
}

/// Words of a span: no word of `text` lies in it.
fn no_words(text: &str, s: Span) -> bool {
    keyed(&tokens_in(text, s), text, Normalization::REPORT).0.is_empty()
}

fn check_corpus(c: &Corpus) -> Result<(), TestCaseError> {
    for m in &c.matches {
        let body = &c.story.articles[m.article].body;
        let src = &c.story.sources[m.source].text;
        check_span(body, m.article_span, "article span")?;
        check_span(src, m.source_span, "source span")?;
        prop_assert!(!m.ops.is_empty());
        prop_assert!((0.0..=1.0).contains(&m.similarity));
        // Tiling: ops run in order from the match's start to its end, with no words between them.
        let (mut a, mut s) = (m.article_span.start, m.source_span.start);
        for o in &m.ops {
            check_span(body, o.article, "op article span")?;
            check_span(src, o.source, "op source span")?;
            prop_assert!(o.article.start >= a && o.source.start >= s, "ops out of order: {:?}", m.ops);
            prop_assert!(no_words(body, Span { start: a, end: o.article.start }), "a word between ops");
            prop_assert!(no_words(src, Span { start: s, end: o.source.start }), "a source word between ops");
            a = o.article.end;
            s = o.source.end;
            let (ak, sk) = (
                keyed(&tokens_in(body, o.article), body, Normalization::REPORT).1,
                keyed(&tokens_in(src, o.source), src, Normalization::REPORT).1,
            );
            match o.tag {
                OpTag::Equal => prop_assert_eq!(ak, sk, "equal op differs after normalization"),
                OpTag::Insert => prop_assert!(sk.is_empty() && !ak.is_empty()),
                OpTag::Delete => prop_assert!(ak.is_empty() && !sk.is_empty()),
                OpTag::Replace => prop_assert!(ak != sk && !ak.is_empty() && !sk.is_empty()),
            }
        }
        prop_assert!(a <= m.article_span.end && s <= m.source_span.end);
        prop_assert!(no_words(body, Span { start: a, end: m.article_span.end }), "the ops end before the match");
        prop_assert!(no_words(src, Span { start: s, end: m.source_span.end }), "the ops end before the source span");
    }
    for q in &c.quotes {
        let body = &c.story.articles[q.article].body;
        check_span(body, q.outer, "quote")?;
        check_span(body, q.inner, "quote inner")?;
        prop_assert!(q.outer.contains(q.inner) || q.cue.is_some());
    }
    for h in &c.topic_hits {
        for e in &h.evidence {
            check_span(&c.story.articles[h.article].body, *e, "topic evidence")?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_ops_and_normalization_hold_on_any_text(texts in prop::collection::vec(article_text(), 1..4)) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let c = analyze(story(&refs), Vec::new());
        check_corpus(&c)?;
    }

    #[test]
    fn filtering_then_counting_agrees_with_counting_then_filtering(
        texts in prop::collection::vec(article_text(), 1..8),
        outlet_pick in prop::collection::vec(any::<bool>(), 8),
        dates in prop::collection::vec(prop::option::of(1u8..4), 8),
        topic_pick in prop::collection::vec(any::<bool>(), 2),
        undated in any::<bool>(),
        text in prop::sample::select(&["", "prison", "fee", "\"prison system\"", "Rubio", "nothing-here"][..]),
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut st = story(&refs);
        for (i, a) in st.articles.iter_mut().enumerate() {
            a.outlet = Some(format!("Outlet {}", i % 3));
            a.date = dates[i].map(|d| Date { year: 2025, month: 2, day: d });
        }
        st.topics = vec![
            presslens_core::Topic { id: "fee".into(), label: "Fee".into(), terms: vec!["fee".into()] },
            presslens_core::Topic { id: "prison".into(), label: "Prison".into(), terms: vec!["prison system".into(), "CECOT".into()] },
        ];
        let c = analyze(st, Vec::new());
        let index = Index::new(&c);
        let q = Query {
            outlets: (0..3).filter(|i| outlet_pick[*i]).map(|i| format!("Outlet {i}")).collect(),
            from: None,
            to: None,
            undated,
            topics: ["fee", "prison"].iter().zip(&topic_pick).filter(|(_, p)| **p).map(|(t, _)| t.to_string()).collect(),
            text: text.to_string(),
        };
        let r = run(&c, &index, &q);
        for (outlet, n) in &r.facets.outlets {
            let only = Query { outlets: vec![outlet.clone()], ..q.clone() };
            prop_assert_eq!(*n, run(&c, &index, &only).hits.len(), "outlet {}", outlet);
        }
        for (t, n) in &r.facets.topics {
            let mut with = q.clone();
            let id = c.story.topics[*t].id.clone();
            if !with.topics.contains(&id) {
                with.topics.push(id);
            }
            prop_assert_eq!(*n, run(&c, &index, &with).hits.len());
        }
        for (day, n) in &r.facets.days {
            let on = Query { from: Some(*day), to: Some(*day), undated: false, ..q.clone() };
            prop_assert_eq!(*n, run(&c, &index, &on).hits.len(), "day {}", day);
        }
        let undated_only = Query { from: Some(Date { year: 1, month: 1, day: 1 }), to: Some(Date { year: 1, month: 1, day: 1 }), undated: true, ..q.clone() };
        prop_assert_eq!(r.facets.undated, run(&c, &index, &undated_only).hits.len());
    }
}

#[test]
fn the_seed_post_itself_is_one_whole_unmarked_copy() {
    let c = analyze(story(&[POST]), Vec::new());
    assert_eq!(c.matches.len(), 1);
    assert!((c.matches[0].similarity - 1.0).abs() < 1e-6);
}
