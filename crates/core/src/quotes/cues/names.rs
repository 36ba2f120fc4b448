//! Pieces of a name or an organisation's name that are not capitalised words, read while a cue's
//! speaker phrase is taken back from its verb: the "of" in "Tennessee Department of Transportation
//! Commissioner Elaine Porter", the apostrophe of "The Harborough Town Supporters' Trust". This
//! module only answers whether a token continues the phrase; `cues` takes the phrase.

use super::Words;

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

#[cfg(test)]
mod tests {
    use super::super::noun_phrase_before;
    use super::*;
    use crate::model::Span;

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
    fn a_plural_possessive_stays_in_the_name() {
        assert_eq!(before_verb("The Riverside Teachers' Union said"), "The Riverside Teachers' Union");
        assert_eq!(before_verb("the players’ union said"), "the players’ union");
    }
}
