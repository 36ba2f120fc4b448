//! The reader's query: filters by outlet, date range (undated in or out), topics and search terms;
//! the result list with snippets; and facet counts computed "as if this value were added", as
//! Pagefind does, so that every control can show what a click would give.
//!
//! Outlets combine with OR (any selected outlet), topics with AND (every selected topic), facets
//! with each other by AND. The explorer and the CLI both call [`run`]; nothing else filters or counts.

use crate::align::Words;
use crate::model::{Corpus, Date, MatchKind, OpTag, Span};
use crate::text::{keyed, tokenize, KeyMap, Normalization};
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

/// One article in the result list. Its snippet is computed on demand by [`excerpt`], only for
/// the cards on screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub article: usize,
    /// Topics the article carries (indexes into the story's topics), in lexicon order.
    pub topics: Vec<usize>,
    /// Share of all source words that the article quotes or copies (0..=1).
    pub reproduced: f32,
}

/// What a result card shows of the body: a stretch of text and the search hits inside it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub snippet: Span,
    pub highlights: Vec<Span>,
    /// The snippet begins after the start of its paragraph (a card shows "…" there).
    pub cut_before: bool,
    /// The snippet ends before the end of its paragraph.
    pub cut_after: bool,
}

impl Excerpt {
    /// `snippet` is a stretch of `para`, as [`snippet`] gives them.
    fn new((para, snippet): (Span, Span), highlights: Vec<Span>) -> Self {
        Excerpt { snippet, highlights, cut_before: snippet.start > para.start, cut_after: snippet.end < para.end }
    }
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

/// What a query needs to know of one article beyond its metadata: computed from the analysis, or
/// read from a metadata file written at build time (`pack::Meta::facts`), so that facets and cards
/// need no article body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Topics the article carries (indexes into the story's topics), ascending.
    pub topics: Vec<usize>,
    /// Share of all source words that the article quotes or copies (0..=1).
    pub reproduced: f32,
    /// Words of the body, counted as runs of non-space characters.
    pub words: u32,
}

/// Where one word occurs in one article: the article and the word's positions in its body
/// (counted in words, ascending), so that a phrase is found without the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub article: u32,
    pub at: Vec<u32>,
}

/// Each word key with its postings, articles ascending: the whole word index, or one chunk of it.
pub type Postings = Vec<(u64, Vec<Posting>)>;

/// The chunk of a word index cut into `chunks` that holds the word with `key`.
pub fn word_chunk(key: u64, chunks: usize) -> usize {
    (key % chunks.max(1) as u64) as usize
}

/// Per-article facts that queries need, computed once per corpus, so that a query is one pass
/// over the articles plus a look-up of each search word.
///
/// The word index comes one of two ways. Built here from the bodies, it is most of the cost at
/// start-up and only a search needs it, so it is built a slice of articles at a time
/// ([`Index::index_words`], which the explorer calls between frames after it has started) and
/// finished at once by the first search that comes before it is done. Or it was written at build
/// time and cut into chunks by word ([`word_chunk`]), and the chunks arrive as a search needs
/// them ([`Index::missing_chunks`], [`Index::add_chunk`]): then no body is needed at all.
pub struct Index {
    words: std::sync::Mutex<WordIndex>,
    facts: Vec<Facts>,
    /// Outlet names, sorted, and each article's position among them.
    outlets: Vec<String>,
    outlet_of: Vec<usize>,
    /// Publication days, sorted, and each article's position among them (None: undated).
    days: Vec<Date>,
    day_of: Vec<Option<usize>>,
}

/// The words indexed so far.
#[derive(Default)]
struct WordIndex {
    postings: KeyMap<Vec<Posting>>,
    /// Built from the bodies: how many articles are indexed. From chunks: which have arrived.
    from: WordSource,
}

enum WordSource {
    Bodies(usize),
    Chunks(Vec<bool>),
}

impl Default for WordSource {
    fn default() -> Self {
        WordSource::Bodies(0)
    }
}

impl WordIndex {
    /// Indexes the bodies of the next articles, up to article `upto` (exclusive).
    fn extend(&mut self, corpus: &Corpus, upto: usize) {
        let WordSource::Bodies(done) = &mut self.from else { return };
        for (i, a) in corpus.articles().iter().enumerate().take(upto).skip(*done) {
            let (_, keys) = keyed(&tokenize(&a.body), &a.body, Normalization::LOOSE);
            for (at, &k) in keys.iter().enumerate() {
                let list = self.postings.entry(k).or_default();
                match list.last_mut() {
                    Some(p) if p.article == i as u32 => p.at.push(at as u32),
                    _ => list.push(Posting { article: i as u32, at: vec![at as u32] }),
                }
            }
            *done = i + 1;
        }
        *done = (*done).max(upto.min(corpus.articles().len()));
    }
}

impl Index {
    /// The facts of every article; the word index starts empty and is built from the bodies
    /// (see the type's doc).
    pub fn new(corpus: &Corpus) -> Self {
        let mut facts = vec![Facts::default(); corpus.articles().len()];
        for h in &corpus.topic_hits {
            if let Some(f) = facts.get_mut(h.article) {
                if !f.topics.contains(&h.topic) {
                    f.topics.push(h.topic);
                }
            }
        }
        for ((f, r), a) in facts.iter_mut().zip(reproduced_shares(corpus)).zip(corpus.articles()) {
            f.topics.sort_unstable();
            f.reproduced = r;
            f.words = a.body.split_whitespace().count() as u32;
        }
        Index::with_facts(corpus, facts, WordSource::Bodies(0))
    }

    /// An index over a corpus of metadata only (no bodies, no analysis): the facts as the
    /// metadata file gives them, one per article, and a word index cut into `chunks` chunks that
    /// arrive with [`Index::add_chunk`].
    pub fn from_facts(corpus: &Corpus, facts: Vec<Facts>, chunks: usize) -> Self {
        Index::with_facts(corpus, facts, WordSource::Chunks(vec![false; chunks]))
    }

    fn with_facts(corpus: &Corpus, mut facts: Vec<Facts>, from: WordSource) -> Self {
        let arts = corpus.articles();
        facts.resize(arts.len(), Facts::default());
        let mut outlets: Vec<String> = arts.iter().map(|a| a.outlet_name().to_string()).collect();
        outlets.sort();
        outlets.dedup();
        let outlet_of =
            arts.iter().map(|a| outlets.binary_search_by(|o| o.as_str().cmp(a.outlet_name())).unwrap_or(0)).collect();
        let mut days: Vec<Date> = arts.iter().filter_map(|a| a.date).collect();
        days.sort();
        days.dedup();
        let day_of = arts.iter().map(|a| a.date.and_then(|d| days.binary_search(&d).ok())).collect();
        let words = std::sync::Mutex::new(WordIndex { postings: KeyMap::default(), from });
        Index { words, facts, outlets, outlet_of, days, day_of }
    }

    fn words(&self) -> std::sync::MutexGuard<'_, WordIndex> {
        self.words.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Indexes the words of up to `articles` more articles; true once every article is indexed
    /// (at once for an index whose words come in chunks).
    pub fn index_words(&self, corpus: &Corpus, articles: usize) -> bool {
        let mut words = self.words();
        let WordSource::Bodies(done) = words.from else { return true };
        words.extend(corpus, done.saturating_add(articles));
        matches!(words.from, WordSource::Bodies(d) if d >= corpus.articles().len())
    }

    /// The whole word index, built from the bodies, by key: what `pack` cuts into chunks. Takes
    /// the index, so that a large corpus's postings are never held twice.
    pub fn into_postings(self, corpus: &Corpus) -> Postings {
        let mut words = self.words.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        words.extend(corpus, usize::MAX);
        let mut all: Postings = words.postings.into_iter().collect();
        all.sort_unstable_by_key(|(k, _)| *k);
        all
    }

    /// The chunks a search for `text` needs that have not arrived (none for an index built from
    /// the bodies).
    pub fn missing_chunks(&self, text: &str) -> Vec<usize> {
        let words = self.words();
        let WordSource::Chunks(have) = &words.from else { return Vec::new() };
        let mut missing: Vec<usize> =
            parse_terms(text).into_iter().flatten().map(|k| word_chunk(k, have.len())).filter(|&c| !have[c]).collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Takes in chunk `chunk` of a word index cut at build time. A key that does not belong to
    /// the chunk is an error (the file is not the one the metadata names).
    pub fn add_chunk(&self, chunk: usize, postings: Postings) -> Result<(), String> {
        let mut words = self.words();
        let WordSource::Chunks(have) = &words.from else { return Ok(()) };
        let n = have.len();
        if chunk >= n {
            return Err(format!("word chunk {chunk} of {n}"));
        }
        if postings.iter().any(|(k, _)| word_chunk(*k, n) != chunk) {
            return Err(format!("word chunk {chunk} holds words of another chunk"));
        }
        if let WordSource::Chunks(have) = &mut words.from {
            have[chunk] = true;
        }
        words.postings.extend(postings);
        Ok(())
    }

    pub fn topics_of(&self, article: usize) -> &[usize] {
        self.facts.get(article).map_or(&[], |f| f.topics.as_slice())
    }

    /// Every article's facts, in corpus order.
    pub fn facts(&self) -> &[Facts] {
        &self.facts
    }

    /// Which articles contain every group of search words (a group's words contiguously).
    fn search(&self, corpus: &Corpus, groups: &[Vec<u64>], n: usize) -> Vec<bool> {
        let mut found = vec![false; n];
        let mut words = self.words();
        words.extend(corpus, n);
        // Candidates: the articles holding every word, walking the rarest posting list.
        let mut lists: Vec<&[Posting]> = Vec::new();
        for k in groups.iter().flatten() {
            match words.postings.get(k) {
                Some(list) => lists.push(list),
                None => return found,
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((rarest, rest)) = lists.split_first() else {
            return found;
        };
        let at = |k: &u64, a: u32| -> &[u32] {
            let list = words.postings.get(k).map_or(&[][..], Vec::as_slice);
            list.binary_search_by_key(&a, |p| p.article).map_or(&[][..], |i| list[i].at.as_slice())
        };
        for p in *rarest {
            let a = p.article;
            if (a as usize) >= n || !rest.iter().all(|l| l.binary_search_by_key(&a, |p| p.article).is_ok()) {
                continue;
            }
            let phrase_found = |g: &Vec<u64>| {
                at(&g[0], a).iter().any(|&start| {
                    g.iter().enumerate().skip(1).all(|(j, k)| at(k, a).binary_search(&(start + j as u32)).is_ok())
                })
            };
            if groups.iter().filter(|g| g.len() > 1).all(phrase_found) {
                found[a as usize] = true;
            }
        }
        found
    }
}

/// Share of all source words that quoted or unmarked matches keep equal, for every article.
fn reproduced_shares(corpus: &Corpus) -> Vec<f32> {
    let words: Vec<Vec<Span>> = corpus.story.sources.iter().map(|s| Words::new(&s.text).spans).collect();
    let total: usize = words.iter().map(Vec::len).sum();
    let mut kept: Vec<Vec<(usize, Span)>> = vec![Vec::new(); corpus.articles().len()];
    for m in corpus.matches.iter().filter(|m| m.kind != MatchKind::Paraphrase) {
        if let Some(k) = kept.get_mut(m.article) {
            k.extend(m.ops.iter().filter(|o| o.tag == OpTag::Equal).map(|o| (m.source, o.source)));
        }
    }
    kept.iter()
        .map(|kept| {
            if total == 0 {
                return 0.0;
            }
            let n: usize = words
                .iter()
                .enumerate()
                .map(|(si, ws)| ws.iter().filter(|w| kept.iter().any(|(s, sp)| *s == si && sp.contains(**w))).count())
                .sum();
            n as f32 / total as f32
        })
        .collect()
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

/// Spans where each group occurs; None when some group is missing.
fn find_terms(words: &Words, groups: &[Vec<u64>]) -> Option<Vec<Span>> {
    let mut spans = Vec::new();
    for g in groups {
        let mut found = false;
        for i in 0..words.keys.len().saturating_sub(g.len() - 1) {
            if words.keys[i..i + g.len()] == g[..] {
                spans.push(Span { start: words.spans[i].start, end: words.spans[i + g.len() - 1].end });
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

/// Percent-encodes a component of the explorer's query string: everything but the unreserved
/// characters. The explorer's URL state and the first screen written at build time use it alike,
/// so their links match.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Runs the query: one pass over the articles, counting each facet value as if it were added.
pub fn run(corpus: &Corpus, index: &Index, query: &Query) -> Results {
    let arts = corpus.articles();
    let n = arts.len();
    let groups = parse_terms(&query.text);
    let search = (!groups.is_empty()).then(|| index.search(corpus, &groups, n));
    let outlet_on: Vec<bool> =
        index.outlets.iter().map(|o| query.outlets.is_empty() || query.outlets.contains(o)).collect();
    let topic_ids: Option<Vec<usize>> =
        query.topics.iter().map(|id| corpus.story.topics.iter().position(|t| &t.id == id)).collect();

    let mut facets = Facets {
        outlets: index.outlets.iter().map(|o| (o.clone(), 0)).collect(),
        topics: (0..corpus.story.topics.len()).map(|t| (t, 0)).collect(),
        days: index.days.iter().map(|d| (*d, 0)).collect(),
        undated: 0,
    };
    let mut hits = Vec::new();
    for i in 0..n {
        let searched = search.as_ref().is_none_or(|s| s[i]);
        let topical = topic_ids.as_ref().is_some_and(|ids| ids.iter().all(|t| index.topics_of(i).contains(t)));
        if !(searched && topical) {
            continue;
        }
        let outlet = index.outlet_of[i];
        let by_outlet = outlet_on[outlet];
        let by_date = match arts[i].date {
            Some(d) => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
            None => query.undated,
        };
        if by_date {
            facets.outlets[outlet].1 += 1;
        }
        if by_outlet {
            match index.day_of[i] {
                Some(day) => facets.days[day].1 += 1,
                None => facets.undated += 1,
            }
        }
        if by_outlet && by_date {
            for &t in index.topics_of(i) {
                if let Some(c) = facets.topics.get_mut(t) {
                    c.1 += 1;
                }
            }
            hits.push(Hit { article: i, topics: index.topics_of(i).to_vec(), reproduced: index.facts[i].reproduced });
        }
    }
    Results { hits, facets }
}

/// The card text for one article under a search: about thirty words around the first hit, else
/// from the start of the first paragraph, with every hit inside it.
pub fn excerpt(corpus: &Corpus, article: usize, text: &str) -> Excerpt {
    let Some(a) = corpus.articles().get(article) else {
        return Excerpt::default();
    };
    let groups = parse_terms(text);
    if groups.is_empty() {
        // No search: the snippet opens the first paragraph, so only that paragraph's words are
        // needed (the list builds a card per hit, and bodies run to thousands of words).
        let Some(first) = a.paragraphs.first() else {
            return Excerpt::default();
        };
        let words = Words::in_span(&a.body, *first);
        return Excerpt::new(snippet(&a.paragraphs, &words.spans, None), Vec::new());
    }
    let words = Words::new(&a.body);
    let found = find_terms(&words, &groups).unwrap_or_default();
    let (para, snippet) = snippet(&a.paragraphs, &words.spans, found.first().copied());
    let highlights = found.into_iter().filter(|s| snippet.contains(*s)).collect();
    Excerpt::new((para, snippet), highlights)
}

/// About thirty words: around the first search hit, else the start of the first paragraph; with
/// the paragraph they lie in.
fn snippet(paragraphs: &[Span], words: &[Span], hit: Option<Span>) -> (Span, Span) {
    const BEFORE: usize = 10;
    const LEN: usize = 30;
    let Some(first_para) = paragraphs.first() else {
        return (Span::default(), Span::default());
    };
    let para = hit.and_then(|h| paragraphs.iter().find(|p| p.contains(h)).copied()).unwrap_or(*first_para);
    let in_para: Vec<Span> = words.iter().copied().filter(|w| para.contains(*w)).collect();
    if in_para.is_empty() {
        return (para, para);
    }
    let at = hit.map_or(0, |h| in_para.partition_point(|w| w.start < h.start));
    let from = at.saturating_sub(BEFORE);
    let to = (from + LEN).min(in_para.len());
    let start = if from == 0 { para.start } else { in_para[from].start };
    let end = if to == in_para.len() { para.end } else { in_para[to - 1].end };
    (para, Span { start, end })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::analyze;

    fn ids(c: &Corpus, text: &str) -> Vec<usize> {
        let q = Query { text: text.into(), ..Query::default() };
        run(c, &Index::new(c), &q).hits.iter().map(|h| h.article).collect()
    }

    #[test]
    fn words_must_all_occur_and_quoted_words_in_order() {
        let c = analyze(&[
            "The prison system is full. A fee was named.",
            "A system for the prison, without any charge.",
            "Nothing about it here.",
        ]);
        assert_eq!(ids(&c, "prison system"), vec![0, 1]);
        assert_eq!(ids(&c, "\"prison system\""), vec![0]);
        assert_eq!(ids(&c, "\"system prison\""), Vec::<usize>::new());
        assert_eq!(ids(&c, "PRISON fee"), vec![0]);
        assert_eq!(ids(&c, "unheard"), Vec::<usize>::new());
        assert_eq!(ids(&c, ""), vec![0, 1, 2]);
    }

    #[test]
    fn a_search_gives_the_same_hits_whether_the_words_were_indexed_ahead_a_slice_at_a_time_or_not() {
        let c = analyze(&[
            "The prison system is full.",
            "A system for the prison.",
            "Nothing here.",
            "The prison system again.",
            "Prison and system.",
        ]);
        let q = Query { text: "\"prison system\"".into(), ..Query::default() };
        let expect = vec![0, 3];
        for ahead in [0, 1, 2, 5] {
            let index = Index::new(&c);
            let mut done = false;
            for _ in 0..ahead {
                done = index.index_words(&c, 1);
            }
            assert_eq!(done, ahead == 5, "ahead {ahead}");
            assert_eq!(run(&c, &index, &q).hits.iter().map(|h| h.article).collect::<Vec<_>>(), expect, "ahead {ahead}");
            assert!(index.index_words(&c, 0), "a search finishes the index");
        }
    }

    #[test]
    fn with_no_search_the_excerpt_is_what_the_whole_body_gives() {
        let long: String = (1..=45).map(|n| format!("wörd{n} ")).collect();
        let c = analyze(&[
            &format!("\n   {long}\n\nA second paragraph, never shown."),
            "  «Quoted» opening — with “curly” marks, 20 % and U.S. dollars.\nNext line.",
            "One.",
        ]);
        for (i, a) in c.articles().iter().enumerate() {
            let (_, whole) = snippet(&a.paragraphs, &Words::new(&a.body).spans, None);
            assert_eq!(excerpt(&c, i, "").snippet, whole, "article {i}");
            assert_eq!(excerpt(&c, i, " ").snippet, whole, "article {i}, blank search");
        }
        let first = excerpt(&c, 0, "");
        let text = first.snippet.slice(&c.articles()[0].body);
        assert!(text.starts_with("wörd1 ") && text.ends_with("wörd30"), "{text}");
        assert!(!first.cut_before && first.cut_after);
        let hit = excerpt(&c, 0, "wörd40");
        let text = hit.snippet.slice(&c.articles()[0].body);
        assert!(text.starts_with("wörd30 ") && text.ends_with("wörd45"), "{text}");
        assert!(hit.cut_before && !hit.cut_after);
        assert!(!excerpt(&c, 2, "").cut_before && !excerpt(&c, 2, "").cut_after);
    }

    #[test]
    fn the_excerpt_centres_on_the_first_hit_and_marks_every_hit_in_it() {
        let c = analyze(&["Opening words.\n\nLater the fee came up, and the fee was low."]);
        let body = &c.articles()[0].body;
        let e = excerpt(&c, 0, "fee");
        assert_eq!(e.snippet.slice(body), "Later the fee came up, and the fee was low.");
        assert_eq!(e.highlights.iter().map(|h| h.slice(body)).collect::<Vec<_>>(), ["fee", "fee"]);
        let plain = excerpt(&c, 0, "");
        assert_eq!(plain.snippet.slice(body), "Opening words.");
        assert!(plain.highlights.is_empty());
        assert_eq!(excerpt(&c, 7, "fee"), Excerpt::default());
    }
}
