//! The quote view's model: a source sentence by sentence, and for one article the segments of each
//! match that touches the sentence — kept, left out, changed, added, or outside what was quoted.
//!
//! Ops are recomputed under the reader's [`Normalization`], so toggling "U.S. ≈ US" turns a change
//! into a kept word. The CLI's `quotes` report and the explorer's quote view and heat map both read
//! this; neither walks ops on its own.

use crate::diff;
use crate::model::{Corpus, MatchKind, Op, OpTag, Span};
use crate::text::{tokens_in, Normalization};
use serde::{Deserialize, Serialize};

/// What a segment of a sentence row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SegmentKind {
    /// Source words the article reproduces.
    Kept,
    /// Source words inside the quoted stretch that the article leaves out.
    Dropped,
    /// Source words the article prints differently (`article` holds its wording).
    Changed,
    /// Words the article adds (`source` is empty).
    Added,
    /// Source words of the sentence outside this match.
    Outside,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Bytes of the source text (empty for `Added`).
    pub source: Span,
    /// Bytes of the article body (empty for `Kept`, `Dropped`, `Outside`... except kept words,
    /// which carry the article's copy).
    pub article: Span,
}

/// One match as seen from one source sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchRow {
    /// Index into `Corpus::matches`.
    pub index: usize,
    pub kind: MatchKind,
    pub segments: Vec<Segment>,
}

/// One source sentence against one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceRow {
    pub sentence: Span,
    pub matches: Vec<MatchRow>,
    /// Share of the sentence's words kept by quoted or unmarked matches.
    pub reproduced: f32,
    /// Share kept by paraphrase only.
    pub paraphrased: f32,
}

impl SentenceRow {
    /// No match of any kind touches the sentence.
    pub fn is_absent(&self) -> bool {
        self.matches.is_empty()
    }
}

/// Rows for every sentence of `source` against `article`, under `norm`.
pub fn rows(corpus: &Corpus, article: usize, source: usize, norm: Normalization) -> Vec<SentenceRow> {
    let (Some(src), Some(art)) = (corpus.story.sources.get(source), corpus.articles().get(article)) else {
        return Vec::new();
    };
    let matches: Vec<(usize, Vec<Op>)> = corpus
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.article == article && m.source == source)
        .map(|(i, m)| {
            let ops = if norm == Normalization::REPORT {
                m.ops.clone()
            } else {
                diff::ops(&src.text, m.source_span, &art.body, m.article_span, norm)
            };
            (i, ops)
        })
        .collect();
    src.sentences
        .iter()
        .map(|&sentence| {
            let words = tokens_in(&src.text, sentence);
            let word_spans: Vec<Span> =
                words.iter().filter(|t| t.kind == crate::text::TokenKind::Word).map(|t| t.span).collect();
            let mut kept_r = vec![false; word_spans.len()];
            let mut kept_p = vec![false; word_spans.len()];
            let mut rows = Vec::new();
            for (i, ops) in &matches {
                let m = &corpus.matches[*i];
                let Some(segments) = segments(&word_spans, sentence, m.source_span, ops) else {
                    continue;
                };
                for s in segments.iter().filter(|s| s.kind == SegmentKind::Kept) {
                    for (w, flag) in word_spans.iter().zip(if m.kind == MatchKind::Paraphrase {
                        kept_p.iter_mut()
                    } else {
                        kept_r.iter_mut()
                    }) {
                        if s.source.contains(*w) {
                            *flag = true;
                        }
                    }
                }
                rows.push(MatchRow { index: *i, kind: m.kind, segments });
            }
            let n = word_spans.len().max(1) as f32;
            let reproduced = kept_r.iter().filter(|k| **k).count() as f32 / n;
            let paraphrased = kept_p.iter().zip(&kept_r).filter(|(p, r)| **p && !**r).count() as f32 / n;
            SentenceRow { sentence, matches: rows, reproduced, paraphrased }
        })
        .collect()
}

/// An insertion belongs to the sentence whose words it stands before (or after its last word).
fn inserted_in(o: &Op, sentence: Span) -> bool {
    sentence.start <= o.source.start && o.source.start <= sentence.end
}

/// Segments of one match within one sentence; None when the match does not touch it.
fn segments(words: &[Span], sentence: Span, extent: Span, ops: &[Op]) -> Option<Vec<Segment>> {
    let touches = ops.iter().any(|o| {
        (o.tag != OpTag::Insert && o.source.overlaps(sentence)) || (o.tag == OpTag::Insert && inserted_in(o, sentence))
    });
    if !touches {
        return None;
    }
    let mut out = Vec::new();
    let outside = |out: &mut Vec<Segment>, from: u32, to: u32| {
        let inside: Vec<&Span> = words.iter().filter(|w| w.start >= from && w.end <= to).collect();
        if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
            out.push(Segment {
                kind: SegmentKind::Outside,
                source: Span { start: first.start, end: last.end },
                article: Span::default(),
            });
        }
    };
    outside(&mut out, sentence.start, extent.start);
    for o in ops {
        let clip = Span { start: o.source.start.max(sentence.start), end: o.source.end.min(sentence.end) };
        let kind = match o.tag {
            OpTag::Equal => SegmentKind::Kept,
            OpTag::Delete => SegmentKind::Dropped,
            OpTag::Replace => SegmentKind::Changed,
            OpTag::Insert => SegmentKind::Added,
        };
        match o.tag {
            OpTag::Insert if inserted_in(o, sentence) => out.push(Segment {
                kind,
                source: Span { start: o.source.start, end: o.source.start },
                article: o.article,
            }),
            OpTag::Insert => {}
            _ if clip.start < clip.end => {
                let article = if o.tag == OpTag::Equal && clip != o.source { Span::default() } else { o.article };
                out.push(Segment { kind, source: clip, article });
            }
            _ => {}
        }
    }
    outside(&mut out, extent.end.max(sentence.start), sentence.end);
    Some(out)
}
