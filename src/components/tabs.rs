//! The view tabs: each is a link carrying the current filters, so it also opens in a new tab.

use crate::nav::{href, Nav};
use crate::state::View;
use leptos::prelude::*;

/// Navigation between the views.
#[component]
pub fn Tabs(nav: Nav) -> impl IntoView {
    let tabs = [View::Browse, View::Quotes, View::Heatmap, View::Timeline, View::Variants];
    view! {
        <nav class="tabs" aria-label="Views">
            {tabs
                .into_iter()
                .map(|v| {
                    let target = move || {
                        let mut st = nav.state.get();
                        st.view = v;
                        href(&st)
                    };
                    let open = move |ev: leptos::ev::MouseEvent| {
                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                            return;
                        }
                        ev.prevent_default();
                        nav.push(|s| s.view = v);
                    };
                    let current = move || nav.state.with(|s| s.view == v || (v == View::Browse && s.view == View::Reader));
                    view! {
                        <a
                            class="tab"
                            class:active=current
                            href=target
                            on:click=open
                            data-test=format!("tab-{}", v.key())
                            aria-current=move || current().then_some("page")
                        >
                            {v.label()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
