//! Properties that must hold for any article text: spans in bounds and on character boundaries,
//! ops that tile their match exactly, `equal` ops equal after normalization, and facet counts that
//! agree with running the query with that value added.

use presslens_core::query::{run, Index, Query};
use presslens_core::testkit::{invariants, story, POST};
use presslens_core::{analyze, Corpus, Date};
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

fn check_corpus(c: &Corpus) -> Result<(), TestCaseError> {
    invariants(c).map_err(TestCaseError::fail)
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
