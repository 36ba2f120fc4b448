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

/// "Export JSON" and "Export CSV" for the current selection.
#[component]
pub fn ExportButtons(data: &'static Data, hits: Signal<Vec<usize>>) -> impl IntoView {
    let json = move |_| {
        download("presslens-matches.json", "application/json", &export::json(&data.corpus, &hits.get_untracked()))
    };
    let csv = move |_| download("presslens-matches.csv", "text/csv", &export::csv(&data.corpus, &hits.get_untracked()));
    view! {
        <div class="export" role="group" aria-label="Export the matches of these articles">
            <button type="button" data-test="export-json" on:click=json title="Export contract v1">"Export JSON"</button>
            <button type="button" data-test="export-csv" on:click=csv>"Export CSV"</button>
        </div>
    }
}
