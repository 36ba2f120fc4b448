//! Text reports for people: the `check` summary and the `quotes` diff, coloured on a terminal.

use presslens_core::compare::{rows, SegmentKind};
use presslens_core::text::Normalization;
use presslens_core::{Corpus, MatchKind};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Articles, outlets, undated, sources, matches per source and kind, topics, clusters.
pub fn summary(c: &Corpus) -> String {
    let mut out = String::new();
    let arts = c.articles();
    let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
    for a in arts {
        *outlets.entry(a.outlet_name()).or_default() += 1;
    }
    let _ = writeln!(out, "story:    {}", c.story.title);
    let _ = writeln!(out, "articles: {} ({} undated)", arts.len(), arts.iter().filter(|a| a.date.is_none()).count());
    let _ = writeln!(out, "outlets:  {}", outlets.len());
    for (o, n) in &outlets {
        let _ = writeln!(out, "  {n:>4}  {o}");
    }
    let _ = writeln!(out, "sources:  {}", c.story.sources.len());
    for (si, s) in c.story.sources.iter().enumerate() {
        let speaker = c.story.speakers.get(s.speaker).map_or("", |sp| sp.name.as_str());
        let _ = writeln!(out, "  {} ({speaker}, {} sentences)", s.id, s.sentences.len());
        for kind in [MatchKind::Quoted, MatchKind::Unmarked, MatchKind::Paraphrase] {
            let ms: Vec<_> = c.matches.iter().filter(|m| m.source == si && m.kind == kind).collect();
            let mut in_arts: Vec<usize> = ms.iter().map(|m| m.article).collect();
            in_arts.dedup();
            let _ =
                writeln!(out, "  {n:>4}  {:<10} matches in {} articles", kind.as_str(), in_arts.len(), n = ms.len());
        }
    }
    let _ = writeln!(out, "topics:   {}", c.story.topics.len());
    for (ti, t) in c.story.topics.iter().enumerate() {
        let mut in_arts: Vec<usize> = c.topic_hits.iter().filter(|h| h.topic == ti).map(|h| h.article).collect();
        in_arts.dedup();
        let _ = writeln!(out, "  {:>4}  {} ({})", in_arts.len(), t.label, t.id);
    }
    let _ = writeln!(out, "quotes:   {} quotations, {} clusters across articles", c.quotes.len(), c.clusters.len());
    for cl in &c.clusters {
        let v = &cl.variants[cl.canonical];
        let n: usize = cl.variants.iter().map(|v| v.quotes.len()).sum();
        let who = c.story.speaker_name(cl.speaker, cl.speaker_text.as_deref()).unwrap_or("unattributed");
        let wordings = match cl.variants.len() {
            1 => "1 wording".to_string(),
            w => format!("{w} wordings"),
        };
        let _ = writeln!(out, "  {n:>4}  {who}: “{}” ({wordings})", ellipsize(&v.text, 70));
    }
    out
}

fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str, plain_open: &str, plain_close: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            format!("{plain_open}{text}{plain_close}")
        }
    }
}

/// Per article, per source, per sentence: each match's words as kept / [-dropped-] /
/// [-changed-]{+wording+} / {+added+}, with words outside the match in (parentheses) when plain.
pub fn quotes(c: &Corpus, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "legend: kept  [-left out-]  [-source-]{{+article+}} changed  {{+added+}}  (…not in this match…)\n"
    );
    for (ai, a) in c.articles().iter().enumerate() {
        let date = a.date.map_or("undated".to_string(), |d| d.to_string());
        let via = a.via.as_deref().map(|v| format!(" via {v}")).unwrap_or_default();
        let _ =
            writeln!(out, "{}", st.paint("1", &format!("{} — {}{via}, {date}", a.id, a.outlet_name()), "== ", " =="));
        for (si, s) in c.story.sources.iter().enumerate() {
            for (n, row) in rows(c, ai, si, Normalization::REPORT).iter().enumerate() {
                let pct = (row.reproduced * 100.0).round();
                if row.is_absent() {
                    let _ = writeln!(out, "  {} sentence {}: absent", s.id, n + 1);
                    continue;
                }
                let _ = writeln!(out, "  {} sentence {}: {pct}% reproduced", s.id, n + 1);
                for m in &row.matches {
                    let mut line = String::new();
                    for seg in &m.segments {
                        let src = seg.source.slice(&s.text);
                        let art = seg.article.slice(&a.body);
                        let piece = match seg.kind {
                            SegmentKind::Kept => st.paint("32", src, "", ""),
                            SegmentKind::Dropped => st.paint("31;9", src, "[-", "-]"),
                            SegmentKind::Changed => {
                                format!("{}{}", st.paint("31;9", src, "[-", "-]"), st.paint("33", art, "{+", "+}"))
                            }
                            SegmentKind::Added => st.paint("34", art, "{+", "+}"),
                            SegmentKind::Outside => st.paint("2", src, "(", ")"),
                        };
                        line.push_str(&piece);
                        line.push(' ');
                    }
                    let _ = writeln!(out, "    {:<10} {}", c.matches[m.index].kind.as_str(), line.trim_end());
                }
            }
        }
        out.push('\n');
    }
    out
}
