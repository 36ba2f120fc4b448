//! Builders for tests: a story around Bukele's post from article texts written inline.

use crate::model::{Article, Corpus, Source, Span, Speaker, Story};

/// The post the seed corpus is about, as a test source.
pub const POST: &str = "We have offered the United States of America the opportunity to outsource part of its prison system.\n\nWe are willing to take in only convicted criminals (including convicted U.S. citizens) into our mega-prison (CECOT) in exchange for a fee.\n\nThe fee would be relatively low for the U.S. but significant for us, making our entire prison system sustainable.";

/// A story with `POST` by Nayib Bukele, Marco Rubio as another speaker, and one article per text.
pub fn story(texts: &[&str]) -> Story {
    let speakers = vec![
        Speaker {
            name: "Nayib Bukele".into(),
            aliases: vec!["President Bukele".into(), "the Salvadoran president".into()],
        },
        Speaker { name: "Marco Rubio".into(), aliases: vec!["Rubio".into(), "Secretary Rubio".into()] },
    ];
    let source = Source {
        id: "post".into(),
        speaker: 0,
        place: "X".into(),
        date: None,
        url: None,
        text: POST.into(),
        sentences: crate::text::sentences(POST, Span::new(0, POST.len())),
    };
    let articles = texts.iter().enumerate().map(|(i, t)| article(&format!("a{i}"), t)).collect();
    Story { title: "t".into(), summary: String::new(), sources: vec![source], speakers, topics: Vec::new(), articles }
}

pub fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        outlet: Some(format!("Outlet {id}")),
        headline: None,
        url: None,
        date: None,
        via: None,
        body: body.into(),
        paragraphs: crate::text::paragraphs(body),
        file: format!("articles/{id}.txt"),
    }
}

/// Analyses the texts as one story.
pub fn analyze(texts: &[&str]) -> Corpus {
    crate::analyze(story(texts), Vec::new())
}

/// (kind, article text, source text) of every match in article `i`.
pub fn found(c: &Corpus, i: usize) -> Vec<(&'static str, String, String)> {
    let a = &c.story.articles[i];
    c.matches_of(i)
        .map(|m| {
            (
                m.kind.as_str(),
                m.article_span.slice(&a.body).to_string(),
                m.source_span.slice(&c.story.sources[m.source].text).to_string(),
            )
        })
        .collect()
}
