//! Export contract v1 (JSON) and a CSV of the matches.
//!
//! Written by hand rather than through `serde_json` so that the browser build stays small; the
//! tests parse the output with `serde_json` to hold it to the contract. Offsets are UTF-8 byte
//! offsets into `sources[].text` and `articles[].body` exactly as exported.

use crate::model::{Corpus, Match};
use std::fmt::Write;

/// The contract's version number.
pub const VERSION: u32 = 1;

/// Export contract v1 for the given articles (indexes into the corpus) and their matches.
pub fn json(corpus: &Corpus, articles: &[usize]) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("{\"version\":1,\n\"story\":{\"title\":");
    string(&mut out, &corpus.story.title);
    out.push_str(",\"summary\":");
    string(&mut out, &corpus.story.summary);
    out.push_str("},\n\"sources\":[");
    for (i, s) in corpus.story.sources.iter().enumerate() {
        sep(&mut out, i);
        out.push_str("{\"id\":");
        string(&mut out, &s.id);
        out.push_str(",\"speaker\":");
        string(&mut out, corpus.story.speakers.get(s.speaker).map_or("", |sp| sp.name.as_str()));
        out.push_str(",\"text\":");
        string(&mut out, &s.text);
        out.push('}');
    }
    out.push_str("],\n\"articles\":[");
    for (n, &i) in articles.iter().enumerate() {
        let Some(a) = corpus.articles().get(i) else {
            continue;
        };
        sep(&mut out, n);
        out.push_str("{\"id\":");
        string(&mut out, &a.id);
        out.push_str(",\"outlet\":");
        string(&mut out, a.outlet_name());
        out.push_str(",\"date\":");
        match a.date {
            Some(d) => string(&mut out, &d.to_string()),
            None => out.push_str("null"),
        }
        for (key, value) in [("headline", &a.headline), ("url", &a.url), ("via", &a.via), ("author", &a.author)] {
            let _ = write!(out, ",\"{key}\":");
            match value {
                Some(v) => string(&mut out, v),
                None => out.push_str("null"),
            }
        }
        out.push_str(",\"body\":");
        string(&mut out, &a.body);
        out.push('}');
    }
    out.push_str("],\n\"matches\":[");
    let chosen = selection(corpus, articles);
    for (n, m) in corpus.matches.iter().filter(|m| chosen[m.article]).enumerate() {
        sep(&mut out, n);
        match_json(&mut out, corpus, m);
    }
    out.push_str("]}\n");
    out
}

/// `chosen[i]`: article `i` is among `articles`.
fn selection(corpus: &Corpus, articles: &[usize]) -> Vec<bool> {
    let mut chosen = vec![false; corpus.articles().len()];
    for &i in articles {
        if let Some(c) = chosen.get_mut(i) {
            *c = true;
        }
    }
    chosen
}

fn match_json(out: &mut String, corpus: &Corpus, m: &Match) {
    out.push_str("{\"article\":");
    string(out, corpus.articles().get(m.article).map_or("", |a| a.id.as_str()));
    out.push_str(",\"source\":");
    string(out, corpus.story.sources.get(m.source).map_or("", |s| s.id.as_str()));
    let _ = write!(
        out,
        ",\"kind\":\"{}\",\"source_start\":{},\"source_end\":{},\"article_start\":{},\"article_end\":{},\"similarity\":{:.4}",
        m.kind.as_str(),
        m.source_span.start,
        m.source_span.end,
        m.article_span.start,
        m.article_span.end,
        m.similarity
    );
    if let Some(name) = m.quote.and_then(|q| corpus.quote_speaker(q)) {
        out.push_str(",\"attributed_to\":");
        string(out, name);
    }
    out.push_str(",\"ops\":[");
    for (i, o) in m.ops.iter().enumerate() {
        sep(out, i);
        let _ = write!(
            out,
            "{{\"op\":\"{}\",\"source_start\":{},\"source_end\":{},\"article_start\":{},\"article_end\":{}}}",
            o.tag.as_str(),
            o.source.start,
            o.source.end,
            o.article.start,
            o.article.end
        );
    }
    out.push_str("]}");
}

fn sep(out: &mut String, i: usize) {
    if i > 0 {
        out.push_str(",\n");
    } else {
        out.push('\n');
    }
}

/// Writes `s` as a JSON string literal.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// One CSV row per match: ids, outlet, date, kind, similarity, offsets, and both texts.
pub fn csv(corpus: &Corpus, articles: &[usize]) -> String {
    let mut out = String::from("article,outlet,date,source,kind,similarity,source_start,source_end,article_start,article_end,source_text,article_text\r\n");
    let chosen = selection(corpus, articles);
    for m in corpus.matches.iter().filter(|m| chosen[m.article]) {
        let (Some(a), Some(s)) = (corpus.articles().get(m.article), corpus.story.sources.get(m.source)) else {
            continue;
        };
        let date = a.date.map(|d| d.to_string()).unwrap_or_default();
        let fields = [
            a.id.clone(),
            a.outlet_name().to_string(),
            date,
            s.id.clone(),
            m.kind.as_str().to_string(),
            format!("{:.4}", m.similarity),
            m.source_span.start.to_string(),
            m.source_span.end.to_string(),
            m.article_span.start.to_string(),
            m.article_span.end.to_string(),
            m.source_span.slice(&s.text).to_string(),
            m.article_span.slice(&a.body).to_string(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    }
    out
}

fn csv_field(out: &mut String, f: &str) {
    // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote.
    let risky = f.starts_with(['=', '+', '-', '@']);
    if risky || f.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if risky {
            out.push('\'');
        }
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}
