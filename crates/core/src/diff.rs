//! Word-level ops between a stretch of source text and a stretch of article text, via `similar`.
//!
//! Both sides are tokenized and keyed under a [`Normalization`]; tokens that do not count under it
//! (punctuation when ignored, URLs) are skipped, so an `equal` op always covers text that is the same
//! after normalization. Ops carry byte spans into the two original texts.

use crate::model::{Op, OpTag, Span};
use crate::text::{keyed, tokens_in, Normalization};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Ops that turn `source[source_span]` into `article[article_span]` under `norm`.
pub fn ops(source: &str, source_span: Span, article: &str, article_span: Span, norm: Normalization) -> Vec<Op> {
    let st = tokens_in(source, source_span);
    let at = tokens_in(article, article_span);
    let (si, sk) = keyed(&st, source, norm);
    let (ai, ak) = keyed(&at, article, norm);
    let s_spans: Vec<Span> = si.iter().map(|&i| st[i].span).collect();
    let a_spans: Vec<Span> = ai.iter().map(|&i| at[i].span).collect();
    let cover = |spans: &[Span], range: std::ops::Range<usize>, fallback: u32| -> Span {
        if range.is_empty() {
            let at = spans.get(range.start).map_or(fallback, |s| s.start);
            return Span { start: at, end: at };
        }
        Span { start: spans[range.start].start, end: spans[range.end - 1].end }
    };
    // Empty sides take the running position: `similar` can report an insertion's old index at the
    // start of the equal run it follows, which would put it out of order.
    let (mut old_pos, mut new_pos) = (0, 0);
    capture_diff_slices(Algorithm::Myers, &sk, &ak)
        .into_iter()
        .map(|d| {
            let (tag, old, new) = match d {
                DiffOp::Equal { old_index, new_index, len } => {
                    (OpTag::Equal, old_index..old_index + len, new_index..new_index + len)
                }
                DiffOp::Delete { old_index, old_len, new_index } => {
                    (OpTag::Delete, old_index..old_index + old_len, new_index..new_index)
                }
                DiffOp::Insert { old_index, new_index, new_len } => {
                    (OpTag::Insert, old_index..old_index, new_index..new_index + new_len)
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    (OpTag::Replace, old_index..old_index + old_len, new_index..new_index + new_len)
                }
            };
            let old = if old.is_empty() { old_pos..old_pos } else { old };
            let new = if new.is_empty() { new_pos..new_pos } else { new };
            (old_pos, new_pos) = (old.end, new.end);
            Op { tag, source: cover(&s_spans, old, source_span.end), article: cover(&a_spans, new, article_span.end) }
        })
        .collect()
}

/// Number of counted words in `span` under `norm`.
pub fn word_count(text: &str, span: Span, norm: Normalization) -> usize {
    let t = tokens_in(text, span);
    keyed(&t, text, norm).0.len()
}

/// Share of the source span's words that `ops` keep equal.
pub fn similarity(source: &str, source_span: Span, ops: &[Op]) -> f32 {
    let total = word_count(source, source_span, Normalization::REPORT);
    if total == 0 {
        return 0.0;
    }
    let kept: usize =
        ops.iter().filter(|o| o.tag == OpTag::Equal).map(|o| word_count(source, o.source, Normalization::REPORT)).sum();
    kept as f32 / total as f32
}

/// Source bytes inside `within` that some `equal` op covers, as merged spans.
pub fn kept_in(ops: &[Op], within: Span) -> Vec<Span> {
    let mut out: Vec<Span> = ops
        .iter()
        .filter(|o| o.tag == OpTag::Equal && o.source.overlaps(within))
        .map(|o| Span { start: o.source.start.max(within.start), end: o.source.end.min(within.end) })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_for_u_s_is_a_replace_unless_folded() {
        let src = "relatively low for the U.S. but significant";
        let art = "relatively low for the US but significant";
        let whole = |t: &str| Span::new(0, t.len());
        let strict = ops(src, whole(src), art, whole(art), Normalization::REPORT);
        let tags: Vec<_> = strict.iter().map(|o| o.tag).collect();
        assert_eq!(tags, [OpTag::Equal, OpTag::Replace, OpTag::Equal]);
        assert_eq!(strict[1].source.slice(src), "U.S");
        assert_eq!(strict[1].article.slice(art), "US");
        let folded = ops(src, whole(src), art, whole(art), Normalization::LOOSE);
        assert_eq!(folded.len(), 1);
        assert_eq!(folded[0].tag, OpTag::Equal);
    }

    #[test]
    fn insertions_and_deletions_have_empty_other_side() {
        let src = "El Salvador has agreed to the deal";
        let art = "(El Salvador) has agreed to the most unprecedented deal";
        let o = ops(src, Span::new(0, src.len()), art, Span::new(0, art.len()), Normalization::REPORT);
        let ins = o.iter().find(|o| o.tag == OpTag::Insert).unwrap();
        assert!(ins.source.is_empty());
        assert_eq!(ins.article.slice(art), "most unprecedented");
        assert!((similarity(src, Span::new(0, src.len()), &o) - 1.0).abs() < 1e-6);
    }
}
