//! A quotation introduced by a colon after a clause with no speech verb: "In a post on X, Bukele
//! laid out the terms: “…”", "She put it simply: “…”". The clause's subject — a pronoun, or a name
//! of up to four capitalised words, not a possessive, opening the clause or following a fronted
//! phrase's comma — speaks, and the cue runs from it to the colon. Subjects that name no one ("The
//! sign read:") give no cue. This module finds such a cue; `cues` resolves a pronoun.

use super::{Cue, Refers, Words, PRONOUNS};
use crate::model::Span;
use crate::quotes::speakers::Names;

/// Words a clause before the colon may have, at most ("Bukele laid out the terms").
const MAX_CLAUSE_WORDS: usize = 10;
/// Capitalised words a subject name may have.
const MAX_NAME_WORDS: usize = 4;

/// The cue of a window that ends in a colon right before the quotation, when its clause opens with
/// a pronoun or a name followed by a lowercase word.
pub(super) fn cue(w: &Words, names: &Names) -> Option<Cue> {
    let colon = w.tokens.len().checked_sub(1).filter(|&k| w.text(k) == ":")?;
    let start = (0..colon).rev().find(|&k| !w.is_word(k)).map_or(0, |k| k + 1);
    if (start > 0 && w.text(start - 1) != ",") || colon - start > MAX_CLAUSE_WORDS || colon <= start + 1 {
        return None;
    }
    let capital = |k: usize| w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let span = Span { start: w.tokens[start].span.start, end: w.tokens[colon - 1].span.end };
    if PRONOUNS.contains(&w.lower(start).as_str()) {
        return Some((None, None, span, Refers::Pronoun));
    }
    let name_end = (start..colon).find(|&k| !capital(k)).unwrap_or(colon);
    let name = Span { start: w.tokens[start].span.start, end: w.tokens[name_end.checked_sub(1)?].span.end };
    let text = name.slice(w.body);
    let possessive = text.ends_with("'s") || text.ends_with("’s");
    if name_end == start || name_end - start > MAX_NAME_WORDS || name_end == colon || possessive {
        return None;
    }
    let (known, printed) = names.resolve(text, name.start as usize);
    (known.is_some() || printed.is_some()).then_some((known, printed, span, Refers::Name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colon_cue(body: &str) -> Option<(Option<String>, String)> {
        let names = Names::new(body, &[]);
        let w = Words::new(body, Span::new(0, body.len()));
        cue(&w, &names).map(|(_, printed, span, _)| (printed, span.slice(body).to_string()))
    }

    #[test]
    fn the_subject_of_a_clause_ending_in_a_colon_speaks() {
        let got = colon_cue("On Monday, Ann Lee set out her plan:");
        assert_eq!(got, Some((Some("Ann Lee".into()), "Ann Lee set out her plan".into())));
        assert_eq!(colon_cue("He put it bluntly:"), Some((None, "He put it bluntly".into())));
    }

    #[test]
    fn a_clause_whose_subject_names_no_one_gives_no_cue() {
        assert_eq!(colon_cue("The sign at the gate read:"), None);
        assert_eq!(colon_cue("Lee's office issued a statement:"), None);
        assert_eq!(colon_cue("The rules are clear:"), None);
    }
}
