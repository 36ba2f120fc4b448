//! Attribution cues: the speech verb next to a quotation ("Rubio said", "said Rubio", "according
//! to Bukele", "he added", "…, saying") and the speaker it names.
//!
//! A cue is looked for inside a dash-inserted attribution first (a long one: `dashed`), then
//! right after the quote in the same sentence, then before it in the same sentence. A pronoun takes the subject of the
//! nearest sentence naming a person (`pronouns`); after a sentence in which an unnamed source
//! speaks, it refers to that source (`unnamed`). The subject may stand before an appositive
//! (`appositive`) or an "of" phrase ("Jenna Park of the National Hurricane Center said", `names`);
//! an inverted speaker ("said Tomas Berg") must end where a name ends (`inverted`). A clause with
//! no speech verb that ends in a colon before the quote gives its subject (`colon`). A quotation
//! with no cue continues the previous speaker (a role phrase, "the president said", is read by
//! `speakers` against the same antecedent; after an unnamed source, nobody); it shares the
//! previous quotation's cue when it continues its sentence or opens the next sentence of the same
//! paragraph ("“…,” X said. “…”"). A scare quote or a name in quote marks ("the so-called “…”",
//! "has been described as a ‘…’") has neither speaker nor cue (`scare`). Names are resolved by
//! [`Names`]; the clause shown as the attribution is `clause`'s business.

use super::clause::{self, clause_end, clause_start};
use super::paragraph_of;
use super::speakers::Names;
use crate::model::{Quote, Span};
use crate::text::{tokens_in, Token, TokenKind};
use inverted::{ends_phrase, inverts, names_follow, noun_phrase_after};

mod according;
mod appositive;
mod colon;
mod dashed;
mod guards;
mod inverted;
mod names;
mod scare;
mod subject;
mod unnamed;

/// Verbs (and "according") that introduce reported speech.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "according",
    "accused",
    "accusing",
    "acknowledged",
    "added",
    "adding",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "apologised",
    "apologized",
    "argued",
    "asked",
    "asserted",
    "boasted",
    "called",
    "calling",
    "cautioned",
    "claimed",
    "commented",
    "conceded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "described",
    "describing",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "gushed",
    "hailed",
    "hailing",
    "insisted",
    "mused",
    "noted",
    "observed",
    "pleaded",
    "posted",
    "praised",
    "predicted",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "revealed",
    "said",
    "saying",
    "says",
    "specified",
    "stated",
    "states",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "warns",
    "writes",
    "writing",
    "wrote",
];

pub(super) fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.binary_search(&lower).is_ok()
}

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Words of a window with their lowercase form, for cue matching.
pub(super) struct Words<'a> {
    pub(super) body: &'a str,
    pub(super) tokens: Vec<Token>,
}

impl<'a> Words<'a> {
    fn new(body: &'a str, span: Span) -> Self {
        Words { body, tokens: tokens_in(body, span) }
    }
    pub(super) fn text(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.body)
    }
    pub(super) fn lower(&self, i: usize) -> String {
        self.text(i).to_lowercase().replace('’', "'")
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }
}

/// A speaker found next to a quote: (known speaker, as printed, cue span, how the cue names them).
pub(super) type Cue = (Option<usize>, Option<String>, Span, Refers);

/// How a cue names its speaker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Refers {
    /// By name, or by a phrase resolved on its own ("Rubio", "El Salvador's president").
    Name,
    /// By a pronoun ("she said"): the speaker is its antecedent.
    Pronoun,
    /// As an unnamed source ("said one resident", "A senior official …, saying"): nobody, whom the
    /// quotations after it continue and a pronoun after it refers to.
    Nobody,
    /// By a definite role phrase at this span ("the president said"), read against the antecedent
    /// a pronoun there would have.
    Role(Span),
}

use super::pronouns::{antecedent, Who};

/// Sets each quote's speaker and cue.
pub(super) fn attribute(body: &str, paragraphs: &[Span], names: &Names, mut quotes: Vec<Quote>) -> Vec<Quote> {
    let mut last: Who = (None, None);
    // Cues resolved so far, as namings, and the sentences where an unnamed source speaks.
    let mut resolved: Vec<(usize, Who)> =
        unnamed::sources(body, paragraphs, names).into_iter().map(|at| (at, (None, None))).collect();
    let outers: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
    for qi in 0..quotes.len() {
        let q = &quotes[qi];
        let para = paragraph_of(paragraphs, q.outer.start).unwrap_or(q.outer);
        let next_start = quotes.get(qi + 1).map_or(para.end, |n| n.outer.start.min(para.end).max(q.outer.end));
        let prev_end = qi.checked_sub(1).map_or(para.start, |p| quotes[p].outer.end.clamp(para.start, q.outer.start));
        let after =
            Span { start: q.outer.end, end: clause_end(body, q.outer.end as usize, next_start as usize) as u32 };
        let before =
            Span { start: clause_start(body, prev_end as usize, q.outer.start as usize) as u32, end: q.outer.start };
        if q.cue.is_none() && scare::is_scare(before.slice(body)) {
            continue; // words in quote marks that nobody says: no cue to look for
        }
        // A quotation that ends its sentence ("… system.” He said …) leaves a cue that leads into
        // the next quotation of the paragraph to that one.
        let ends_sentence = q.inner.slice(body).trim_end().ends_with(['.', '!', '?']);
        let leads_on = ends_sentence && after.end == next_start && qi + 1 < quotes.len();
        // A quotation that closes its sentence (“….” She said …) is attributed by its own
        // sentence first; the next sentence's cue belongs to what follows it.
        let after_cue = || if leads_on { None } else { cue_in(body, after, names, Side::After) };
        let before_cue = || cue_in(body, before, names, Side::Before);
        // A dashed attribution: split off by `quotes`, or a long one inside an unsplit quotation.
        let long = q.cue.is_none().then(|| dashed::long_cue(body, q.inner)).flatten();
        let found = q.cue.or(long).and_then(|c| cue_in(body, c, names, Side::Before)).or_else(|| {
            // A quotation inside its sentence whose after-words go on with "and" ("called the
            // closure “…” and said …") belongs to the cue before it, when there is one.
            let goes_on = body.get(after.start as usize..after.end as usize).is_some_and(|t| {
                t.trim_start_matches(|c: char| c.is_whitespace() || c == ',').to_lowercase().starts_with("and ")
            });
            if ends_sentence || goes_on {
                before_cue().or_else(after_cue)
            } else {
                after_cue().or_else(before_cue)
            }
        });
        // No sentence break since the previous quote of this paragraph ended.
        let same_sentence = qi > 0 && quotes[qi - 1].outer.end >= para.start && before.start == prev_end;
        let prev_cue = qi.checked_sub(1).and_then(|p| quotes[p].cue);
        let same_paragraph = qi > 0 && quotes[qi - 1].outer.start >= para.start;
        let q = &mut quotes[qi];
        let unnamed = matches!(found, Some((_, _, _, Refers::Nobody)));
        match found {
            Some((_, _, cue, Refers::Pronoun)) => {
                q.cue = Some(cue);
                let at = cue.start.min(q.outer.start) as usize;
                (q.speaker, q.speaker_text) =
                    antecedent(body, names, &outers, &resolved, at).unwrap_or_else(|| last.clone());
            }
            Some((_, _, cue, Refers::Role(np))) => {
                q.cue = Some(cue);
                let at = np.start as usize;
                let before = antecedent(body, names, &outers, &resolved, at);
                (q.speaker, q.speaker_text) = names.resolve_role(np.slice(body), at, before.as_ref());
            }
            Some((speaker, text, cue, Refers::Name | Refers::Nobody)) => {
                q.cue = Some(cue);
                (q.speaker, q.speaker_text) = (speaker, text);
            }
            // No cue: the next fragment of the same sentence shares the previous one's cue; a
            // quote standing alone continues the previous speaker.
            None if same_sentence => {
                q.cue = prev_cue;
                (q.speaker, q.speaker_text) = last.clone();
            }
            // A quote opening a sentence right after a quoted one ("“…,” X said. “…”") shares
            // its cue within the paragraph.
            None if before.slice(body).trim().is_empty() => {
                q.cue = prev_cue.filter(|_| same_paragraph);
                (q.speaker, q.speaker_text) = last.clone();
            }
            None => {}
        }
        // An unnamed source is who the quotations after it continue.
        if unnamed || q.speaker.is_some() || q.speaker_text.is_some() {
            last = (q.speaker, q.speaker_text.clone());
            resolved.push((q.cue.map_or(q.outer.start, |c| c.start) as usize, last.clone()));
        }
    }
    quotes
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Before,
    After,
}

/// Words a cue after a quote may put before its verb when they are a name and an appositive.
const MAX_APPOSITIVE_CUE: usize = 24;

/// Is the verb at `verb` preceded by a name and an appositive closed by a comma, in one sentence:
/// "Andrea Lozano, a Central America analyst at the Hemisphere Policy Institute in Washington,"?
fn appositive_before(w: &Words, verb: usize) -> bool {
    let Some(first_comma) = (0..verb).find(|&k| w.text(k) == ",") else { return false };
    let named = (0..first_comma).any(|k| w.is_word(k) && w.text(k).starts_with(char::is_uppercase));
    let one_sentence = !(0..verb).any(|k| {
        matches!(w.text(k), "." | "!" | "?" | ";" | ":") && !(k > 0 && clause::is_abbreviation(w.text(k - 1)))
    });
    named && one_sentence && first_comma + 1 < verb && verb > 0 && w.text(verb - 1) == ","
}

/// Looks for a speech verb in `window` and the speaker it names.
pub(super) fn cue_in(body: &str, window: Span, names: &Names, side: Side) -> Option<Cue> {
    if window.is_empty() {
        return None;
    }
    let w = Words::new(body, window);
    let n = w.tokens.len();
    let verbs: Vec<usize> = (0..n).filter(|&i| guards::is_cue_verb(&w, i)).collect();
    if side == Side::Before && verbs.is_empty() {
        return colon::cue(&w, names);
    }
    let verb = match side {
        // After a quote the cue comes at once: ", Salvadoran President Nayib Bukele said".
        // Or later, after a name and an appositive between commas: ", lead author Valeria Sosa, of
        // the National University of Comahue, told AFP".
        Side::After => *verbs.iter().find(|&&i| {
            let before = (0..i).filter(|&j| w.is_word(j)).count();
            before <= 8 || (before <= MAX_APPOSITIVE_CUE && appositive_before(&w, i))
        })?,
        Side::Before => *verbs.last()?,
    };
    let (np, np_span) = speaker_phrase(&w, verb);
    let verb_span = w.tokens[verb].span;
    let cue = Span {
        start: np_span.map_or(verb_span.start, |s| s.start.min(verb_span.start)),
        end: np_span.map_or(verb_span.end, |s| s.end.max(verb_span.end)),
    };
    if np.is_empty() {
        // "…, saying, “…”": the speaker is whoever the clause is about.
        return subject::subject(&w, &verbs, verb, names).map(|(who, refers)| (who.0, who.1, cue, refers));
    }
    if let Some(who) =
        np_span.filter(|s| s.start >= verb_span.end).and_then(|s| inverted::role_then_name(&w, &np, s, names))
    {
        return Some((who.0, who.1, cue, Refers::Name));
    }
    if np.split_whitespace().count() == 1 && PRONOUNS.contains(&np.to_lowercase().as_str()) {
        return Some((None, None, cue, Refers::Pronoun));
    }
    if inverted::is_unnamed(&np) {
        return Some((None, None, cue, Refers::Nobody));
    }
    let at = np_span.map_or(0, |s| s.start as usize);
    let (known, printed) = names.resolve(&np, at);
    let refers = match np_span {
        Some(span) if names.is_role_reference(&np) => Refers::Role(span),
        _ => Refers::Name,
    };
    Some((known, printed, cue, refers))
}

/// The phrase that names the speaker of `verb`: before it ("Rubio said"), or after it ("said
/// Rubio", "according to Bukele").
fn speaker_phrase(w: &Words, verb: usize) -> (String, Option<Span>) {
    let verb_lower = w.lower(verb);
    if verb_lower == "according" {
        let to = verb + 1 + usize::from(verb + 1 < w.tokens.len() && w.lower(verb + 1) == "to");
        return according::issuer(w, to).unwrap_or_else(|| noun_phrase_after(w, verb + 1));
    }
    match noun_phrase_before(w, verb) {
        (np, Some(span)) if !np.is_empty() => names::of_phrase(w, np, span),
        // "Okafor, who pushed for the project, called"; "The team's owner, Gerald Whitcomb, told".
        _ if !verb_lower.ends_with("ing") && verb > 0 && w.text(verb - 1) == "," => {
            match appositive::subject(w, verb - 1) {
                Some((np, Some(span))) if !np.is_empty() => names::of_phrase(w, np, span),
                _ => (String::new(), None),
            }
        }
        // "said Rubio", "said the president"; see `inverts`.
        _ if inverts(&verb_lower) && names_follow(w, verb + 1) => {
            let (np, span) = noun_phrase_after(w, verb + 1);
            if ends_phrase(w, span) {
                (np, span)
            } else {
                (String::new(), None)
            }
        }
        _ => (String::new(), None),
    }
}

/// "shot back", "hit back", "fired back": a verb of reply when "back" follows.
fn answers_back(w: &Words, i: usize) -> bool {
    matches!(w.lower(i).as_str(), "shot" | "hit" | "fired") && i + 1 < w.tokens.len() && w.lower(i + 1) == "back"
}

/// Words a phrase before a verb may take; a proper name may run on ([`MAX_NAME`]).
const MAX_PHRASE: usize = 6;
/// Words a run of capitalised words before a verb may take ("Los Angeles County Fire Chief
/// Anthony Marrone").
const MAX_NAME: usize = 10;

/// Up to six words before `verb`, stopping at punctuation, quote marks and conjunctions; up to ten
/// when they are all capitalised.
pub(super) fn noun_phrase_before(w: &Words, verb: usize) -> (String, Option<Span>) {
    let mut first = verb;
    let mut last = verb;
    let mut i = verb;
    let mut taken = 0;
    let mut all_capital = true;
    while i > 0 && (taken < MAX_PHRASE || (all_capital && taken < MAX_NAME)) {
        i -= 1;
        if taken >= MAX_PHRASE && !(w.is_word(i) && w.text(i).starts_with(char::is_uppercase)) {
            break;
        }
        if !w.is_word(i) {
            let abbreviation = w.text(i) == "." && i > 0 && clause::is_abbreviation(w.text(i - 1));
            if abbreviation || joins_compound(w, i) || names::plural_possessive(w, i) {
                continue;
            }
            break;
        }
        let lower = w.lower(i);
        if names::links_name(w, i) {
            first = i;
            taken += 1;
            continue;
        }
        if (lower.ends_with("ly")
            || matches!(lower.as_str(), "also" | "then" | "later" | "again" | "further" | "now" | "still"))
            && first == verb
        {
            last = i; // "reportedly stated": the adverb is not part of the name
            continue;
        }
        if matches!(
            lower.as_str(),
            "and" | "that" | "but" | "which" | "who" | "what" | "as" | "while" | "after" | "when"
        ) {
            break;
        }
        first = i;
        // The parts of a hyphenated compound ("the Lima-based Centre") count once.
        taken += usize::from(!(i + 1 < verb && joins_compound(w, i + 1)));
        all_capital &= w.text(i).starts_with(char::is_uppercase);
        if matches!(lower.as_str(), "a" | "an" | "the") {
            break;
        }
    }
    phrase(w, first, last)
}

/// Is token `i` a hyphen inside a compound ("43-year-old"), touching a word on each side?
fn joins_compound(w: &Words, i: usize) -> bool {
    let touches = |a: usize, b: usize| w.tokens[a].span.end == w.tokens[b].span.start;
    w.text(i) == "-" && i > 0 && i + 1 < w.tokens.len() && touches(i - 1, i) && touches(i, i + 1)
}

pub(super) fn phrase(w: &Words, from: usize, to: usize) -> (String, Option<Span>) {
    if from >= to {
        return (String::new(), None);
    }
    let span = Span { start: w.tokens[from].span.start, end: w.tokens[to - 1].span.end };
    (span.slice(w.body).to_string(), Some(span))
}
