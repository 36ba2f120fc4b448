//! The subject of a speech verb set off from it by an appositive or a relative clause between
//! commas: "Mayor Patricia Okafor, who pushed for the project, called", "Grant, asked on Thursday
//! whether the fee was too high, said", "Sen. Tom Harwell, R-Kan., the bill's co-author, said".
//! When the subject is a role and the phrase between commas a name ("The team's owner, Gerald
//! Whitcomb, told"), the name speaks. The span runs from the subject, so the clause does too.

use super::{noun_phrase_before, Words};
use crate::model::Span;

/// Tokens an appositive may span, at most.
const MAX_APPOSITIVE: usize = 30;

/// The subject before the appositive that ends at the comma `comma` (right before the verb).
pub(super) fn subject(w: &Words, comma: usize) -> Option<(String, Option<Span>)> {
    let mut end = comma;
    let mut names: Vec<(String, Span)> = Vec::new();
    for _ in 0..3 {
        let open = opening_comma(w, end)?;
        if let Some(name) = name_between(w, open + 1, end) {
            names.push(name);
        }
        let (head, span) = noun_phrase_before(w, open);
        let span = span?;
        let first = w.tokens.iter().position(|t| t.span.start == span.start)?;
        if first > 0 && w.text(first - 1) == "," {
            end = first - 1; // another appositive before this one
            continue;
        }
        let role = head
            .split_whitespace()
            .next()
            .is_some_and(|x| matches!(x.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their"));
        return Some(match names.last() {
            Some((name, name_span)) if role => (name.clone(), Some(Span { start: span.start, end: name_span.end })),
            _ => (head, Some(span)),
        });
    }
    None
}

/// The comma that opens the appositive closed at `end`, within the sentence.
fn opening_comma(w: &Words, end: usize) -> Option<usize> {
    let floor = end.saturating_sub(MAX_APPOSITIVE);
    (floor..end)
        .rev()
        .take_while(|&k| !matches!(w.text(k), "." | ":" | ";" | "“" | "”" | "\""))
        .find(|&k| w.text(k) == ",")
}

/// A name of two or more capitalised words filling `from..to`: "Gerald Whitcomb".
fn name_between(w: &Words, from: usize, to: usize) -> Option<(String, Span)> {
    let words: Vec<usize> = (from..to).collect();
    let all_names =
        words.len() >= 2 && words.iter().all(|&k| w.is_word(k) && w.text(k).starts_with(char::is_uppercase));
    all_names.then(|| {
        let span = Span { start: w.tokens[from].span.start, end: w.tokens[to - 1].span.end };
        (span.slice(w.body).to_string(), span)
    })
}
