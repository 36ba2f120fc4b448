//! Browser glue for URL state: reading `location.search`, writing history entries, and following
//! Back and Forward. A facet change pushes an entry (Back undoes it); typing in the search box
//! replaces the current one.

use crate::state::{parse, to_search, UrlState};
use leptos::prelude::*;
use presslens_core::Corpus;
use wasm_bindgen::JsValue;

/// The reader's state and the notices about URL parameters that were dropped.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    pub notices: RwSignal<Vec<String>>,
}

impl Nav {
    /// Reads the current URL and follows Back/Forward from now on.
    pub fn start(corpus: &'static Corpus) -> Nav {
        let (st, notices) = parse(&current_search(), corpus);
        let nav = Nav { state: RwSignal::new(st), notices: RwSignal::new(notices) };
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let (st, notices) = parse(&current_search(), corpus);
            nav.state.set(st);
            nav.notices.set(notices);
        });
        // The app lives as long as the page; keep the listener.
        std::mem::forget(handle);
        nav
    }

    /// One part of the state, as a memo: what reads it runs again only when that part changes,
    /// not on every change of the URL.
    pub fn select<T>(self, part: impl Fn(&UrlState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.state.with(&part))
    }

    /// Changes the state and adds a history entry.
    pub fn push(self, change: impl FnOnce(&mut UrlState)) {
        self.go(change, false);
    }

    /// Changes the state in place of the current history entry.
    pub fn replace(self, change: impl FnOnce(&mut UrlState)) {
        self.go(change, true);
    }

    fn go(self, change: impl FnOnce(&mut UrlState), replace: bool) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next == self.state.get_untracked() {
            return;
        }
        write_url(&next, replace);
        self.state.set(next);
    }
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

fn write_url(st: &UrlState, replace: bool) {
    let search = to_search(st);
    let url = if search.is_empty() { window().location().pathname().unwrap_or_default() } else { search };
    let Ok(history) = window().history() else { return };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// The query string a link to `st` should carry (for real `href`s that also work without the app).
pub fn href(st: &UrlState) -> String {
    let s = to_search(st);
    if s.is_empty() {
        "?".into()
    } else {
        s
    }
}
