//! Quote clusters: quotations of any speaker that appear in near-identical words in two or more
//! articles, each wording diffed against the most common one.
//!
//! Candidates share a run of four words (found through an index of word 4-grams, so the cost grows
//! with the number of quotes, not its square); a pair joins a cluster when most of the shorter quote
//! lies in runs common to both.

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
        .filter(|members| {
            let mut arts: Vec<usize> = members.iter().map(|&q| quotes[q].article).collect();
            arts.sort_unstable();
            arts.dedup();
            arts.len() >= 2
        })
        .map(|members| build(quotes, bodies, &keys, members))
        .collect();
    clusters.sort_by_key(|c| {
        (std::cmp::Reverse(c.variants.iter().map(|v| v.quotes.len()).sum::<usize>()), c.variants[c.canonical].quotes[0])
    });
    clusters
}

fn similar_enough(a: &[u64], b: &[u64]) -> bool {
    let shared: usize = capture_diff_slices(Algorithm::Myers, a, b)
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

fn build(quotes: &[Quote], bodies: &[&str], keys: &[Vec<u64>], mut members: Vec<usize>) -> Cluster {
    members.sort_unstable();
    let mut variants: Vec<(Vec<u64>, Vec<usize>)> = Vec::new();
    for &qi in &members {
        match variants.iter_mut().find(|(k, _)| *k == keys[qi]) {
            Some((_, qs)) => qs.push(qi),
            None => variants.push((keys[qi].clone(), vec![qi])),
        }
    }
    let canonical = (0..variants.len())
        .max_by_key(|&i| (variants[i].1.len(), variants[i].0.len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
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
    let mut speakers: std::collections::BTreeMap<(Option<usize>, Option<String>), usize> = Default::default();
    for &qi in &members {
        let q = &quotes[qi];
        if q.speaker.is_some() || q.speaker_text.is_some() {
            *speakers.entry((q.speaker, q.speaker_text.clone())).or_default() += 1;
        }
    }
    let (speaker, speaker_text) =
        speakers.into_iter().max_by_key(|(k, n)| (*n, k.0.is_some())).map(|(k, _)| k).unwrap_or((None, None));
    Cluster { speaker, speaker_text, canonical, variants }
}
