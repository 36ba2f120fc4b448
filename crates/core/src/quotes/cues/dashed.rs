//! A long attribution set between dashes inside one quotation, as translated copy and Spanish-style
//! quotes print it: "“It is a very generous offer — Rubio said the next day at a press conference
//! in San José, Costa Rica — but …”", "“… — explained economist Tatiana Rivas, of the Salvadoran
//! Foundation for Fiscal Studies — …”". The quotation splitter takes short dashed cues (ten words
//! at most) on its own; this module finds the longer ones, which open with their speech verb or
//! with a speaker and the verb. It only finds the span; `cues` reads the speaker from it.

use super::is_speech_verb;
use crate::model::Span;

/// Words a dashed attribution may hold.
const MAX_WORDS: usize = 16;
/// The speech verb must be among the first this many words between the dashes.
const VERB_WITHIN: usize = 3;

/// The span from the first dash to the end of the second of a long dashed attribution inside
/// `inner`, if there is one.
pub(super) fn long_cue(body: &str, inner: Span) -> Option<Span> {
    let text = inner.slice(body);
    let dashes: Vec<(usize, usize)> = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '–' | '—') && text[..i].ends_with(' ') && text[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, c)| (i, c.len_utf8()))
        .collect();
    let pair = dashes.windows(2).find(|pair| {
        let words: Vec<String> = text[pair[0].0..pair[1].0]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= MAX_WORDS && words.iter().take(VERB_WITHIN).any(|w| is_speech_verb(w))
    })?;
    let base = inner.start as usize;
    Some(Span::new(base + pair[0].0, base + pair[1].0 + pair[1].1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str) -> Option<&str> {
        long_cue(text, Span::new(0, text.len())).map(|s| &text[s.start as usize..s.end as usize])
    }

    #[test]
    fn a_long_attribution_between_dashes_opens_with_its_verb() {
        let text = "The sums add up — argued historian Ann Lee, of the Institute for Coastal Studies in Cork — but only on paper.";
        assert_eq!(cue(text), Some("— argued historian Ann Lee, of the Institute for Coastal Studies in Cork —"));
        let text = "It is fair — Lee said on Friday at a briefing in Lima, Peru — and overdue.";
        assert_eq!(cue(text), Some("— Lee said on Friday at a briefing in Lima, Peru —"));
    }

    #[test]
    fn an_aside_between_dashes_with_a_late_verb_is_no_attribution() {
        let text = "The plan — which the council, after much debate, finally said it would fund — failed.";
        assert_eq!(cue(text), None);
        assert_eq!(cue("No dashes here, said Lee."), None);
    }

    /// (speaker, clause) of each quotation of `text`, with Ann Lee listed.
    fn attributed(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let sp = [crate::model::Speaker { name: "Ann Lee".into(), aliases: Vec::new() }];
        let a = crate::testkit::article("a", text);
        crate::quotes::find_quotes(0, &a.body, &a.paragraphs, &sp)
            .iter()
            .map(|q| {
                let who = q.speaker.map(|i| sp[i].name.clone()).or(q.speaker_text.clone());
                let clause = crate::quotes::attribution(&a.body, &a.paragraphs, q);
                (who, clause.map(|s| s.slice(&a.body).to_string()))
            })
            .collect()
    }

    #[test]
    fn a_dashed_cue_has_the_words_between_the_dashes_as_its_clause() {
        let long =
            "“The sums add up — argued historian Ann Lee, of the Institute for Coastal Studies — but only on paper.”";
        let clause = "argued historian Ann Lee, of the Institute for Coastal Studies";
        assert_eq!(attributed(long)[0], (Some("Ann Lee".into()), Some(clause.into())));
        let short = "“The sums add up — warns Ann Lee, of the institute — but only on paper.”";
        assert_eq!(attributed(short)[0], (Some("Ann Lee".into()), Some("warns Ann Lee, of the institute".into())));
    }
}
