//! Timeline: articles per day and outlet as stacked SVG bars over the filtered articles; a click
//! on a day filters to it.

use crate::nav::Nav;
use leptos::prelude::*;
use presslens_core::query::{timeline, Results};
use presslens_core::{Corpus, Date};

/// A stable colour slot for an outlet name.
fn slot(outlet: &str) -> usize {
    (presslens_core::text::fnv1a(outlet.as_bytes()) % 10) as usize
}

/// Stacked bars, one per day with articles.
#[component]
pub fn Timeline(corpus: &'static Corpus, nav: Nav, results: Memo<Results>) -> impl IntoView {
    let days = Memo::new(move |_| results.with(|r| timeline(corpus, &r.hits)));
    let undated =
        move || results.with(|r| r.hits.iter().filter(|h| corpus.articles()[h.article].date.is_none()).count());
    view! {
        <section class="timeline-view">
            <h2>"Articles per day and outlet"</h2>
            <p class="hint">"Select a day to show only its articles. "{move || { let n = undated(); (n > 0).then(|| format!("{n} undated article(s) are not on the timeline.")) }}</p>
            {move || days.with(|d| chart(nav, d))}
        </section>
    }
}

fn chart(nav: Nav, days: &[(Date, Vec<(String, usize)>)]) -> impl IntoView {
    if days.is_empty() {
        return view! { <p class="empty">"No dated article matches these filters."</p> }.into_any();
    }
    let day_totals: Vec<usize> = days.iter().map(|(_, per)| per.iter().map(|p| p.1).sum()).collect();
    let max = day_totals.iter().copied().max().unwrap_or(1).max(1);
    let (w, h, pad) = (60.0, 220.0, 30.0);
    let width = pad + w * days.len() as f64 + pad;
    let mut outlets: Vec<String> = days.iter().flat_map(|(_, o)| o.iter().map(|x| x.0.clone())).collect();
    outlets.sort();
    outlets.dedup();
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, (day, per))| {
            let day = *day;
            let x = pad + w * i as f64;
            let total = day_totals[i];
            let mut y = h;
            let rects = per
                .iter()
                .map(|(outlet, n)| {
                    let bh = (h - 20.0) * *n as f64 / max as f64;
                    y -= bh;
                    view! { <rect x=x + 8.0 y=y width=w - 16.0 height=bh class=format!("o{}", slot(outlet)) aria-hidden="true"><title>{format!("{outlet}: {n}")}</title></rect> }
                })
                .collect_view();
            let breakdown = per.iter().map(|(o, n)| format!("{o} {n}")).collect::<Vec<_>>().join(", ");
            let label = format!(
                "{:02}-{:02}: {total} {} ({breakdown}); show only {day}",
                day.month,
                day.day,
                if total == 1 { "article" } else { "articles" }
            );
            let pick = move |_| nav.push(move |s| {
                s.query.from = Some(day);
                s.query.to = Some(day);
            });
            let key = move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    nav.push(move |s| {
                        s.query.from = Some(day);
                        s.query.to = Some(day);
                    });
                }
            };
            view! {
                <g class="tday" data-test="timeline-day" data-day=day.to_string() tabindex="0" role="button"
                    aria-label=label on:click=pick on:keydown=key>
                    <rect class="hitbox" x=x y=0 width=w height=h + 30.0></rect>
                    {rects}
                    <text x=x + w / 2.0 y=h + 16.0 text-anchor="middle">{format!("{:02}-{:02}", day.month, day.day)}</text>
                </g>
            }
        })
        .collect_view();
    // The count over each bar sits outside the day's button, whose name already says it: a
    // button's visible text must be part of its name, and "02-04" is, "02-04 3" is not.
    let totals = day_totals
        .iter()
        .enumerate()
        .map(|(i, &total)| {
            let x = pad + w * i as f64;
            let y = (h - (h - 20.0) * total as f64 / max as f64 - 5.0).max(12.0);
            view! { <text x=x + w / 2.0 y=y text-anchor="middle" class="total">{total.to_string()}</text> }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Timeline (scrolls sideways)">
            <svg class="timeline" viewBox=format!("0 0 {width} {}", h + 30.0) width=width height=h + 30.0 role="group" aria-label="Articles per day">
                {bars}
                <g aria-hidden="true">{totals}</g>
            </svg>
        </div>
        <ul class="legend outlets">
            {outlets.into_iter().map(|o| view! { <li><span class=format!("swatch o{}", slot(&o))></span>{o}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
