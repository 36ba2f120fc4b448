//! The data model shared by every stage: a story (its primary sources, speakers, topic lexicon and
//! articles) and the analysed [`Corpus`] built from it.
//!
//! Offsets are UTF-8 byte offsets into the text they belong to ([`Source::text`] or
//! [`Article::body`]). Nothing here does I/O or analysis; `corpus` fills a [`Story`] from disk and
//! `analyze` turns it into a [`Corpus`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `start..end` into one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers, or "" when it does not fit `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2025-02-30.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// Days since 1970-01-01 (negative before), for ranges and histograms.
    pub fn ordinal(self) -> i32 {
        let (y, m, d) = (self.year as i32, self.month as i32, self.day as i32);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::ordinal`].
    pub fn from_ordinal(days: i32) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i32::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A primary text whose quotation is compared across outlets (e.g. a post on X).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// Index into [`Story::speakers`].
    pub speaker: usize,
    pub place: String,
    pub date: Option<Date>,
    pub url: Option<String>,
    pub text: String,
    /// The sentences of `text`, in order; the quote view lines articles up against these.
    pub sentences: Vec<Span>,
}

/// Somebody whose words articles quote. Sources name theirs; the story may list others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// Other ways articles refer to this person ("Bukele", "the Salvadoran president").
    pub aliases: Vec<String>,
}

/// One entry of the story's topic lexicon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub terms: Vec<String>,
}

/// One article: its metadata and its body text (without the date line).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem, e.g. `000_7b00e24ac803d7d7`.
    pub id: String,
    pub outlet: Option<String>,
    pub headline: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    /// The wire agency that wrote the text, when the outlet only published it.
    pub via: Option<String>,
    /// The person or people credited as author ("A. Name, B. Name"), when the manifest says.
    pub author: Option<String>,
    pub body: String,
    /// Non-empty paragraphs of `body`, in order.
    pub paragraphs: Vec<Span>,
    /// The article's file as the corpus names it (for diagnostics).
    pub file: String,
}

impl Article {
    /// The outlet's name for display: "Unknown outlet" when the manifest does not say.
    pub fn outlet_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }

    /// The headline, or the article's first twelve words when the manifest has none.
    pub fn title(&self) -> String {
        if let Some(h) = &self.headline {
            return h.clone();
        }
        let first = self.paragraphs.first().map_or("", |p| p.slice(&self.body));
        let words: Vec<&str> = first.split_whitespace().take(12).collect();
        let more = first.split_whitespace().count() > words.len();
        format!("{}{}", words.join(" "), if more { "…" } else { "" })
    }

    /// "2025-02-04", or "undated".
    pub fn date_label(&self) -> String {
        self.date.map_or_else(|| "undated".to_string(), |d| d.to_string())
    }
}

/// The facet value and label used for articles with no outlet in the manifest.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

/// A story as read from disk, before analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub title: String,
    pub summary: String,
    pub sources: Vec<Source>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    pub articles: Vec<Article>,
}

impl Story {
    /// Who a quotation or cluster names: a known speaker's name, else the speaker as printed.
    pub fn speaker_name<'a>(&'a self, speaker: Option<usize>, printed: Option<&'a str>) -> Option<&'a str> {
        speaker.and_then(|s| self.speakers.get(s)).map(|s| s.name.as_str()).or(printed)
    }
}

/// How serious a corpus problem is: errors stop a build, warnings are shown and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in the corpus, pinned to a file and (when known) a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(f, "{level}: {}:{line}: {}", self.file, self.message),
            None => write!(f, "{level}: {}: {}", self.file, self.message),
        }
    }
}

/// How an article reproduces a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MatchKind {
    /// Inside quote marks.
    Quoted,
    /// A verbatim copy without quote marks, such as an embedded post.
    Unmarked,
    /// Reported speech that shares words with the source.
    Paraphrase,
}

impl MatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Quoted => "quoted",
            MatchKind::Unmarked => "unmarked",
            MatchKind::Paraphrase => "paraphrase",
        }
    }
}

/// What a word-level op says about a stretch of source and article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpTag {
    /// The same words (after normalization) in both.
    Equal,
    /// The outlet wrote other words in place of the source's.
    Replace,
    /// Words the outlet added (source span empty).
    Insert,
    /// Source words the outlet left out (article span empty).
    Delete,
}

impl OpTag {
    pub fn as_str(self) -> &'static str {
        match self {
            OpTag::Equal => "equal",
            OpTag::Replace => "replace",
            OpTag::Insert => "insert",
            OpTag::Delete => "delete",
        }
    }
}

/// One word-level op inside a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Op {
    pub tag: OpTag,
    pub source: Span,
    pub article: Span,
}

/// A region of an article that reproduces (part of) a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub article: usize,
    pub source: usize,
    pub kind: MatchKind,
    pub source_span: Span,
    pub article_span: Span,
    /// Share of the source span's words that the article reproduces (0..=1).
    pub similarity: f32,
    pub ops: Vec<Op>,
    /// The quotation this match lies in (index into [`Corpus::quotes`]), for quoted matches.
    pub quote: Option<usize>,
    /// The sentence that says who said it ("Bukele wrote on X after Rubio's statement").
    pub attribution: Option<Span>,
}

/// A stretch of an article inside quote marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub article: usize,
    /// From the opening mark (or where the quote must have begun) to the closing mark.
    pub outer: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Who the article says is speaking: an index into [`Story::speakers`] when the cue names a
    /// known speaker.
    pub speaker: Option<usize>,
    /// The speaker as the article names them when not a known speaker ("A U.S. official").
    pub speaker_text: Option<String>,
    /// The attribution cue ("Rubio said", "according to Bukele").
    pub cue: Option<Span>,
    /// False when a mark was missing and the extent was inferred.
    pub balanced: bool,
}

/// Why a paragraph carries a topic: the terms of the lexicon found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopicHit {
    pub article: usize,
    pub paragraph: usize,
    pub topic: usize,
    pub evidence: Vec<Span>,
}

/// Quotations that appear in near-identical words in two or more articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// The speaker most quotes of the cluster are attributed to, if any.
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    /// Index into `variants` of the most common wording.
    pub canonical: usize,
    pub variants: Vec<Variant>,
}

/// One wording of a clustered quotation, with the articles that use it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The wording as the first article that uses it prints it.
    pub text: String,
    /// Indexes into [`Corpus::quotes`].
    pub quotes: Vec<usize>,
    /// Word-level ops of `text` (article side) against the canonical wording (source side).
    pub ops: Vec<Op>,
}

/// An analysed story: what the CLI reports and what the explorer embeds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub story: Story,
    pub quotes: Vec<Quote>,
    pub matches: Vec<Match>,
    pub topic_hits: Vec<TopicHit>,
    pub clusters: Vec<Cluster>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    /// Compact binary form, for embedding in the explorer.
    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
        postcard::from_bytes(bytes)
    }
    pub fn articles(&self) -> &[Article] {
        &self.story.articles
    }
    pub fn matches_of(&self, article: usize) -> impl Iterator<Item = &Match> {
        self.matches.iter().filter(move |m| m.article == article)
    }
    pub fn quotes_of(&self, article: usize) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes.iter().enumerate().filter(move |(_, q)| q.article == article)
    }
    /// Who quotation `q` is attributed to: the one answer the export, the quote view and the
    /// variants view all give (a known speaker's name, else the speaker as the article prints it).
    pub fn quote_speaker(&self, q: usize) -> Option<&str> {
        let q = self.quotes.get(q)?;
        self.story.speaker_name(q.speaker, q.speaker_text.as_deref())
    }
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.story.articles.iter().position(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_rejects_impossible_days() {
        assert_eq!(Date::parse("2025-02-30"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-2-03"), None);
        assert_eq!(Date::parse("2024-02-29").map(|d| d.to_string()), Some("2024-02-29".into()));
    }

    #[test]
    fn date_ordinal_round_trips() {
        for s in ["1970-01-01", "2025-02-03", "2000-02-29", "1969-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_ordinal(d.ordinal()), d, "{s}");
        }
        assert_eq!(Date::parse("1970-01-02").unwrap().ordinal(), 1);
    }

    #[test]
    fn span_slice_never_panics() {
        assert_eq!(Span::new(2, 99).slice("abc"), "");
        assert_eq!(Span::new(1, 3).slice("abc"), "bc");
    }
}
