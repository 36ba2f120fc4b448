//! presslens explorer: installs the panic panel, finds the corpus (data files the page names, or the
//! one built in) and mounts the app. Everything else lives in `app` and below.

mod api;
mod app;
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
mod components;
mod data;
mod nav;
mod panic;
mod state;
mod views;

fn main() {
    panic::install();
    match data::linked() {
        // A page written by `presslens site`: its data files, fetched or inline.
        Some(meta) => wasm_bindgen_futures::spawn_local(async move { mount(data::fetch(meta).await) }),
        None => mount(data::embedded()),
    }
}

fn mount(data: Result<&'static data::Data, String>) {
    // The first screen index.html carries as static HTML (scripts/first-paint) goes in the same
    // task as the app's own comes, so the browser never paints the page without either.
    if let Some(screen) = leptos::prelude::document().get_element_by_id("first-paint") {
        screen.remove();
    }
    leptos::mount::mount_to_body({
        let data = data.clone();
        move || app::App(app::AppProps { data: data.clone() })
    });
    if let Ok(data) = data {
        data::index_in_background(data);
    }
}
