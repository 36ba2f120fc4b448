//! The top-level component: over the decoded corpus, starts URL state, runs the query, and lays out the
//! header, the notice, the view tabs and the current view.

use crate::components::{notice::Notice, tabs::Tabs, theme::ThemeToggle};
use crate::data::{Data, Loaded};
use crate::nav::Nav;
use crate::state::View;
use crate::views::{
    browse::Browse, heatmap::Heatmap, quotes::QuoteView, reader::Reader, timeline::Timeline, variants::Variants,
};
use leptos::prelude::*;
use presslens_core::query::{run, Results};

/// The whole explorer, or a visible error panel when the corpus cannot be read.
#[component]
pub fn App(data: Result<&'static Data, String>) -> impl IntoView {
    let shell = match data {
        Ok(data) => Explorer(ExplorerProps { data }).into_any(),
        Err(message) => view! {
            <main class="fatal" role="alert">
                <h1>"presslens could not start"</h1>
                <p>{message}</p>
            </main>
        }
        .into_any(),
    };
    Effect::new(move |_| mark_ready());
    shell
}

/// Removes the loading indicator and tells tests the app has mounted.
fn mark_ready() {
    let doc = document();
    if let Some(el) = doc.get_element_by_id("loading") {
        el.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-ready", "1");
    }
}

/// Header, tabs and the current view over one corpus.
#[component]
fn Explorer(data: &'static Data) -> impl IntoView {
    let corpus = &data.corpus;
    crate::api::install(data);
    let nav = Nav::start(data);
    // A search on data loaded on demand waits for its word chunks; meanwhile the list stays as it
    // was. A chunk that cannot be read finds nothing, and says why.
    let text = nav.select(|s| s.query.text.clone());
    let words = Memo::new(move |_| text.with(|t| data.words(t)));
    Effect::new(move |_| {
        if let Loaded::Failed(e) = words.get() {
            nav.notices.update(|n| n.push(e));
        }
    });
    let results = Memo::new(move |before: Option<&Results>| match (words.get(), before) {
        (Loaded::Loading, Some(before)) => before.clone(),
        _ => nav.state.with(|s| run(corpus, &data.index, &s.query)),
    });
    let hits = Signal::derive(move || results.with(|r: &Results| r.hits.iter().map(|h| h.article).collect::<Vec<_>>()));
    // The view is rebuilt when the reader switches views, not on every filter change.
    let current = nav.select(|s| s.view);
    view! {
        <header class="masthead">
            <div class="masthead-text">
                <p class="brand">"presslens"</p>
                <h1>{corpus.story.title.clone()}</h1>
                {crate::studio::shown().map(|_| view! {
                    <p class="own-story" data-test="own-story">"Your own story, analysed and kept in this browser. "
                        <button type="button" class="link" on:click=|_| crate::studio::open()>"Save it as one file, or go back to the built-in story"</button>
                    </p>
                })}
                <Summary text=corpus.story.summary.clone() current=current/>
            </div>
            <div class="masthead-tools">
                <button type="button" class="own-open" data-test="own-open" on:click=|_| crate::studio::open() disabled=!crate::studio::available()
                    title=if crate::studio::available() { "Analyse your own saved articles, here in this browser" } else { "Needs the served explorer, or a single file made with presslens site --with-import" }>
                    "Your own articles"
                </button>
                <ThemeToggle/>
            </div>
        </header>
        <Notice nav=nav/>
        <Tabs nav=nav/>
        <main id="main" class="view" tabindex="-1">
            {move || match current.get() {
                View::Browse => view! { <Browse data=data nav=nav results=results/> }.into_any(),
                View::Reader => view! { <Reader data=data nav=nav/> }.into_any(),
                View::Quotes => view! { <QuoteView data=data nav=nav hits=hits/> }.into_any(),
                View::Heatmap => view! { <Heatmap data=data nav=nav hits=hits/> }.into_any(),
                View::Timeline => view! { <Timeline corpus=corpus nav=nav results=results/> }.into_any(),
                View::Variants => view! { <Variants data=data/> }.into_any(),
            }}
        </main>
        <footer class="colophon">
            <p>
                "Every highlight, diff and topic tag points to exact words of the articles. "
                {format!("{} articles, {} quotations, {} matches with the source.", corpus.articles().len(), data.quotes, data.matches)}
            </p>
        </footer>
    }
}

/// Narrower than this (CSS pixels), the story's summary folds outside the Articles view.
const NARROW: &str = "(max-width: 600px)";

/// The story's summary. On a phone it would fill the first screen of every view, so outside the
/// Articles view it folds under "About this story", which the reader can open; on a wider screen,
/// or in the Articles view, it is open and the fold's label is hidden.
#[component]
fn Summary(text: String, current: Memo<View>) -> impl IntoView {
    let narrow_now = || window().match_media(NARROW).ok().flatten().is_some_and(|m| m.matches());
    let narrow = RwSignal::new(narrow_now());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = narrow_now();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    // Another story may take this explorer's place: its listener goes with it.
    let handle = send_wrapper::SendWrapper::new(handle);
    on_cleanup(move || handle.take().remove());
    let folding = move || narrow.get() && current.get() != View::Browse;
    view! {
        <details class="story-about" class:folding=folding prop:open=move || !folding()>
            <summary data-test="about-story">"About this story"</summary>
            <p class="summary">{text}</p>
        </details>
    }
}
