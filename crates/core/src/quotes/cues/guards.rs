//! Words that look like speech verbs but do not introduce reported speech here: "called for",
//! "called off", "called on … to", "called up", "so-called", "hailed" without "as" ("hailed a
//! taxi"; "hailed the offer as “…”" reports words, like "described … as"), a participle after
//! "as" ("as described by rights groups") and a capitalised word inside a name ("the United
//! States"). This module only answers whether a word of a window is a cue's verb; `cues` finds the
//! speaker.

use super::{answers_back, is_speech_verb, Words};

/// Particles that turn "called" into another verb ("called for a vote", "called off the talks").
const CALL_PARTICLES: &[&str] = &["for", "off", "on", "up", "in", "out"];

/// Is word `i` of `w` the verb of an attribution cue?
pub(super) fn is_cue_verb(w: &Words, i: usize) -> bool {
    if !w.is_word(i) {
        return false;
    }
    let lower = w.lower(i);
    (is_speech_verb(&lower)
        && !is_other_call(w, i, &lower)
        && !is_plain_hail(w, i, &lower)
        && !is_request(w, i, &lower)
        && !is_as_described(w, i, &lower)
        && !is_in_a_name(w, i))
        || answers_back(w, i)
}

/// A capitalised word after another word, as in a name: "the United States", "Small Claims".
fn is_in_a_name(w: &Words, i: usize) -> bool {
    w.text(i).starts_with(char::is_uppercase) && i >= 1 && w.is_word(i - 1)
}

/// "as described by rights groups", "as reported": a participle after "as" qualifies what is
/// said; it is not the cue.
fn is_as_described(w: &Words, i: usize, lower: &str) -> bool {
    matches!(lower, "described" | "reported" | "noted" | "stated")
        && i >= 1
        && w.is_word(i - 1)
        && w.lower(i - 1) == "as"
}

/// Words between "asked" and the "for" or "to" of a request, at most.
const MAX_ASKED_OBJECT: usize = 3;

/// "asked federal officials for a designation", "asked residents to stay home": a request, not
/// words reported.
fn is_request(w: &Words, i: usize, lower: &str) -> bool {
    lower == "asked"
        && (i + 2..w.tokens.len().min(i + 2 + MAX_ASKED_OBJECT))
            .any(|k| w.is_word(k) && matches!(w.lower(k).as_str(), "for" | "to"))
}

/// Words between "hailed" and its "as", at most ("hailed the trade minister's offer as").
const MAX_HAIL_OBJECT: usize = 6;

/// "hailed", "hailing" or "praised" with no "as" after its object: no words reported.
fn is_plain_hail(w: &Words, i: usize, lower: &str) -> bool {
    matches!(lower, "hailed" | "hailing" | "praised")
        && !(i + 1..w.tokens.len().min(i + 2 + MAX_HAIL_OBJECT)).any(|k| w.is_word(k) && w.lower(k) == "as")
}

/// "called for", "called off", "so-called": a form of "call" that reports no words.
fn is_other_call(w: &Words, i: usize, lower: &str) -> bool {
    if !matches!(lower, "called" | "calling") {
        return false;
    }
    let next = (i + 1 < w.tokens.len() && w.is_word(i + 1)).then(|| w.lower(i + 1));
    let so_before = i >= 2 && matches!(w.text(i - 1), "-" | "‐") && w.lower(i - 2) == "so";
    next.is_some_and(|n| CALL_PARTICLES.contains(&n.as_str())) || so_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_with_asked_is_no_cue() {
        let body = "had asked federal officials for a designation. asked residents to stay. she asked.";
        let w = Words::new(body, Span::new(0, body.len()));
        let asked: Vec<bool> = (0..w.tokens.len())
            .filter(|&i| w.is_word(i) && w.lower(i) == "asked")
            .map(|i| is_cue_verb(&w, i))
            .collect();
        assert_eq!(asked, [false, false, true]);
    }
    use crate::model::Span;

    fn verbs(text: &str) -> Vec<String> {
        let w = Words::new(text, Span::new(0, text.len()));
        (0..w.tokens.len()).filter(|&i| is_cue_verb(&w, i)).map(|i| w.lower(i)).collect()
    }

    #[test]
    fn called_with_a_particle_is_not_a_speech_verb() {
        assert!(verbs("The union called for a strike and called off the march.").is_empty());
        assert!(verbs("She called on lawmakers to act.").is_empty());
    }

    #[test]
    fn a_participle_after_as_is_not_a_speech_verb() {
        assert_eq!(verbs("she said conditions, as described by rights groups, were"), ["said"]);
    }

    #[test]
    fn a_verb_inside_a_name_is_not_a_speech_verb() {
        assert_eq!(verbs("saying his government had offered the United States"), ["saying"]);
    }

    #[test]
    fn so_called_is_not_a_speech_verb() {
        assert!(verbs("the so-called mega prison").is_empty());
    }

    #[test]
    fn hailed_is_a_speech_verb_only_with_as() {
        assert_eq!(verbs("Rubio hailed the offer as"), ["hailed"]);
        assert!(verbs("Rubio hailed a taxi outside.").is_empty());
    }

    #[test]
    fn called_with_an_object_still_is() {
        assert_eq!(verbs("Okafor called the vote a turning point."), ["called"]);
        assert_eq!(verbs("Delaney shot back that it would fail."), ["shot"]);
    }
}
