//! The reader: one article by paragraphs, every quotation highlighted and coloured by speaker, the
//! stretches that reproduce a source marked and linked to the quote view, topic evidence on hover
//! and focus, and a link to the original.

use crate::components::marked::{marked, Mark};
use crate::data::{Data, Loaded};
use crate::nav::{href, Nav};
use crate::state::View;
use leptos::prelude::*;
use presslens_core::{Article, Corpus, Quote, Span};

/// Colour slot of a known speaker: the sources' speakers first, so they always get the first colours.
fn colour_slot(corpus: &Corpus, speaker: usize) -> usize {
    let mut order: Vec<usize> = corpus.story.sources.iter().map(|s| s.speaker).collect();
    order.dedup();
    order.extend((0..corpus.story.speakers.len()).filter(|i| !order.contains(i)).collect::<Vec<_>>());
    order.iter().position(|&s| s == speaker).unwrap_or(speaker) % 8
}

/// A speaker's display name and colour class.
pub fn speaker_of(corpus: &Corpus, q: &Quote) -> (String, String) {
    match (q.speaker, &q.speaker_text) {
        (Some(i), _) => (
            corpus.story.speakers.get(i).map_or_else(String::new, |s| s.name.clone()),
            format!("sp-{}", colour_slot(corpus, i)),
        ),
        (None, Some(t)) => (t.clone(), "sp-other".into()),
        (None, None) => ("unattributed".into(), "sp-none".into()),
    }
}

/// Only http(s) URLs become links.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// The article named in the URL, once its body and analysis are at hand.
#[component]
pub fn Reader(data: &'static Data, nav: Nav) -> impl IntoView {
    let article = nav.select(|s| s.article.clone());
    let at = Memo::new(move |_| {
        let id = article.get().unwrap_or_default();
        data.article_index(&id).map(|ai| data.article(ai))
    });
    move || match at.get() {
        Some(Loaded::Ready(at)) => article_view(at.corpus, nav, at.index).into_any(),
        Some(Loaded::Loading) => view! { <p class="loading-text" role="status">"Loading the article…"</p> }.into_any(),
        Some(Loaded::Failed(e)) => view! { <p class="load-failed" role="alert">{e}</p> }.into_any(),
        None => view! { <p class="empty">"No article is selected."</p> }.into_any(),
    }
}

fn article_view(corpus: &'static Corpus, nav: Nav, ai: usize) -> impl IntoView {
    let a = &corpus.articles()[ai];
    let back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        nav.push(|s| {
            s.view = View::Browse;
            s.article = None;
        });
    };
    let back_href = {
        let mut st = nav.state.get_untracked();
        st.view = View::Browse;
        st.article = None;
        href(&st)
    };
    let quotes: Vec<&Quote> = corpus.quotes_of(ai).map(|(_, q)| q).collect();
    let mut legend: Vec<(String, String)> = quotes.iter().map(|q| speaker_of(corpus, q)).collect();
    legend.sort();
    legend.dedup();
    let original = a.url.as_deref().and_then(safe_url).map(|u| {
        view! { <a class="original" href=u.to_string() rel="noopener noreferrer external" target="_blank">"Read the original"</a> }
    });
    let shown_url = a
        .url
        .clone()
        .filter(|u| safe_url(u).is_none())
        .map(|u| view! { <span class="url-text">{format!("Source address (not a web link): {u}")}</span> });
    view! {
        <article class="reader" aria-labelledby="reader-title">
            <p><a href=back_href on:click=back class="back">"← All articles"</a></p>
            <p class="meta">
                <bdi class="outlet">{a.outlet_name().to_string()}</bdi>
                {a.via.clone().map(|v| view! { " via " <bdi>{v}</bdi> })}
                " · "
                <span class="date">{a.date_label()}</span>
            </p>
            <h2 id="reader-title">{a.title()}</h2>
            <p>{original}{shown_url}</p>
            <ul class="legend speakers" aria-label="Speakers">
                {legend.into_iter().map(|(name, class)| view! { <li><span class=format!("quote {class}")>{name}</span></li> }).collect_view()}
                <li><span class="match match-quoted">"reproduces the source"</span></li>
                <li><span class="evidence">"topic term"</span></li>
            </ul>
            {a.paragraphs.iter().enumerate().map(|(pi, p)| paragraph(corpus, nav, a, ai, pi, *p)).collect_view()}
        </article>
    }
}

fn paragraph(
    corpus: &'static Corpus,
    nav: Nav,
    a: &'static Article,
    ai: usize,
    pi: usize,
    para: Span,
) -> impl IntoView {
    let clip = |s: Span, w: Span| Span { start: s.start.max(w.start), end: s.end.min(w.end) };
    let mut marks: Vec<Mark> = Vec::new();
    let matches: Vec<_> = corpus.matches_of(ai).filter(|m| m.article_span.overlaps(para)).collect();
    for m in &matches {
        let pct = (m.similarity * 100.0).round();
        marks.push(Mark {
            title: Some(format!("Reproduces the source ({}, {pct}% of the stretch kept)", m.kind.as_str())),
            ..Mark::new(clip(m.article_span, para), format!("match match-{}", m.kind.as_str()))
        });
    }
    let hits: Vec<_> = corpus.topic_hits.iter().filter(|h| h.article == ai && h.paragraph == pi).collect();
    for h in &hits {
        let label = corpus.story.topics.get(h.topic).map_or("", |t| t.label.as_str());
        for e in &h.evidence {
            marks.push(Mark { title: Some(format!("Topic: {label}")), ..Mark::new(*e, "evidence") });
        }
    }
    // Quotations are whole elements; other marks are cut inside them.
    let mut pieces: Vec<(Span, Option<&Quote>)> = Vec::new();
    let mut at = para.start;
    for (_, q) in corpus.quotes_of(ai) {
        let outer = clip(q.outer, para);
        if outer.is_empty() || outer.start < at {
            continue;
        }
        if outer.start > at {
            pieces.push((Span { start: at, end: outer.start }, None));
        }
        pieces.push((outer, Some(q)));
        at = outer.end;
    }
    if at < para.end {
        pieces.push((Span { start: at, end: para.end }, None));
    }
    let body = a.body.as_str();
    let chips = hits
        .iter()
        .filter_map(|h| {
            let t = corpus.story.topics.get(h.topic)?;
            let terms: Vec<String> = h.evidence.iter().map(|e| format!("“{}”", e.slice(body))).collect();
            Some(view! {
                <li class="chip topic-chip" tabindex="0" aria-label=format!("Topic {}: matched {}", t.label, terms.join(", "))>
                    {t.label.clone()}
                    <span class="tip" role="tooltip">{format!("matched {}", terms.join(", "))}</span>
                </li>
            })
        })
        .collect_view();
    let compare = (!matches.is_empty()).then(|| {
        let mut st = nav.state.get_untracked();
        st.view = View::Quotes;
        st.article = Some(a.id.clone());
        st.sentence = None;
        let link = href(&st);
        let id = a.id.clone();
        let go = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let id = id.clone();
            nav.push(move |s| {
                s.view = View::Quotes;
                s.article = Some(id);
                s.sentence = None;
            });
        };
        let kinds: Vec<&str> = matches.iter().map(|m| m.kind.as_str()).collect();
        view! { <a class="compare" href=link on:click=go>{format!("Compare with the source ({}) →", kinds.join(", "))}</a> }
    });
    view! {
        <div class="para">
            <p>
                {pieces
                    .into_iter()
                    .map(|(span, q)| match q {
                        Some(q) => {
                            let (name, class) = speaker_of(corpus, q);
                            view! {
                                <span class=format!("quote {class}") data-test="quote" data-speaker=name.clone() title=format!("Quotation: {name}")>
                                    {marked(body, span, &marks)}
                                </span>
                            }
                            .into_any()
                        }
                        None => marked(body, span, &marks).into_any(),
                    })
                    .collect_view()}
            </p>
            <ul class="chips para-topics" aria-label="Topics of this paragraph">{chips}</ul>
            {compare}
        </div>
    }
}
