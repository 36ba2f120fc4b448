//! Export buttons: contract v1 JSON and a CSV of the matches, for the articles the filters select.

use crate::data::Data;
use leptos::prelude::*;
use presslens_core::export;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// "Export JSON" and "Export CSV" for the current selection. The export reads the whole corpus:
/// for data loaded on demand, every bundle is fetched first (the buttons say so meanwhile).
#[component]
pub fn ExportButtons(data: &'static Data, hits: Signal<Vec<usize>>) -> impl IntoView {
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let export =
        move |name: &'static str, mime: &'static str, write: fn(&presslens_core::Corpus, &[usize]) -> String| {
            let hits = hits.get_untracked();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match data.whole().await {
                    Ok(corpus) => {
                        failed.set(None);
                        download(name, mime, &write(corpus, &hits));
                    }
                    Err(e) => failed.set(Some(e)),
                }
                busy.set(false);
            });
        };
    let json = move |_| export("presslens-matches.json", "application/json", export::json);
    let csv = move |_| export("presslens-matches.csv", "text/csv", export::csv);
    view! {
        <div class="export" role="group" aria-label="Export the matches of these articles">
            <button type="button" data-test="export-json" on:click=json disabled=move || busy.get() title="Export contract v1">"Export JSON"</button>
            <button type="button" data-test="export-csv" on:click=csv disabled=move || busy.get()>"Export CSV"</button>
            {move || busy.get().then(|| view! { <span class="loading-text" role="status">"Fetching every article…"</span> })}
            {move || failed.get().map(|e| view! { <span class="load-failed" role="alert">{e}</span> })}
        </div>
    }
}
