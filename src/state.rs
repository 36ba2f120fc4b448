//! URL ⇄ typed state. Everything the reader sees is in the query string of index.html:
//!
//! `?outlet=A&outlet=B&from=YYYY-MM-DD&to=YYYY-MM-DD&undated=0|1&topic=ID&q=TEXT`
//! `&view=browse|reader|quotes|heatmap|timeline|variants&article=ID&sentence=N&norm=LIST&side=1`
//!
//! Multi-select facets repeat their key. `norm` lists the normalizations that are on, from
//! `case,punct,quotes,abbr`; without it the default applies (all but `abbr`), `norm=none` turns them
//! all off. Unknown keys and malformed or unknown values are dropped, each with a notice for the
//! reader; parsing never fails. Pure functions, tested natively.

use presslens_core::query::{encode_component as encode, Query};
use presslens_core::text::Normalization;
use presslens_core::{Corpus, Date};

/// The page-level views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Browse,
    Reader,
    Quotes,
    Heatmap,
    Timeline,
    Variants,
}

impl View {
    pub const ALL: [View; 6] =
        [View::Browse, View::Reader, View::Quotes, View::Heatmap, View::Timeline, View::Variants];

    pub fn key(self) -> &'static str {
        match self {
            View::Browse => "browse",
            View::Reader => "reader",
            View::Quotes => "quotes",
            View::Heatmap => "heatmap",
            View::Timeline => "timeline",
            View::Variants => "variants",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Browse => "Articles",
            View::Reader => "Reader",
            View::Quotes => "Quote view",
            View::Heatmap => "Heat map",
            View::Timeline => "Timeline",
            View::Variants => "Quote variants",
        }
    }

    fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// What the URL says.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    pub query: Query,
    pub view: View,
    /// The article the reader shows, or the quote view focuses.
    pub article: Option<String>,
    /// 1-based sentence of the source that the quote view focuses.
    pub sentence: Option<usize>,
    pub norm: Normalization,
    /// Quote view side by side.
    pub side: bool,
    /// A story kept in this browser (the "Your own articles" panel), by id; none for the
    /// site's own story.
    pub story: Option<String>,
}

impl Default for UrlState {
    fn default() -> Self {
        UrlState {
            query: Query::default(),
            view: View::Browse,
            article: None,
            sentence: None,
            norm: Normalization::REPORT,
            side: false,
            story: None,
        }
    }
}

/// The normalization switches and their URL names, in the order the quote view shows them.
pub const NORM_FLAGS: [(&str, &str); 4] = [
    ("case", "Ignore case"),
    ("punct", "Ignore punctuation"),
    ("quotes", "Curly = straight quotes"),
    ("abbr", "U.S. ≈ US"),
];

pub fn norm_flag(n: &Normalization, flag: &str) -> bool {
    match flag {
        "case" => n.ignore_case,
        "punct" => n.ignore_punctuation,
        "quotes" => n.fold_quotes,
        "abbr" => n.fold_abbreviations,
        _ => false,
    }
}

pub fn set_norm_flag(n: &mut Normalization, flag: &str, on: bool) {
    match flag {
        "case" => n.ignore_case = on,
        "punct" => n.ignore_punctuation = on,
        "quotes" => n.fold_quotes = on,
        "abbr" => n.fold_abbreviations = on,
        _ => {}
    }
}

/// Longest search text kept from a URL.
const MAX_SEARCH: usize = 200;

/// The story a URL is read against: its corpus, and its articles by id (a site's data knows the
/// ids of the catalog chunks it has fetched; see `Data::article_index`).
pub trait Articles {
    fn corpus(&self) -> &Corpus;
    fn find(&self, id: &str) -> Option<usize>;
}

impl Articles for Corpus {
    fn corpus(&self) -> &Corpus {
        self
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.article_index(id)
    }
}

/// Whether `search` names an article (`article=…`), which the URL's reader needs the story's ids
/// to find.
pub fn names_article(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|p| p == "article" || p.starts_with("article="))
}

/// Parses a query string (with or without the leading `?`) against the corpus.
/// Returns the state and one notice per dropped parameter.
pub fn parse(search: &str, story: &impl Articles) -> (UrlState, Vec<String>) {
    let corpus = story.corpus();
    let mut st = UrlState::default();
    let mut notes = Vec::new();
    let search = search.strip_prefix('?').unwrap_or(search);
    let outlets: Vec<&str> = corpus.articles().iter().map(|a| a.outlet_name()).collect();
    let mut shortened = false;
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (decode(raw_key), decode(raw_value));
        let (Some(key), Some(value)) = (key, value) else {
            notes.push(format!("Ignored URL parameter `{}`: not valid percent-encoding or UTF-8", shorten(pair)));
            continue;
        };
        let mut bad =
            |why: &str| notes.push(format!("Ignored URL parameter `{}={}`: {why}", shorten(&key), shorten(&value)));
        match key.as_str() {
            "outlet" if outlets.contains(&value.as_str()) => {
                if !st.query.outlets.contains(&value) {
                    st.query.outlets.push(value);
                }
            }
            "outlet" => bad("no such outlet in this corpus"),
            "topic" if corpus.story.topics.iter().any(|t| t.id == value) => {
                if !st.query.topics.contains(&value) {
                    st.query.topics.push(value);
                }
            }
            "topic" => bad("no such topic in this corpus"),
            "from" | "to" => match Date::parse(&value) {
                Some(d) if key == "from" => st.query.from = Some(d),
                Some(d) => st.query.to = Some(d),
                None => bad("not a date (YYYY-MM-DD)"),
            },
            "undated" => match value.as_str() {
                "1" | "true" | "yes" => st.query.undated = true,
                "0" | "false" | "no" => st.query.undated = false,
                _ => bad("expected 0 or 1"),
            },
            "q" => {
                st.query.text = value.chars().take(MAX_SEARCH).collect();
                shortened |= st.query.text.len() < value.len();
            }
            "view" => match View::parse(&value) {
                Some(v) => st.view = v,
                None => bad("no such view"),
            },
            "article" if story.find(&value).is_some() => st.article = Some(value),
            "article" => bad("no such article in this corpus"),
            "sentence" => {
                let max = corpus.story.sources.first().map_or(0, |s| s.sentences.len());
                match value.parse::<usize>() {
                    Ok(n) if (1..=max).contains(&n) => st.sentence = Some(n),
                    _ => bad(&format!("expected a sentence number from 1 to {max}")),
                }
            }
            "norm" => match parse_norm(&value) {
                Some(n) => st.norm = n,
                None => bad("expected a comma-separated list of case, punct, quotes, abbr (or none)"),
            },
            "story" if is_story_id(&value) => st.story = Some(value),
            "story" => bad("not a story id"),
            "side" => match value.as_str() {
                "1" => st.side = true,
                "0" => st.side = false,
                _ => bad("expected 0 or 1"),
            },
            _ => bad("unknown parameter"),
        }
    }
    if shortened {
        notes.push(format!("The search text was shortened to its first {MAX_SEARCH} characters"));
    }
    if let (Some(from), Some(to)) = (st.query.from, st.query.to) {
        if from > to {
            notes.push(format!("The dates were swapped: `from={from}` came after `to={to}`"));
            (st.query.from, st.query.to) = (Some(to), Some(from));
        }
    }
    if st.view == View::Reader && st.article.is_none() {
        notes.push("The reader needs an `article`; showing the article list instead".to_string());
        st.view = View::Browse;
    }
    (st, notes)
}

fn parse_norm(value: &str) -> Option<Normalization> {
    let mut n = Normalization::STRICT;
    if value == "none" {
        return Some(n);
    }
    for flag in value.split(',') {
        if !NORM_FLAGS.iter().any(|(f, _)| *f == flag) {
            return None;
        }
        set_norm_flag(&mut n, flag, true);
    }
    Some(n)
}

/// A kept story's id as the panel makes them (`s` and hex digits); anything else is not one.
pub fn is_story_id(s: &str) -> bool {
    (2..=40).contains(&s.len()) && s.starts_with('s') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The kept story a query string names, if it names one well formed.
pub fn story_param(search: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| p.strip_prefix("story="))
        .find(|v| is_story_id(v))
        .map(str::to_string)
}

/// The query string for a state: "" for the default state, else "?…".
pub fn to_search(st: &UrlState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(s) = &st.story {
        pairs.push(("story", s.clone()));
    }
    if st.view != View::Browse {
        pairs.push(("view", st.view.key().to_string()));
    }
    if let Some(a) = &st.article {
        pairs.push(("article", a.clone()));
    }
    if let Some(n) = st.sentence {
        pairs.push(("sentence", n.to_string()));
    }
    pairs.extend(st.query.outlets.iter().map(|o| ("outlet", o.clone())));
    pairs.extend(st.query.topics.iter().map(|t| ("topic", t.clone())));
    if let Some(d) = st.query.from {
        pairs.push(("from", d.to_string()));
    }
    if let Some(d) = st.query.to {
        pairs.push(("to", d.to_string()));
    }
    if !st.query.undated {
        pairs.push(("undated", "0".into()));
    }
    if !st.query.text.is_empty() {
        pairs.push(("q", st.query.text.clone()));
    }
    if st.norm != Normalization::REPORT {
        let on: Vec<&str> = NORM_FLAGS.iter().map(|(f, _)| *f).filter(|f| norm_flag(&st.norm, f)).collect();
        pairs.push(("norm", if on.is_empty() { "none".into() } else { on.join(",") }));
    }
    if st.side {
        pairs.push(("side", "1".into()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("?{}", parts.join("&"))
}

/// Percent-decodes a query-string component (`+` is a space). None for bad escapes or bad UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn shorten(s: &str) -> String {
    let t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use presslens_core::testkit;

    fn corpus() -> Corpus {
        let mut st = testkit::story(&["One.", "Two.", "Three."]);
        st.articles[0].outlet = Some("Breitbart News".into());
        st.articles[1].outlet = Some("ARY News".into());
        st.articles[1].date = Date::parse("2025-02-04");
        st.topics.push(presslens_core::Topic { id: "gangs".into(), label: "Gangs".into(), terms: vec!["gang".into()] });
        presslens_core::analyze(st, Vec::new())
    }

    #[test]
    fn round_trips_every_field() {
        let c = corpus();
        let mut st = UrlState::default();
        st.query.outlets = vec!["Breitbart News".into(), "ARY News".into()];
        st.query.topics = vec!["gangs".into()];
        st.query.from = Date::parse("2025-02-03");
        st.query.to = Date::parse("2025-02-04");
        st.query.undated = false;
        st.query.text = "fee & “prison”".into();
        st.view = View::Quotes;
        st.article = Some("a1".into());
        st.sentence = Some(3);
        st.norm.fold_abbreviations = true;
        st.side = true;
        let search = to_search(&st);
        let (back, notes) = parse(&search, &c);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back, st);
        assert!(search.contains("outlet=Breitbart%20News&outlet=ARY%20News"), "{search}");
    }

    #[test]
    fn default_state_is_the_empty_query_string() {
        assert_eq!(to_search(&UrlState::default()), "");
        assert_eq!(parse("", &corpus()).0, UrlState::default());
    }

    #[test]
    fn bad_values_are_dropped_with_a_notice_each() {
        let (st, notes) =
            parse("?from=2025-02-30&outlet=Nowhere&view=nope&topic=gangs&zzz=1&sentence=9&q=%E2%28", &corpus());
        assert_eq!(st.query.topics, ["gangs"]);
        assert_eq!(st.query.from, None);
        assert_eq!(st.view, View::Browse);
        assert_eq!(notes.len(), 6, "{notes:?}");
        assert!(notes[0].contains("2025-02-30") && notes[1].contains("Nowhere"));
    }

    #[test]
    fn reversed_dates_are_swapped_and_said() {
        let (st, notes) = parse("from=2025-02-05&to=2025-02-01", &corpus());
        assert_eq!(st.query.from, Date::parse("2025-02-01"));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn norm_none_and_lists() {
        let c = corpus();
        assert_eq!(parse("norm=none", &c).0.norm, Normalization::STRICT);
        assert_eq!(parse("norm=case,punct,quotes,abbr", &c).0.norm, Normalization::LOOSE);
        assert_eq!(parse("norm=case,bogus", &c).1.len(), 1);
    }

    #[test]
    fn hostile_strings_never_panic() {
        let c = corpus();
        for s in [
            "%",
            "%%",
            "%zz",
            "=&=&",
            "&&&&",
            "a=%F0%9F",
            "view=%00",
            "q=<script>alert(1)</script>",
            "sentence=-1",
            "sentence=99999999999999999999",
        ] {
            let _ = parse(s, &c);
        }
        assert_eq!(parse("q=<b>x</b>", &c).0.query.text, "<b>x</b>");
    }

    #[test]
    fn a_search_text_too_long_is_shortened_and_said() {
        let c = corpus();
        let long = "é".repeat(MAX_SEARCH + 50);
        let (st, notes) = parse(&format!("q={}", encode(&long)), &c);
        assert_eq!(st.query.text.chars().count(), MAX_SEARCH);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("shortened"));
        let (_, notes) = parse(&format!("q={}", encode(&"é".repeat(MAX_SEARCH))), &c);
        assert!(notes.is_empty(), "{notes:?}");
    }
}
