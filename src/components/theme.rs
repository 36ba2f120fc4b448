//! Light and dark themes: follows the system until the reader chooses, then remembers the choice.

use leptos::prelude::*;

const KEY: &str = "presslens-theme";

fn stored() -> Option<String> {
    window().local_storage().ok().flatten().and_then(|s| s.get_item(KEY).ok().flatten())
}

fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(KEY, theme);
    }
}

fn system_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

/// A button that switches between light and dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(stored().map_or_else(system_dark, |t| t == "dark"));
    if let Some(t) = stored() {
        apply(&t);
    }
    let toggle = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        apply(if next { "dark" } else { "light" });
    };
    view! {
        <button type="button" class="theme-toggle" on:click=toggle aria-pressed=move || dark.get().to_string()>
            {move || if dark.get() { "Light theme" } else { "Dark theme" }}
        </button>
    }
}
