//! Roles an article binds to people — a title before a name ("Salvadoran President Nayib
//! Bukele", "Mayor Patricia Okafor"), an appositive after it ("Thomas Frank, the Brentford
//! manager,") — and which person a role noun phrase names ("the president", "the Arsenal
//! manager"). A role binds listed speakers and other people the article names in full alike. A
//! phrase whose modifier conflicts with a binding's ("the Arsenal manager" against "the Brentford
//! manager") does not take it. This module does not find cues; `cues` asks it when a cue's speaker
//! is a role.

use super::{is_title_or_role, words_of, Names, Word, DETERMINERS, ROLE_ENDS};
use crate::quotes::pronouns::Who;
use crate::text::is_stopword;

/// A title or role the article binds to a person.
pub(super) struct Role {
    /// Who the role is bound to: a listed speaker, or a person as the article names them in full.
    pub(super) who: Who,
    /// Where the binding starts (byte offset).
    at: usize,
    /// The words a noun phrase may end with to name the role ("president"; "secretary", "state").
    heads: Vec<String>,
    /// Every word of the role, for preferring the closer wording.
    words: Vec<String>,
}

/// A role noun phrase read as words: its head and the modifiers before it (no determiners).
struct RolePhrase {
    head: String,
    modifiers: Vec<String>,
}

impl RolePhrase {
    fn new(np: &str) -> Option<Self> {
        let mut words: Vec<String> =
            words_of(np).into_iter().map(|w| w.lower).filter(|w| !DETERMINERS.contains(&w.as_str())).collect();
        let head = words.pop()?;
        Some(RolePhrase { head, modifiers: words })
    }

    /// Does the binding `r` name this phrase: the head matches and no modifier conflicts?
    fn fits(&self, r: &Role) -> bool {
        r.heads.contains(&self.head) && !self.conflicts(r)
    }

    /// Both the phrase and the binding carry modifiers, and none of them agree ("Arsenal" and
    /// "Brentford"; "El Salvador's" agrees with "Salvadoran" by its stem).
    fn conflicts(&self, r: &Role) -> bool {
        let theirs: Vec<&String> = r.words.iter().filter(|w| !r.heads.contains(w) && !is_stopword(w)).collect();
        let ours: Vec<&String> = self.modifiers.iter().filter(|w| !is_stopword(w)).collect();
        !ours.is_empty() && !theirs.is_empty() && !ours.iter().any(|m| r.words.iter().any(|t| same_stem(m, t)))
    }

    fn overlap(&self, r: &Role) -> usize {
        self.modifiers.iter().filter(|m| r.words.contains(m)).count()
    }
}

/// Heads of the roles an unnamed source is given ("the official said"), which never describe the
/// person just named.
const UNNAMED_HEADS: &[&str] =
    &["aide", "official", "officials", "person", "source", "spokesman", "spokesperson", "spokeswoman"];

/// Two words sharing their first five letters (or equal, when shorter): "salvador", "salvadoran".
fn same_stem(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && stem(a) == stem(b))
}

impl Names<'_> {
    /// The listed speaker a role noun phrase ("the president", "El Salvador's president") names:
    /// bound before `at` first, then the closer wording, then the one named last.
    pub(super) fn by_role(&self, np: &str, at: usize) -> Option<usize> {
        let phrase = RolePhrase::new(np)?;
        self.roles
            .iter()
            .filter(|r| r.who.0.is_some() && phrase.fits(r))
            .map(|r| ((r.at < at, phrase.overlap(r), self.last_named(&r.who, at)), r.who.0))
            .max_by_key(|(k, _)| *k)
            .and_then(|(_, s)| s)
    }

    /// Who a definite role phrase ("the president", "the forward", "the Arsenal manager") at byte
    /// `at` names, given who a pronoun in its place would (`antecedent`). Read as news copy uses
    /// it: the person just named, unless the article gave them another role; else the person
    /// bound to the role; else nobody named (the clause shows the role).
    pub(in crate::quotes) fn resolve_role(&self, np: &str, at: usize, antecedent: Option<&Who>) -> Who {
        let printed = (None, None);
        let Some(phrase) = RolePhrase::new(np) else { return printed };
        let before = |r: &&Role| r.at < at;
        if let Some(a) = antecedent {
            let theirs: Vec<&Role> = self.roles.iter().filter(before).filter(|r| same_person(&r.who, a)).collect();
            // An age ("the 43-year-old leader") describes the person just named, not an office.
            if theirs.is_empty() || theirs.iter().any(|r| phrase.fits(r)) || gives_age(np) {
                return a.clone();
            }
            // A role the article gave nobody ("the former county defender", "the U.S. diplomat"
            // after "Rubio, for his part, described …") describes the person just named too.
            let someone_elses = self.roles.iter().filter(before).any(|r| phrase.fits(r));
            let former = phrase.modifiers.iter().any(|m| m == "former");
            let office = !UNNAMED_HEADS.contains(&phrase.head.as_str());
            if !someone_elses && (former || (office && a.0.is_some())) {
                return a.clone();
            }
        }
        self.roles
            .iter()
            .filter(before)
            .filter(|r| phrase.fits(r))
            .max_by_key(|r| (phrase.overlap(r), self.last_named(&r.who, at)))
            .map_or(printed, |r| r.who.clone())
    }

    /// Is `np` a definite role phrase ("the forward") that names nobody by name or hand-written
    /// alias ("the Salvadoran president" may be one)?
    pub(in crate::quotes) fn is_role_reference(&self, np: &str) -> bool {
        is_role_phrase(np) && super::resolve_speaker(np, self.speakers).is_none()
    }

    /// Where `who` was last named before byte `at`, by name or by a role bound to them.
    fn last_named(&self, who: &Who, at: usize) -> Option<usize> {
        let by_name = match who {
            (Some(s), _) => self.mentions.iter().rev().find(|m| m.1 == *s && m.0 < at).map(|m| m.0),
            (None, Some(full)) => self.persons.iter().rev().find(|p| &p.1 == full && p.0 < at).map(|p| p.0),
            _ => None,
        };
        let by_role = self.roles.iter().filter(|r| same_person(&r.who, who) && r.at < at).map(|r| r.at).max();
        by_name.max(by_role)
    }
}

/// Roles bound to the people the article names in full who are not listed speakers (a listed
/// speaker's mention at the same place wins).
pub(super) fn person_roles(words: &[Word], persons: &[(usize, String)], listed: &[(usize, usize)]) -> Vec<Role> {
    let mut out = Vec::new();
    for (pos, full) in persons.iter().filter(|p| !listed.iter().any(|m| m.0 == p.0)) {
        let i = words.partition_point(|w| w.at < *pos);
        let Some(first) = words.get(i) else { continue };
        let n = if full.split_whitespace().next() == Some(first.text.as_str()) {
            full.split_whitespace().count()
        } else {
            1
        };
        let who = (None, Some(full.clone()));
        out.extend(role_before(words, i, &who));
        if words.get(i + n - 1).is_some_and(|w| !w.possessive) {
            out.extend(role_after(words, i + n, &who));
        }
    }
    out
}

/// Is `np` a definite role phrase — "the" and up to four lowercase or modifying words ending in
/// a role noun ("the president", "the Arsenal manager", "the team's owner", "the former Notts
/// County defender")?
fn is_role_phrase(np: &str) -> bool {
    let words = words_of(np);
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    // A hyphenated compound ("the 43-year-old leader") counts as one word.
    let count = np.split_whitespace().count();
    first.lower == "the"
        && (2..=5).contains(&count)
        && !last.capital
        && (is_title_or_role(&last.lower) || gives_age(np))
}

/// Does a role phrase give an age: "the 43-year-old leader"?
fn gives_age(np: &str) -> bool {
    let np = np.to_lowercase().replace(['‐', '–'], "-");
    np.contains("-year-old ") || np.ends_with("-year-old")
}

/// The same person: the same listed speaker, or the same name as printed.
fn same_person(a: &Who, b: &Who) -> bool {
    match (a, b) {
        ((Some(x), _), (Some(y), _)) => x == y,
        ((None, Some(x)), (None, Some(y))) => x == y,
        _ => false,
    }
}

/// A title or role right before a name: "Salvadoran President", "El Salvador's president",
/// "Secretary of State".
pub(super) fn role_before(words: &[Word], name: usize, who: &Who) -> Option<Role> {
    let mut taken: Vec<&Word> = Vec::new();
    let mut i = name;
    let mut modified = false;
    while i > 0 && taken.len() < 5 && words[i].joined {
        let w = &words[i - 1];
        if w.lower == "of" && !taken.is_empty() && i > 1 && words[i - 1].joined && words[i - 2].capital {
            taken.push(w);
            i -= 1;
            continue;
        }
        if DETERMINERS.contains(&w.lower.as_str()) {
            modified = true;
            break;
        }
        if is_stopword(&w.lower) || super::super::cues::is_speech_verb(&w.lower) || (w.possessive && taken.is_empty()) {
            break;
        }
        modified |= w.possessive || (!taken.is_empty() && is_adjective(w));
        taken.push(w);
        i -= 1;
    }
    let head = taken.first()?;
    if !head.capital && !modified && !is_title_or_role(&head.lower) {
        return None;
    }
    Some(role(who, words[name].at, taken.iter().rev().map(|w| w.lower.clone()).collect()))
}

/// A nationality or other adjective that marks the next word as a role ("Salvadoran president").
fn is_adjective(w: &Word) -> bool {
    w.capital && ["an", "ian", "ese", "ish", "i", "ic"].iter().any(|s| w.lower.ends_with(s))
}

/// An appositive right after a name: "Bukele, El Salvador's president," "Doe, a professor at Yale".
pub(super) fn role_after(words: &[Word], after: usize, who: &Who) -> Option<Role> {
    let first = words.get(after)?;
    let opens = first.capital || DETERMINERS.contains(&first.lower.as_str()) || is_title_or_role(&first.lower);
    if !first.comma || !opens {
        return None;
    }
    let mut taken = vec![first.lower.clone()];
    let mut closed = false;
    for w in words[after + 1..].iter().take(7) {
        if !w.joined || ROLE_ENDS.contains(&w.lower.as_str()) {
            closed = true;
            break;
        }
        if super::super::cues::is_speech_verb(&w.lower) {
            return None;
        }
        taken.push(w.lower.clone());
    }
    let head = taken.last()?;
    if !closed || is_stopword(head) || head.ends_with("ing") || head.ends_with("ed") || taken.len() < 2 {
        return None;
    }
    Some(role(who, first.at, taken))
}

/// A role from its words in order: the last word is its head, and so is a word before "of".
fn role(who: &Who, at: usize, words: Vec<String>) -> Role {
    let words: Vec<String> = words.into_iter().filter(|w| !DETERMINERS.contains(&w.as_str())).collect();
    let mut heads: Vec<String> = words.last().cloned().into_iter().collect();
    heads.extend(words.windows(2).filter(|p| p[1] == "of").map(|p| p[0].clone()));
    // News copy calls the holder of an office by what the office is: a head of state or
    // government "the leader", a secretary of state or foreign minister "the top diplomat".
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("president") || has("premier") || (has("prime") && has("minister")) {
        heads.push("leader".into());
    }
    if (has("secretary") && has("state")) || (has("foreign") && has("minister")) || has("ambassador") {
        heads.push("diplomat".into());
    }
    Role { who: who.clone(), at, heads, words }
}
