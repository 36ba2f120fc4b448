//! The facet panel: outlets, date range with a per-day histogram and an "undated" switch, topics,
//! and the search box. Counts come from the engine's facets ("as if this value were added"); every
//! control is a real form control, reachable and operable by keyboard.

use crate::data::Data;
use crate::nav::Nav;
use leptos::prelude::*;
use presslens_core::query::Results;
use presslens_core::Date;
use std::time::Duration;

/// Toggles `value` in a list.
fn toggle(list: &mut Vec<String>, value: &str, on: bool) {
    list.retain(|v| v != value);
    if on {
        list.push(value.to_string());
    }
}

/// The whole panel.
#[component]
pub fn Facets(data: &'static Data, nav: Nav, results: Memo<Results>) -> impl IntoView {
    view! {
        <form class="facets" aria-label="Filters" on:submit=|ev| ev.prevent_default()>
            <Search data=data nav=nav/>
            <Outlets nav=nav results=results/>
            <Dates nav=nav results=results/>
            <Topics data=data nav=nav results=results/>
        </form>
    }
}

/// How long the search box waits for a pause in typing before it queries.
const DEBOUNCE_MS: u64 = 150;

/// The debounced search box; typing replaces the history entry instead of adding one. The word
/// chunks the text needs are fetched as the reader types, so they are on their way while the box
/// waits for a pause.
#[component]
fn Search(data: &'static Data, nav: Nav) -> impl IntoView {
    let text = RwSignal::new(nav.state.get_untracked().query.text);
    let generation = StoredValue::new(0u32);
    // Back/Forward or "Clear all" change the query under the box: follow them.
    Effect::new(move |_| {
        let q = nav.state.with(|s| s.query.text.clone());
        if q != text.get_untracked() {
            text.set(q);
        }
    });
    let typed = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        data.prefetch_words(&value);
        text.set(value.clone());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    nav.replace(|s| s.query.text = value);
                }
            },
            Duration::from_millis(DEBOUNCE_MS),
        );
    };
    view! {
        <div class="facet facet-search">
            <label for="search">"Search"</label>
            <input
                id="search"
                type="search"
                data-test="search"
                data-debounce=DEBOUNCE_MS
                placeholder="words or \"a phrase\""
                autocomplete="off"
                prop:value=move || text.get()
                on:input=typed
            />
        </div>
    }
}

/// Outlets, any of which may be selected.
#[component]
fn Outlets(nav: Nav, results: Memo<Results>) -> impl IntoView {
    let names: Vec<String> = results.with_untracked(|r| r.facets.outlets.iter().map(|(o, _)| o.clone()).collect());
    let selected = nav.select(|s| s.query.outlets.clone());
    view! {
        <fieldset class="facet">
            <legend>"Outlets"</legend>
            <ul class="options">
                {names
                    .into_iter()
                    .enumerate()
                    .map(|(oi, name)| {
                        let n2 = name.clone();
                        let n3 = name.clone();
                        let count = Memo::new(move |_| results.with(|r| r.facets.outlets.get(oi).map_or(0, |x| x.1)));
                        // Its own memo, so that the class is touched only when it flips, not on
                        // every change of the count (two hundred outlets, every click).
                        let zero = Memo::new(move |_| count.get() == 0);
                        let checked = move || selected.with(|o| o.contains(&n2));
                        let change = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let n = n3.clone();
                            nav.push(move |s| toggle(&mut s.query.outlets, &n, on));
                        };
                        view! {
                            <li>
                                <label class="option" data-test="facet-outlet" data-value=name.clone() class:zero=zero>
                                    <input type="checkbox" prop:checked=checked on:change=change/>
                                    <bdi class="option-label">{name.clone()}</bdi>
                                    <span class="count" data-test="count">{move || count.get()}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// Topics, all of which a result must carry.
#[component]
fn Topics(data: &'static Data, nav: Nav, results: Memo<Results>) -> impl IntoView {
    let topics = &data.corpus.story.topics;
    let selected = nav.select(|s| s.query.topics.clone());
    view! {
        <fieldset class="facet">
            <legend>"Topics " <span class="hint">"(all selected)"</span></legend>
            <ul class="options">
                {topics
                    .iter()
                    .enumerate()
                    .map(|(ti, t)| {
                        let id = t.id.clone();
                        let id2 = id.clone();
                        let count = Memo::new(move |_| results.with(|r| r.facets.topics.get(ti).map_or(0, |x| x.1)));
                        let checked = move || selected.with(|t| t.contains(&id2));
                        let change = {
                            let id = id.clone();
                            move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                nav.push(move |s| toggle(&mut s.query.topics, &id, on));
                            }
                        };
                        view! {
                            <li>
                                <label class="option" data-test="facet-topic" data-value=id.clone() class:zero=move || count.get() == 0 title=t.terms.join(", ")>
                                    <input type="checkbox" prop:checked=checked on:change=change/>
                                    <span class="option-label">{t.label.clone()}</span>
                                    <span class="count" data-test="count">{move || count.get()}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// From / to dates, a clickable histogram of days, and the undated switch.
#[component]
fn Dates(nav: Nav, results: Memo<Results>) -> impl IntoView {
    let set_date = move |which: &'static str| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let date = Date::parse(&value);
            nav.push(move |s| {
                if which == "from" {
                    s.query.from = date;
                } else {
                    s.query.to = date;
                }
            });
        }
    };
    let days: Vec<Date> = results.with_untracked(|r| r.facets.days.iter().map(|d| d.0).collect());
    let bounds = (days.first().copied(), days.last().copied());
    let min = bounds.0.map(|d| d.to_string()).unwrap_or_default();
    let max = bounds.1.map(|d| d.to_string()).unwrap_or_default();
    let undated_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        nav.push(move |s| s.query.undated = on);
    };
    view! {
        <fieldset class="facet">
            <legend>"Dates"</legend>
            <Histogram nav=nav results=results/>
            <div class="date-range">
                <label>"From " <input type="date" data-test="date-from" min=min.clone() max=max.clone() prop:value=move || nav.state.with(|s| s.query.from.map(|d| d.to_string()).unwrap_or_default()) on:change=set_date("from")/></label>
                <label>"To " <input type="date" data-test="date-to" min=min max=max prop:value=move || nav.state.with(|s| s.query.to.map(|d| d.to_string()).unwrap_or_default()) on:change=set_date("to")/></label>
            </div>
            <label class="option" data-test="undated">
                <input type="checkbox" prop:checked=move || nav.state.with(|s| s.query.undated) on:change=undated_change/>
                <span class="option-label">"Include undated"</span>
                <span class="count" data-test="count">{move || results.with(|r| r.facets.undated)}</span>
            </label>
        </fieldset>
    }
}

/// One bar per publication day; a click filters to that day.
#[component]
fn Histogram(nav: Nav, results: Memo<Results>) -> impl IntoView {
    let days: Vec<Date> = results.with_untracked(|r| r.facets.days.iter().map(|d| d.0).collect());
    let max = Memo::new(move |_| results.with(|r| r.facets.days.iter().map(|d| d.1).max().unwrap_or(1).max(1)));
    let range = nav.select(|s| (s.query.from, s.query.to));
    view! {
        <div class="histogram" role="group" aria-label="Articles per day">
            {days
                .into_iter()
                .enumerate()
                .map(|(di, day)| {
                    // The engine lists the same days in the same order for every query.
                    let count = Memo::new(move |_| results.with(|r| r.facets.days.get(di).map_or(0, |d| d.1)));
                    let pick = move |_| nav.push(move |s| {
                        s.query.from = Some(day);
                        s.query.to = Some(day);
                    });
                    let selected = move || range.get() == (Some(day), Some(day));
                    view! {
                        <button
                            type="button"
                            class="day"
                            class:selected=selected
                            on:click=pick
                            data-test="histogram-day"
                            data-day=day.to_string()
                            aria-label=move || format!("{day}: {} articles; show only this day", count.get())
                        >
                            <span class="day-bar" data-pct=move || (100 * count.get() / max.get()).to_string()></span>
                            <span class="day-label">{format!("{:02}", day.day)}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
