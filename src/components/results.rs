//! The result list: one card per matching article with outlet, date, headline, snippet with search
//! hits, topic chips and how much of the source it quotes.

use crate::components::marked::{marked, Mark};
use crate::components::viewport::{Heights, Span};
use crate::data::{At, Data, Loaded};
use crate::nav::{href, Nav};
use crate::state::View;
use leptos::html::Ol;
use leptos::prelude::*;
use presslens_core::query::{excerpt, Hit, Results};
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

/// The list of hits. Over [`WHOLE`](crate::components::viewport::WHOLE) hits only the cards in and
/// near the viewport are built (components/viewport.rs); the page scrolls through all of them.
/// Cards are keyed by article and place, so scrolling keeps the cards still in range and builds
/// only those that come into it; a kept card redraws its snippet when the search text changes.
#[component]
pub fn ResultList(data: &'static Data, nav: Nav, results: Memo<Results>) -> impl IntoView {
    // The search text decides the snippet and its highlights, even when the hits stay the same.
    let text = nav.select(|s| s.query.text.clone());
    let keys = Memo::new(move |_| results.with(|r| r.hits.iter().map(|h| h.article).collect::<Vec<_>>()));
    let total = Signal::derive(move || keys.with(Vec::len));
    let any = move || total.get() > 0;
    let list = NodeRef::<Ol>::new();
    let rows = Rows::new(list, data.corpus.articles().len());
    // Each new list of hits is a new generation: its first drawing builds the cards in the
    // viewport alone, and those a screen above and below come after the next frame.
    let generation = Memo::new(move |before: Option<&u32>| {
        keys.track();
        before.map_or(0, |g| g.wrapping_add(1))
    });
    let span = Memo::new(move |_| {
        let wide = rows.wide.get() == generation.get();
        keys.with(|k| rows.span(k, wide))
    });
    rows.follow(keys);
    Effect::watch(move || generation.get(), move |&g, _, _| rows.widen(g), false);
    let cards = move || {
        let Span { first, end, .. } = span.get();
        results.with(|r| {
            let end = end.min(r.hits.len());
            r.hits[first.min(end)..end].iter().zip(first..).map(|(h, pos)| (pos, h.clone())).collect::<Vec<_>>()
        })
    };
    let empty = move || {
        view! {
            <p class="empty">
                "No article matches these filters. "
                <button type="button" class="link" on:click=move |_| nav.push(|s| s.query = Default::default())>
                    "Clear all filters"
                </button>
            </p>
        }
    };
    view! {
        <Show when=any fallback=empty>
            <ol
                class="results"
                node_ref=list
                style:padding-top=move || px(span.get().before)
                style:padding-bottom=move || px(span.get().after)
            >
                <For
                    each=cards
                    key=|(pos, hit)| (hit.article, *pos)
                    children=move |(pos, hit)| card(data, nav, &hit, text, pos, total)
                />
            </ol>
        </Show>
    }
}

/// Printed, a list this long is built whole; a longer one prints the cards built (a printout of
/// thousands of cards is not what a reader asks for, and would take the page minutes to build).
const PRINTED: usize = 500;

/// A length in whole CSS pixels.
fn px(length: f64) -> String {
    format!("{}px", length.round() as i64)
}

/// What a long list knows of its rows on screen: their measured heights, the part of the list the
/// viewport shows, and a pending re-measure. Copied into every listener; the listeners go with the
/// list.
#[derive(Clone, Copy)]
struct Rows {
    list: NodeRef<Ol>,
    heights: StoredValue<Heights>,
    /// The part of the list the viewport shows, in CSS pixels from its top; `None` until it is
    /// first measured.
    range: RwSignal<Option<(f64, f64)>>,
    /// The generation of hits (see `ResultList`) whose rows a screen above and below the viewport
    /// are drawn too.
    wide: RwSignal<u32>,
    /// Bumped when a measure changed a height.
    measured: RwSignal<u32>,
    /// The page is being printed: a list of up to [`PRINTED`] cards is built whole.
    printing: RwSignal<bool>,
    pending: StoredValue<bool>,
}

impl Rows {
    fn new(list: NodeRef<Ol>, keys: usize) -> Self {
        Rows {
            list,
            heights: StoredValue::new(Heights::new(keys)),
            range: RwSignal::new(None),
            wide: RwSignal::new(0),
            measured: RwSignal::new(0),
            printing: RwSignal::new(false),
            pending: StoredValue::new(false),
        }
    }

    /// The rows of `keys` to draw now: those the viewport shows, and with `wide` those a screen
    /// above and below it, so that scrolling by a screen finds its cards built.
    fn span(self, keys: &[usize], wide: bool) -> Span {
        self.measured.track();
        if self.printing.get() && keys.len() <= PRINTED {
            return Span::whole(keys.len());
        }
        let range = self.range.get();
        self.heights.with_value(|h| match range {
            Some((from, to)) if wide => h.span(keys, from - (to - from), to + (to - from)),
            Some((from, to)) => h.span(keys, from, to),
            None => h.start(keys),
        })
    }

    /// Draws the rows around the viewport for hits of generation `g` once the page has shown the
    /// rows in it: after the next frame, in a task of its own.
    fn widen(self, g: u32) {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let _ = self.wide.try_set(g);
                },
                std::time::Duration::ZERO,
            );
        });
    }

    /// Measures again after every scroll, resize, change of the list's own size (a card whose
    /// text arrived) and change of the hits.
    fn follow(self, keys: Memo<Vec<usize>>) {
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| self.schedule());
        let on_resize = window_event_listener(leptos::ev::resize, move |_| self.schedule());
        let print = leptos::ev::Custom::<web_sys::Event>::new;
        let on_print = window_event_listener(print("beforeprint"), move |_| self.printing.set(true));
        let after_print = window_event_listener(print("afterprint"), move |_| {
            self.printing.set(false);
            self.schedule();
        });
        Effect::watch(move || keys.track(), move |_, _, _| self.schedule(), false);
        let resized = Closure::<dyn Fn()>::new(move || self.schedule());
        let observer = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()).ok();
        let observer = SendWrapper::new(std::rc::Rc::new((observer, resized)));
        let observing = observer.clone();
        Effect::new(move |_| {
            if let (Some(list), Some(observer)) = (self.list.get(), observing.0.as_ref()) {
                observer.observe(&list);
            }
        });
        let handles = SendWrapper::new([on_scroll, on_resize, on_print, after_print]);
        on_cleanup(move || {
            for handle in handles.take() {
                handle.remove();
            }
            if let Some(observer) = observer.0.as_ref() {
                observer.disconnect();
            }
        });
    }

    /// One measure in the next frame, however many events ask for it before then.
    fn schedule(self) {
        if self.pending.try_get_value() != Some(false) {
            return;
        }
        self.pending.set_value(true);
        request_animation_frame(move || {
            if self.pending.try_set_value(false).is_some() {
                return; // the list is gone
            }
            self.measure();
        });
    }

    /// Reads the height of every drawn card and where the viewport is over the list.
    fn measure(self) {
        let Some(list) = self.list.get_untracked() else { return };
        let children = list.children();
        let mut changed = false;
        let mut prev: Option<web_sys::DomRect> = None;
        self.heights.update_value(|h| {
            for i in 0..children.length() {
                let Some(row) = children.item(i) else { continue };
                let rect = row.get_bounding_client_rect();
                if let Some(key) = row.get_attribute("data-n").and_then(|n| n.parse().ok()) {
                    changed |= h.set(key, rect.height());
                }
                if let Some(p) = prev.take() {
                    h.set_gap(rect.top() - p.bottom());
                }
                prev = Some(rect);
            }
        });
        if changed {
            self.measured.update(|n| *n = n.wrapping_add(1));
        }
        let top = list.get_bounding_client_rect().top();
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        let range = Some((-top, -top + height));
        if self.range.get_untracked() != range {
            let focused = focused_place(&list);
            self.range.set(range);
            // Cards the list keeps may be moved in the DOM as others come and go, and a moved
            // element loses the focus: give it back, so that the keyboard walks on from there.
            if let Some(place) = focused {
                request_animation_frame(move || self.refocus(&place));
            }
        }
    }

    /// Focuses the link of the card at `place` (its `aria-posinset`) if the focus was lost.
    fn refocus(self, place: &str) {
        let Some(list) = self.list.get_untracked() else { return };
        let doc = document();
        let body: Option<web_sys::Element> = doc.body().map(Into::into);
        if doc.active_element().is_some() && doc.active_element() != body {
            return; // the reader has put the focus somewhere
        }
        let link = list.query_selector(&format!("[aria-posinset=\"{place}\"] .headline a")).ok().flatten();
        if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    }
}

/// The place in the list (`aria-posinset`) of the card that holds the focus, if one does.
fn focused_place(list: &web_sys::HtmlOListElement) -> Option<String> {
    let active = document().active_element()?;
    if !list.contains(Some(&active)) {
        return None;
    }
    active.closest("[aria-posinset]").ok().flatten()?.get_attribute("aria-posinset")
}

fn card(
    data: &'static Data,
    nav: Nav,
    hit: &Hit,
    text: Memo<String>,
    pos: usize,
    total: Signal<usize>,
) -> impl IntoView {
    let corpus = &data.corpus;
    // Outlet and date are at hand; the headline, id and body come with the article's bundle, and
    // until then the card says so in their place.
    let a = &corpus.articles()[hit.article];
    let article = hit.article;
    let at = Memo::new(move |_| data.article(article));
    let whole = move || match at.get() {
        Loaded::Ready(at) => Some(at.article()),
        _ => None,
    };
    let headline = move || match whole() {
        Some(a) => {
            let id = a.id.clone();
            // The link carries the filters of the moment, like every other link of the page.
            let target = {
                let id = id.clone();
                move || {
                    nav.state.with(|s| {
                        let mut st = s.clone();
                        st.view = View::Reader;
                        st.article = Some(id.clone());
                        href(&st)
                    })
                }
            };
            let open = move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                    return;
                }
                ev.prevent_default();
                let id = id.clone();
                nav.push(move |s| {
                    s.view = View::Reader;
                    s.article = Some(id);
                });
            };
            view! { <a href=target on:click=open>{a.title()}</a> }.into_any()
        }
        None => view! { <span class="loading-text">"Loading…"</span> }.into_any(),
    };
    let snippet = move || match at.get() {
        Loaded::Ready(At { corpus: part, index: local }) => {
            let excerpt = text.with(|t| excerpt(part, local, t));
            let marks: Vec<Mark> =
                excerpt.highlights.iter().map(|s| Mark { hit: true, ..Mark::new(*s, "hit") }).collect();
            // An ellipsis where the snippet cuts its paragraph, so a cut sentence does not read as whole.
            view! {
                {excerpt.cut_before.then_some("… ")}
                {marked(&part.articles()[local].body, excerpt.snippet, &marks)}
                {excerpt.cut_after.then_some(" …")}
            }
            .into_any()
        }
        Loaded::Loading => view! { <span class="loading-text">"Loading the text…"</span> }.into_any(),
        Loaded::Failed(e) => view! { <span class="load-failed" role="alert">{e}</span> }.into_any(),
    };
    let pct = (hit.reproduced * 100.0).round() as u32;
    let via = move || whole().and_then(|a| a.via.clone()).map(|v| view! { " via " <bdi>{v}</bdi> });
    let topics = hit
        .topics
        .iter()
        .filter_map(|t| corpus.story.topics.get(*t))
        .map(|t| view! { <li class="chip">{t.label.clone()}</li> })
        .collect_view();
    view! {
        <li
            class="result"
            data-test="result"
            data-article=move || whole().map(|a| a.id.clone())
            data-n=article
            aria-posinset=pos + 1
            aria-setsize=move || total.get()
        >
            <p class="meta">
                <span class="outlet"><bdi>{a.outlet_name().to_string()}</bdi>{via}</span>
                " · "
                <span class="date" class:undated=a.date.is_none()>{a.date_label()}</span>
            </p>
            <h2 class="headline">{headline}</h2>
            <p class="snippet">{snippet}</p>
            <div class="result-foot">
                <ul class="chips" aria-label="Topics">{topics}</ul>
                <span class="reproduced" title="Share of the source's words this article quotes or copies">
                    <span class="bar" data-pct=pct.min(100).to_string()></span>
                    {format!("quotes {pct}% of the source")}
                </span>
            </div>
        </li>
    }
}
