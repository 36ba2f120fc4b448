//! Quote-mark spans and who they are attributed to.
//!
//! Marks are read in context, not by their shape alone: scraped text often uses a closing ” to open
//! a paragraph's quote, straight and curly marks mix, and an opening mark can be missing. A quote left
//! open at the end of a paragraph continues when the next paragraph opens with a mark (the print
//! convention for multi-paragraph quotes); otherwise it ends there and is marked unbalanced. A quote
//! split by a dash-inserted attribution ("… - Bukele explained on X - …") becomes two quotes sharing
//! that cue. Attribution looks for a speech verb next to the quote ("Rubio said", "said Rubio",
//! "according to Bukele", "he added") and resolves the speaker against the story's speakers.
//! This module does not decide whether a quote reproduces a source; `align` does.

use crate::model::{Quote, Span, Speaker};
use crate::text::{tokens_in, Token, TokenKind};

/// Verbs (and "according") that introduce reported speech.
const SPEECH_VERBS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "adding",
    "adds",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asserted",
    "boasted",
    "claimed",
    "commented",
    "confirmed",
    "continued",
    "declared",
    "described",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "gushed",
    "insisted",
    "mused",
    "noted",
    "posted",
    "remarked",
    "replied",
    "reported",
    "responded",
    "revealed",
    "said",
    "saying",
    "says",
    "stated",
    "states",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "warned",
    "writes",
    "writing",
    "wrote",
];

fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.binary_search(&lower).is_ok()
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
}

/// Finds every quotation in `body` (paragraph spans from the corpus) and attributes it.
pub fn find_quotes(article: usize, body: &str, paragraphs: &[Span], speakers: &[Speaker]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (outer start, inner start) of a quote left open
    for (pi, para) in paragraphs.iter().enumerate() {
        let marks = marks_in(body, *para);
        let mut iter = marks.iter().peekable();
        if let Some((outer_start, inner_start)) = open.take() {
            // A continued quote: the next paragraph must open with a mark; otherwise it ended.
            match iter.peek() {
                Some(&&(pos, len, Role::Open)) if pos == para.start as usize => {
                    let _ = len;
                    open = Some((outer_start, inner_start));
                    iter.next();
                }
                _ => {
                    let prev_end = paragraphs[pi - 1].end as usize;
                    push(&mut quotes, article, body, outer_start, inner_start, prev_end, prev_end, false);
                }
            }
        }
        for &(pos, len, role) in iter {
            match (role, open) {
                (Role::Open, None) => open = Some((pos, pos + len)),
                (Role::Open, Some(_)) => {} // a stray mark inside a quote is part of it
                (Role::Close, Some((outer_start, inner_start))) => {
                    push(&mut quotes, article, body, outer_start, inner_start, pos, pos + len, true);
                    open = None;
                }
                (Role::Close, None) => {
                    // Closing mark with no opening: the quote began at the paragraph start.
                    let start = para.start as usize;
                    push(&mut quotes, article, body, start, start, pos, pos + len, false);
                }
            }
        }
        if let Some((outer_start, inner_start)) = open {
            let continues = paragraphs.get(pi + 1).is_some_and(|next| {
                marks_in(body, *next).first().is_some_and(|m| m.0 == next.start as usize && m.2 == Role::Open)
            });
            if !continues {
                push(&mut quotes, article, body, outer_start, inner_start, para.end as usize, para.end as usize, false);
                open = None;
            }
        }
    }
    let quotes = split_dash_attributions(body, quotes);
    attribute(body, paragraphs, speakers, quotes)
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Quote>,
    article: usize,
    body: &str,
    outer_start: usize,
    inner_start: usize,
    inner_end: usize,
    outer_end: usize,
    balanced: bool,
) {
    let inner = body.get(inner_start..inner_end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Quote {
        article,
        outer: Span::new(outer_start, outer_end),
        inner: Span::new(inner_start + lead, inner_start + lead + trimmed.len()),
        speaker: None,
        speaker_text: None,
        cue: None,
        balanced,
    });
}

/// Quote marks in a paragraph with the role their context gives them: (byte offset, length, role).
fn marks_in(body: &str, para: Span) -> Vec<(usize, usize, Role)> {
    let text = para.slice(body);
    let base = para.start as usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut inside_double = false;
    let mut inside_single = false;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let is_double = matches!(c, '“' | '”' | '„' | '‟' | '"' | '«' | '»');
        let is_single = matches!(c, '‘' | '’');
        if !is_double && !is_single {
            continue;
        }
        let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…".contains(n));
        let role = if is_single {
            // Only clear cases: ‘ after a space opens, ’ closes an open single quote when no letter follows.
            match c {
                '‘' if space_before && !space_after && !inside_single => Role::Open,
                '’' if inside_single && !next.is_some_and(char::is_alphanumeric) => Role::Close,
                _ => continue,
            }
        } else if space_before && !space_after {
            Role::Open
        } else if space_after && !space_before {
            Role::Close
        } else if prev.is_none() {
            Role::Open
        } else {
            match c {
                '“' | '„' | '«' => Role::Open,
                '”' | '»' => Role::Close,
                _ if inside_double => Role::Close,
                _ => Role::Open,
            }
        };
        if is_single {
            if inside_double {
                // Nested quotes stay part of the outer quote.
                inside_single = role == Role::Open;
                continue;
            }
            inside_single = role == Role::Open;
        } else {
            inside_double = role == Role::Open;
        }
        out.push((base + i, c.len_utf8(), role));
    }
    out
}

/// Splits "… - Bukele explained on X - …" inside one quote into two quotes sharing the cue.
fn split_dash_attributions(body: &str, quotes: Vec<Quote>) -> Vec<Quote> {
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        match dash_cue(body, q.inner) {
            Some(cue) => {
                let left = Span::new(q.inner.start as usize, trim_end_at(body, cue.start as usize));
                let right_start =
                    cue.end as usize + (body[cue.end as usize..].len() - body[cue.end as usize..].trim_start().len());
                let right = Span::new(right_start, q.inner.end as usize);
                let first = Quote {
                    outer: Span { start: q.outer.start, end: cue.start },
                    inner: left,
                    cue: Some(cue),
                    ..q.clone()
                };
                let second =
                    Quote { outer: Span { start: cue.end, end: q.outer.end }, inner: right, cue: Some(cue), ..q };
                out.push(first);
                out.push(second);
            }
            None => out.push(q),
        }
    }
    out
}

/// A span " - Name verb … - " inside `inner` with a speech verb and at most ten words.
fn dash_cue(body: &str, inner: Span) -> Option<Span> {
    let text = inner.slice(body);
    let dashes: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '-' | '–' | '—') && text[..i].ends_with(' ') && text[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    for pair in dashes.windows(2) {
        let middle = &text[pair[0]..pair[1]];
        let words: Vec<String> = middle
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() <= 10 && words.iter().any(|w| is_speech_verb(w)) {
            let dash_len = text[pair[1]..].chars().next().map_or(1, char::len_utf8);
            let base = inner.start as usize;
            return Some(Span::new(base + pair[0], base + pair[1] + dash_len));
        }
    }
    None
}

fn trim_end_at(body: &str, end: usize) -> usize {
    body[..end].trim_end().len()
}

/// Words of a window with their lowercase form, for cue matching.
struct Words<'a> {
    body: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Words<'a> {
    fn new(body: &'a str, span: Span) -> Self {
        Words { body, tokens: tokens_in(body, span) }
    }
    fn text(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.body)
    }
    fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase().replace('’', "'")
    }
    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }
}

/// A speaker found next to a quote: (known speaker, as printed, cue span, is a pronoun).
type Cue = (Option<usize>, Option<String>, Span, bool);

fn attribute(body: &str, paragraphs: &[Span], speakers: &[Speaker], mut quotes: Vec<Quote>) -> Vec<Quote> {
    let mut last_speaker: (Option<usize>, Option<String>) = (None, None);
    for qi in 0..quotes.len() {
        let q = &quotes[qi];
        let para = paragraph_of(paragraphs, q.outer.start).unwrap_or(q.outer);
        let next_start = quotes.get(qi + 1).map_or(para.end, |n| n.outer.start.min(para.end).max(q.outer.end));
        let prev_end = qi.checked_sub(1).map_or(para.start, |p| quotes[p].outer.end.clamp(para.start, q.outer.start));
        let after =
            Span { start: q.outer.end, end: clause_end(body, q.outer.end as usize, next_start as usize) as u32 };
        let before =
            Span { start: clause_start(body, prev_end as usize, q.outer.start as usize) as u32, end: q.outer.start };
        let found = q
            .cue
            .and_then(|c| cue_in(body, c, speakers, Side::Before))
            .or_else(|| cue_in(body, after, speakers, Side::After))
            .or_else(|| cue_in(body, before, speakers, Side::Before));
        // No sentence break since the previous quote of this paragraph ended.
        let same_sentence = qi > 0 && quotes[qi - 1].outer.end >= para.start && before.start == prev_end;
        let q = &mut quotes[qi];
        match found {
            Some((speaker, text, cue, pronoun)) => {
                q.cue = Some(cue);
                if pronoun {
                    (q.speaker, q.speaker_text) = last_speaker.clone();
                } else {
                    q.speaker = speaker;
                    q.speaker_text = text;
                }
            }
            // No cue: a quote standing alone, or the next fragment of the same sentence,
            // continues the previous speaker.
            None if same_sentence || before.slice(body).trim().is_empty() => {
                (q.speaker, q.speaker_text) = last_speaker.clone()
            }
            None => {}
        }
        if q.speaker.is_some() || q.speaker_text.is_some() {
            last_speaker = (q.speaker, q.speaker_text.clone());
        }
    }
    quotes
}

/// The paragraph that contains byte `at` (paragraphs are sorted and disjoint).
pub fn paragraph_of(paragraphs: &[Span], at: u32) -> Option<Span> {
    let i = paragraphs.partition_point(|p| p.end < at);
    paragraphs.get(i).copied().filter(|p| p.start <= at)
}

/// The clause that attributes a quotation: "Bukele wrote on X after Rubio’s statement" when the cue
/// follows the quote, "Leti Volpp mused," when it comes before.
pub fn attribution(body: &str, paragraphs: &[Span], q: &Quote) -> Option<Span> {
    let cue = q.cue?;
    let para = paragraph_of(paragraphs, cue.start).unwrap_or(cue);
    let span = if cue.start >= q.outer.end {
        let end = clause_end(body, cue.start as usize, para.end as usize);
        Span::new(cue.start as usize, end)
    } else if cue.end <= q.outer.start {
        Span::new(cue.start as usize, q.outer.start as usize)
    } else {
        cue
    };
    let text = span.slice(body);
    let lead = text.len() - text.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    let trimmed = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    Some(Span::new(span.start as usize + lead, span.start as usize + lead + trimmed.len()))
}

/// From `from` to the end of its clause: the next sentence end, capped at `limit`.
fn clause_end(body: &str, from: usize, limit: usize) -> usize {
    let limit = limit.max(from).min(body.len());
    let text = &body[from..limit];
    let mut end = limit;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') && i > 0 {
            let before = &text[..i];
            let last_word = before.rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.').next().unwrap_or("");
            if c == '.' && is_abbreviation(last_word) {
                continue;
            }
            end = from + i;
            break;
        }
    }
    end
}

/// From the start of the clause that ends at `to`, not before `floor`.
fn clause_start(body: &str, floor: usize, to: usize) -> usize {
    let floor = floor.min(to);
    let text = &body[floor..to];
    let mut start = floor;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let last_word = text[..i].rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.').next().unwrap_or("");
            let followed_by_space = text[i + 1..].starts_with(char::is_whitespace);
            if followed_by_space && !is_abbreviation(last_word) {
                start = floor + i + 1;
            }
        }
    }
    start
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w == "X" {
        return false; // "in a post on X." ends a sentence far more often than it abbreviates
    }
    (w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase) && w.len() <= 2)
        || w.split('.').all(|p| p.chars().count() <= 1)
        || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Sen" | "Rep" | "Gov" | "Gen" | "Jr" | "Sr" | "Prof")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// Looks for a speech verb in `window` and the speaker it names.
fn cue_in(body: &str, window: Span, speakers: &[Speaker], side: Side) -> Option<Cue> {
    if window.is_empty() {
        return None;
    }
    let w = Words::new(body, window);
    let n = w.tokens.len();
    let verbs: Vec<usize> = (0..n).filter(|&i| w.is_word(i) && is_speech_verb(&w.lower(i))).collect();
    let verb = match side {
        // After a quote the cue comes at once: ", Salvadoran President Nayib Bukele said".
        Side::After => *verbs.iter().find(|&&i| (0..i).filter(|&j| w.is_word(j)).count() <= 6)?,
        Side::Before => *verbs.last()?,
    };
    let verb_lower = w.lower(verb);
    let (np, np_span) = if verb_lower == "according" {
        noun_phrase_after(&w, verb + 1)
    } else {
        match noun_phrase_before(&w, verb) {
            (np, Some(span)) if !np.is_empty() => (np, Some(span)),
            // "said Rubio", "said the president"; see `inverts`.
            _ if inverts(&verb_lower) && names_follow(&w, verb + 1) => noun_phrase_after(&w, verb + 1),
            _ => (String::new(), None),
        }
    };
    let cue = Span {
        start: np_span.map_or(w.tokens[verb].span.start, |s| s.start.min(w.tokens[verb].span.start)),
        end: np_span.map_or(w.tokens[verb].span.end, |s| s.end.max(w.tokens[verb].span.end)),
    };
    if np.is_empty() {
        // "…, saying, “…”": the speaker is whoever the clause is about.
        let known = last_known_mention(&w, verb, speakers)?;
        return Some((Some(known), None, cue, false));
    }
    let lower = np.to_lowercase();
    if np.split_whitespace().count() == 1 && PRONOUNS.contains(&lower.as_str()) {
        return Some((None, None, cue, true));
    }
    match resolve_speaker(&np, speakers) {
        Some(s) => Some((Some(s), None, cue, false)),
        None => Some((None, Some(np), cue, false)),
    }
}

/// Up to six words before `verb`, stopping at punctuation, quote marks and conjunctions.
fn noun_phrase_before(w: &Words, verb: usize) -> (String, Option<Span>) {
    let mut first = verb;
    let mut last = verb;
    let mut i = verb;
    let mut taken = 0;
    while i > 0 && taken < 6 {
        i -= 1;
        if !w.is_word(i) {
            if w.text(i) == "." && i > 0 && is_abbreviation(w.text(i - 1)) {
                continue;
            }
            break;
        }
        let lower = w.lower(i);
        if (lower.ends_with("ly") || matches!(lower.as_str(), "also" | "then" | "later" | "again" | "further"))
            && first == verb
        {
            last = i; // "reportedly stated": the adverb is not part of the name
            continue;
        }
        if matches!(lower.as_str(), "and" | "that" | "but" | "which" | "who" | "as" | "while" | "after" | "when") {
            break;
        }
        first = i;
        taken += 1;
        if matches!(lower.as_str(), "a" | "an" | "the") {
            break;
        }
    }
    phrase(w, first, last)
}

/// Does a name (a capitalized word, or "the"/"a" and a word) start at `i`?
fn names_follow(w: &Words, i: usize) -> bool {
    let capital =
        |i: usize| i < w.tokens.len() && w.is_word(i) && w.text(i).chars().next().is_some_and(char::is_uppercase);
    capital(i) || (i + 1 < w.tokens.len() && matches!(w.lower(i).as_str(), "the" | "a" | "an") && w.is_word(i + 1))
}

/// Up to six words from `start`, stopping at punctuation: "said Rubio", "according to Bukele".
fn noun_phrase_after(w: &Words, start: usize) -> (String, Option<Span>) {
    let mut i = start;
    if i < w.tokens.len() && w.lower(i) == "to" {
        i += 1;
    }
    let from = i;
    while i < w.tokens.len()
        && i - from < 6
        && (w.is_word(i) || (w.text(i) == "." && i > 0 && is_abbreviation(w.text(i - 1))))
    {
        if matches!(w.lower(i).as_str(), "and" | "that" | "in" | "on" | "after" | "to" | "about" | "at") {
            break;
        }
        i += 1;
    }
    phrase(w, from, i)
}

fn phrase(w: &Words, from: usize, to: usize) -> (String, Option<Span>) {
    if from >= to {
        return (String::new(), None);
    }
    let span = Span { start: w.tokens[from].span.start, end: w.tokens[to - 1].span.end };
    (span.slice(w.body).to_string(), Some(span))
}

/// Can the speaker follow this verb ("said Rubio")? Never after "told" (its object is the listener)
/// nor after a participle ("saying it would").
fn inverts(verb: &str) -> bool {
    !verb.ends_with("ing") && !matches!(verb, "told" | "tells" | "according" | "described" | "reported")
}

/// The known speaker mentioned last in the window before token `before`.
fn last_known_mention(w: &Words, before: usize, speakers: &[Speaker]) -> Option<usize> {
    let end = w.tokens.get(before)?.span.start;
    let text = Span { start: w.tokens.first()?.span.start, end }.slice(w.body).to_lowercase();
    let mut best: Option<(usize, usize)> = None;
    for (si, s) in speakers.iter().enumerate() {
        for alias in names(s) {
            if let Some(pos) = find_words(&text, &alias) {
                if best.is_none_or(|(p, _)| pos > p) {
                    best = Some((pos, si));
                }
            }
        }
    }
    best.map(|(_, si)| si)
}

/// The lowercase names a speaker goes by: the full name, its last word, and the aliases.
fn names(s: &Speaker) -> Vec<String> {
    let mut out = vec![s.name.to_lowercase()];
    if let Some(last) = s.name.split_whitespace().last() {
        out.push(last.to_lowercase());
    }
    out.extend(s.aliases.iter().map(|a| a.to_lowercase().replace('’', "'")));
    out.retain(|a| !a.is_empty());
    out
}

/// Byte position of `needle` in `hay` as whole words.
fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let hay = hay.replace('’', "'");
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let at = from + pos;
        let end = at + needle.len();
        let ok_before = hay[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let ok_after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if ok_before && ok_after {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

/// Who a sentence reports as speaking, when it has a speech verb: (known speaker, as printed).
/// A pronoun gives `(None, None)`.
pub fn sentence_speaker(body: &str, sentence: Span, speakers: &[Speaker]) -> Option<(Option<usize>, Option<String>)> {
    cue_in(body, sentence, speakers, Side::Before).map(|(known, printed, _, _)| (known, printed))
}

/// The known speaker a noun phrase names, preferring the alias that ends the phrase.
pub fn resolve_speaker(np: &str, speakers: &[Speaker]) -> Option<usize> {
    let lower = np.to_lowercase().replace('’', "'");
    let mut best: Option<(usize, usize)> = None; // (score, speaker)
    for (si, s) in speakers.iter().enumerate() {
        for alias in names(s) {
            if let Some(pos) = find_words(&lower, &alias) {
                let at_end = pos + alias.len() == lower.trim_end_matches(['.', ',']).len();
                let score = alias.split_whitespace().count() * 2 + usize::from(at_end) * 3;
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, si));
                }
            }
        }
    }
    best.map(|(_, si)| si)
}

#[cfg(test)]
mod tests;
