//! Quote variants: quotations of any speaker that recur across articles in different wordings, each
//! wording diffed against the most common one, with the outlets that printed it.

use crate::components::diff::{ops, Legend};
use crate::data::{Clusters, Data, Loaded};
use leptos::prelude::*;

/// Every cluster of the corpus.
#[component]
pub fn Variants(data: &'static Data) -> impl IntoView {
    let clusters = Memo::new(move |_| data.clusters());
    move || match clusters.get() {
        Loaded::Ready(Clusters(clusters)) => listing(data, clusters),
        Loaded::Loading => {
            view! { <p class="loading-text" role="status">"Loading the quotation variants…"</p> }.into_any()
        }
        Loaded::Failed(e) => view! { <p class="load-failed" role="alert">{e}</p> }.into_any(),
    }
}

fn listing(data: &'static Data, clusters: &'static [presslens_core::Cluster]) -> AnyView {
    let corpus = &data.corpus;
    if clusters.is_empty() {
        return view! { <p class="empty">"No quotation appears in more than one article."</p> }.into_any();
    }
    view! {
        <section class="variants-view">
            <h2>"Quotations that recur across articles"</h2>
            <Legend/>
            {clusters.iter().map(|cl| {
                let who = corpus.story.speaker_name(cl.speaker, cl.speaker_text.as_deref()).unwrap_or("Unattributed");
                let canon = &cl.variants[cl.canonical];
                let uses: usize = cl.variants.iter().map(|v| v.quotes.len()).sum();
                let count = format!(" — {}, {}", plural(uses, "quotation"), plural(cl.variants.len(), "wording"));
                view! {
                    <article class="cluster" data-test="cluster">
                        <h3>{who}<span class="hint">{count}</span></h3>
                        <blockquote class="canonical">{canon.text.clone()}</blockquote>
                        <ol class="variant-list">
                            {cl.variants.iter().enumerate().map(|(vi, v)| {
                                // Outlets do not always agree on who said it: say so where one differs. The
                                // quotations are in their articles' bundles, which may be on their way.
                                let outlets = move || {
                                    let mut out = Vec::with_capacity(v.quotes.len());
                                    for &qi in &v.quotes {
                                        let at = match data.quote(qi) {
                                            Loaded::Ready(at) => at,
                                            Loaded::Loading => return "loading…".to_string(),
                                            Loaded::Failed(e) => return e,
                                        };
                                        let (c, q) = (at.corpus, &at.corpus.quotes[at.index]);
                                        let a = &c.articles()[q.article];
                                        out.push(match c.story.speaker_name(q.speaker, q.speaker_text.as_deref()) {
                                            Some(n) if n != who => format!("{} ({}), attributed to {n}", a.outlet_name(), a.date_label()),
                                            _ => format!("{} ({})", a.outlet_name(), a.date_label()),
                                        });
                                    }
                                    out.join("; ")
                                };
                                view! {
                                    <li class="variant" class:canonical-variant=vi == cl.canonical>
                                        <p class="variant-text">{if vi == cl.canonical { view! { <span class="diff-kept">{v.text.clone()}</span> }.into_any() } else { ops(&canon.text, &v.text, &v.ops).into_any() }}</p>
                                        <p class="variant-outlets">{if vi == cl.canonical { "Most common wording: " } else { "Printed by: " }}{outlets}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </article>
                }
            }).collect_view()}
        </section>
    }
    .into_any()
}

/// "1 quotation", "3 quotations".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
