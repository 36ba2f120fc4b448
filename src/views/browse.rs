//! The article list: facets on one side, results on the other, with count, clear-all and export.

use crate::components::{export::ExportButtons, facets::Facets, results::ResultList};
use crate::data::Data;
use crate::nav::Nav;
use leptos::prelude::*;
use presslens_core::query::Results;

/// Filters and the articles they select.
#[component]
pub fn Browse(data: &'static Data, nav: Nav, results: Memo<Results>) -> impl IntoView {
    let total = data.corpus.articles().len();
    let count = move || results.with(|r| r.hits.len());
    let hits = Signal::derive(move || results.with(|r| r.hits.iter().map(|h| h.article).collect::<Vec<_>>()));
    let clear = move |_| nav.push(|s| s.query = Default::default());
    let filtered = move || nav.state.with(|s| !s.query.is_empty());
    view! {
        <div class="browse">
            <Facets data=data nav=nav results=results/>
            <section class="listing" aria-label="Articles">
                <div class="listing-head">
                    <p class="count" data-test="result-count" aria-live="polite">
                        {move || format!("{} of {total} articles", count())}
                    </p>
                    <button type="button" data-test="clear" on:click=clear disabled=move || !filtered()>"Clear all"</button>
                    <ExportButtons data=data hits=hits/>
                </div>
                <ResultList data=data nav=nav results=results/>
            </section>
        </div>
    }
}
