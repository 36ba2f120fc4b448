//! presslens-core: the engine behind the presslens explorer and CLI.
//!
//! It reads a story corpus (`corpus`), finds every quotation in each article (`quotes`), aligns the
//! articles against the story's primary sources (`align`, with word-level ops from `diff`), tags
//! paragraphs with topics (`topics`), groups quotations that recur across articles (`clusters`),
//! answers filter queries with facet counts (`query`) and writes the export contract (`export`).
//! It has no web dependencies and builds for native targets and wasm32 alike; only `corpus` (behind
//! the default `load` feature) touches the file system.
//!
//! ```no_run
//! let loaded = presslens_core::corpus::load(std::path::Path::new("corpus"));
//! let corpus = presslens_core::analyze(loaded.story, loaded.diagnostics);
//! for m in &corpus.matches {
//!     let a = &corpus.story.articles[m.article];
//!     println!("{} {:?}: {}", a.id, m.kind, m.article_span.slice(&a.body));
//! }
//! ```

pub mod align;
pub mod clusters;
pub mod compare;
#[cfg(feature = "load")]
pub mod corpus;
pub mod diff;
pub mod export;
pub mod model;
pub mod pack;
pub mod query;
pub mod quotes;
#[doc(hidden)]
pub mod testkit;
pub mod text;
pub mod topics;

pub use model::*;

/// Runs every analysis over a story. Articles are analysed independently of each other, on every
/// core with the `parallel` feature (on by default; off in the browser build); only the quote
/// clusters look across articles.
pub fn analyze(story: Story, diagnostics: Vec<Diagnostic>) -> Corpus {
    analyze_with(story, diagnostics, &mut |_, _| {})
}

/// [`analyze`], telling `on_article(done, total)` how far it is: after each article, or, with the
/// `parallel` feature, once when all are done. The result is `analyze`'s.
pub fn analyze_with(story: Story, diagnostics: Vec<Diagnostic>, on_article: &mut dyn FnMut(usize, usize)) -> Corpus {
    let indexes: Vec<align::SourceIndex> = story.sources.iter().map(align::SourceIndex::new).collect();
    let lexicon = topics::Lexicon::new(&story.topics);
    let one = |(ai, a): (usize, &Article)| analyze_article(&story, ai, a, &indexes, &lexicon);
    let total = story.articles.len();
    #[cfg(feature = "parallel")]
    let per_article: Vec<ArticleAnalysis> = {
        use rayon::prelude::*;
        let all = story.articles.par_iter().enumerate().map(one).collect();
        on_article(total, total);
        all
    };
    #[cfg(not(feature = "parallel"))]
    let per_article: Vec<ArticleAnalysis> = story
        .articles
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            let done = one((ai, a));
            on_article(ai + 1, total);
            done
        })
        .collect();
    let (mut quotes, mut matches, mut topic_hits) = (Vec::new(), Vec::new(), Vec::new());
    for mut a in per_article {
        // Quotation indexes were the article's own; make them the corpus's.
        let offset = quotes.len();
        for m in &mut a.matches {
            m.quote = m.quote.map(|q| q + offset);
        }
        quotes.append(&mut a.quotes);
        matches.append(&mut a.matches);
        topic_hits.append(&mut a.topic_hits);
    }
    let bodies: Vec<&str> = story.articles.iter().map(|a| a.body.as_str()).collect();
    let clusters = clusters::cluster(&quotes, &bodies);
    let mut diagnostics = diagnostics;
    diagnostics.extend(unbalanced_quotes(&story, &quotes));
    Corpus { story, quotes, matches, topic_hits, clusters, diagnostics }
}

/// What the analysis finds in one article; `Match::quote` indexes into its own `quotes`.
struct ArticleAnalysis {
    quotes: Vec<Quote>,
    matches: Vec<Match>,
    topic_hits: Vec<TopicHit>,
}

fn analyze_article(
    story: &Story,
    ai: usize,
    a: &Article,
    indexes: &[align::SourceIndex],
    lexicon: &topics::Lexicon,
) -> ArticleAnalysis {
    let names = quotes::Names::new(&a.body, &story.speakers);
    let quotes = quotes::find_quotes_named(ai, &a.body, &a.paragraphs, &names);
    let ctx = align::ArticleContext::new(ai, a, quotes.iter().enumerate().collect(), &story.speakers, names);
    let mut matches: Vec<Match> = Vec::new();
    for (si, s) in story.sources.iter().enumerate() {
        matches.extend(align::align(&ctx, si, s, &indexes[si]));
    }
    keep_best_per_quote(&mut matches);
    let topic_hits = lexicon.tag(ai, a, &ctx.words);
    drop(ctx);
    ArticleAnalysis { quotes, matches, topic_hits }
}

/// A quotation reproduces at most one source: keep the match with the highest similarity.
fn keep_best_per_quote(found: &mut Vec<Match>) {
    let mut best: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (i, m) in found.iter().enumerate() {
        if let Some(q) = m.quote {
            let b = best.entry(q).or_insert(i);
            if found[*b].similarity < m.similarity {
                *b = i;
            }
        }
    }
    let mut i = 0;
    found.retain(|m| {
        let keep = m.quote.is_none_or(|q| best.get(&q) == Some(&i));
        i += 1;
        keep
    });
    found.sort_by_key(|m| (m.article_span.start, m.source));
}

/// Warnings the analysis itself finds: quotations whose marks do not pair up.
fn unbalanced_quotes(story: &Story, quotes: &[Quote]) -> Vec<Diagnostic> {
    quotes
        .iter()
        .filter(|q| !q.balanced)
        .filter_map(|q| {
            let a = story.articles.get(q.article)?;
            let text: String = q.inner.slice(&a.body).chars().take(40).collect();
            Some(Diagnostic {
                severity: Severity::Warning,
                file: a.file.clone(),
                // The body starts on the file's first line, so body lines are file lines.
                line: Some(line_of(&a.body, q.outer.start as usize)),
                message: format!(
                    "unbalanced quote mark; the quotation “{text}…” is taken to run to the mark or paragraph end"
                ),
            })
        })
        .collect()
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_with_reports_progress_and_gives_analyze_s_result() {
        let texts = ["He said \"we have offered the opportunity\".", "No quote here.", "\"Offered\", he said."];
        let mut calls = Vec::new();
        let with = analyze_with(testkit::story(&texts), Vec::new(), &mut |done, total| calls.push((done, total)));
        assert_eq!(with, analyze(testkit::story(&texts), Vec::new()));
        assert_eq!(calls.last(), Some(&(3, 3)));
        assert!(calls.windows(2).all(|w| w[0].0 < w[1].0), "{calls:?}");
        if cfg!(not(feature = "parallel")) {
            assert_eq!(calls, [(1, 3), (2, 3), (3, 3)]);
        }
    }
}
