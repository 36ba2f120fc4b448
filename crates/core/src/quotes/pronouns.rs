//! What a pronoun cue ("he said", "she told reporters") refers to: the person named first in the
//! nearest sentence before the cue that names anyone — the subject of that sentence, as a reader
//! takes it ("Bukele made the offer after meeting Marco Rubio. In a post on X, he wrote") — counting
//! the cues already resolved as namings. Names inside quotations do not count. This module does not
//! find cues; `cues` asks it when a cue's speaker is a pronoun.

use super::speakers::Names;
use crate::model::Span;

/// Who is speaking: (known speaker, as printed).
pub(super) type Who = (Option<usize>, Option<String>);

/// The person a pronoun cue at byte `at` refers to, if the article named anyone before it.
pub(super) fn antecedent(
    body: &str,
    names: &Names,
    quotes: &[Span],
    resolved: &[(usize, Who)],
    at: usize,
) -> Option<Who> {
    let outside = |pos: usize| !quotes.iter().any(|s| (s.start as usize) <= pos && pos < s.end as usize);
    let mut found: Vec<(usize, Who)> = names.mentions().iter().map(|&(pos, s)| (pos, (Some(s), None))).collect();
    for (pos, full) in &names.persons {
        if !found.iter().any(|(p, _)| p == pos) {
            found.push((*pos, names.resolve(full, *pos)));
        }
    }
    found.extend(resolved.iter().cloned());
    found.retain(|(pos, _)| *pos < at && outside(*pos));
    found.sort_by_key(|(pos, _)| *pos);
    let nearest = found.last()?.0;
    let start = sentence_start(body, nearest);
    found.into_iter().find(|(pos, _)| *pos >= start).map(|(_, who)| who)
}

/// Where the sentence around byte `at` starts: after the last sentence end (a full stop, question
/// or exclamation mark, perhaps closed by a quote mark, then a space) or line break before it.
fn sentence_start(body: &str, at: usize) -> usize {
    let text = body.get(..at).unwrap_or("");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in (0..chars.len()).rev() {
        let (i, c) = chars[k];
        if c == '\n' {
            return i + 1;
        }
        if matches!(c, '.' | '!' | '?') && ends_sentence(text, &chars, k) {
            return i + 1;
        }
    }
    0
}

/// Is the mark at `chars[k]` a sentence end: followed by a space (after any closing quote marks)
/// and not ending an abbreviation?
fn ends_sentence(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let mut j = k + 1;
    while chars.get(j).is_some_and(|x| matches!(x.1, '”' | '"' | '’' | '\'' | '»')) {
        j += 1;
    }
    if !chars.get(j).is_some_and(|x| x.1.is_whitespace()) {
        return false;
    }
    let word = text[..chars[k].0].rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    chars[k].1 != '.' || !super::clause::is_abbreviation(word)
}
