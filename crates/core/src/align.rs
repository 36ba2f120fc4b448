//! Primary source ↔ article: every region of an article that reproduces a source, and how.
//!
//! Both texts are reduced to word keys under [`Normalization::LOOSE`] and every maximal common run
//! of words is found through an index of the source. Then, per kind:
//!
//! - **quoted**: for each quotation, the best monotone chain of runs inside it; it matches when the
//!   chain covers enough of the quote for its size and the quote is not attributed to someone else
//!   (a one-word fragment such as “offered” needs the source's speaker named in its sentence);
//! - **unmarked**: runs of six words or more outside quote marks that make up most of their sentence
//!   (an embedded post, a copied paragraph), merged across short gaps such as an author line;
//! - **paraphrase**: what is left of a sentence that is not someone else's reported speech and shares
//!   several content words, in order, with the source.
//!
//! Ops inside each match come from `diff` under [`Normalization::REPORT`].

use crate::diff;
use crate::model::{Article, Match, MatchKind, Quote, Source, Span, Speaker};
use crate::quotes;
use crate::text::{keyed, sentences, tokenize, tokens_in, KeyMap, KeySet, Normalization, Token, TokenKind};
use std::collections::HashMap;
use std::ops::Range;

/// Minimum words of a verbatim run outside quote marks to count as an unmarked copy.
const MIN_UNMARKED_RUN: usize = 6;
/// Share of a sentence's words that unmarked runs must cover.
const MIN_UNMARKED_COVERAGE: f32 = 0.6;
/// Words of gap (an author line, an inserted name) that an unmarked copy may bridge.
const MAX_UNMARKED_GAP: usize = 12;

/// The words of a text under loose normalization: their spans and keys.
pub struct Words<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
    pub keys: Vec<u64>,
    /// `breaks[i]`: a run may not continue from word `i - 1` to word `i` (a line break, an
    /// ellipsis or a URL lies between them).
    breaks: Vec<bool>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::from_tokens(text, tokenize(text))
    }
    /// The words of `span` as the whole `text` reads them (see [`tokens_in`]), with offsets into
    /// `text`.
    pub fn in_span(text: &'a str, span: Span) -> Self {
        Self::from_tokens(text, tokens_in(text, span))
    }
    fn from_tokens(text: &'a str, tokens: Vec<Token>) -> Self {
        let (idx, keys) = keyed(&tokens, text, Normalization::LOOSE);
        let breaks = (0..idx.len())
            .map(|n| {
                n > 0
                    && (tokens[idx[n - 1] + 1..idx[n]]
                        .iter()
                        .any(|t| t.kind == TokenKind::Url || matches!(t.span.slice(text), "…" | "..."))
                        || text[tokens[idx[n - 1]].span.end as usize..tokens[idx[n]].span.start as usize]
                            .contains('\n'))
            })
            .collect();
        Words { text, spans: idx.iter().map(|&i| tokens[i].span).collect(), keys, breaks }
    }
    fn is_content(&self, i: usize) -> bool {
        !stopword_keys().contains(&self.keys[i])
    }
    /// Index range of the words that lie inside `span`.
    fn within(&self, span: Span) -> Range<usize> {
        let start = self.spans.partition_point(|s| s.start < span.start);
        let end = self.spans.partition_point(|s| s.end <= span.end);
        start..end.max(start)
    }
}

/// Loose keys of the stopwords, so that "is this a content word" is a set look-up.
fn stopword_keys() -> &'static KeySet {
    static KEYS: std::sync::OnceLock<KeySet> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| crate::text::STOPWORDS.iter().flat_map(|w| Words::new(w).keys).collect())
}

/// A source prepared for alignment: its words and where each key occurs.
pub struct SourceIndex<'a> {
    pub words: Words<'a>,
    /// Word index ranges of the source's sentences.
    sentences: Vec<Range<usize>>,
    content: Vec<bool>,
    at: KeyMap<Vec<u32>>,
}

impl<'a> SourceIndex<'a> {
    pub fn new(source: &'a Source) -> Self {
        let words = Words::new(&source.text);
        let content = (0..words.keys.len()).map(|i| words.is_content(i)).collect();
        let mut at: KeyMap<Vec<u32>> = KeyMap::default();
        for (i, k) in words.keys.iter().enumerate() {
            at.entry(*k).or_default().push(i as u32);
        }
        let sentences = source.sentences.iter().map(|s| words.within(*s)).collect();
        SourceIndex { words, sentences, content, at }
    }
}

/// A run of `len` words equal in article (from `a`) and source (from `s`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    a: usize,
    s: usize,
    len: usize,
}

/// Maximal runs between `keys[range]` and the source.
fn runs(words: &Words, keys: &[u64], range: Range<usize>, src: &SourceIndex) -> Vec<Run> {
    let sk = &src.words.keys;
    let mut out = Vec::new();
    for i in range.clone() {
        let Some(positions) = src.at.get(&keys[i]) else {
            continue;
        };
        for &j in positions {
            let j = j as usize;
            if i > range.start && j > 0 && keys[i - 1] == sk[j - 1] && !words.breaks[i] {
                continue; // not the start of a maximal run
            }
            let mut len = 1;
            while i + len < range.end && j + len < sk.len() && keys[i + len] == sk[j + len] && !words.breaks[i + len] {
                len += 1;
            }
            out.push(Run { a: i, s: j, len });
        }
    }
    out
}

/// The heaviest chain of runs increasing in both texts, without overlap.
fn best_chain(mut runs: Vec<Run>, weight: impl Fn(&Run) -> f32) -> Vec<Run> {
    if runs.is_empty() {
        return runs;
    }
    runs.sort_by_key(|r| (r.a, r.s));
    let mut best = vec![0.0f32; runs.len()];
    let mut prev = vec![usize::MAX; runs.len()];
    for i in 0..runs.len() {
        best[i] = weight(&runs[i]);
        for j in 0..i {
            let (p, r) = (runs[j], runs[i]);
            if p.a + p.len <= r.a && p.s + p.len <= r.s {
                // A small penalty for skipping source words keeps fragments in their own place.
                let skip = (r.s - (p.s + p.len)) as f32 * 0.001;
                let cand = best[j] + weight(&r) - skip;
                if cand > best[i] {
                    best[i] = cand;
                    prev[i] = j;
                }
            }
        }
    }
    let mut i = (0..runs.len()).fold(0, |b, i| if best[i] > best[b] { i } else { b });
    let mut chain = vec![runs[i]];
    while prev[i] != usize::MAX {
        i = prev[i];
        chain.push(runs[i]);
    }
    chain.reverse();
    chain
}

/// The part of a run whose source words lie in `sentence`.
fn clip(r: Run, sentence: &Range<usize>) -> Option<Run> {
    let start = r.s.max(sentence.start);
    let end = (r.s + r.len).min(sentence.end);
    (start < end).then(|| Run { a: r.a + (start - r.s), s: start, len: end - start })
}

/// Everything the aligner needs about one article.
pub struct ArticleContext<'a> {
    pub index: usize,
    pub article: &'a Article,
    /// The article's words, tokenized once for every source.
    pub words: Words<'a>,
    /// The article's sentences, paragraph by paragraph, in order.
    pub sentences: Vec<Span>,
    pub quotes: Vec<(usize, &'a Quote)>,
    pub speakers: &'a [Speaker],
    /// How this article names the speakers.
    pub names: quotes::Names<'a>,
}

impl<'a> ArticleContext<'a> {
    /// `names`: how the article names people (`quotes::Names::new` of its body and `speakers`).
    pub fn new(
        index: usize,
        article: &'a Article,
        quotes: Vec<(usize, &'a Quote)>,
        speakers: &'a [Speaker],
        names: quotes::Names<'a>,
    ) -> Self {
        let words = Words::new(&article.body);
        let sentences = article.paragraphs.iter().flat_map(|p| sentences(&article.body, *p)).collect();
        ArticleContext { index, article, words, sentences, quotes, speakers, names }
    }
}

/// All matches of one source in one article.
pub fn align(ctx: &ArticleContext, source_idx: usize, source: &Source, src: &SourceIndex) -> Vec<Match> {
    let words = &ctx.words;
    let mut taken = vec![false; words.keys.len()];
    let mut out = Vec::new();
    let sentence_of: Vec<usize> =
        words.spans.iter().map(|w| ctx.sentences.partition_point(|s| s.end <= w.start)).collect();
    let mut fragments = Vec::new();
    for &(qi, q) in &ctx.quotes {
        match quoted(ctx, words, qi, q, source_idx, source, src) {
            Quoted::Match(m) => out.push(*m),
            Quoted::Fragment(m) => fragments.push(*m),
            Quoted::No => {}
        }
    }
    // A fragment too short to stand on its own counts when its sentence quotes the source too.
    let sentence_at = |span: Span| words.within(span).next().map(|i| sentence_of[i]);
    let quoting: Vec<Option<usize>> = out.iter().map(|m| sentence_at(m.article_span)).collect();
    out.extend(fragments.into_iter().filter(|f| quoting.contains(&sentence_at(f.article_span))));
    for m in &out {
        for i in words.within(m.article_span) {
            taken[i] = true;
        }
    }
    let mut in_quote = vec![false; words.spans.len()];
    for (_, q) in &ctx.quotes {
        for i in words.within(q.outer) {
            in_quote[i] = true;
        }
    }
    for m in unmarked(ctx, words, &in_quote, &sentence_of, source_idx, source, src) {
        for i in words.within(m.article_span) {
            taken[i] = true;
        }
        out.push(m);
    }
    for i in 0..taken.len() {
        taken[i] |= in_quote[i];
    }
    out.extend(paraphrases(ctx, words, &taken, source_idx, source, src));
    out.sort_by_key(|m| (m.article_span.start, m.article_span.end));
    out
}

fn build_match(
    ctx: &ArticleContext,
    source_idx: usize,
    source: &Source,
    kind: MatchKind,
    source_span: Span,
    article_span: Span,
) -> Match {
    let ops = diff::ops(&source.text, source_span, &ctx.article.body, article_span, Normalization::REPORT);
    let similarity = diff::similarity(&source.text, source_span, &ops);
    Match {
        article: ctx.index,
        source: source_idx,
        kind,
        source_span,
        article_span,
        similarity,
        ops,
        quote: None,
        attribution: None,
    }
}

fn chain_spans(words: &Words, src: &SourceIndex, chain: &[Run]) -> (Span, Span) {
    let (first, last) = (chain[0], chain[chain.len() - 1]);
    let a = Span { start: words.spans[first.a].start, end: words.spans[last.a + last.len - 1].end };
    let s = Span { start: src.words.spans[first.s].start, end: src.words.spans[last.s + last.len - 1].end };
    (a, s)
}

/// Is the quote's speaker someone other than the source's?
fn other_speaker(q: &Quote, source: &Source) -> bool {
    match (q.speaker, &q.speaker_text) {
        (Some(s), _) => s != source.speaker,
        (None, Some(_)) => true,
        (None, None) => false,
    }
}

/// What a quotation is to a source.
enum Quoted {
    Match(Box<Match>),
    /// A short exact fragment with nobody named: a match only beside another quote of the source.
    Fragment(Box<Match>),
    No,
}

fn quoted(
    ctx: &ArticleContext,
    words: &Words,
    qi: usize,
    q: &Quote,
    source_idx: usize,
    source: &Source,
    src: &SourceIndex,
) -> Quoted {
    let range = words.within(q.inner);
    let n = range.len();
    if n == 0 {
        return Quoted::No;
    }
    let candidates: Vec<Run> =
        runs(words, &words.keys, range.clone(), src).into_iter().filter(|r| r.len >= 2 || src.content[r.s]).collect();
    let chain = best_chain(candidates, |r| r.len as f32);
    let matched: usize = chain.iter().map(|r| r.len).sum();
    let longest = chain.iter().map(|r| r.len).max().unwrap_or(0);
    let by_source = q.speaker == Some(source.speaker);
    let whole = chain.len() == 1 && matched == n;
    let content = chain.iter().any(|r| (r.s..r.s + r.len).any(|j| src.content[j]));
    let mut fragment = false;
    let accept = if other_speaker(q, source) {
        matched >= 8 && matched as f32 >= 0.9 * n as f32
    } else if n <= 3 {
        fragment = whole && content && !by_source && n == 1;
        whole && content && (by_source || n >= 2)
    } else {
        matched >= 3 && matched * 2 >= n && longest >= if by_source { 2 } else { 3 }
    };
    if !accept && !fragment {
        return Quoted::No;
    }
    let (mut a, s) = chain_spans(words, src, &chain);
    // Words the outlet added at the edges of the quote stay in the match when there are few.
    let (head, tail) = (chain[0].a - range.start, range.end - (chain[chain.len() - 1].a + chain[chain.len() - 1].len));
    if head > 0 && head <= 4 {
        a.start = words.spans[range.start].start;
    }
    if tail > 0 && tail <= 4 {
        a.end = words.spans[range.end - 1].end;
    }
    let mut m = build_match(ctx, source_idx, source, MatchKind::Quoted, s, a);
    m.quote = Some(qi);
    m.attribution = quotes::attribution(&ctx.article.body, &ctx.article.paragraphs, q);
    if accept {
        Quoted::Match(Box::new(m))
    } else {
        Quoted::Fragment(Box::new(m))
    }
}

fn unmarked(
    ctx: &ArticleContext,
    words: &Words,
    in_quote: &[bool],
    sentence_of: &[usize],
    source_idx: usize,
    source: &Source,
    src: &SourceIndex,
) -> Vec<Match> {
    let mut keys = words.keys.clone();
    for (i, q) in in_quote.iter().enumerate() {
        if *q {
            keys[i] = u64::MAX - i as u64; // never equal to a source word
        }
    }
    let mut long: Vec<Run> =
        runs(words, &keys, 0..keys.len(), src).into_iter().filter(|r| r.len >= MIN_UNMARKED_RUN).collect();
    long.sort_by_key(|r| (r.a, std::cmp::Reverse(r.len)));
    // Sentence coverage: how much of each sentence (outside quotes) long runs cover.
    let mut total: HashMap<usize, usize> = HashMap::new();
    let mut covered: HashMap<usize, usize> = HashMap::new();
    for i in 0..keys.len() {
        if !in_quote[i] {
            *total.entry(sentence_of[i]).or_default() += 1;
        }
    }
    let mut mark = vec![false; keys.len()];
    for r in &long {
        for i in r.a..r.a + r.len {
            if !mark[i] {
                mark[i] = true;
                *covered.entry(sentence_of[i]).or_default() += 1;
            }
        }
    }
    let share = |sid: usize| {
        covered.get(&sid).copied().unwrap_or(0) as f32 / total.get(&sid).copied().unwrap_or(1).max(1) as f32
    };
    let kept: Vec<Run> = long.into_iter().filter(|r| share(sentence_of[r.a]) >= MIN_UNMARKED_COVERAGE).collect();
    let kept = best_chain(kept, |r| r.len as f32);
    // Merge runs separated by short gaps into one copy.
    let mut groups: Vec<Vec<Run>> = Vec::new();
    for r in kept {
        if let Some(g) = groups.last_mut() {
            let p = g[g.len() - 1];
            let a_gap = r.a - (p.a + p.len);
            let s_gap = r.s - (p.s + p.len);
            let quote_between = (p.a + p.len..r.a).any(|i| in_quote[i]);
            if a_gap <= MAX_UNMARKED_GAP && s_gap <= MAX_UNMARKED_GAP && !quote_between {
                g.push(r);
                continue;
            }
        }
        groups.push(vec![r]);
    }
    groups
        .into_iter()
        .map(|g| {
            let (a, s) = chain_spans(words, src, &g);
            build_match(ctx, source_idx, source, MatchKind::Unmarked, s, a)
        })
        .collect()
}

fn paraphrases(
    ctx: &ArticleContext,
    words: &Words,
    taken: &[bool],
    source_idx: usize,
    source: &Source,
    src: &SourceIndex,
) -> Vec<Match> {
    let body = ctx.article.body.as_str();
    let mut out = Vec::new();
    for &sentence in &ctx.sentences {
        let range = words.within(sentence);
        // Untaken stretches of the sentence, each considered on its own.
        let mut found = Vec::new();
        let mut start = range.start;
        while start < range.end {
            while start < range.end && taken[start] {
                start += 1;
            }
            let mut end = start;
            while end < range.end && !taken[end] {
                end += 1;
            }
            if end > start {
                found.extend(paraphrase_in(ctx, words, start..end, source_idx, source, src));
            }
            start = end;
        }
        // Reported speech of someone else is not a paraphrase of the source.
        let someone_else = || {
            quotes::sentence_speaker(body, sentence, &ctx.names)
                .is_some_and(|(known, printed)| known.map_or(printed.is_some(), |s| s != source.speaker))
        };
        if !found.is_empty() && !someone_else() {
            out.extend(found);
        }
    }
    out
}

fn paraphrase_in(
    ctx: &ArticleContext,
    words: &Words,
    range: Range<usize>,
    source_idx: usize,
    source: &Source,
    src: &SourceIndex,
) -> Option<Match> {
    let content_in_range = range.clone().filter(|&i| words.is_content(i)).count();
    let candidates: Vec<Run> =
        runs(words, &words.keys, range, src).into_iter().filter(|r| r.len >= 2 || src.content[r.s]).collect();
    let content_weight = |r: &Run| (r.s..r.s + r.len).filter(|&j| src.content[j]).count() as f32 + 0.1 * r.len as f32;
    // A paraphrase renders one sentence of the source: chain within each, keep the best.
    let chain = src
        .sentences
        .iter()
        .map(|sent| {
            let clipped =
                candidates.iter().filter_map(|r| clip(*r, sent)).filter(|r| r.len >= 2 || src.content[r.s]).collect();
            best_chain(clipped, content_weight)
        })
        .max_by(|a, b| {
            let w = |c: &Vec<Run>| c.iter().map(content_weight).sum::<f32>();
            w(a).total_cmp(&w(b))
        })
        .unwrap_or_default();
    let content: usize = chain.iter().map(|r| (r.s..r.s + r.len).filter(|&j| src.content[j]).count()).sum();
    let matched: usize = chain.iter().map(|r| r.len).sum();
    let longest = chain.iter().map(|r| r.len).max().unwrap_or(0);
    if content < 3 || matched < 4 || longest < 2 || (content as f32) < 0.2 * content_in_range as f32 {
        return None;
    }
    let (a, s) = chain_spans(words, src, &chain);
    Some(build_match(ctx, source_idx, source, MatchKind::Paraphrase, s, a))
}

#[cfg(test)]
mod tests;
