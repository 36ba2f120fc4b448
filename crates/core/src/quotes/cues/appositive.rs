//! The subject of a speech verb set off from it by an appositive or a relative clause between
//! commas: "Mayor Patricia Okafor, who pushed for the project, called", "Grant, asked on Thursday
//! whether the fee was too high, said", "Sen. Tom Harwell, R-Kan., the bill's co-author, said".
//! When the subject is a role and the phrase between commas a name ("The team's owner, Gerald
//! Whitcomb, told", "Kiribati's foreign minister, Teuea Kabure, told", "Hart's coach, Tom
//! Brierley, described"), the name speaks. The span runs from the subject, so the clause does too;
//! a subject cut short by the phrase limit takes back the capitalised words that open it ("The Lawn
//! Tennis Association's head of women's tennis").

use super::{noun_phrase_before, Words};
use crate::model::Span;
use crate::quotes::speakers::is_title_or_role;

/// Capitalised words a cut-short subject may take back at its start.
const MAX_TAKEN_BACK: usize = 4;

/// Tokens an appositive may span, at most.
const MAX_APPOSITIVE: usize = 30;

/// The subject before the appositive that ends at the comma `comma` (right before the verb).
pub(super) fn subject(w: &Words, comma: usize) -> Option<(String, Option<Span>)> {
    let mut end = comma;
    let mut names: Vec<(String, Span)> = Vec::new();
    for _ in 0..3 {
        let open = opening_comma(w, end)?;
        if place_after_comma(w, open, end) {
            end = open; // "the University of California, Berkeley," goes on to the comma before
            continue;
        }
        if let Some(name) = name_between(w, open + 1, end) {
            names.push(name);
        }
        let (head, span) = noun_phrase_before(w, open);
        let (head, span) = role_of(w, head, span?);
        let first = w.tokens.iter().position(|t| t.span.start == span.start)?;
        // A role whose name the appositive gives opens the subject; a comma before it closes a
        // fronted phrase ("Announcing the award, the chair of the judges, the historian …,").
        let named_role = !names.is_empty() && head.split_whitespace().next().is_some_and(|x| x == "the");
        if first > 0 && w.text(first - 1) == "," && !named_role {
            end = first - 1; // another appositive before this one
            continue;
        }
        let cut = head.split_whitespace().count() >= super::MAX_PHRASE;
        let start = w.tokens[if cut { take_back(w, first) } else { first }].span.start;
        return Some(match names.last() {
            Some((name, name_span)) if is_role(w, &head, open) => {
                (name.clone(), Some(Span { start, end: name_span.end }))
            }
            _ => (head, Some(span)),
        });
    }
    None
}

/// Is the subject `head` (ending before token `end`) a role rather than a name: it opens with a
/// determiner ("The team's owner"), holds a possessive ("Kiribati's foreign minister"), or ends in
/// a lowercase role noun ("deputy foreign minister")?
fn is_role(w: &Words, head: &str, end: usize) -> bool {
    let determiner = head
        .split_whitespace()
        .next()
        .is_some_and(|x| matches!(x.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their"));
    let possessive = head.contains("'s ") || head.contains("’s ");
    let last = (0..end).rev().find(|&k| w.is_word(k));
    let role_noun = last.is_some_and(|k| !w.text(k).starts_with(char::is_uppercase) && is_title_or_role(&w.lower(k)));
    determiner || possessive || role_noun
}

/// The token a subject starting at `first` really starts at: back over the capitalised words (and
/// an opening "The") that the phrase limit cut off.
fn take_back(w: &Words, first: usize) -> usize {
    let mut start = first;
    while start > 0 && first - start < MAX_TAKEN_BACK && w.is_word(start - 1) {
        let text = w.text(start - 1);
        if !text.starts_with(char::is_uppercase) {
            break;
        }
        start -= 1;
        if text == "The" || text == "A" {
            break;
        }
    }
    start
}

/// Capitalised words a place after a comma may have ("California, Berkeley", "San José, Costa Rica").
const MAX_PLACE_WORDS: usize = 3;

/// Is the phrase between the commas `open` and `end` the second part of a place inside a longer
/// appositive ("who directs the Prison Law Project at the University of California, Berkeley,"):
/// a few capitalised words right after a capitalised word, with another comma before them?
fn place_after_comma(w: &Words, open: usize, end: usize) -> bool {
    let capital = |k: usize| w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let words = end - open - 1;
    (1..=MAX_PLACE_WORDS).contains(&words)
        && (open + 1..end).all(capital)
        && open > 0
        && capital(open - 1)
        && opening_comma(w, open).is_some()
}

/// The comma that opens the appositive closed at `end`, within the sentence.
fn opening_comma(w: &Words, end: usize) -> Option<usize> {
    let floor = end.saturating_sub(MAX_APPOSITIVE);
    (floor..end)
        .rev()
        .take_while(|&k| !matches!(w.text(k), "." | ":" | ";" | "“" | "”" | "\""))
        .find(|&k| w.text(k) == ",")
}

/// A role whose "of" phrase the phrase before the comma stopped at: "the chair of the judges".
fn role_of(w: &Words, head: String, span: Span) -> (String, Span) {
    let Some(first) = w.tokens.iter().position(|t| t.span.start == span.start) else { return (head, span) };
    let lowercase = |k: usize| w.is_word(k) && !w.text(k).starts_with(char::is_uppercase);
    if first < 2 || w.lower(first - 1) != "of" || !lowercase(first - 2) {
        return (head, span);
    }
    match noun_phrase_before(w, first - 1) {
        (role, Some(r)) if role.split_whitespace().next().is_some_and(|x| x.eq_ignore_ascii_case("the")) => {
            let span = Span { start: r.start, end: span.end };
            (span.slice(w.body).to_string(), span)
        }
        _ => (head, span),
    }
}

/// Lowercase words of a role that may open a name between commas: "the historian Robert Asante".
const MAX_ROLE_WORDS: usize = 2;

/// A name of two or more capitalised words filling `from..to`, perhaps after "the" and a role of
/// one or two lowercase words: "Gerald Whitcomb", "the historian Robert Asante".
fn name_between(w: &Words, mut from: usize, to: usize) -> Option<(String, Span)> {
    if from < to && w.lower(from) == "the" {
        let lowercase = |k: &usize| w.is_word(*k) && !w.text(*k).starts_with(char::is_uppercase);
        let role = (from + 1..to).take_while(lowercase).count();
        if (1..=MAX_ROLE_WORDS).contains(&role) {
            from += 1 + role;
        }
    }
    let words: Vec<usize> = (from..to).collect();
    let all_names =
        words.len() >= 2 && words.iter().all(|&k| w.is_word(k) && w.text(k).starts_with(char::is_uppercase));
    all_names.then(|| {
        let span = Span { start: w.tokens[from].span.start, end: w.tokens[to - 1].span.end };
        (span.slice(w.body).to_string(), span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject_of(text: &str) -> Option<String> {
        let w = Words::new(text, Span::new(0, text.len()));
        let comma = (0..w.tokens.len()).rfind(|&k| w.text(k) == ",")?;
        subject(&w, comma).and_then(|(np, span)| span.map(|s| format!("{np} | {}", s.slice(text))))
    }

    #[test]
    fn a_role_with_an_of_phrase_and_a_named_role_between_commas() {
        assert_eq!(
            subject_of("At the launch, the head of the panel, the geologist Mara Quist, said").as_deref(),
            Some("Mara Quist | the head of the panel, the geologist Mara Quist")
        );
        assert_eq!(
            subject_of("The team's owner, Gerald Whitcomb, told").as_deref(),
            Some("Gerald Whitcomb | The team's owner, Gerald Whitcomb")
        );
    }

    #[test]
    fn a_place_in_two_parts_inside_the_appositive_is_passed_over() {
        let text =
            "Sharon Kim-Whitaker, who directs the Prison Law Project at the University of California, Berkeley, said";
        assert_eq!(subject_of(text).as_deref().map(|s| s.split(" | ").next()), Some(Some("Sharon Kim-Whitaker")));
    }
}
