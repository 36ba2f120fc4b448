//! Sentences whose subject is an unnamed source and whose verb is a speech verb: "A government
//! official, who spoke on condition of anonymity, said the fee had not been set.", "One
//! distributor said attendance had dipped." A pronoun cue after such a sentence ("“…,” he said")
//! refers to that source — nobody the article names — not to a person named further back. This
//! module only finds the sentences; `cues` counts them as namings of nobody for `pronouns`.

use super::{guards, Words};
use crate::model::Span;
use crate::quotes::clause::clause_end;
use crate::quotes::speakers::Names;

/// Words an unnamed subject may span before its comma or verb ("A senior Salvadoran government
/// official").
const MAX_SUBJECT_WORDS: usize = 6;

/// Where each sentence opened by an unnamed source speaking starts, in order.
pub(super) fn sources(body: &str, paragraphs: &[Span], names: &Names) -> Vec<usize> {
    let mut out = Vec::new();
    for para in paragraphs {
        let mut start = para.start as usize;
        while start < para.end as usize {
            let end = clause_end(body, start, para.end as usize);
            let text = body.get(start..end).unwrap_or("");
            let first = start + (text.len() - text.trim_start().len());
            if opens_with_source(body, Span::new(first, end), names) {
                out.push(first);
            }
            start = end + 1;
        }
    }
    out
}

/// Does the sentence `s` open with "a", "an" or "one" and a phrase with a lowercase head that is
/// the subject of a speech verb — right after it, or after an appositive closed by a comma — with
/// no person named before that verb, nor two capitalised words in a row ("A spokesperson, Erin
/// Laine, said")?
fn opens_with_source(body: &str, s: Span, names: &Names) -> bool {
    let w = Words::new(body, s);
    let first = w.tokens.first().is_some_and(|_| w.is_word(0) && matches!(w.lower(0).as_str(), "a" | "an" | "one"));
    if !first {
        return false;
    }
    let n = w.tokens.len();
    let head_end = (1..n.min(1 + MAX_SUBJECT_WORDS + 1)).find(|&k| !w.is_word(k) && w.text(k) != "-").unwrap_or(n);
    let head_end = (1..head_end).find(|&k| guards::is_cue_verb(&w, k)).unwrap_or(head_end);
    let lowercase_head =
        head_end > 1 && w.is_word(head_end - 1) && !w.text(head_end - 1).starts_with(char::is_uppercase);
    if !lowercase_head {
        return false;
    }
    let verb = (head_end..n).find(|&k| guards::is_cue_verb(&w, k) && (k == head_end || w.text(k - 1) == ","));
    let capital = |k: usize| w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    verb.is_some_and(|k| {
        let (from, to) = (s.start as usize, w.tokens[k].span.start as usize);
        let full_name = (1..k).any(|j| capital(j) && capital(j + 1));
        !full_name
            && names.persons.iter().all(|p| !(from <= p.0 && p.0 < to))
            && names.first_mention_in(from, to).is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(body: &str) -> Vec<usize> {
        let names = Names::new(body, &[]);
        sources(body, &[Span::new(0, body.len())], &names)
    }

    #[test]
    fn an_indefinite_source_speaking_opens_its_sentence() {
        assert_eq!(found("A senior Danish official said the talks had stalled."), [0]);
        assert_eq!(found("Ann Lee spoke. One trader, who asked not to be named, said prices fell."), [15]);
        assert_eq!(found("It rained.\nA nurse said it was calm."), [11]);
    }

    #[test]
    fn other_sentences_opened_by_a_are_not_sources() {
        assert!(found("A day after the vote, he said it was over.").is_empty());
        assert!(found("A spokesperson, Erin Laine, said it was over.").is_empty());
        assert!(found("A storm hit the coast on Monday.").is_empty());
    }
}
