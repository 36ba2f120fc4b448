//! Names and organisations' names in a cue's speaker phrase beyond a run of capitalised words:
//! the "of" in "Tennessee Department of Transportation Commissioner Elaine Porter", the apostrophe
//! of "The Harborough Town Supporters' Trust", and a name followed by "of" and its organisation
//! ("Jenna Park of the National Hurricane Center", whose name alone speaks). This module shapes
//! the phrase; `cues` finds the verb and `Names` resolves the phrase.

use super::{noun_phrase_before, Words};
use crate::model::Span;
use crate::quotes::speakers::is_title_or_role;

/// Is token `i` a plural possessive's apostrophe ("Supporters' Trust", "Teachers’ Union"): it
/// touches a word ending in "s" before it and is followed by a space?
pub(super) fn plural_possessive(w: &Words, i: usize) -> bool {
    let touches = i > 0 && w.tokens[i - 1].span.end == w.tokens[i].span.start;
    let spaced = w.tokens.get(i + 1).is_none_or(|t| t.span.start > w.tokens[i].span.end);
    matches!(w.text(i), "'" | "’") && touches && spaced && w.is_word(i - 1) && w.text(i - 1).ends_with('s')
}

/// Is word `i` a lowercase "of" or "for" inside a run of capitalised words ("Department of
/// Transportation", "Centers for Disease Control")?
pub(super) fn links_name(w: &Words, i: usize) -> bool {
    let capital = |k: usize| k < w.tokens.len() && w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    matches!(w.text(i), "of" | "for") && i > 0 && capital(i - 1) && capital(i + 1)
}

/// "Forecaster Jenna Park of the National Hurricane Center", "Analyst Priya Raman of Hollins
/// Research": the speaker is the name before "of"; the phrase keeps its whole span. So for a role
/// of an organisation whose name runs on ("A spokesperson for the Department of Health and Social
/// Care"): the phrase before the organisation speaks, and names nobody.
pub(super) fn of_phrase(w: &Words, mut np: String, mut span: Span) -> (String, Option<Span>) {
    let mut first = w.tokens.iter().position(|t| t.span.start == span.start).unwrap_or(0);
    // The phrase limit may have cut the head off: "[A senior official] at state railway company IP".
    let cut_head = first >= 1
        && w.is_word(first)
        && w.is_word(first - 1)
        && matches!(w.lower(first).as_str(), "at" | "with" | "for");
    let mut next = if cut_head { Some(first) } else { link_before(w, first) };
    while let Some(k) = next {
        match noun_phrase_before(w, k) {
            (head, Some(h)) if !head.is_empty() => {
                (np, span) = (head, Span { start: h.start, end: span.end });
                first = w.tokens.iter().position(|t| t.span.start == h.start).unwrap_or(0);
            }
            // No head before a cut phrase after all: it may still follow a link.
            _ if k == first => {}
            _ => break,
        }
        next = link_before(w, first);
    }
    let ends_in_name = np.split_whitespace().last().is_some_and(|x| x.starts_with(char::is_uppercase));
    // "Department of Natural Resources Director Ann Lee": the name follows a title after "of".
    let titled_after = |k: usize| np[k..].split_whitespace().any(|x| is_title_or_role(&x.to_lowercase()));
    match np.find(" of ") {
        Some(k)
            if ends_in_name
                && !titled_after(k)
                && np[..k].split_whitespace().any(|x| x.starts_with(char::is_uppercase)) =>
        {
            (np[..k].to_string(), Some(span))
        }
        _ => (np, Some(span)),
    }
}

/// The word just before the phrase at `first` that ties it to a head before that: "Department
/// *of* Health", "Health *and* Social Care" (between capitalised words), "spokesperson *for*",
/// "official *at*", "researcher *with*".
fn link_before(w: &Words, first: usize) -> Option<usize> {
    let k = first.checked_sub(1).filter(|&k| k >= 1 && w.is_word(k) && w.is_word(k - 1))?;
    let links = match w.lower(k).as_str() {
        "of" | "and" => w.text(k - 1).starts_with(char::is_uppercase),
        "at" | "for" | "with" => true,
        _ => false,
    };
    links.then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before_verb(text: &str) -> String {
        let w = Words::new(text, Span::new(0, text.len()));
        let verb = (0..w.tokens.len()).rfind(|&i| w.text(i) == "said").unwrap();
        noun_phrase_before(&w, verb).0
    }

    #[test]
    fn an_of_inside_a_capitalised_run_keeps_the_whole_title() {
        assert_eq!(
            before_verb("Ohio Department of Natural Resources Director Ann Lee said"),
            "Ohio Department of Natural Resources Director Ann Lee"
        );
        assert_eq!(before_verb("the head of the agency said"), "the agency");
    }

    #[test]
    fn a_hyphenated_compound_counts_once_before_an_of_name() {
        let text = "Ana Ortiz of the Quito-based Institute for Andean Studies said";
        let w = Words::new(text, Span::new(0, text.len()));
        let verb = (0..w.tokens.len()).rfind(|&i| w.text(i) == "said").unwrap();
        assert_eq!(super::super::speaker_phrase(&w, verb).0, "Ana Ortiz");
    }

    #[test]
    fn a_plural_possessive_stays_in_the_name() {
        assert_eq!(before_verb("The Riverside Teachers' Union said"), "The Riverside Teachers' Union");
        assert_eq!(before_verb("the players’ union said"), "the players’ union");
    }
}
