//! Builders for tests: a story around Bukele's post from article texts written inline.

use crate::model::{Article, Corpus, OpTag, Source, Span, Speaker, Story};
use crate::text::{keyed, tokens_in, Normalization};

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

/// The same story with every alias removed: the speakers go by their names alone.
pub fn bare_story(texts: &[&str]) -> Story {
    let mut s = story(texts);
    for sp in &mut s.speakers {
        sp.aliases.clear();
    }
    s
}

pub fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        outlet: Some(format!("Outlet {id}")),
        headline: None,
        url: None,
        date: None,
        via: None,
        author: None,
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

fn check_span(text: &str, s: Span, what: &str) -> Result<(), String> {
    if s.start > s.end || s.end as usize > text.len() {
        return Err(format!("{what} {s:?} out of bounds"));
    }
    if !text.is_char_boundary(s.start as usize) || !text.is_char_boundary(s.end as usize) {
        return Err(format!("{what} {s:?} splits a character"));
    }
    Ok(())
}

/// Words of a span: no word of `text` lies in it.
fn no_words(text: &str, s: Span) -> bool {
    keyed(&tokens_in(text, s), text, Normalization::REPORT).0.is_empty()
}

fn ensure(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(why())
    }
}

/// What every analysis must satisfy, whatever the text: spans in bounds and on character
/// boundaries; ops in order, tiling their match with no word left between them; `equal` ops equal
/// after normalization and the other ops true to their names. Shared by the property tests and the
/// fuzz targets.
pub fn invariants(c: &Corpus) -> Result<(), String> {
    for m in &c.matches {
        let body = &c.story.articles[m.article].body;
        let src = &c.story.sources[m.source].text;
        check_span(body, m.article_span, "article span")?;
        check_span(src, m.source_span, "source span")?;
        ensure(!m.ops.is_empty(), || "a match without ops".into())?;
        ensure((0.0..=1.0).contains(&m.similarity), || format!("similarity {}", m.similarity))?;
        let (mut a, mut s) = (m.article_span.start, m.source_span.start);
        for o in &m.ops {
            check_span(body, o.article, "op article span")?;
            check_span(src, o.source, "op source span")?;
            ensure(o.article.start >= a && o.source.start >= s, || format!("ops out of order: {:?}", m.ops))?;
            ensure(no_words(body, Span { start: a, end: o.article.start }), || "a word between ops".into())?;
            ensure(no_words(src, Span { start: s, end: o.source.start }), || "a source word between ops".into())?;
            a = o.article.end;
            s = o.source.end;
            let ak = keyed(&tokens_in(body, o.article), body, Normalization::REPORT).1;
            let sk = keyed(&tokens_in(src, o.source), src, Normalization::REPORT).1;
            let ok = match o.tag {
                OpTag::Equal => ak == sk,
                OpTag::Insert => sk.is_empty() && !ak.is_empty(),
                OpTag::Delete => ak.is_empty() && !sk.is_empty(),
                OpTag::Replace => ak != sk && !ak.is_empty() && !sk.is_empty(),
            };
            ensure(ok, || format!("{:?} op {:?} is not what its tag says", o.tag, o))?;
        }
        ensure(a <= m.article_span.end && s <= m.source_span.end, || "ops run past the match".into())?;
        ensure(no_words(body, Span { start: a, end: m.article_span.end }), || "the ops end before the match".into())?;
        ensure(no_words(src, Span { start: s, end: m.source_span.end }), || {
            "the ops end before the source span".into()
        })?;
    }
    for q in &c.quotes {
        let body = &c.story.articles[q.article].body;
        check_span(body, q.outer, "quote")?;
        check_span(body, q.inner, "quote inner")?;
        ensure(q.outer.contains(q.inner) || q.cue.is_some(), || format!("quote {q:?} outside its marks"))?;
    }
    for h in &c.topic_hits {
        for e in &h.evidence {
            check_span(&c.story.articles[h.article].body, *e, "topic evidence")?;
        }
    }
    Ok(())
}
