//! The first screen as static HTML: what the explorer shows at its default address (title, summary,
//! view tabs, the facet panel with its counts, the first 20 results), written into index.html
//! so that a reader sees the story before the wasm arrives, and a page without JavaScript still
//! shows it. The markup and classes are the app's own (src/app.rs, src/components/{tabs,facets,
//! results,export,viewport}.rs, src/views/browse.rs); the app removes this copy in the same task in which it
//! mounts its own, so nothing moves. Every text comes from the analysed corpus and is escaped.

use crate::html::escape;
use presslens_core::query::{encode_component as encode, excerpt, run, Hit, Index, Query};
use presslens_core::Corpus;
use regex::Regex;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// The element index.html holds for the first screen, empty in the source page.
pub const ID: &str = "first-paint";
/// Closes a written first screen, so that a later run can find its end and replace it.
const END: &str = "<!--/first-paint-->";
/// Cards the app draws before it has measured the list (src/components/viewport.rs, `FIRST`).
const FIRST: usize = 20;
/// How long the search box waits for a pause in typing (src/components/facets.rs).
const DEBOUNCE_MS: u32 = 150;

/// The views in the tab bar, in order: key and label (src/state.rs, `View`).
const TABS: [(&str, &str); 5] = [
    ("browse", "Articles"),
    ("quotes", "Quote view"),
    ("heatmap", "Heat map"),
    ("timeline", "Timeline"),
    ("variants", "Quote variants"),
];

/// The first screen of `corpus`, wrapped in its `#first-paint` element.
pub fn first_screen(corpus: &Corpus) -> String {
    let index = Index::new(corpus);
    let results = run(corpus, &index, &Query::default());
    let story = &corpus.story;
    let total = corpus.articles().len();
    let cards = results.hits.len().min(FIRST);
    let mut h = String::with_capacity(8 * 1024 + 1024 * cards);
    let _ = write!(
        h,
        "<div id=\"{ID}\"><header class=\"masthead\"><div class=\"masthead-text\"><p class=\"brand\">presslens</p>\
         <h1>{}</h1><details class=\"story-about\" open><summary data-test=\"about-story\">About this story</summary>\
         <p class=\"summary\">{}</p></details></div>\
         <div class=\"masthead-tools\"><button type=\"button\" class=\"own-open\">Your own articles</button>\
         <button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\">Dark theme</button></div></header>",
        escape(&story.title),
        escape(&story.summary)
    );
    h.push_str("<nav class=\"tabs\" aria-label=\"Views\">");
    for (i, (key, label)) in TABS.iter().enumerate() {
        let href = if i == 0 { "?".to_string() } else { format!("?view={key}") };
        let current = if i == 0 { " active\" aria-current=\"page" } else { "" };
        let _ = write!(h, "<a class=\"tab{current}\" href=\"{href}\" data-test=\"tab-{key}\">{label}</a>");
    }
    h.push_str("</nav><main id=\"main\" class=\"view\" tabindex=\"-1\"><div class=\"browse\">");
    facets(&mut h, corpus, &results.facets);
    let _ = write!(
        h,
        "<section class=\"listing\" aria-label=\"Articles\"><div class=\"listing-head\">\
         <p class=\"count\" data-test=\"result-count\" aria-live=\"polite\">{} of {total} articles</p>\
         <button type=\"button\" data-test=\"clear\" disabled>Clear all</button>\
         <div class=\"export\" role=\"group\" aria-label=\"Export the matches of these articles\">\
         <button type=\"button\" data-test=\"export-json\" title=\"Export contract v1\">Export JSON</button>\
         <button type=\"button\" data-test=\"export-csv\">Export CSV</button></div></div>",
        results.hits.len()
    );
    if results.hits.is_empty() {
        h.push_str("<p class=\"empty\">No article matches these filters. </p>");
    } else {
        h.push_str("<ol class=\"results\">");
        for hit in results.hits.iter().take(cards) {
            card(&mut h, corpus, hit);
        }
        h.push_str("</ol>");
        let rest = results.hits.len() - cards;
        if rest > 0 {
            // The app lists them all as the reader scrolls; this copy names them only.
            let _ = write!(h, "<p class=\"more hint\">{rest} more articles, listed once the page has loaded</p>");
        }
    }
    let _ = write!(
        h,
        "</section></div></main><footer class=\"colophon\"><p>Every highlight, diff and topic tag points to exact \
         words of the articles. {total} articles, {} quotations, {} matches with the source.</p></footer></div>{END}",
        corpus.quotes.len(),
        corpus.matches.len()
    );
    h
}

fn facets(h: &mut String, corpus: &Corpus, f: &presslens_core::query::Facets) {
    let _ = write!(
        h,
        "<form class=\"facets\" aria-label=\"Filters\"><div class=\"facet facet-search\"><label for=\"search\">Search</label>\
         <input id=\"search\" type=\"search\" data-test=\"search\" data-debounce=\"{DEBOUNCE_MS}\" \
         placeholder=\"words or &quot;a phrase&quot;\" autocomplete=\"off\"></div>\
         <fieldset class=\"facet\"><legend>Outlets</legend><ul class=\"options\">"
    );
    for (name, count) in &f.outlets {
        let _ = write!(
            h,
            "<li><label class=\"option{}\" data-test=\"facet-outlet\" data-value=\"{name}\"><input type=\"checkbox\">\
             <bdi class=\"option-label\">{name}</bdi><span class=\"count\" data-test=\"count\">{count}</span></label></li>",
            zero(*count),
            name = escape(name)
        );
    }
    h.push_str("</ul></fieldset><fieldset class=\"facet\"><legend>Dates</legend>");
    h.push_str("<div class=\"histogram\" role=\"group\" aria-label=\"Articles per day\">");
    let max = f.days.iter().map(|d| d.1).max().unwrap_or(1).max(1);
    for (day, count) in &f.days {
        let _ = write!(
            h,
            "<button type=\"button\" class=\"day\" data-test=\"histogram-day\" data-day=\"{day}\" \
             aria-label=\"{day}: {count} articles; show only this day\"><span class=\"day-bar\" data-pct=\"{}\"></span>\
             <span class=\"day-label\">{:02}</span></button>",
            100 * count / max,
            day.day
        );
    }
    let bound = |d: Option<&(presslens_core::Date, usize)>| d.map(|d| d.0.to_string()).unwrap_or_default();
    let (min, max) = (bound(f.days.first()), bound(f.days.last()));
    let _ = write!(
        h,
        "</div><div class=\"date-range\">\
         <label>From <input type=\"date\" data-test=\"date-from\" min=\"{min}\" max=\"{max}\"></label>\
         <label>To <input type=\"date\" data-test=\"date-to\" min=\"{min}\" max=\"{max}\"></label></div>\
         <label class=\"option\" data-test=\"undated\"><input type=\"checkbox\" checked>\
         <span class=\"option-label\">Include undated</span><span class=\"count\" data-test=\"count\">{}</span></label>\
         </fieldset><fieldset class=\"facet\"><legend>Topics <span class=\"hint\">(all selected)</span></legend>\
         <ul class=\"options\">",
        f.undated
    );
    for (topic, count) in &f.topics {
        let Some(t) = corpus.story.topics.get(*topic) else { continue };
        let _ = write!(
            h,
            "<li><label class=\"option{}\" data-test=\"facet-topic\" data-value=\"{}\" title=\"{}\"><input type=\"checkbox\">\
             <span class=\"option-label\">{}</span><span class=\"count\" data-test=\"count\">{count}</span></label></li>",
            zero(*count),
            escape(&t.id),
            escape(&t.terms.join(", ")),
            escape(&t.label)
        );
    }
    h.push_str("</ul></fieldset></form>");
}

fn zero(count: usize) -> &'static str {
    if count == 0 {
        " zero"
    } else {
        ""
    }
}

fn card(h: &mut String, corpus: &Corpus, hit: &Hit) {
    let a = &corpus.articles()[hit.article];
    let id = escape(&a.id);
    let via = a.via.as_ref().map(|v| format!(" via <bdi>{}</bdi>", escape(v))).unwrap_or_default();
    let undated = if a.date.is_none() { " undated" } else { "" };
    let e = excerpt(corpus, hit.article, "");
    let snippet = format!(
        "{}{}{}",
        if e.cut_before { "… " } else { "" },
        escape(e.snippet.slice(&a.body)),
        if e.cut_after { " …" } else { "" }
    );
    let topics: String = hit
        .topics
        .iter()
        .filter_map(|t| corpus.story.topics.get(*t))
        .map(|t| format!("<li class=\"chip\">{}</li>", escape(&t.label)))
        .collect();
    let pct = (hit.reproduced * 100.0).round() as u32;
    let _ = write!(
        h,
        "<li class=\"result\" data-test=\"result\" data-article=\"{id}\"><p class=\"meta\"><span class=\"outlet\">\
         <bdi>{}</bdi>{via}</span> · <span class=\"date{undated}\">{}</span></p>\
         <h2 class=\"headline\"><a href=\"?view=reader&amp;article={}\">{}</a></h2><p class=\"snippet\">{snippet}</p>\
         <div class=\"result-foot\"><ul class=\"chips\" aria-label=\"Topics\">{topics}</ul>\
         <span class=\"reproduced\" title=\"Share of the source's words this article quotes or copies\">\
         <span class=\"bar\" data-pct=\"{}\"></span>quotes {pct}% of the source</span></div></li>",
        escape(a.outlet_name()),
        a.date_label(),
        encode(&a.id),
        escape(&a.title()),
        pct.min(100)
    );
}

/// The element for the first screen: empty as in the source page (Trunk may have dropped the
/// quotes around its id), or holding a screen an earlier run wrote.
static SLOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r#"(?s)<div id="?{ID}"?\s*>(?:\s*</div>|.*?{END})"#)).expect("valid"));

/// `page` with `screen` in its first-screen element; None when the page has no such element.
pub fn with_first_screen(page: &str, screen: &str) -> Option<String> {
    let found = SLOT.find(page)?;
    Some(format!("{}{screen}{}", &page[..found.start()], &page[found.end()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slot_is_found_empty_minified_or_written() {
        let written = format!("<body><div id=\"{ID}\"><p>old</p></div>{END}<p>after</p></body>");
        for page in [
            "<body><div id=\"first-paint\"></div><p>after</p></body>",
            "<body><div id=first-paint></div><p>after</p></body>",
            &written,
        ] {
            let out = with_first_screen(page, "NEW").expect("slot");
            assert_eq!(out, "<body>NEW<p>after</p></body>", "{page}");
        }
        assert!(with_first_screen("<body></body>", "NEW").is_none());
    }
}
