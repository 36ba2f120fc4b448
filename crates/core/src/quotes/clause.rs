//! The clause shown as a quotation's attribution: the cue's own clause, nothing more.
//!
//! - A cue after the quote: from the first word after the closing mark to the end of the sentence
//!   or the first comma, colon, semicolon, dash or quote mark ("Bukele wrote on X after Rubio’s
//!   statement").
//! - A cue before the quote: from the speaker (or, when the verb names none, "…, saying", from the
//!   start of the sentence) through the verb, the speaker or listener named after it ("said Rubio",
//!   "told reporters") and the phrases of place and time that follow it ("on X", "on Monday"), up
//!   to the reported words ("Bukele confirmed the offer in a post on X, saying").
//! - A cue set between dashes inside a quote: the words between the dashes.
//!
//! Sentence and clause edges skip abbreviations ("U.S.", "Mr."). This module only reads spans; it
//! does not decide who speaks.

use super::cues::is_speech_verb;
use super::paragraph_of;
use crate::model::{Quote, Span};
use crate::text::{tokens_in, Token, TokenKind};

/// Words that open a phrase of place, time or manner after a speech verb.
const PREPOSITIONS: &[&str] = &[
    "after", "at", "before", "during", "from", "in", "inside", "on", "outside", "over", "through", "to", "via",
    "while", "with",
];

/// Verbs whose object comes before the quoted words ("called the vote “…”", "accused her opponent
/// of “…”", "describing it in a post on X as “…”").
const OBJECT_VERBS: &[&str] =
    &["accused", "accusing", "called", "calling", "described", "describing", "hailed", "hailing", "praised"];

/// Words of time that may follow a speech verb directly ("said Monday", "said last week").
const TIMES: &[&str] = &[
    "earlier",
    "friday",
    "last",
    "later",
    "monday",
    "saturday",
    "sunday",
    "this",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "yesterday",
];

const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our"];

/// The clause that attributes a quotation (see the module doc), or `None` without a cue.
pub fn attribution(body: &str, paragraphs: &[Span], q: &Quote) -> Option<Span> {
    let cue = q.cue?;
    if cue.end as usize > body.len() {
        return None;
    }
    let para = paragraph_of(paragraphs, cue.start).unwrap_or(cue);
    // A cue shared with the quotation before, in an earlier sentence ("“…,” X said. “…”").
    let shared = cue.end <= q.outer.start
        && body
            .get(cue.end as usize..q.outer.start as usize)
            .is_some_and(|gap| marks(gap).next().is_some() && ends_sentence(gap));
    let span = if let Some(dashed) = between_dashes(body, q, cue) {
        dashed
    } else if shared {
        Span::new(cue.start as usize, after_end(body, cue.start as usize, cue.end as usize, para.end as usize))
    } else if cue.start >= q.outer.end {
        let start = skip_gap(body, q.outer.end as usize, cue.start as usize);
        Span::new(start, after_end(body, start, cue.end as usize, para.end as usize))
    } else if cue.end <= q.outer.start && follows_quote(body, para, cue.start as usize) {
        // Set between two parts of one quoted sentence ("“…,” she said in an interview, “…”"):
        // read as the cue after the first part.
        Span::new(cue.start as usize, after_end(body, cue.start as usize, cue.end as usize, q.outer.start as usize))
    } else if cue.end <= q.outer.start {
        let starts_with_verb = tokens_in(body, cue)
            .first()
            .is_some_and(|t| is_speech_verb(&t.span.slice(body).to_lowercase()) && t.kind == TokenKind::Word);
        let start = if starts_with_verb { sentence_start(body, para, cue.start as usize) } else { cue.start as usize };
        // A cue shared with an earlier quotation of the same sentence ends where that one begins.
        let gap = body.get(cue.end as usize..q.outer.start.max(cue.end) as usize).unwrap_or("");
        let limit = cue.end as usize + marks(gap).next().map_or(gap.len(), |(i, _)| i);
        Span::new(start, extend(body, cue.end as usize, limit))
    } else {
        cue
    };
    Some(trim(body, span))
}

/// A dash, as a cue set inside a quotation is marked off.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-')
}

/// The words between the dashes when the cue is set between two spaced dashes inside its
/// quotation or at its split ("“… — explained economist Ann Lee, of the institute — …”").
fn between_dashes(body: &str, q: &Quote, cue: Span) -> Option<Span> {
    let (start, end) = (cue.start as usize, cue.end as usize);
    let before = body.get(..start)?.trim_end();
    let open = before.len().checked_sub(before.chars().next_back().filter(|&c| is_dash(c))?.len_utf8())?;
    let rest = body.get(end..)?;
    let close = rest.find(|c: char| is_dash(c) || is_mark(c, None) || c == '\n')?;
    let close = end + close;
    let spaced = body[..open].ends_with(' ') && body[close..].chars().nth(1) == Some(' ');
    let inside = q.outer.start as usize..=q.outer.end as usize;
    let in_quote = inside.contains(&open) || inside.contains(&close) || q.outer.end as usize == open;
    (is_dash(body[close..].chars().next()?) && spaced && in_quote && !ends_sentence(&body[end..close]))
        .then(|| Span::new(open, close + body[close..].chars().next().map_or(1, char::len_utf8)))
}

/// Is `c`, after the character `prev`, a quote mark? Double marks and ‘ always are; ’ and ' are
/// one only where they close a quotation after its punctuation (British style: ‘…,’ said Pryce),
/// not where they are an apostrophe (Pryce’s, players’).
fn is_mark(c: char, prev: Option<char>) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '‘')
        || (matches!(c, '’' | '\'') && prev.is_some_and(|p| ",.!?…".contains(p)))
}

/// Does a sentence end inside `text`: a full stop, question or exclamation mark before a space or
/// the end, not the dot of an abbreviation ("U.S. citizens")?
fn ends_sentence(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        let next = text[i + c.len_utf8()..].chars().next();
        let closes = next.is_none_or(|n| n.is_whitespace() || is_mark(n, Some(c)));
        let word = text[..i].rsplit(|x: char| x.is_whitespace() || is_mark(x, None)).next().unwrap_or("");
        closes && (matches!(c, '!' | '?') || (c == '.' && !is_abbreviation(word)))
    })
}

/// The quote marks of `text`, with their byte offsets.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut prev = None;
    text.char_indices().filter(move |&(_, c)| {
        let mark = is_mark(c, prev);
        prev = Some(c);
        mark
    })
}

/// Does a quoted part that does not end its sentence come right before `at` in its paragraph: a
/// closing mark with a comma before it (“…,” she said) or after it (“…”, she said)?
fn follows_quote(body: &str, para: Span, at: usize) -> bool {
    let text = body.get((para.start as usize).min(at)..at).unwrap_or("").trim_end();
    let comma_after = text.ends_with(',');
    let mut chars = text.trim_end_matches(',').chars().rev();
    let (last, before) = (chars.next(), chars.next());
    let closes = last.is_some_and(|c| matches!(c, '”' | '"' | '»') || (matches!(c, '’' | '\'') && is_mark(c, before)));
    closes && (comma_after || before == Some(','))
}

/// Past spaces, commas and dashes from `from`, not beyond `limit`.
fn skip_gap(body: &str, from: usize, limit: usize) -> usize {
    let text = body.get(from..limit.max(from)).unwrap_or("");
    from + (text.len() - text.trim_start_matches(|c: char| c.is_whitespace() || ",-–—".contains(c)).len())
}

/// Where a clause after a quote ends: the sentence end or the first comma, colon, semicolon, dash
/// or quote mark
/// after the cue's verb (`verb_end`): an appositive before the verb stays in.
fn after_end(body: &str, from: usize, verb_end: usize, limit: usize) -> usize {
    let end = clause_end(body, from, limit);
    let text = body.get(from..end).unwrap_or("");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if from + i < verb_end {
            continue;
        }
        let spaced = |k: usize| chars.get(k).is_none_or(|x| x.1.is_whitespace());
        let dash = matches!(c, '—' | '–') || (c == '-' && k > 0 && spaced(k - 1) && spaced(k + 1));
        let mark = is_mark(c, k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1));
        if dash || mark || matches!(c, ',' | ';' | ':' | '(') {
            return from + i;
        }
    }
    end
}

/// The start of the sentence around `at`, not before the last quote mark before it.
fn sentence_start(body: &str, para: Span, at: usize) -> usize {
    let floor = (para.start as usize).min(at);
    let text = body.get(floor..at).unwrap_or("");
    let floor = marks(text).last().map_or(floor, |(i, c)| floor + i + c.len_utf8());
    clause_start(body, floor, at)
}

/// From the end of a cue before a quote, over the phrases that belong to it: the listener after
/// "told", phrases of place and time ("on X", "in a post on X", "on Monday").
fn extend(body: &str, from: usize, limit: usize) -> usize {
    let verb = body.get(..from).unwrap_or("").rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let mut a = Ahead { body, toks: tokens_in(body, Span::new(from, limit)), i: 0, end: from };
    let verb = verb.to_lowercase();
    if matches!(verb.as_str(), "told" | "tells" | "asked" | "informed") || OBJECT_VERBS.contains(&verb.as_str()) {
        a.noun_phrase(); // the listener ("told reporters") or the object ("called the vote")
    }
    if matches!(a.word().as_deref(), Some("back" | "only" | "simply" | "merely")) {
        a.take(); // "shot back", "saying only"
    }
    loop {
        match a.word() {
            Some(w) if TIMES.contains(&w.as_str()) => {
                a.take();
                if matches!(w.as_str(), "last" | "this") && a.word().is_some() {
                    a.take();
                }
            }
            Some(w) if PREPOSITIONS.contains(&w.as_str()) => {
                let saved = (a.i, a.end);
                a.take();
                if !a.noun_phrase() {
                    (a.i, a.end) = saved;
                    break;
                }
            }
            _ => break,
        }
    }
    if OBJECT_VERBS.contains(&verb.as_str()) && matches!(a.word().as_deref(), Some("as" | "of")) {
        a.take(); // "described the study as", "accused her opponent of"
    }
    a.end
}

/// The words after a cue, read one at a time while only spaces separate them.
struct Ahead<'a> {
    body: &'a str,
    toks: Vec<Token>,
    i: usize,
    end: usize,
}

impl Ahead<'_> {
    /// The next word in lowercase, when only spaces lie between it and what was taken.
    fn word(&self) -> Option<String> {
        let t = self.toks.get(self.i).filter(|t| t.kind == TokenKind::Word)?;
        let gap = self.body.get(self.end..t.span.start as usize)?;
        gap.trim().is_empty().then(|| t.span.slice(self.body).to_lowercase())
    }
    fn take(&mut self) {
        if let Some(t) = self.toks.get(self.i) {
            self.end = t.span.end as usize;
            self.i += 1;
        }
    }
    /// An optional determiner and up to three words, stopping at "that", a preposition or a
    /// second determiner. False (and nothing taken) when no word follows the determiner.
    fn noun_phrase(&mut self) -> bool {
        let saved = (self.i, self.end);
        let determiner = self.word().filter(|w| DETERMINERS.contains(&w.as_str()));
        if determiner.is_some() {
            self.take();
            // "her" with no noun after it is the object itself ("called her “…”").
            if determiner.as_deref() == Some("her") && self.word().is_none() {
                return true;
            }
        }
        let mut taken = 0;
        while taken < 3 {
            match self.word() {
                // A pronoun after a noun opens the reported words ("said in a statement it would").
                Some(w) if taken > 0 && w == "it" => break,
                Some(w) if !ends_noun_phrase(&w) => {
                    self.take();
                    taken += 1;
                }
                _ => break,
            }
        }
        if taken == 0 {
            (self.i, self.end) = saved;
        }
        taken > 0
    }
}

/// Does `w` (lowercase) end a noun phrase after a verb: "that", a preposition, a determiner, or a
/// subject pronoun opening the reported words ("told reporters he was")?
fn ends_noun_phrase(w: &str) -> bool {
    w == "that"
        || PREPOSITIONS.contains(&w)
        || DETERMINERS.contains(&w)
        || matches!(w, "he" | "she" | "they" | "we" | "i")
}

/// Without spaces, commas, colons or dashes at either end.
fn trim(body: &str, span: Span) -> Span {
    let text = span.slice(body);
    let edge = |c: char| c.is_whitespace() || ",:;-–—".contains(c);
    let lead = text.len() - text.trim_start_matches(edge).len();
    let trimmed = text.trim_start_matches(edge).trim_end_matches(edge);
    Span::new(span.start as usize + lead, span.start as usize + lead + trimmed.len())
}

/// From `from` to the end of its clause: the next sentence end, capped at `limit`.
pub(super) fn clause_end(body: &str, from: usize, limit: usize) -> usize {
    let limit = limit.max(from).min(body.len());
    let text = body.get(from..limit).unwrap_or("");
    let mut end = limit;
    for (i, c) in text.char_indices() {
        // A full stop right after the closing mark ("… ‘the most extraordinary’. He said …") ends
        // the sentence too.
        if matches!(c, '.' | '!' | '?' | '\n') && (i > 0 || c != '\n') {
            let before = &text[..i];
            let last_word = before.rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.').next().unwrap_or("");
            if c == '.' && i > 0 && is_abbreviation(last_word) {
                continue;
            }
            end = from + i;
            break;
        }
    }
    end
}

/// From the start of the clause that ends at `to`, not before `floor`.
pub(super) fn clause_start(body: &str, floor: usize, to: usize) -> usize {
    let floor = floor.min(to);
    let text = body.get(floor..to).unwrap_or("");
    let mut start = floor;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let last_word = text[..i].rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.').next().unwrap_or("");
            let followed_by_space = text[i + 1..].starts_with(char::is_whitespace);
            if followed_by_space && !is_abbreviation(last_word) {
                start = floor + i + 1;
            }
        }
    }
    start
}

pub(super) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w == "X" {
        return false; // "in a post on X." ends a sentence far more often than it abbreviates
    }
    (w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase) && w.len() <= 2)
        || w.split('.').all(|p| p.chars().count() <= 1)
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Jr"
                | "Sr"
                | "Prof"
                | "Capt"
                | "Col"
                | "Lt"
                | "Sgt"
                | "Adm"
                | "Cmdr"
                | "Maj"
                | "Cpl"
                | "Supt"
                | "Det"
                | "Rev"
                | "Fr"
        )
}

#[cfg(test)]
mod tests {
    use crate::model::Speaker;

    fn clause(text: &str) -> Option<String> {
        let sp = [Speaker { name: "Ann Lee".into(), aliases: Vec::new() }];
        let a = crate::testkit::article("a", text);
        let q = crate::quotes::find_quotes(0, &a.body, &a.paragraphs, &sp);
        super::attribution(&a.body, &a.paragraphs, q.first()?).map(|s| s.slice(&a.body).to_string())
    }

    #[test]
    fn her_as_the_object_of_called_stays_in_the_clause() {
        assert_eq!(
            clause("Mayor Ann Lee called her “a friend to all” on Monday.").as_deref(),
            Some("Mayor Ann Lee called her")
        );
        let text = "Mayor Ann Lee called her plan “a fraud” on Monday.";
        assert_eq!(clause(text).as_deref(), Some("Mayor Ann Lee called her plan"));
    }
}
