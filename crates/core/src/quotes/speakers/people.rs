//! People an article names, listed or not, and where: what a pronoun cue ("she said") can refer
//! to. A run of capitalised words counts as a person only with a sign that it is one — a title or
//! role before it ("Analyst Priya Raman", "shop owner Luis Ferreira"), an appositive or an age after
//! it ("Juanita Goebertus, the Americas director", "Daniel Pruitt, 47,"), or a verb next to it
//! ("said Siobhan Morden", "Nikola Varga led") — so that places and companies ("El Salvador",
//! "Hollins Research", "the Boston Harbors") are left out. A surname alone names the person the
//! article gave in full before. This module does not resolve cues; `cues` and `pronouns` do.

use super::{Word, DETERMINERS, TITLES};
use crate::text::is_stopword;

/// Role nouns that stand before a name, capitalised or not ("Analyst", "coach", "Parent").
pub(super) const ROLE_NOUNS: &[&str] = &[
    "activist",
    "analyst",
    "author",
    "billionaire",
    "candidate",
    "chair",
    "chairman",
    "chairwoman",
    "coach",
    "councillor",
    "councilman",
    "councilwoman",
    "defender",
    "democrat",
    "economist",
    "entrepreneur",
    "farmer",
    "fisherman",
    "epidemiologist",
    "executive",
    "forecaster",
    "forward",
    "founder",
    "goalkeeper",
    "head",
    "investor",
    "lawyer",
    "manager",
    "mayor",
    "member",
    "midfielder",
    "officer",
    "official",
    "organizer",
    "owner",
    "parent",
    "pastor",
    "player",
    "republican",
    "researcher",
    "resident",
    "rev",
    "scientist",
    "spokesperson",
    "striker",
    "student",
    "teacher",
    "worker",
];

/// Is this word a title or role that may stand before a name?
pub(in crate::quotes) fn is_title_or_role(lower: &str) -> bool {
    TITLES.contains(&lower) || ROLE_NOUNS.contains(&lower)
}

/// (byte offset, full name as printed) of every mention of a person the article names in full,
/// and of their surname alone after that. Listed speakers are found by `Names` and may appear
/// here too; callers prefer the listed speaker at the same offset.
pub(super) fn person_mentions(words: &[Word]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let run = capital_run(words, i);
        if run == 0 {
            if let Some(full) = known_surname(&out, &words[i]) {
                out.push((words[i].at, full));
            }
            i += 1;
            continue;
        }
        let names = &words[i..i + run];
        let titled = names.iter().rposition(|w| is_title_or_role(&w.lower));
        let first = titled.map_or(0, |k| k + 1);
        let name = &names[first..];
        let full = || name.iter().map(|w| w.text.trim_end_matches("’s").trim_end_matches("'s")).collect::<Vec<_>>();
        if name.len() >= 2 && (titled.is_some() || person_signs(words, i, i + run)) {
            out.push((name[0].at, full().join(" ")));
        } else if name.len() == 1 {
            if let Some(full) = known_surname(&out, &name[0]) {
                out.push((name[0].at, full));
            }
        }
        i += run;
    }
    out
}

/// How many capitalised, joined words start at `i` (a possessive word ends the run, and is in it).
fn capital_run(words: &[Word], i: usize) -> usize {
    let mut n = 0;
    while let Some(w) = words.get(i + n) {
        if !w.capital || is_stopword(&w.lower) || (n > 0 && !w.joined) {
            break;
        }
        n += 1;
        if w.possessive {
            break;
        }
    }
    n
}

/// The full name of a person named before whose surname `w` is.
fn known_surname(people: &[(usize, String)], w: &Word) -> Option<String> {
    if !w.capital || w.possessive {
        return None;
    }
    people
        .iter()
        .rev()
        .find(|(_, full)| full.rsplit(' ').next().is_some_and(|s| s.to_lowercase() == w.lower))
        .map(|(_, full)| full.clone())
}

/// Signs that the capitalised words `start..end` name a person.
fn person_signs(words: &[Word], start: usize, end: usize) -> bool {
    if words[end - 1].possessive {
        return false;
    }
    let before = start.checked_sub(1).map(|k| &words[k]);
    if before.is_some_and(|b| DETERMINERS.contains(&b.lower.as_str())) || names_place(words, start) {
        return false;
    }
    // Only spaces (or the full stop of a short title: "Rev.", "Sen.") may separate the two.
    let joined = words[start].joined;
    let role_before = before.is_some_and(|b| {
        (is_title_or_role(&b.lower) && (joined || b.text.len() <= 4))
            || (joined && b.lower.ends_with("er") && !is_stopword(&b.lower))
    });
    let verb_before = joined && before.is_some_and(|b| super::super::cues::is_speech_verb(&b.lower));
    let after = words.get(end);
    let appositive = after.is_some_and(|a| {
        let lead = a.text.starts_with(|c: char| c.is_ascii_digit()) || DETERMINERS.contains(&a.lower.as_str());
        a.comma && (lead || matches!(a.lower.as_str(), "who" | "whose") || is_title_or_role(&a.lower))
    });
    let verb_after = after.is_some_and(|a| a.joined && !a.capital && is_verb_like(&a.lower));
    role_before || verb_before || appositive || verb_after
}

/// A lowercase word that reads as the verb of a subject before it.
fn is_verb_like(lower: &str) -> bool {
    super::super::cues::is_speech_verb(lower)
        || matches!(lower, "was" | "is" | "has" | "had" | "led" | "scored" | "made" | "struck" | "took")
        || (lower.ends_with("ed") && lower.len() > 4)
}

/// Prepositions after which a run of capitalised words names a place ("in San José").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside"];

/// Does the run starting at `start` name a place: right after "in", "near" or "outside", or after
/// a comma that follows such a place ("in San José, Costa Rica")?
fn names_place(words: &[Word], start: usize) -> bool {
    let after_preposition = |k: usize| {
        k > 0 && words[k].joined && PLACE_PREPOSITIONS.contains(&words[k - 1].lower.as_str()) && words[k].capital
    };
    if after_preposition(start) {
        return true;
    }
    if !words[start].comma {
        return false;
    }
    let mut k = start;
    while k > 0 && words[k - 1].capital && (k == start || words[k].joined) {
        k -= 1;
    }
    k < start && after_preposition(k)
}
