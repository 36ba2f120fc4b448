//! Quote clusters: quotations of any speaker that appear in near-identical words in two or more
//! articles, each wording diffed against the most common one.
//!
//! Candidates share a run of four words (found through an index of word 4-grams, so the cost grows
//! with the number of quotes, not its square); a pair is linked when most of the shorter quote lies
//! in runs common to both. Links chain (a quotation of two sentences links a quotation of each), so
//! each chained group is then cut into clusters around one wording: the most common wording left
//! and every wording similar to it. Two wordings that have nothing in common are never diffed
//! against each other, which would report as changed words that no outlet changed.

use crate::align::Words;
use crate::diff;
use crate::model::{Cluster, Quote, Span, Variant};
use crate::text::Normalization;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::collections::HashMap;

const GRAM: usize = 4;
/// Quotes compared per shared 4-gram.
const MAX_BUCKET: usize = 48;
/// Share of the shorter quote's words that must be common to both.
const MIN_SHARED: f32 = 0.6;

/// Clusters of the quotes; `bodies[i]` is the body of article `i`.
pub fn cluster(quotes: &[Quote], bodies: &[&str]) -> Vec<Cluster> {
    let keys: Vec<Vec<u64>> =
        quotes.iter().map(|q| Words::new(q.inner.slice(bodies.get(q.article).copied().unwrap_or(""))).keys).collect();
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    let mut grams: HashMap<&[u64], Vec<usize>> = HashMap::new();
    // checked[q] == qi: quote q was already compared with quote qi.
    let mut checked = vec![usize::MAX; quotes.len()];
    for (qi, k) in keys.iter().enumerate() {
        for g in k.windows(GRAM) {
            let bucket = grams.entry(g).or_default();
            // A very common 4-gram ("in the United States") says little: compare with its most
            // recent quotes only, so the cost stays linear in the number of quotes.
            for &other in bucket.iter().rev().take(MAX_BUCKET) {
                if quotes[other].article != quotes[qi].article && checked[other] != qi {
                    checked[other] = qi;
                    if find(&mut parent, other) != find(&mut parent, qi) && similar_enough(&keys[other], k) {
                        union(&mut parent, other, qi);
                    }
                }
            }
            if bucket.last() != Some(&qi) {
                bucket.push(qi);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for qi in 0..quotes.len() {
        let root = find(&mut parent, qi);
        groups.entry(root).or_default().push(qi);
    }
    let mut clusters: Vec<Cluster> = groups
        .into_values()
        .flat_map(|members| split(&keys, members))
        .filter(|(_, members)| {
            let mut arts: Vec<usize> = members.iter().map(|&q| quotes[q].article).collect();
            arts.sort_unstable();
            arts.dedup();
            arts.len() >= 2
        })
        .map(|(canonical, members)| build(quotes, bodies, &keys, canonical, members))
        .collect();
    clusters.sort_by_key(|c| {
        (std::cmp::Reverse(c.variants.iter().map(|v| v.quotes.len()).sum::<usize>()), c.variants[c.canonical].quotes[0])
    });
    clusters
}

fn similar_enough(a: &[u64], b: &[u64]) -> bool {
    // Patience anchors on words each quote has once, then diffs between anchors: the same runs as
    // Myers on near-identical quotes, and far cheaper on long quotes that differ much (Myers costs
    // the sum of the lengths times the number of differences; the align fuzz target spent three
    // quarters of its time here).
    let shared: usize = capture_diff_slices(Algorithm::Patience, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } if *len >= 2 => *len,
            _ => 0,
        })
        .sum();
    shared as f32 >= MIN_SHARED * a.len().min(b.len()) as f32
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Cuts a chained group into clusters, each as (a quote of its canonical wording, its quotes):
/// the most common wording not yet placed (then the longest) takes every wording similar to it,
/// placed or not, so a quotation that runs over two sentences belongs to the cluster of each.
fn split(keys: &[Vec<u64>], mut members: Vec<usize>) -> Vec<(usize, Vec<usize>)> {
    members.sort_unstable();
    let wordings = wordings(keys, &members);
    let mut placed = vec![false; wordings.len()];
    let mut out = Vec::new();
    while let Some(c) = (0..wordings.len())
        .filter(|&w| !placed[w])
        .max_by_key(|&w| (wordings[w].1.len(), wordings[w].0.len(), std::cmp::Reverse(w)))
    {
        let mut joined = Vec::new();
        for w in 0..wordings.len() {
            if w == c || similar_enough(wordings[w].0, wordings[c].0) {
                placed[w] = true;
                joined.extend_from_slice(&wordings[w].1);
            }
        }
        joined.sort_unstable();
        out.push((wordings[c].1[0], joined));
    }
    out
}

/// The distinct wordings of `members`, each with its quotes, in order of first use.
fn wordings<'k>(keys: &'k [Vec<u64>], members: &[usize]) -> Vec<(&'k [u64], Vec<usize>)> {
    let mut out: Vec<(&[u64], Vec<usize>)> = Vec::new();
    for &qi in members {
        match out.iter_mut().find(|(k, _)| *k == keys[qi].as_slice()) {
            Some((_, qs)) => qs.push(qi),
            None => out.push((&keys[qi], vec![qi])),
        }
    }
    out
}

fn build(quotes: &[Quote], bodies: &[&str], keys: &[Vec<u64>], canonical: usize, members: Vec<usize>) -> Cluster {
    let variants = wordings(keys, &members);
    let canonical = variants.iter().position(|(k, _)| *k == keys[canonical].as_slice()).unwrap_or(0);
    let text_of = |qi: usize| quotes[qi].inner.slice(bodies.get(quotes[qi].article).copied().unwrap_or("")).to_string();
    let canon_text = text_of(variants[canonical].1[0]);
    let variants: Vec<Variant> = variants
        .into_iter()
        .map(|(_, qs)| {
            let text = text_of(qs[0]);
            let ops = diff::ops(
                &canon_text,
                Span::new(0, canon_text.len()),
                &text,
                Span::new(0, text.len()),
                Normalization::REPORT,
            );
            Variant { text, quotes: qs, ops }
        })
        .collect();
    // The speaker most outlets name; on a tie, the one the canonical wording's quote names.
    let mut speakers: std::collections::BTreeMap<(Option<usize>, Option<String>), usize> = Default::default();
    for &qi in &members {
        let q = &quotes[qi];
        if q.speaker.is_some() || q.speaker_text.is_some() {
            *speakers.entry((q.speaker, q.speaker_text.clone())).or_default() += 1;
        }
    }
    let first = &quotes[variants[canonical].quotes[0]];
    let (speaker, speaker_text) = speakers
        .into_iter()
        .max_by_key(|(k, n)| (*n, k.0 == first.speaker && k.1 == first.speaker_text, k.0.is_some()))
        .map(|(k, _)| k)
        .unwrap_or((None, None));
    Cluster { speaker, speaker_text, canonical, variants }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OpTag;

    const ONE: &str =
        "We have offered the United States of America the opportunity to outsource part of its prison system.";
    const TWO: &str = "We are willing to take in only convicted criminals into our mega-prison in exchange for a fee.";

    /// The one quotation of `body`: what lies between its curly marks.
    fn quote(article: usize, body: &str) -> Quote {
        let open = body.find('“').unwrap();
        let close = body.find('”').unwrap();
        Quote {
            article,
            outer: Span::new(open, close + '”'.len_utf8()),
            inner: Span::new(open + '“'.len_utf8(), close),
            speaker: None,
            speaker_text: None,
            cue: None,
            balanced: true,
        }
    }

    #[test]
    fn a_quotation_of_two_sentences_does_not_merge_the_quotations_of_each() {
        let bodies = [
            format!("“{ONE} {TWO}” he wrote."),
            format!("“{ONE}” he wrote."),
            format!("“{TWO}” he added."),
            format!("He said: “{TWO}”"),
        ];
        let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let quotes: Vec<Quote> = bodies.iter().enumerate().map(|(i, b)| quote(i, b)).collect();
        let clusters = cluster(&quotes, &bodies);
        let members = |cl: &Cluster| {
            let mut qs: Vec<usize> = cl.variants.iter().flat_map(|v| v.quotes.iter().copied()).collect();
            qs.sort_unstable();
            qs
        };
        let all: Vec<Vec<usize>> = clusters.iter().map(members).collect();
        // The second sentence is quoted alone twice, so its cluster comes first; the long quotation
        // belongs to both.
        assert_eq!(all, vec![vec![0, 2, 3], vec![0, 1]]);
        for cl in &clusters {
            let canon = &cl.variants[cl.canonical].text;
            assert!(canon == ONE || canon == TWO, "{canon}");
            // The long quotation adds the other sentence; nothing is reported as changed.
            for v in &cl.variants {
                assert!(v.ops.iter().all(|op| op.tag != OpTag::Replace), "{:?} against {canon}", v.text);
            }
        }
    }
}
