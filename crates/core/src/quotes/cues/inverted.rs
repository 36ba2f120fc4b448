//! The speaker after the verb: "said Rubio", "said the president", "according to Bukele", "said
//! council member Grace Lin". Only some verbs invert (never "told", whose object is the listener),
//! and the phrase must end where a name ends. This module finds the phrase; `cues` resolves it.

use super::{clause, phrase, Words};
use crate::model::Span;
use crate::quotes::pronouns::Who;
use crate::quotes::speakers::{is_title_or_role, Names};
use crate::text::is_stopword;

/// Does an inverted speaker ("said Tomas Berg") end where a name ends: at punctuation, the end
/// of the window, or a preposition — not before a verb or a quote ("said the layoffs showed “…")?
pub(super) fn ends_phrase(w: &Words, span: Option<Span>) -> bool {
    let Some(span) = span else { return false };
    match w.tokens.iter().position(|t| t.span.start >= span.end) {
        None => true,
        // A relative clause may follow the name: "said a ministry official who asked not to be named".
        Some(k) if w.is_word(k) => {
            matches!(
                w.lower(k).as_str(),
                "of" | "in" | "on" | "at" | "after" | "about" | "for" | "with" | "from" | "who" | "whose"
            )
        }
        Some(k) => !matches!(w.text(k), "“" | "”" | "\"" | "«" | "»"),
    }
}

/// Does a name start at `i`: a capitalized word, a role ("said spokesman …"), a role after a
/// modifying noun ("said council member Grace Lin"), words of occupation before a full name
/// ("said auctioneer Claire Vasseur", "said season-ticket holder Gary Pyne"), or a determiner and
/// a word ("said the president", "said one assembler")?
pub(super) fn names_follow(w: &Words, i: usize) -> bool {
    let word = |i: usize| i < w.tokens.len() && w.is_word(i);
    let capital = |i: usize| word(i) && w.text(i).chars().next().is_some_and(char::is_uppercase);
    let role = |i: usize| word(i) && (is_title_or_role(&w.lower(i)) || w.lower(i) == "co");
    capital(i)
        || role(i)
        || (word(i) && role(i + 1) && capital(i + 2))
        || (word(i) && capital(i + 1) && capital(i + 2))
        || (word(i + 1) && matches!(w.lower(i).as_str(), "the" | "a" | "an" | "one"))
        || occupation_then_name(w, i)
}

/// Lowercase words of occupation a full name may follow after the verb, at most.
const MAX_OCCUPATION_WORDS: usize = 3;

/// Does a full name follow up to three lowercase words of occupation at `i` — no stopwords, a
/// hyphenated compound counting once ("season-ticket holder Gary Pyne", "retired schoolteacher
/// Ann Lee")?
fn occupation_then_name(w: &Words, i: usize) -> bool {
    let capital = |k: usize| k < w.tokens.len() && w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let (mut k, mut words) = (i, 0);
    while k < w.tokens.len() && words <= MAX_OCCUPATION_WORDS {
        if w.is_word(k) && !capital(k) && !is_stopword(&w.lower(k)) {
            words += usize::from(!(k > i && w.text(k - 1) == "-"));
        } else if !(k > i && w.text(k) == "-") {
            break;
        }
        k += 1;
    }
    (1..=MAX_OCCUPATION_WORDS).contains(&words) && capital(k) && capital(k + 1)
}

/// The full name set off by commas right after an inverted role that names nobody: "said Dell's
/// attorney, Sarah Kwan, of …", "said the union's lawyer, Ann Lee." Two or more capitalised words,
/// closed by a comma, a full stop or the end of the window.
pub(super) fn appositive_name_after(w: &Words, span: Span) -> Option<(String, Span)> {
    let comma = w.tokens.iter().position(|t| t.span.start >= span.end)?;
    if w.text(comma) != "," {
        return None;
    }
    let capital = |k: usize| k < w.tokens.len() && w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let end = (comma + 1..w.tokens.len()).find(|&k| !capital(k)).unwrap_or(w.tokens.len());
    let closed = end == w.tokens.len() || matches!(w.text(end), "," | ".");
    let (np, found) = phrase(w, comma + 1, end);
    found.filter(|_| end - comma > 2 && closed).map(|s| (np, s))
}

/// Who an inverted role phrase that names nobody ("said Dell's attorney") stands for when a full
/// name follows it between commas ("…, Sarah Kwan, of the clinic").
pub(super) fn role_then_name(w: &Words, np: &str, span: Span, names: &Names) -> Option<Who> {
    let role = np.split_whitespace().last().is_some_and(|x| !x.starts_with(char::is_uppercase));
    let (name, at) = appositive_name_after(w, span).filter(|_| role)?;
    Some(names.resolve(&name, at.start as usize))
}

/// Is `np` an unnamed source — "one assembler", "a senior official", "an aide", "a Chilean
/// official", "a Google spokesman" — who is no one the article names: an indefinite phrase whose
/// head, its last word, is lowercase?
pub(super) fn is_unnamed(np: &str) -> bool {
    let mut words = np.split_whitespace();
    let opens = words.next().is_some_and(|x| matches!(x.to_lowercase().as_str(), "a" | "an" | "one"));
    opens && words.last().is_some_and(|x| !x.starts_with(char::is_uppercase))
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
            "and" | "that" | "in" | "on" | "after" | "to" | "about" | "at" | "of" | "for" | "with" | "who" | "whose"
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
        assert!(follows("said season-ticket holder Gary Pyne"));
        assert!(follows("said retired schoolteacher Ann Lee"));
        assert!(!follows("said retail sales rose"));
        assert!(!follows("said prices rose"));
    }

    #[test]
    fn an_inverted_name_may_be_followed_by_a_phrase_with_for() {
        let text = "wrote Justice Ann Lee for the court";
        let w = Words::new(text, Span::new(0, text.len()));
        let (np, span) = noun_phrase_after(&w, 1);
        assert_eq!(np, "Justice Ann Lee");
        assert!(ends_phrase(&w, span));
    }

    #[test]
    fn a_name_between_commas_after_an_inverted_role() {
        let text = "said the union's lawyer, Ann Lee, of Lee & Co";
        let w = Words::new(text, Span::new(0, text.len()));
        let (np, span) = noun_phrase_after(&w, 1);
        assert_eq!(np, "the union's lawyer");
        assert_eq!(appositive_name_after(&w, span.unwrap()).map(|x| x.0).as_deref(), Some("Ann Lee"));
        let text = "said the union's lawyer, who asked";
        let w = Words::new(text, Span::new(0, text.len()));
        let span = noun_phrase_after(&w, 1).1.unwrap();
        assert_eq!(appositive_name_after(&w, span), None);
    }

    #[test]
    fn an_indefinite_phrase_is_an_unnamed_source() {
        assert!(is_unnamed("one assembler"));
        assert!(is_unnamed("a senior official"));
        assert!(is_unnamed("a Chilean trade official"));
        assert!(!is_unnamed("a Republican"));
        assert!(!is_unnamed("the president"));
    }
}
