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

/// Runs every analysis over a story.
pub fn analyze(story: Story, diagnostics: Vec<Diagnostic>) -> Corpus {
    let mut quotes = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        quotes.extend(quotes::find_quotes(ai, &a.body, &a.paragraphs, &story.speakers));
    }
    let indexes: Vec<align::SourceIndex> = story.sources.iter().map(align::SourceIndex::new).collect();
    let lexicon = topics::Lexicon::new(&story.topics);
    let mut matches = Vec::new();
    let mut topic_hits = Vec::new();
    let mut start = 0;
    for (ai, a) in story.articles.iter().enumerate() {
        let end = start + quotes[start..].iter().take_while(|q| q.article == ai).count();
        let ctx = align::ArticleContext::new(ai, a, (start..end).map(|i| (i, &quotes[i])).collect(), &story.speakers);
        let mut found: Vec<Match> = Vec::new();
        for (si, s) in story.sources.iter().enumerate() {
            found.extend(align::align(&ctx, si, s, &indexes[si]));
        }
        keep_best_per_quote(&mut found);
        matches.extend(found);
        topic_hits.extend(lexicon.tag(ai, a, &ctx.words));
        start = end;
    }
    let bodies: Vec<&str> = story.articles.iter().map(|a| a.body.as_str()).collect();
    let clusters = clusters::cluster(&quotes, &bodies);
    let mut diagnostics = diagnostics;
    diagnostics.extend(unbalanced_quotes(&story, &quotes));
    Corpus { story, quotes, matches, topic_hits, clusters, diagnostics }
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
