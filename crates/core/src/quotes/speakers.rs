//! Who a noun phrase names, as one article uses names.
//!
//! The story lists its speakers by full name, with optional hand-written aliases. An article adds
//! its own ways of naming them, and [`Names`] reads those from the article itself: the full name,
//! the surname alone, a title or role the article binds to the name ("Salvadoran President Nayib
//! Bukele", "Bukele, El Salvador's president,"), so that "the president" or "El Salvador's
//! president" resolve to the speaker the article last called that. A person the story does not
//! list, named once in full and then by surname ("Jane Doe … Doe said"), is printed by the full
//! name. Hand-written aliases are tried first and win over anything inferred. This module does not
//! find cues or quotes; `cues` asks it to resolve the noun phrase a cue names.

mod orgs;
mod people;
mod roles;

use crate::model::Speaker;
use crate::text::{is_stopword, tokenize, TokenKind};
pub(super) use people::is_title_or_role;
use roles::{role_after, role_before, Role};

/// Titles and honorifics that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "attorney",
    "auditor",
    "bishop",
    "brother",
    "capt",
    "captain",
    "chancellor",
    "chief",
    "cllr",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "cpl",
    "deputy",
    "det",
    "detective",
    "director",
    "dr",
    "father",
    "foreign",
    "gen",
    "general",
    "gov",
    "governor",
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "minister",
    "mp",
    "mr",
    "mrs",
    "ms",
    "premier",
    "president",
    "prime",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheriff",
    "sir",
    "sister",
    "spokesman",
    "spokeswoman",
    "state",
    "superintendent",
    "supt",
    "treasurer",
    "vice",
];

const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our"];

/// Words that introduce a phrase after a role ("president of El Salvador", "a professor at Yale").
const ROLE_ENDS: &[&str] = &["at", "for", "from", "in", "of", "on", "who", "which", "with"];

/// One word of the article: where it is, its lowercase form (apostrophes straight, no possessive
/// ending), whether it is capitalized or possessive, and whether punctuation separates it from the
/// word before.
struct Word {
    at: usize,
    text: String,
    lower: String,
    capital: bool,
    possessive: bool,
    joined: bool,
    /// A comma (and nothing else but spaces) separates it from the word before.
    comma: bool,
}

/// How one article names people: the story's speakers and the others it names in full.
pub struct Names<'a> {
    speakers: &'a [Speaker],
    roles: Vec<Role>,
    /// (byte offset, speaker) of every mention of a known speaker by name, in order.
    mentions: Vec<(usize, usize)>,
    /// (lowercase surname, full name as printed) of people named in full, first mention first.
    people: Vec<(String, String)>,
    /// (byte offset, full name) of every mention of a person, listed or not (see `people`).
    pub(super) persons: Vec<(usize, String)>,
    /// Every mention of an organisation, in order.
    orgs: Vec<orgs::Org>,
}

fn words_of(body: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end = 0;
    for t in tokenize(body) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let text = t.span.slice(body);
        let gap = body.get(prev_end..t.span.start as usize).unwrap_or("");
        // A hyphenated name is one word: "Rees-Evans", "Jean-Pierre".
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        if let (true, "-", Some(prev)) = (capital, gap, out.last_mut()) {
            if prev.capital && !prev.possessive {
                prev.text = format!("{}-{text}", prev.text);
                prev.lower = prev.text.to_lowercase().replace('’', "'");
                prev.possessive = prev.lower.ends_with("'s");
                prev.lower = prev.lower.strip_suffix("'s").unwrap_or(&prev.lower).to_string();
                prev_end = t.span.end as usize;
                continue;
            }
        }
        let joined = !out.is_empty() && gap.chars().all(|c| c.is_whitespace() || c == '-') && !gap.contains('\n');
        let comma = gap.trim() == ",";
        prev_end = t.span.end as usize;
        let lower = text.to_lowercase().replace('’', "'");
        let possessive = lower.ends_with("'s");
        let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
        out.push(Word { at: t.span.start as usize, text: text.to_string(), lower, capital, possessive, joined, comma });
    }
    out
}

/// The lowercase names a speaker goes by everywhere: the full name, its last word, and the aliases.
pub fn names(s: &Speaker) -> Vec<String> {
    let mut out = vec![s.name.to_lowercase()];
    if let Some(last) = s.name.split_whitespace().last() {
        out.push(last.to_lowercase());
    }
    out.extend(s.aliases.iter().map(|a| a.to_lowercase().replace('’', "'")));
    out.retain(|a| !a.is_empty());
    out
}

/// A speaker's name as words to look for: (speaker, lowercase words, written with a capital).
type NameParts = (usize, Vec<String>, bool);

/// Every name and alias of every speaker, as words.
fn name_parts(speakers: &[Speaker]) -> Vec<NameParts> {
    let mut out = Vec::new();
    for (si, s) in speakers.iter().enumerate() {
        let surname = s.name.split_whitespace().last().unwrap_or("");
        for name in std::iter::once(s.name.as_str()).chain([surname]).chain(s.aliases.iter().map(String::as_str)) {
            let parts: Vec<String> = name
                .split_whitespace()
                .map(|p| {
                    let p = p.to_lowercase().replace('’', "'");
                    p.strip_suffix("'s").map_or(p.clone(), str::to_string)
                })
                .collect();
            if !parts.is_empty() {
                out.push((si, parts, name.chars().next().is_some_and(char::is_uppercase)));
            }
        }
    }
    out
}

/// Does a name of a speaker start at word `i`? Returns (speaker, words it spans), longest first.
/// A name written with a capital must be printed with one ("Bukele", not "bukele").
fn mention_at(words: &[Word], i: usize, parts: &[NameParts]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let first = words.get(i)?;
    for (si, name, capital) in parts {
        let fits = (first.capital || !capital)
            && name.iter().enumerate().all(|(k, p)| {
                words
                    .get(i + k)
                    .is_some_and(|w| w.lower == *p && (k == 0 || w.joined) && (k + 1 == name.len() || !w.possessive))
            });
        if fits && best.is_none_or(|(_, n)| name.len() > n) {
            best = Some((*si, name.len()));
        }
    }
    best
}

impl<'a> Names<'a> {
    /// Reads how `body` names the `speakers`.
    pub fn new(body: &str, speakers: &'a [Speaker]) -> Self {
        let words = words_of(body);
        let persons = people::person_mentions(&words);
        let orgs = orgs::org_mentions(body, &words);
        let mut names = Names { speakers, roles: Vec::new(), mentions: Vec::new(), people: Vec::new(), persons, orgs };
        let parts = name_parts(speakers);
        let mut i = 0;
        while i < words.len() {
            if let Some((si, n)) = mention_at(&words, i, &parts) {
                names.mentions.push((words[i].at, si));
                if !words[i + n - 1].possessive {
                    let who = (Some(si), None);
                    names.roles.extend(role_before(&words, i, &who));
                    names.roles.extend(role_after(&words, i + n, &who));
                }
                i += n;
                continue;
            }
            if let Some((surname, full)) = person_at(&words, i) {
                if !names.people.iter().any(|(s, _)| *s == surname) {
                    names.people.push((surname, full));
                }
            }
            i += 1;
        }
        names.roles.extend(roles::person_roles(&words, &names.persons, &names.mentions));
        names
    }

    /// (byte offset, speaker) of every mention of a known speaker by name, in order.
    pub fn mentions(&self) -> &[(usize, usize)] {
        &self.mentions
    }

    /// The known speaker named last before byte `at`, outside the spans `skip` (quotations), and
    /// where.
    pub fn named_before(&self, at: usize, skip: &[crate::model::Span]) -> Option<(usize, usize)> {
        let outside = |pos: usize| !skip.iter().any(|s| (s.start as usize) <= pos && pos < s.end as usize);
        self.mentions.iter().rev().find(|m| m.0 < at && outside(m.0)).copied()
    }

    /// The known speaker named first by name between bytes `start` and `end`.
    pub fn first_mention_in(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.0 < start);
        self.mentions.get(i).filter(|m| m.0 < end).map(|m| m.1)
    }

    /// Who the noun phrase `np` (found at byte `at`) names: a known speaker, else the person as
    /// printed, joined to the full name the article gives when `np` is a surname.
    pub fn resolve(&self, np: &str, at: usize) -> (Option<usize>, Option<String>) {
        if let Some(s) = resolve_speaker(np, self.speakers) {
            return (Some(s), None);
        }
        if let Some(s) = self.by_role(np, at) {
            return (Some(s), None);
        }
        if let Some(org) = self.organisation(np, at) {
            return (None, Some(org));
        }
        (None, self.printed(np))
    }

    /// The fullest name the article gives a person with this (lowercase) surname: "Ana Lucía
    /// Herrera" rather than "Lucía Herrera".
    fn full_name(&self, surname: &str) -> Option<String> {
        let ends = |full: &str| full.rsplit(' ').next().is_some_and(|s| s.to_lowercase().replace('’', "'") == surname);
        let longest = self.persons.iter().map(|p| &p.1).filter(|f| ends(f)).max_by_key(|f| f.split(' ').count());
        longest.cloned().or_else(|| self.people.iter().find(|(s, _)| s == surname).map(|p| p.1.clone()))
    }

    /// A person the story does not list, by the fullest name the article gives; None when the
    /// phrase names nobody: a role alone ("the husband", "a senior Nauruan official", "A U.S.
    /// Department of Agriculture spokesperson"), or a role for an organisation ("A spokesman for
    /// Harlow Build", "a spokesperson for the Department of Health and Social Care").
    fn printed(&self, np: &str) -> Option<String> {
        let words = words_of(np);
        let run = words.iter().rev().take_while(|w| w.capital && !w.possessive).count();
        let name = &words[words.len() - run..];
        // A full name after a title in the run ("… of Natural Resources Director Ann Lee") is a
        // person even where an organisation's name opens the run.
        let titled = name.iter().rposition(|w| is_title_or_role(&w.lower)).is_some_and(|k| name.len() - k > 2);
        let before = words.len().checked_sub(run + 1).map(|k| &words[k]);
        if !titled && before.is_some_and(|w| !w.capital && ORG_LINKS.contains(&w.lower.as_str())) {
            return None;
        }
        // "The Environment Agency": capitalised words after "The" name an organisation.
        if name.first().is_some_and(|w| w.lower == "the") {
            return None;
        }
        let after_title = name.iter().rposition(|w| is_title_or_role(&w.lower)).map_or(0, |k| k + 1);
        let name: Vec<&Word> = name[after_title..].iter().collect();
        let indefinite = words.first().is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "one"));
        match name.as_slice() {
            [] => None,
            [_] if indefinite => None, // "a Democrat", "an Arsenal spokesman" has no capital run
            [surname] => Some(self.full_name(&surname.lower).unwrap_or_else(|| np.to_string())),
            // A full name after a title or an organisation and a role ("Corvex spokesperson Dana
            // Whitfield", "Cllr Ben Ashworth"): the name alone.
            [first, _, ..] => Some(np.get(first.at..).unwrap_or(np).to_string()),
        }
    }
}

/// Lowercase words that put an organisation's name after a role ("spokesman for Harlow Build",
/// "the Department of Health and Social Care").
const ORG_LINKS: &[&str] = &["and", "at", "for", "from", "in", "of", "the", "with"];

/// A person named in full at word `i`: a capitalized first name (not a title) joined to a
/// capitalized surname. Returns (lowercase surname, "First Surname").
fn person_at(words: &[Word], i: usize) -> Option<(String, String)> {
    let (first, last) = (words.get(i)?, words.get(i + 1)?);
    let plain = |w: &Word| w.capital && !TITLES.contains(&w.lower.as_str()) && !is_stopword(&w.lower);
    if !(plain(first) && plain(last) && last.joined && !first.possessive) {
        return None;
    }
    let surname = last.text.trim_end_matches("’s").trim_end_matches("'s");
    Some((last.lower.clone(), format!("{} {surname}", first.text)))
}

/// The known speaker a noun phrase names by name or hand-written alias, preferring the name that
/// ends the phrase. A possessive ("Bukele's spokesman") names someone else.
pub fn resolve_speaker(np: &str, speakers: &[Speaker]) -> Option<usize> {
    let lower = np.to_lowercase().replace('’', "'");
    let mut best: Option<(usize, usize)> = None; // (score, speaker)
    for (si, s) in speakers.iter().enumerate() {
        for alias in names(s) {
            if let Some(pos) = find_words(&lower, &alias) {
                let rest = &lower[pos + alias.len()..];
                if rest.starts_with("'s") {
                    continue;
                }
                let at_end = rest.trim_end_matches(['.', ',']).is_empty();
                let hand_written = s.aliases.iter().any(|a| a.to_lowercase().replace('’', "'") == alias);
                let score = alias.split_whitespace().count() * 2 + usize::from(at_end) * 3 + usize::from(hand_written);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, si));
                }
            }
        }
    }
    best.map(|(_, si)| si)
}

/// Byte position of `needle` in `hay` as whole words.
pub fn find_words(hay: &str, needle: &str) -> Option<usize> {
    let hay = hay.replace('’', "'");
    let mut from = 0;
    while let Some(pos) = hay.get(from..)?.find(needle) {
        let at = from + pos;
        let end = at + needle.len();
        let ok_before = hay[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let ok_after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if ok_before && ok_after {
            return Some(at);
        }
        from = at + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests;
