//! The speaker after the verb: "said Rubio", "said the president", "according to Bukele", "said
//! council member Grace Lin". Only some verbs invert (never "told", whose object is the listener),
//! and the phrase must end where a name ends. This module finds the phrase; `cues` resolves it.

use super::{clause, phrase, Words};
use crate::model::Span;
use crate::quotes::speakers::is_title_or_role;

/// Does an inverted speaker ("said Tomas Berg") end where a name ends: at punctuation, the end
/// of the window, or a preposition — not before a verb or a quote ("said the layoffs showed “…")?
pub(super) fn ends_phrase(w: &Words, span: Option<Span>) -> bool {
    let Some(span) = span else { return false };
    match w.tokens.iter().position(|t| t.span.start >= span.end) {
        None => true,
        // A relative clause may follow the name: "said a ministry official who asked not to be named".
        Some(k) if w.is_word(k) => {
            matches!(w.lower(k).as_str(), "of" | "in" | "on" | "at" | "after" | "about" | "who" | "whose")
        }
        Some(k) => !matches!(w.text(k), "“" | "”" | "\"" | "«" | "»"),
    }
}

/// Does a name start at `i`: a capitalized word, a role ("said spokesman …"), a role after a
/// modifying noun ("said council member Grace Lin"), a word of occupation before a full name
/// ("said auctioneer Claire Vasseur"), or a determiner and a word ("said the president", "said
/// one assembler")?
pub(super) fn names_follow(w: &Words, i: usize) -> bool {
    let word = |i: usize| i < w.tokens.len() && w.is_word(i);
    let capital = |i: usize| word(i) && w.text(i).chars().next().is_some_and(char::is_uppercase);
    let role = |i: usize| word(i) && (is_title_or_role(&w.lower(i)) || w.lower(i) == "co");
    capital(i)
        || role(i)
        || (word(i) && role(i + 1) && capital(i + 2))
        || (word(i) && capital(i + 1) && capital(i + 2))
        || (word(i + 1) && matches!(w.lower(i).as_str(), "the" | "a" | "an" | "one"))
}

/// Is `np` an unnamed source — "one assembler", "a senior official", "an aide" — who is no one
/// the article names?
pub(super) fn is_unnamed(np: &str) -> bool {
    let mut words = np.split_whitespace();
    let opens = words.next().is_some_and(|x| matches!(x.to_lowercase().as_str(), "a" | "an" | "one"));
    let rest: Vec<&str> = words.collect();
    opens && !rest.is_empty() && rest.iter().all(|x| !x.starts_with(char::is_uppercase))
}

/// Up to six words from `start`, stopping at punctuation: "said Rubio", "according to Bukele".
pub(super) fn noun_phrase_after(w: &Words, start: usize) -> (String, Option<Span>) {
    let mut i = start;
    if i < w.tokens.len() && w.lower(i) == "to" {
        i += 1;
    }
    let from = i;
    // Words taken; the parts of a hyphenated compound ("a 52-year-old street vendor") count once.
    let mut taken = 0;
    while i < w.tokens.len()
        && taken < 6
        && (w.is_word(i) || w.text(i) == "-" || (w.text(i) == "." && i > 0 && clause::is_abbreviation(w.text(i - 1))))
    {
        if w.is_word(i) && !(i > from && w.text(i - 1) == "-") {
            taken += 1;
        }
        if matches!(
            w.lower(i).as_str(),
            "and" | "that" | "in" | "on" | "after" | "to" | "about" | "at" | "of" | "who" | "whose"
        ) {
            break;
        }
        i += 1;
    }
    phrase(w, from, i)
}

/// Can the speaker follow this verb ("said Rubio")? Never after "told" (its object is the listener)
/// nor after a participle ("saying it would").
pub(super) fn inverts(verb: &str) -> bool {
    !verb.ends_with("ing")
        && !matches!(
            verb,
            "told" | "tells" | "according" | "described" | "reported" | "called" | "accused" | "urged" | "hailed"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follows(text: &str) -> bool {
        let w = Words::new(text, Span::new(0, text.len()));
        names_follow(&w, 1)
    }

    #[test]
    fn a_role_after_a_modifying_noun_starts_a_name() {
        assert!(follows("said council member Grace Lin"));
        assert!(follows("said one assembler"));
        assert!(!follows("said it would"));
    }

    #[test]
    fn an_indefinite_phrase_is_an_unnamed_source() {
        assert!(is_unnamed("one assembler"));
        assert!(is_unnamed("a senior official"));
        assert!(!is_unnamed("a Republican"));
        assert!(!is_unnamed("the president"));
    }
}
