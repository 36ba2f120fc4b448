//! "Show N more": the quote view's and the heat map's rows grow a page at a time, so a view opens
//! as fast over ten thousand articles as over ten: only what is listed is built. (The result list
//! builds the cards near the viewport instead: components/viewport.rs.)

use leptos::prelude::*;

/// Heat map rows listed at first and added by each "Show more".
pub const PAGE: usize = 50;

/// Quote rows are the heaviest to build (a word diff each, one per sentence of the source), so the
/// quote view lists fewer articles a page.
pub const QUOTE_PAGE: usize = 20;

/// A count of listed items, `page` at first, that starts again from one page whenever `items`
/// changes.
pub fn paged<T: Send + Sync + 'static>(page: usize, items: impl Fn() -> T + Send + Sync + 'static) -> RwSignal<usize> {
    let shown = RwSignal::new(page);
    Effect::watch(items, move |_, _, _| shown.set(page), false);
    shown
}

/// The button that lists one more page, and how many are not listed; nothing when all are.
#[component]
pub fn ShowMore(
    shown: RwSignal<usize>,
    #[prop(into)] total: Signal<usize>,
    #[prop(default = PAGE)] page: usize,
    #[prop(default = "")] what: &'static str,
) -> impl IntoView {
    move || {
        let rest = total.get().saturating_sub(shown.get());
        (rest > 0).then(|| {
            let next = rest.min(page);
            view! {
                <p class="more">
                    <button type="button" data-test="more" on:click=move |_| shown.update(|n| *n += page)>
                        {format!("Show {next} more{what}")}
                    </button>
                    <span class="hint">{format!(" {rest} not shown")}</span>
                </p>
            }
        })
    }
}
