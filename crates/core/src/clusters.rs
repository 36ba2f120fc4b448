//! Quote clusters: quotations of any speaker that appear in near-identical words in two or more
//! articles, each wording diffed against the most common one.
//!
//! Candidates share a run of four words (found through an index of word 4-grams, so the cost grows
//! with the number of quotes, not its square); a pair is linked when most of the shorter quote lies
//! in runs common to both. Links chain (a quotation of two sentences links a quotation of each), so
//! each chained group is then cut into clusters around one wording: the most common wording left
//! and every wording similar to it. Two wordings that have nothing in common are never diffed
//! against each other, which would report as changed words that no outlet changed.
//!
//! Identical quotes are never diffed. Before two long quotes are diffed, a bound that costs one
//! pass over each (how many of the shorter quote's words the other has at all, and how many sit
//! beside a neighbour that also follows them in the other) rules out most pairs that cannot reach
//! the share. Neither shortcut changes an answer (property tests below).

use crate::align::Words;
use crate::diff;
use crate::model::{Cluster, Quote, Span, Variant};
use crate::text::{KeySet, Normalization};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::cell::OnceCell;
use std::collections::HashMap;

const GRAM: usize = 4;
/// Quotes compared per shared 4-gram.
const MAX_BUCKET: usize = 48;
/// Share of the shorter quote's words that must be common to both.
const MIN_SHARED: f32 = 0.6;
/// Words the shorter of two quotes must have before the bound is tried.
const BOUND_FROM: usize = 24;

/// Clusters of the quotes; `bodies[i]` is the body of article `i`.
pub fn cluster(quotes: &[Quote], bodies: &[&str]) -> Vec<Cluster> {
    let keys: Vec<Vec<u64>> =
        quotes.iter().map(|q| Words::new(q.inner.slice(bodies.get(q.article).copied().unwrap_or(""))).keys).collect();
    let similar = Similar::new(&keys);
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
                    if find(&mut parent, other) != find(&mut parent, qi) && similar.pair(other, qi) {
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
        .flat_map(|members| split(&keys, &similar, members))
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

/// Whether two quotes are alike, with what each quote's bound needs computed once, when it is
/// first compared.
struct Similar<'k> {
    keys: &'k [Vec<u64>],
    profiles: Vec<OnceCell<Profile>>,
}

/// A quote's words as a multiset (sorted keys) and the set of its adjacent pairs.
struct Profile {
    sorted: Vec<u64>,
    pairs: KeySet,
}

impl<'k> Similar<'k> {
    fn new(keys: &'k [Vec<u64>]) -> Self {
        Similar { keys, profiles: (0..keys.len()).map(|_| OnceCell::new()).collect() }
    }

    /// Whether quotes `i` and `j` are alike: [`similar_enough`], skipped when the bound says no.
    fn pair(&self, i: usize, j: usize) -> bool {
        let (a, b) = (&self.keys[i], &self.keys[j]);
        if a == b {
            // One run of the whole quote, counted when it has two words or more.
            return a.len() != 1;
        }
        // Short quotes diff faster than their bound is computed.
        if a.len().min(b.len()) >= BOUND_FROM {
            let need = MIN_SHARED * a.len().min(b.len()) as f32;
            if (shared_bound(a, self.profile(i), b, self.profile(j)) as f32) < need {
                return false;
            }
        }
        similar_enough(a, b)
    }

    fn profile(&self, i: usize) -> &Profile {
        self.profiles[i].get_or_init(|| Profile::new(&self.keys[i]))
    }
}

impl Profile {
    fn new(keys: &[u64]) -> Self {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        Profile { sorted, pairs: keys.windows(2).map(|w| pair_key(w[0], w[1])).collect() }
    }
}

/// One key for two adjacent words, in order. Two pairs that share a key only loosen the bound.
fn pair_key(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// At least as many words as [`similar_enough`] counts as shared by `a` and `b`. Each word it
/// counts lies in a run of two or more words common to both, so the word is in both (at most the
/// size of the multisets' intersection) and forms, with its left or right neighbour in the run,
/// a pair of adjacent words that the other quote also has (at most the number of such words in
/// the shorter quote).
fn shared_bound(a: &[u64], pa: &Profile, b: &[u64], pb: &Profile) -> usize {
    let (short, other) = if a.len() <= b.len() { (a, pb) } else { (b, pa) };
    let adjacent = (0..short.len())
        .filter(|&i| {
            (i > 0 && other.pairs.contains(&pair_key(short[i - 1], short[i])))
                || (i + 1 < short.len() && other.pairs.contains(&pair_key(short[i], short[i + 1])))
        })
        .count();
    if adjacent == 0 {
        return 0;
    }
    let (x, y) = (&pa.sorted, &pb.sorted);
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    adjacent.min(common)
}

/// Whether most of the shorter quote lies in runs of two or more words common to both.
fn similar_enough(a: &[u64], b: &[u64]) -> bool {
    shared(a, b) as f32 >= MIN_SHARED * a.len().min(b.len()) as f32
}

/// The words of `a` in runs of two or more words that `b` has in the same order.
fn shared(a: &[u64], b: &[u64]) -> usize {
    // Patience anchors on words each quote has once, then diffs between anchors: the same runs as
    // Myers on near-identical quotes, and far cheaper on long quotes that differ much (Myers costs
    // the sum of the lengths times the number of differences).
    capture_diff_slices(Algorithm::Patience, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } if *len >= 2 => *len,
            _ => 0,
        })
        .sum()
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
fn split(keys: &[Vec<u64>], similar: &Similar, mut members: Vec<usize>) -> Vec<(usize, Vec<usize>)> {
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
            if w == c || similar.pair(wordings[w].1[0], wordings[c].1[0]) {
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

    proptest::proptest! {
        /// The bound that skips a diff is never below what the diff counts, so skipping never
        /// changes an answer. Few distinct words, so that runs and repeats are common.
        #[test]
        fn the_bound_never_undercounts(
            a in proptest::collection::vec(0u64..6, 0..40),
            b in proptest::collection::vec(0u64..6, 0..40),
        ) {
            let bound = shared_bound(&a, &Profile::new(&a), &b, &Profile::new(&b));
            proptest::prop_assert!(bound >= shared(&a, &b), "bound {} < shared {}", bound, shared(&a, &b));
        }

        /// Two identical quotes skip the diff: the answer is the diff's.
        #[test]
        fn identical_quotes_answer_as_the_diff_does(a in proptest::collection::vec(0u64..6, 0..40)) {
            let keys = vec![a.clone(), a.clone()];
            proptest::prop_assert_eq!(Similar::new(&keys).pair(0, 1), similar_enough(&a, &a));
        }

        /// Whether the bound is tried or not, a pair gets the diff's answer.
        #[test]
        fn a_pair_answers_as_the_diff_does(
            a in proptest::collection::vec(0u64..8, 0..60),
            b in proptest::collection::vec(0u64..8, 0..60),
        ) {
            let keys = vec![a.clone(), b.clone()];
            proptest::prop_assert_eq!(Similar::new(&keys).pair(0, 1), similar_enough(&a, &b));
        }
    }

    #[test]
    fn the_bound_rules_out_quotes_with_few_runs_in_common() {
        // Every word of the short quote is in the long one, but never beside the same neighbour.
        let long: Vec<u64> = (0..30).collect();
        let short: Vec<u64> = (0..10).map(|i| i * 3).collect();
        let keys = vec![long, short];
        let similar = Similar::new(&keys);
        assert_eq!(shared_bound(&keys[0], similar.profile(0), &keys[1], similar.profile(1)), 0);
        assert!(!similar.pair(0, 1));
        // Half of it in one run: a bound of 5 words, and the diff finds those 5, under the share.
        let keys = vec![(0..30).collect(), (0..5).chain((0..5).map(|i| 10 + i * 3)).collect::<Vec<u64>>()];
        let similar = Similar::new(&keys);
        assert_eq!(shared_bound(&keys[0], similar.profile(0), &keys[1], similar.profile(1)), 5);
        assert_eq!(shared(&keys[0], &keys[1]), 5);
        assert!(!similar.pair(0, 1));
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
