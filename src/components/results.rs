//! The result list: one card per matching article with outlet, date, headline, snippet with search
//! hits, topic chips and how much of the source it quotes.

use crate::components::marked::{marked, Mark};
use crate::components::more::{paged, ShowMore, PAGE};
use crate::data::{At, Data, Loaded};
use crate::nav::{href, Nav};
use crate::state::View;
use leptos::prelude::*;
use presslens_core::query::{excerpt, Hit, Results};

/// The list of hits, a page at a time. Cards are keyed by article, so a filter change or a search
/// keeps the cards of articles still listed and builds only the new ones; a kept card redraws its
/// snippet when the search text changes.
#[component]
pub fn ResultList(data: &'static Data, nav: Nav, results: Memo<Results>) -> impl IntoView {
    // A new result set starts again from the first page.
    let shown = paged(PAGE, move || results.track());
    // The search text decides the snippet and its highlights, even when the hits stay the same.
    let text = nav.select(|s| s.query.text.clone());
    let total = move || results.with(|r| r.hits.len());
    let any = move || total() > 0;
    let cards = move || results.with(|r| r.hits.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let empty = move || {
        view! {
            <p class="empty">
                "No article matches these filters. "
                <button type="button" class="link" on:click=move |_| nav.push(|s| s.query = Default::default())>
                    "Clear all filters"
                </button>
            </p>
        }
    };
    view! {
        <Show when=any fallback=empty>
            <ol class="results">
                <For
                    each=cards
                    key=|hit| hit.article
                    children=move |hit| card(data, nav, &hit, text)
                />
            </ol>
            <ShowMore shown=shown total=Signal::derive(total)/>
        </Show>
    }
}

fn card(data: &'static Data, nav: Nav, hit: &Hit, text: Memo<String>) -> impl IntoView {
    let corpus = &data.corpus;
    let a = &corpus.articles()[hit.article];
    let id = a.id.clone();
    // The link carries the filters of the moment, like every other link of the page.
    let target = {
        let id = id.clone();
        move || {
            nav.state.with(|s| {
                let mut st = s.clone();
                st.view = View::Reader;
                st.article = Some(id.clone());
                href(&st)
            })
        }
    };
    let open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            ev.prevent_default();
            let id = id.clone();
            nav.push(move |s| {
                s.view = View::Reader;
                s.article = Some(id);
            });
        }
    };
    let article = hit.article;
    // The body comes with the article's bundle; until then the card says so in the snippet's place.
    let at = Memo::new(move |_| data.article(article));
    let snippet = move || match at.get() {
        Loaded::Ready(At { corpus: part, index: local }) => {
            let excerpt = text.with(|t| excerpt(part, local, t));
            let marks: Vec<Mark> =
                excerpt.highlights.iter().map(|s| Mark { hit: true, ..Mark::new(*s, "hit") }).collect();
            // An ellipsis where the snippet cuts its paragraph, so a cut sentence does not read as whole.
            view! {
                {excerpt.cut_before.then_some("… ")}
                {marked(&part.articles()[local].body, excerpt.snippet, &marks)}
                {excerpt.cut_after.then_some(" …")}
            }
            .into_any()
        }
        Loaded::Loading => view! { <span class="loading-text">"Loading the text…"</span> }.into_any(),
        Loaded::Failed(e) => view! { <span class="load-failed" role="alert">{e}</span> }.into_any(),
    };
    let pct = (hit.reproduced * 100.0).round() as u32;
    let via = a.via.clone().map(|v| view! { " via " <bdi>{v}</bdi> });
    let topics = hit
        .topics
        .iter()
        .filter_map(|t| corpus.story.topics.get(*t))
        .map(|t| view! { <li class="chip">{t.label.clone()}</li> })
        .collect_view();
    view! {
        <li class="result" data-test="result" data-article=id.clone()>
            <p class="meta">
                <span class="outlet"><bdi>{a.outlet_name().to_string()}</bdi>{via}</span>
                " · "
                <span class="date" class:undated=a.date.is_none()>{a.date_label()}</span>
            </p>
            <h2 class="headline"><a href=target on:click=open>{a.title()}</a></h2>
            <p class="snippet">{snippet}</p>
            <div class="result-foot">
                <ul class="chips" aria-label="Topics">{topics}</ul>
                <span class="reproduced" title="Share of the source's words this article quotes or copies">
                    <span class="bar" data-pct=pct.min(100).to_string()></span>
                    {format!("quotes {pct}% of the source")}
                </span>
            </div>
        </li>
    }
}
