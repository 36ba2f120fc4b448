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

mod clause;
mod cues;
mod pronouns;
mod speakers;

pub use clause::attribution;
pub use speakers::{names, resolve_speaker, Names};

use crate::model::{Quote, Span, Speaker};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
}

/// Finds every quotation in `body` (paragraph spans from the corpus) and attributes it.
pub fn find_quotes(article: usize, body: &str, paragraphs: &[Span], speakers: &[Speaker]) -> Vec<Quote> {
    find_quotes_named(article, body, paragraphs, &Names::new(body, speakers))
}

/// [`find_quotes`] with how the article names people already read (the analysis reads it once
/// per article, for the quotations and for the matches).
pub fn find_quotes_named(article: usize, body: &str, paragraphs: &[Span], names: &Names) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (outer start, inner start) of a quote left open
    let style = Style::of(body);
    for (pi, para) in paragraphs.iter().enumerate() {
        let marks = marks_in(body, *para, style);
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
                marks_in(body, *next, style).first().is_some_and(|m| m.0 == next.start as usize && m.2 == Role::Open)
            });
            if !continues {
                push(&mut quotes, article, body, outer_start, inner_start, para.end as usize, para.end as usize, false);
                open = None;
            }
        }
    }
    let quotes = split_dash_attributions(body, quotes);
    cues::attribute(body, paragraphs, names, quotes)
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

/// How an article marks its quotations: whether a straight ' is a quote mark in it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Style {
    straight_single: bool,
}

impl Style {
    /// Straight single marks are quote marks only in an article that has no double quote mark at
    /// all (a style some British papers print, '…,' he said); anywhere else a ' is an apostrophe or
    /// a quotation nested in a double-quoted one.
    fn of(body: &str) -> Style {
        let doubles = body.contains(['“', '”', '„', '‟', '"', '«', '»']);
        Style { straight_single: !doubles && body.contains('\'') }
    }
}

/// Quote marks in a paragraph with the role their context gives them: (byte offset, length, role).
fn marks_in(body: &str, para: Span, style: Style) -> Vec<(usize, usize, Role)> {
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
        let is_single = matches!(c, '‘' | '’') || (c == '\'' && style.straight_single);
        if !is_double && !is_single {
            continue;
        }
        let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…".contains(n));
        let role = if is_single {
            // Only clear cases: ‘ after a space opens, ’ closes an open single quote when no letter
            // follows, unless it is a plural possessive ("the workers’ union") with a closing mark
            // still to come. A straight ' can be either.
            let opens = c == '‘' || (c == '\'' && next.is_some_and(|n| n.is_alphanumeric() || n == '£' || n == '$'));
            let closes = matches!(c, '’' | '\'') && !next.is_some_and(char::is_alphanumeric);
            if opens && space_before && !space_after && !inside_single {
                Role::Open
            } else if closes && inside_single && !plural_possessive(&chars, k) {
                Role::Close
            } else {
                continue;
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

/// Is the single mark at `chars[k]` the apostrophe of a plural possessive inside a quotation
/// ("the workers’ union"): after an s, before a space and a lower-case word, with another mark
/// that could close the quotation later in the paragraph?
fn plural_possessive(chars: &[(usize, char)], k: usize) -> bool {
    let prev = k.checked_sub(1).map(|j| chars[j].1);
    let after = |j: usize| chars.get(j).map(|x| x.1);
    if prev != Some('s')
        || !after(k + 1).is_some_and(char::is_whitespace)
        || !after(k + 2).is_some_and(char::is_lowercase)
    {
        return false;
    }
    chars[k + 1..]
        .iter()
        .enumerate()
        .any(|(j, &(_, c))| matches!(c, '’' | '\'') && !after(k + 2 + j).is_some_and(char::is_alphanumeric))
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
        if words.len() <= 10 && words.iter().any(|w| cues::is_speech_verb(w)) {
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

/// The paragraph that contains byte `at` (paragraphs are sorted and disjoint).
pub fn paragraph_of(paragraphs: &[Span], at: u32) -> Option<Span> {
    let i = paragraphs.partition_point(|p| p.end < at);
    paragraphs.get(i).copied().filter(|p| p.start <= at)
}

/// Who a sentence reports as speaking, when it has a speech verb: (known speaker, as printed).
/// A pronoun gives `(None, None)`.
pub fn sentence_speaker(body: &str, sentence: Span, names: &Names) -> Option<(Option<usize>, Option<String>)> {
    cues::cue_in(body, sentence, names, cues::Side::Before).map(|(known, printed, _, _)| (known, printed))
}

#[cfg(test)]
mod tests;
