//! "According to" a document someone issued: "according to guidance the Department of State
//! Health Services sent to school nurses", "according to a memo the ministry circulated". The
//! speaker is the subject of the relative clause after the document's noun, not the document.
//! This module only finds that subject; `cues` resolves it like any other phrase.

use super::{names::links_name, phrase, Words};
use crate::model::Span;
use crate::text::is_stopword;

/// Lowercase words a document's noun phrase may hold ("guidance", "a leaked memo").
const MAX_DOCUMENT_WORDS: usize = 2;

/// The subject after the document's noun that starts at token `start` (after "to"): "the" and a
/// run of capitalised words (with "of", "for" inside), followed by the lowercase verb of the
/// relative clause.
pub(super) fn issuer(w: &Words, start: usize) -> Option<(String, Option<Span>)> {
    let word = |k: usize| k < w.tokens.len() && w.is_word(k);
    let capital = |k: usize| word(k) && w.text(k).starts_with(char::is_uppercase);
    let mut k = start;
    if word(k) && matches!(w.lower(k).as_str(), "a" | "an") {
        k += 1;
    }
    let document = (k..w.tokens.len()).take_while(|&j| word(j) && !capital(j) && !is_stopword(&w.lower(j))).count();
    if !(1..=MAX_DOCUMENT_WORDS).contains(&document) {
        return None;
    }
    let from = k + document;
    let mut end = from + usize::from(word(from) && w.lower(from) == "the");
    if !capital(end) {
        return None;
    }
    while capital(end) || (word(end) && links_name(w, end)) {
        end += 1;
    }
    let verb_follows = word(end) && !capital(end) && !is_stopword(&w.lower(end));
    verb_follows.then(|| phrase(w, from, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer_of(text: &str) -> Option<String> {
        let w = Words::new(text, Span::new(0, text.len()));
        issuer(&w, 2).map(|(np, _)| np)
    }

    #[test]
    fn the_issuer_of_a_document_is_the_speaker() {
        assert_eq!(
            issuer_of("according to guidance the Department of Marine Safety sent to skippers").as_deref(),
            Some("the Department of Marine Safety")
        );
        assert_eq!(issuer_of("according to a memo Acme Foods circulated").as_deref(), Some("Acme Foods"));
        assert_eq!(issuer_of("according to the Department of Marine Safety").as_deref(), None);
        assert_eq!(issuer_of("according to Ann Lee").as_deref(), None);
    }
}
