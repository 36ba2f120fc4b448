//! Coverage heat map: articles × sentences of the source, each cell the share of the sentence's
//! words the article reproduces; a click opens that row in the quote view. Below it, an alignment
//! table with every article under the source word by word, in the manner of CollateX.

use crate::components::more::{paged, ShowMore, PAGE};
use crate::components::near::WhenNear;
use crate::data::{At, Data, Listed};
use crate::nav::{href, Nav};
use crate::state::View;
use crate::views::quotes::paged_rows;
use leptos::prelude::*;
use presslens_core::compare::{SegmentKind, SentenceRow};
use presslens_core::text::TokenKind;
use presslens_core::Corpus;

/// The heat map and the alignment table for the filtered articles.
#[component]
pub fn Heatmap(data: &'static Data, nav: Nav, hits: Signal<Vec<usize>>) -> impl IntoView {
    let corpus = &data.corpus;
    let norm = nav.select(|s| s.norm);
    // Rows are built for the first page of articles; each "Show more" adds a page.
    let shown = paged(PAGE, move || hits.track());
    let total = Signal::derive(move || hits.with(Vec::len));
    let (page, table) = paged_rows(data, hits, shown, norm);
    let settled = Signal::derive(move || page.with(|p| !p.loading));
    view! {
        <section class="heatmap-view">
            {move || page.with(Listed::status)}
            {corpus.story.sources.iter().enumerate().map(|(si, src)| view! {
                <h2>{format!("Coverage of {} by sentence", corpus.story.speakers.get(src.speaker).map_or("the source", |s| s.name.as_str()))}</h2>
                <p class="hint">"Each cell: share of the sentence's words the article quotes or copies; hatched when only paraphrased. Select a cell to compare."</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Coverage heat map (scrolls sideways)">
                    <table class="heatmap">
                        <thead><tr><th scope="col">"Article"</th>{src.sentences.iter().enumerate().map(|(n, s)| view! { <th scope="col" title=s.slice(&src.text).to_string()>{format!("S{}", n + 1)}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {move || table.with(|t| t.iter().map(|(at, per)| heat_row(at.corpus, nav, at.index, &per[si])).collect_view())}
                        </tbody>
                    </table>
                </div>
                <ShowMore shown=shown total=total what=" articles"/>
                <h2>"Alignment table"</h2>
                <p class="hint">"Every article under the source, word by word: blank where the article does not reproduce the word, its own wording where it changed it, “—” where it left it out of a quotation."</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Alignment table (scrolls sideways)">
                    // A row for every source word and article: built when the reader scrolls to it.
                    <WhenNear settled=settled>{move || table.with(|t| alignment(corpus, si, t))}</WhenNear>
                </div>
                <ShowMore shown=shown total=total what=" articles"/>
            }).collect_view()}
        </section>
    }
}

fn heat_row(corpus: &'static Corpus, nav: Nav, ai: usize, sentences: &[SentenceRow]) -> impl IntoView {
    let a = &corpus.articles()[ai];
    view! {
        <tr data-test="heat-row" data-article=a.id.clone()>
            <th scope="row"><bdi>{a.outlet_name().to_string()}</bdi>{format!(" · {}", a.date_label())}</th>
            {sentences.iter().enumerate().map(|(n, r)| {
                let pct = (r.reproduced * 100.0).round() as u32;
                let para = (r.paraphrased * 100.0).round() as u32;
                let mut st = nav.state.get_untracked();
                st.view = View::Quotes;
                st.article = Some(a.id.clone());
                st.sentence = Some(n + 1);
                let link = href(&st);
                let id = a.id.clone();
                let open = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    let id = id.clone();
                    nav.push(move |s| {
                        s.view = View::Quotes;
                        s.article = Some(id);
                        s.sentence = Some(n + 1);
                    });
                };
                let label = format!("{}, sentence {}: {pct}% reproduced{}", a.outlet_name(), n + 1, if para > 0 { format!(", {para}% paraphrased") } else { String::new() });
                view! {
                    <td class="heat" class:paraphrased={para > 0} style=("--v", r.reproduced.to_string())>
                        <a href=link on:click=open data-test="heat-cell" aria-label=label>{format!("{pct}%")}</a>
                    </td>
                }
            }).collect_view()}
        </tr>
    }
}

/// What an article shows under one source word.
fn cell(r: &SentenceRow, word: presslens_core::Span, article: &str) -> String {
    let mut out = String::new();
    for m in &r.matches {
        for s in &m.segments {
            if !s.source.contains(word) {
                continue;
            }
            let text = match s.kind {
                SegmentKind::Kept => "=".to_string(),
                SegmentKind::Changed if s.source.start == word.start => s.article.slice(article).to_string(),
                SegmentKind::Changed => "·".to_string(),
                SegmentKind::Dropped => "—".to_string(),
                _ => continue,
            };
            if out.is_empty() || (out == "—" && text != "—") {
                out = text;
            }
        }
    }
    out
}

fn alignment(corpus: &'static Corpus, si: usize, table: &[(At, Vec<Vec<SentenceRow>>)]) -> impl IntoView {
    let src = &corpus.story.sources[si];
    let words: Vec<(usize, presslens_core::Span)> = src
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(n, s)| {
            presslens_core::text::tokens_in(&src.text, *s)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(move |t| (n, t.span))
        })
        .collect();
    view! {
        <table class="alignment">
            <thead><tr><th scope="col">"Source"</th>{words.iter().map(|(_, w)| view! { <th scope="col">{w.slice(&src.text).to_string()}</th> }).collect_view()}</tr></thead>
            <tbody>
                {table.iter().map(|(at, per)| {
                    let a = at.article();
                    view! {
                        <tr>
                            <th scope="row">{a.outlet_name().to_string()}</th>
                            {words.iter().map(|(n, w)| {
                                let c = cell(&per[si][*n], *w, &a.body);
                                let (class, shown) = match c.as_str() {
                                    "=" => ("al-kept", w.slice(&src.text).to_string()),
                                    "" => ("al-none", String::new()),
                                    "—" => ("al-del", "—".to_string()),
                                    _ => ("al-chg", c.clone()),
                                };
                                view! { <td class=class>{shown}</td> }
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
