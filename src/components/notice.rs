//! The dismissible notice listing URL parameters that were dropped.

use crate::nav::Nav;
use leptos::prelude::*;

/// Shows what was ignored in the URL, until dismissed.
#[component]
pub fn Notice(nav: Nav) -> impl IntoView {
    let dismiss = move |_| nav.notices.set(Vec::new());
    move || {
        let notes = nav.notices.get();
        (!notes.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-test="notice">
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" class="notice-close" on:click=dismiss aria-label="Dismiss this notice">"Dismiss"</button>
                </div>
            }
        })
    }
}
