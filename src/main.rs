//! presslens explorer: installs the panic panel, finds the corpus (a kept story the URL names,
//! data files the page names, or the one built in) and mounts the app. Everything else lives in
//! `app` and below; the "Your own articles" panel (`studio`) can put another story in its place
//! (`show`).

mod api;
mod app;
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
mod components;
mod data;
mod nav;
mod panic;
mod state;
mod studio;
mod views;

use leptos::prelude::IntoAny;
use std::cell::{Cell, RefCell};

thread_local! {
    /// The explorer mounted now; dropping it unmounts it.
    static MOUNTED: RefCell<Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>> = const { RefCell::new(None) };
    /// The corpus the explorer shows, and the site's own one once read.
    static SHOWN: Cell<Option<&'static data::Data>> = const { Cell::new(None) };
    static BUILTIN: Cell<Option<&'static data::Data>> = const { Cell::new(None) };
}

fn main() {
    panic::install();
    wasm_bindgen_futures::spawn_local(async {
        if let Some(id) = state::story_param(&leptos::prelude::window().location().search().unwrap_or_default()) {
            match studio::read(&id).await {
                Ok(Some((data, id))) => return show(Ok(data), Some(id)),
                Ok(None) => nav::note(format!(
                    "This browser keeps no story `{id}` (deleted, or the link comes from another browser); showing the built-in story"
                )),
                Err(e) => nav::note(e),
            }
            nav::drop_story_param();
        }
        show_builtin().await;
    });
}

/// Shows the site's own story: the data files the page names, or the corpus built in.
pub async fn show_builtin() {
    let data = match BUILTIN.get() {
        Some(d) => Ok(d),
        None => match data::linked() {
            // A page written by `presslens site`: its data files, fetched or inline.
            Some(meta) => data::fetch(meta).await,
            None => data::embedded(),
        },
    };
    if let Ok(d) = data {
        BUILTIN.set(Some(d));
    }
    if SHOWN.get().is_some() {
        nav::drop_story_param();
    }
    show(data, None);
}

/// The corpus the explorer shows now.
pub fn shown_data() -> Option<&'static data::Data> {
    SHOWN.get()
}

/// Puts `data` in the explorer's place (the kept story `kept` when given).
pub fn show(data: Result<&'static data::Data, String>, kept: Option<String>) {
    // The first screen index.html carries as static HTML (scripts/first-paint) goes in the same
    // task as the app's own comes, so the browser never paints the page without either.
    if let Some(screen) = leptos::prelude::document().get_element_by_id("first-paint") {
        screen.remove();
    }
    if let Some(id) = &kept {
        nav::set_story_param(id);
    }
    studio::set_shown(kept);
    MOUNTED.with(|m| m.borrow_mut().take());
    SHOWN.set(data.as_ref().ok().copied());
    let Some(body) = leptos::prelude::document().body() else { return };
    let handle = leptos::mount::mount_to(body, {
        let data = data.clone();
        move || app::App(app::AppProps { data: data.clone() }).into_any()
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
    if let Ok(data) = data {
        data::index_in_background(data);
    }
}
