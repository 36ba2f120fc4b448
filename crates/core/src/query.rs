//! The reader's query: filters by outlet, date range (undated in or out), topics and search terms;
//! the result list with snippets; and facet counts computed "as if this value were added", as
//! Pagefind does, so that every control can show what a click would give.
//!
//! Outlets combine with OR (any selected outlet), topics with AND (every selected topic), facets
//! with each other by AND. The explorer and the CLI both call [`run`]; nothing else filters or counts.

use crate::align::Words;
use crate::model::{Corpus, Date, MatchKind, OpTag, Span};
use serde::{Deserialize, Serialize};

/// What the reader asked for. The default query selects every article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Outlet names ([`crate::model::UNKNOWN_OUTLET`] for articles without one); empty = all.
    pub outlets: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Whether undated articles are kept.
    pub undated: bool,
    /// Topic ids; an article must carry all of them.
    pub topics: Vec<String>,
    /// Search terms: every word must occur; "double quoted" words must occur in that order.
    pub text: String,
}

impl Default for Query {
    fn default() -> Self {
        Query { outlets: Vec::new(), from: None, to: None, undated: true, topics: Vec::new(), text: String::new() }
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }
}

/// One article in the result list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub article: usize,
    /// A stretch of the body to show, and the search hits inside it.
    pub snippet: Span,
    pub highlights: Vec<Span>,
    /// Topics the article carries (indexes into the story's topics), in lexicon order.
    pub topics: Vec<usize>,
    /// Share of all source words that the article quotes or copies (0..=1).
    pub reproduced: f32,
}

/// Counts per facet value, as if that value were added to the current query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// Every outlet of the corpus, alphabetically, with its count.
    pub outlets: Vec<(String, usize)>,
    /// Every topic (by index), with its count.
    pub topics: Vec<(usize, usize)>,
    /// Every publication day of the corpus, in order, with its count (date filter ignored).
    pub days: Vec<(Date, usize)>,
    /// Undated articles passing the other filters.
    pub undated: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// Per-article facts that queries need, computed once per corpus.
pub struct Index {
    words: Vec<Vec<(Span, u64)>>,
    topics: Vec<Vec<usize>>,
    reproduced: Vec<f32>,
    outlets: Vec<String>,
    days: Vec<Date>,
}

impl Index {
    pub fn new(corpus: &Corpus) -> Self {
        let arts = corpus.articles();
        let words = arts
            .iter()
            .map(|a| {
                let w = Words::new(&a.body);
                w.spans.into_iter().zip(w.keys).collect()
            })
            .collect();
        let mut topics = vec![Vec::new(); arts.len()];
        for h in &corpus.topic_hits {
            if let Some(t) = topics.get_mut(h.article) {
                if !t.contains(&h.topic) {
                    t.push(h.topic);
                }
            }
        }
        for t in &mut topics {
            t.sort_unstable();
        }
        let reproduced = (0..arts.len()).map(|i| reproduced_share(corpus, i)).collect();
        let mut outlets: Vec<String> = arts.iter().map(|a| a.outlet_name().to_string()).collect();
        outlets.sort();
        outlets.dedup();
        let mut days: Vec<Date> = arts.iter().filter_map(|a| a.date).collect();
        days.sort();
        days.dedup();
        Index { words, topics, reproduced, outlets, days }
    }

    pub fn topics_of(&self, article: usize) -> &[usize] {
        self.topics.get(article).map_or(&[], Vec::as_slice)
    }
}

/// Share of all source words that quoted or unmarked matches in the article keep equal.
pub fn reproduced_share(corpus: &Corpus, article: usize) -> f32 {
    let total: usize = corpus
        .story
        .sources
        .iter()
        .map(|s| crate::diff::word_count(&s.text, Span::new(0, s.text.len()), crate::text::Normalization::REPORT))
        .sum();
    if total == 0 {
        return 0.0;
    }
    let mut kept: Vec<(usize, Span)> = corpus
        .matches_of(article)
        .filter(|m| m.kind != MatchKind::Paraphrase)
        .flat_map(|m| m.ops.iter().filter(|o| o.tag == OpTag::Equal).map(move |o| (m.source, o.source)))
        .collect();
    kept.sort_by_key(|(s, sp)| (*s, sp.start, sp.end));
    let mut words = 0;
    for (si, source) in corpus.story.sources.iter().enumerate() {
        let w = Words::new(&source.text);
        words += w.spans.iter().filter(|ws| kept.iter().any(|(s, sp)| *s == si && sp.contains(**ws))).count();
    }
    words as f32 / total as f32
}

/// A parsed search: groups of keys that must occur contiguously.
fn parse_terms(text: &str) -> Vec<Vec<u64>> {
    let mut groups = Vec::new();
    for (i, part) in text.split('"').enumerate() {
        let keys = Words::new(part).keys;
        if i % 2 == 1 {
            if !keys.is_empty() {
                groups.push(keys);
            }
        } else {
            groups.extend(keys.into_iter().map(|k| vec![k]));
        }
    }
    groups
}

/// Positions (word indexes) where each group occurs; None when some group is missing.
fn find_terms(words: &[(Span, u64)], groups: &[Vec<u64>]) -> Option<Vec<Span>> {
    let mut spans = Vec::new();
    for g in groups {
        let mut found = false;
        for i in 0..words.len().saturating_sub(g.len() - 1) {
            if words[i..i + g.len()].iter().map(|w| w.1).eq(g.iter().copied()) {
                spans.push(Span { start: words[i].0.start, end: words[i + g.len() - 1].0.end });
                found = true;
            }
        }
        if !found {
            return None;
        }
    }
    spans.sort();
    Some(spans)
}

/// Runs the query.
pub fn run(corpus: &Corpus, index: &Index, query: &Query) -> Results {
    let arts = corpus.articles();
    let groups = parse_terms(&query.text);
    let topic_ids: Vec<Option<usize>> =
        query.topics.iter().map(|id| corpus.story.topics.iter().position(|t| &t.id == id)).collect();
    let search: Vec<Option<Vec<Span>>> = (0..arts.len())
        .map(|i| if groups.is_empty() { Some(Vec::new()) } else { find_terms(&index.words[i], &groups) })
        .collect();
    let outlet_ok = |i: usize| query.outlets.is_empty() || query.outlets.iter().any(|o| o == arts[i].outlet_name());
    let date_ok = |i: usize| match arts[i].date {
        None => query.undated,
        Some(d) => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
    };
    let topics_ok = |i: usize| topic_ids.iter().all(|t| t.is_some_and(|t| index.topics_of(i).contains(&t)));
    let search_ok = |i: usize| search[i].is_some();

    let mut facets = Facets::default();
    for outlet in &index.outlets {
        let n = (0..arts.len())
            .filter(|&i| arts[i].outlet_name() == outlet && date_ok(i) && topics_ok(i) && search_ok(i))
            .count();
        facets.outlets.push((outlet.clone(), n));
    }
    let others = |i: usize| outlet_ok(i) && topics_ok(i) && search_ok(i);
    for day in &index.days {
        facets.days.push((*day, (0..arts.len()).filter(|&i| arts[i].date == Some(*day) && others(i)).count()));
    }
    facets.undated = (0..arts.len()).filter(|&i| arts[i].date.is_none() && others(i)).count();
    let selected: Vec<usize> =
        (0..arts.len()).filter(|&i| outlet_ok(i) && date_ok(i) && topics_ok(i) && search_ok(i)).collect();
    for t in 0..corpus.story.topics.len() {
        facets.topics.push((t, selected.iter().filter(|&&i| index.topics_of(i).contains(&t)).count()));
    }
    let hits = selected
        .into_iter()
        .map(|i| {
            let found = search[i].clone().unwrap_or_default();
            let snippet = snippet(&arts[i].body, &arts[i].paragraphs, &index.words[i], found.first().copied());
            let highlights = found.into_iter().filter(|s| snippet.contains(*s)).collect();
            Hit {
                article: i,
                snippet,
                highlights,
                topics: index.topics_of(i).to_vec(),
                reproduced: index.reproduced[i],
            }
        })
        .collect();
    Results { hits, facets }
}

/// About thirty words: around the first search hit, else the start of the first paragraph.
fn snippet(body: &str, paragraphs: &[Span], words: &[(Span, u64)], hit: Option<Span>) -> Span {
    const BEFORE: usize = 10;
    const LEN: usize = 30;
    let Some(first_para) = paragraphs.first() else {
        return Span::default();
    };
    let para = hit.and_then(|h| paragraphs.iter().find(|p| p.contains(h)).copied()).unwrap_or(*first_para);
    let in_para: Vec<Span> = words.iter().map(|w| w.0).filter(|w| para.contains(*w)).collect();
    if in_para.is_empty() {
        return para;
    }
    let at = hit.map_or(0, |h| in_para.partition_point(|w| w.start < h.start));
    let from = at.saturating_sub(BEFORE);
    let to = (from + LEN).min(in_para.len());
    let start = if from == 0 { para.start } else { in_para[from].start };
    let end = if to == in_para.len() { para.end } else { in_para[to - 1].end };
    let _ = body;
    Span { start, end }
}

/// Articles per day and outlet among the hits, for the timeline: days in order, outlets by name.
pub fn timeline(corpus: &Corpus, hits: &[Hit]) -> Vec<(Date, Vec<(String, usize)>)> {
    let mut days: std::collections::BTreeMap<Date, std::collections::BTreeMap<String, usize>> = Default::default();
    for h in hits {
        if let Some(a) = corpus.articles().get(h.article) {
            if let Some(d) = a.date {
                *days.entry(d).or_default().entry(a.outlet_name().to_string()).or_default() += 1;
            }
        }
    }
    days.into_iter().map(|(d, o)| (d, o.into_iter().collect())).collect()
}
