//! Topic tags per paragraph from the story's lexicon, with the matched terms as evidence.
//!
//! A term matches a run of words equal to it under loose normalization ("mega-prison" matches
//! "Mega-Prison", "U.S. citizens" matches "US citizens"), never part of a word. The lexicon comes
//! from `story.toml`; nothing here knows any particular story.

use crate::align::Words;
use crate::model::{Article, Topic, TopicHit};
use crate::text::KeyMap;

/// Terms of a lexicon prepared for matching: key sequences with their topic.
pub struct Lexicon {
    /// First key of a term → (topic, full key sequence).
    by_first: KeyMap<Vec<(usize, Vec<u64>)>>,
}

impl Lexicon {
    pub fn new(topics: &[Topic]) -> Self {
        let mut by_first: KeyMap<Vec<(usize, Vec<u64>)>> = KeyMap::default();
        for (ti, t) in topics.iter().enumerate() {
            for term in &t.terms {
                let keys = Words::new(term).keys;
                if let Some(first) = keys.first() {
                    by_first.entry(*first).or_default().push((ti, keys));
                }
            }
        }
        Lexicon { by_first }
    }

    /// Topic hits of one article, paragraph by paragraph, in order.
    pub fn tag(&self, article_idx: usize, article: &Article, words: &Words) -> Vec<TopicHit> {
        let mut out = Vec::new();
        for (pi, para) in article.paragraphs.iter().enumerate() {
            let start = words.spans.partition_point(|s| s.start < para.start);
            let end = words.spans.partition_point(|s| s.end <= para.end);
            let mut hits: Vec<TopicHit> = Vec::new();
            let mut i = start;
            while i < end {
                // The longest term that starts here wins; matching resumes after it.
                let best = self.by_first.get(&words.keys[i]).and_then(|terms| {
                    terms
                        .iter()
                        .filter(|(_, keys)| i + keys.len() <= end && words.keys[i..i + keys.len()] == keys[..])
                        .max_by_key(|(_, keys)| keys.len())
                });
                let Some((ti, keys)) = best else {
                    i += 1;
                    continue;
                };
                let span = crate::model::Span { start: words.spans[i].start, end: words.spans[i + keys.len() - 1].end };
                match hits.iter_mut().find(|h| h.topic == *ti) {
                    Some(h) if !h.evidence.contains(&span) => h.evidence.push(span),
                    Some(_) => {}
                    None => {
                        hits.push(TopicHit { article: article_idx, paragraph: pi, topic: *ti, evidence: vec![span] })
                    }
                }
                i += keys.len();
            }
            hits.sort_by_key(|h| h.topic);
            out.extend(hits);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn article(body: &str) -> Article {
        Article {
            id: "a".into(),
            outlet: None,
            headline: None,
            url: None,
            date: None,
            via: None,
            author: None,
            body: body.into(),
            paragraphs: paragraphs(body),
            file: "a.txt".into(),
        }
    }

    #[test]
    fn multiword_terms_match_across_case_and_abbreviation_style() {
        let topics = vec![
            Topic { id: "citizens".into(), label: "U.S. citizens".into(), terms: vec!["U.S. citizens".into()] },
            Topic { id: "cecot".into(), label: "CECOT".into(), terms: vec!["CECOT".into(), "mega-prison".into()] },
        ];
        let a = article("Jailing US Citizens abroad.\nThe Mega-Prison (Cecot) is vast.\nNothing here: cecotX.");
        let hits = Lexicon::new(&topics).tag(0, &a, &Words::new(&a.body));
        let found: Vec<(usize, usize, Vec<&str>)> = hits
            .iter()
            .map(|h| (h.paragraph, h.topic, h.evidence.iter().map(|s| s.slice(&a.body)).collect()))
            .collect();
        assert_eq!(found, vec![(0, 0, vec!["US Citizens"]), (1, 1, vec!["Mega-Prison", "Cecot"])]);
    }
}
