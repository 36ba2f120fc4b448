//! Browser glue for URL state: reading `location.search`, writing history entries, and following
//! Back and Forward. A facet change pushes an entry (Back undoes it); typing in the search box
//! replaces the current one. `story` (a story kept in this browser) belongs to the page rather
//! than to one explorer: Back or Forward to another story's entry opens that story.

use crate::data::Data;
use crate::state::{names_article, parse, story_param, to_search, UrlState};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The reader's state and the notices about URL parameters that were dropped.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    pub notices: RwSignal<Vec<String>>,
}

impl Nav {
    /// Reads the current URL and follows Back/Forward from now on.
    pub fn start(data: &'static Data) -> Nav {
        let (st, mut notices) = parse(&current_search(), data);
        notices.splice(0..0, EARLY.with(|e| e.take()));
        let nav = Nav { state: RwSignal::new(st), notices: RwSignal::new(notices) };
        let follow = move || {
            let (st, notices) = parse(&current_search(), data);
            if st.story != crate::studio::shown() {
                return switch_story(st.story);
            }
            nav.state.set(st);
            nav.notices.set(notices);
        };
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            // The reader went elsewhere in the history: an entry not yet written is moot.
            PENDING.with(|p| p.take());
            // An entry that opens an article names it by id; on a site whose ids come in chunks,
            // they are fetched first (an entry of an earlier visit can name any article).
            if names_article(&current_search()) && !data.all_named() {
                let at = current_search();
                leptos::task::spawn_local(async move {
                    let _ = data.named(None).await;
                    // Unless the reader has gone elsewhere meanwhile.
                    if current_search() == at {
                        follow();
                    }
                });
                return;
            }
            follow();
        });
        // Another story may take this explorer's place: its listener goes with it.
        let handle = send_wrapper::SendWrapper::new(handle);
        on_cleanup(move || handle.take().remove());
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
        write_later(&next, replace);
        self.state.set(next);
    }
}

thread_local! {
    /// The address to write once the page has been updated, and whether it adds a history entry.
    static PENDING: std::cell::RefCell<Option<(String, bool)>> = const { std::cell::RefCell::new(None) };
    /// Notices from before the explorer started (a kept story that was not found).
    static EARLY: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A notice for the next explorer to show.
pub fn note(text: String) {
    EARLY.with(|e| e.borrow_mut().push(text));
}

/// Back or Forward went to an entry of another story.
fn switch_story(story: Option<String>) {
    leptos::task::spawn_local(async move {
        match story {
            Some(id) => match crate::studio::read(&id).await {
                Ok(Some((data, id))) => crate::show(Ok(data), Some(id)),
                Ok(None) => {
                    note(format!("This browser no longer keeps the story `{id}`; showing the built-in story"));
                    crate::show_builtin().await;
                }
                Err(e) => {
                    note(e);
                    crate::show_builtin().await;
                }
            },
            None => crate::show_builtin().await,
        }
    });
}

/// Names the kept story `id` in the URL (a new history entry when it changes).
pub fn set_story_param(id: &str) {
    if story_param(&current_search()).as_deref() == Some(id) {
        return;
    }
    let st = UrlState { story: Some(id.to_string()), ..UrlState::default() };
    write_url(&st, false);
}

/// Takes `story` out of the URL (the built-in story is shown), keeping the rest.
pub fn drop_story_param() {
    let search = current_search();
    if story_param(&search).is_none() {
        return;
    }
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("story"))
        .collect();
    let url = if kept.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        format!("?{}", kept.join("&"))
    };
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn current_search() -> String {
    write_pending();
    window().location().search().unwrap_or_default()
}

fn write_url(st: &UrlState, replace: bool) {
    let url = address(st);
    write(&url, replace);
}

/// `st` as the page's address: its query string, or the bare path for the default state.
fn address(st: &UrlState) -> String {
    let search = to_search(st);
    if search.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        search
    }
}

fn write(url: &str, replace: bool) {
    let Ok(history) = window().history() else { return };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// Writes `st` into the address bar in a task of its own, after the page has been updated: a
/// history entry costs several milliseconds in Chromium, which a click would otherwise wait for
/// before it paints. Changes made before then become one entry (one push if any was a push).
fn write_later(st: &UrlState, replace: bool) {
    let url = address(st);
    let first = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let push = !replace || p.as_ref().is_some_and(|(_, push)| *push);
        let first = p.is_none();
        *p = Some((url, push));
        first
    });
    if first {
        set_timeout(write_pending, std::time::Duration::ZERO);
    }
}

/// Writes the address [`write_later`] is holding, if any.
fn write_pending() {
    if let Some((url, push)) = PENDING.with(|p| p.take()) {
        write(&url, !push);
    }
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
