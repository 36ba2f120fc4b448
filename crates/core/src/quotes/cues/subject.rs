//! Who a clause without a speaker at its verb ("The mayor dismissed the criticism, saying") is
//! about: the subject that opens it — a pronoun, a definite role phrase, or a person named with a
//! title ("Finance Minister Tomás Echeverría welcomed the decision, saying", "State Rep. Wesley
//! Graham, a Republican who represents the area, criticized the outcome, saying") — before any name inside
//! it ("The president made the offer during a visit by … Marco Rubio, describing it" is the
//! president's); else the first known speaker it names; else the speaker of an earlier speech verb
//! in it. This module does not resolve names; [`Names`] does, and a role phrase is read later
//! against its antecedent (`Refers::Role`).

use super::{noun_phrase_before, Refers, Words, PRONOUNS};
use crate::model::Span;
use crate::quotes::pronouns::Who;
use crate::quotes::speakers::Names;

/// Words a role phrase opening a clause may span ("The team's owner").
const MAX_ROLE_WORDS: usize = 4;

/// The speaker of the participle or verb `verb` that names none, from the clause before it.
pub(super) fn subject(w: &Words, verbs: &[usize], verb: usize, names: &Names) -> Option<(Who, Refers)> {
    if let Some(found) = opening_subject(w, verb, names) {
        return Some(found);
    }
    let (start, end) = (w.tokens.first()?.span.start as usize, w.tokens.get(verb)?.span.start as usize);
    if let Some(s) = names.first_mention_in(start, end) {
        return Some(((Some(s), None), Refers::Name));
    }
    for &v in verbs.iter().filter(|&&v| v < verb) {
        let (np, span) = noun_phrase_before(w, v);
        if let (false, Some(span)) = (np.is_empty(), span) {
            if PRONOUNS.contains(&np.to_lowercase().as_str()) {
                return Some(((None, None), Refers::Pronoun));
            }
            return Some((names.resolve(&np, span.start as usize), Refers::Name));
        }
    }
    None
}

/// Tokens a titled name opening a clause may span ("State Rep. Wesley Graham").
const MAX_NAME_TOKENS: usize = 8;

/// A person the article names (`Names::persons`) inside the run of capitalised words (and the
/// full stops of abbreviations) that opens the clause at `first`.
fn opening_name(w: &Words, first: usize, verb: usize, names: &Names) -> Option<Who> {
    let capital = |k: usize| w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let mut end = first;
    while end < verb.min(first + MAX_NAME_TOKENS) && (capital(end) || (w.text(end) == "." && end > first)) {
        end += 1;
    }
    let (start, stop) = (w.tokens[first].span.start as usize, w.tokens.get(end.checked_sub(1)?)?.span.end as usize);
    person_in(names, start, stop)
}

/// The first person the article names (`Names::persons`) between bytes `start` and `end`.
fn person_in(names: &Names, start: usize, end: usize) -> Option<Who> {
    let (at, full) = names.persons.iter().find(|p| start <= p.0 && p.0 < end)?;
    Some(names.resolve(full, *at))
}

/// The subject of a clause opened by "a"/"an" at `first`: the name between its first two commas
/// ("A university spokesperson, Erin Laine, disputed that, saying"), named before or not; else
/// nobody ("A senior official rejected it, saying").
fn indefinite_subject(w: &Words, first: usize, verb: usize, names: &Names) -> Who {
    let commas: Vec<usize> = (first..verb).filter(|&k| w.text(k) == ",").take(2).collect();
    let [open, close] = commas[..] else { return (None, None) };
    let (start, end) = (w.tokens[open].span.end as usize, w.tokens[close].span.start as usize);
    if let Some(who) = person_in(names, start, end) {
        return who;
    }
    let capital = |k: usize| w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    if close - open > 2 && (open + 1..close).all(capital) {
        return names.resolve(w.body.get(start..end).unwrap_or("").trim(), start);
    }
    (None, None)
}

/// A pronoun, a definite role phrase or a titled name opening the clause, before `verb`.
fn opening_subject(w: &Words, verb: usize, names: &Names) -> Option<(Who, Refers)> {
    let first = (0..verb).find(|&i| w.is_word(i))?;
    if PRONOUNS.contains(&w.lower(first).as_str()) {
        return Some(((None, None), Refers::Pronoun));
    }
    if let Some(who) = opening_name(w, first, verb, names) {
        return Some((who, Refers::Name));
    }
    if matches!(w.lower(first).as_str(), "a" | "an") {
        let who = indefinite_subject(w, first, verb, names);
        let refers = if who == (None, None) { Refers::Nobody } else { Refers::Name };
        return Some((who, refers));
    }
    if w.lower(first) != "the" {
        return None;
    }
    let start = w.tokens[first].span.start;
    for end in first + 1..verb.min(first + MAX_ROLE_WORDS * 2) {
        if !w.is_word(end) && !matches!(w.text(end), "'" | "’") {
            return None;
        }
        let span = Span { start, end: w.tokens[end].span.end };
        let np = span.slice(w.body);
        if w.is_word(end) && names.is_role_reference(np) {
            return Some((names.resolve(np, start as usize), Refers::Role(span)));
        }
    }
    None
}
