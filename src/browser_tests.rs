//! Browser unit tests (wasm-bindgen-test in headless Chromium): the real app mounted in a real DOM.

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Lets effects and microtasks run.
async fn settle() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_lists_every_article() {
    let data = crate::data::embedded();
    leptos::mount::mount_to_body(move || crate::app::App(crate::app::AppProps { data: data.clone() }));
    settle().await;
    let doc = document();
    let root = doc.document_element().expect("html");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("1"));
    let results = doc.query_selector_all("[data-test=result]").expect("query");
    assert_eq!(results.length() as usize, crate::data::embedded().expect("corpus").corpus.articles().len());
}

#[wasm_bindgen_test]
fn marked_text_is_rendered_as_text_never_as_html() {
    use leptos::prelude::*;
    let text = "<img src=x onerror=alert(1)> and <b>bold</b>";
    let marks = vec![crate::components::marked::Mark::new(presslens_core::Span::new(0, 10), "x")];
    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let host: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(host);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <p>{crate::components::marked::marked(text, presslens_core::Span::new(0, text.len()), &marks)}</p> }
    });
    assert_eq!(host.text_content().as_deref(), Some(text));
    assert_eq!(host.query_selector_all("img, b").expect("query").length(), 0);
}

#[wasm_bindgen_test]
fn a_panic_message_shows_in_a_visible_alert_panel_as_text() {
    crate::panic::show("index out of range <img src=x onerror=alert(1)> (at src/app.rs:1)");
    crate::panic::show("a second panic adds no second panel");
    let panels = document().query_selector_all("[data-test=panic]").expect("query");
    assert_eq!(panels.length(), 1);
    let panel = document().query_selector("[data-test=panic]").expect("query").expect("a panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("index out of range <img src=x onerror=alert(1)>"), "{text}");
    assert_eq!(panel.query_selector_all("img").expect("query").length(), 0);
}

/// Puts a packed corpus into the page as inline data blocks, as the single file carries it.
fn inline(packed: &presslens_core::pack::Packed, damage: bool) {
    let doc = document();
    for (kind, (name, bytes)) in std::iter::once(("meta", &packed.meta))
        .chain(std::iter::once(("clusters", &packed.clusters)))
        .chain(packed.catalog.iter().map(|c| ("catalog", c)))
        .chain(packed.bundles.iter().map(|b| ("bundle", b)))
        .chain(packed.words.iter().map(|w| ("words", w)))
    {
        let el = doc.create_element("script").expect("script");
        el.set_attribute("type", "application/octet-stream").expect("attr");
        el.set_attribute("data-presslens", kind).expect("attr");
        el.set_attribute("data-file", &format!("data/{name}")).expect("attr");
        let mut bytes = bytes.clone();
        if damage && *name == packed.bundles[0].0 {
            bytes[20] ^= 0xff;
        }
        let text: String = bytes.iter().map(|b| *b as char).collect();
        el.set_text_content(Some(&web_sys::window().expect("window").btoa(&text).expect("btoa")));
        doc.head().expect("head").append_child(&el).expect("append");
    }
}

#[wasm_bindgen_test]
async fn data_files_inline_in_the_page_read_back_as_the_same_corpus() {
    let corpus = presslens_core::testkit::analyze(&[
        "“We have offered the United States of America the opportunity,” Bukele wrote.",
        "Nothing quoted here.",
        "Rubio said: “This is an extraordinary gesture.”",
    ]);
    let packed = presslens_core::pack::pack(&corpus, 2).expect("packs");
    inline(&packed, false);
    let data = crate::data::fetch(format!("data/{}", packed.meta.0)).await.expect("reads");
    // The explorer starts from the outline: metadata, no bodies; each article comes with its bundle.
    assert_eq!(data.corpus.articles().len(), 3);
    assert!(data.corpus.articles().iter().all(|a| a.body.is_empty()) && data.corpus.quotes.is_empty());
    assert_eq!((data.quotes, data.matches), (corpus.quotes.len(), corpus.matches.len()));
    for (i, a) in corpus.articles().iter().enumerate() {
        match data.article(i) {
            crate::data::Loaded::Ready(at) => assert_eq!(at.article(), a, "article {i}"),
            other => panic!("article {i} of the first page: {other:?}"),
        }
    }
    assert_eq!(data.whole().await.expect("every bundle"), &corpus);
    // Ids come with the catalog, not the metadata file: found once their chunk has come.
    assert!(data.corpus.articles().iter().all(|a| a.id.is_empty()));
    assert!(data.all_named());
    assert_eq!(data.article_index(&corpus.articles()[2].id), Some(2));
    assert_eq!(data.named_article(1).map(|a| a.id), Some(corpus.articles()[1].id.clone()));
    data.words_ready("extraordinary").await.expect("the word chunk");
    let q = presslens_core::query::Query { text: "extraordinary".into(), ..Default::default() };
    let hits = presslens_core::query::run(&data.corpus, &data.index, &q).hits;
    assert_eq!(hits.iter().map(|h| h.article).collect::<Vec<_>>(), [2]);
}

#[wasm_bindgen_test]
async fn a_damaged_data_file_is_refused_with_its_name() {
    let corpus = presslens_core::testkit::analyze(&["“We are willing,” Bukele said.", "Another article."]);
    let packed = presslens_core::pack::pack(&corpus, 1).expect("packs");
    inline(&packed, true);
    let data = crate::data::fetch(format!("data/{}", packed.meta.0)).await.expect("the metadata file reads");
    // The damaged bundle is refused where it is needed, with its name; the other one reads.
    let crate::data::Loaded::Failed(err) = data.article(0) else { panic!("a damaged bundle was read") };
    assert!(err.contains(&packed.bundles[0].0) && err.contains("another build"), "{err}");
    assert!(matches!(data.article(1), crate::data::Loaded::Ready(_)));
    assert!(data.whole().await.is_err());
}

#[wasm_bindgen_test]
fn a_story_kept_in_an_earlier_data_format_asks_to_be_imported_again() {
    let corpus = presslens_core::testkit::analyze(&["“We are willing,” Bukele said."]);
    let packed = presslens_core::pack::pack(&corpus, 1).expect("packs");
    let files: Vec<(String, Vec<u8>)> = packed.files().skip(1).cloned().collect();
    let mut old = packed.meta.1.clone();
    old[4] = 2; // the format version, little-endian, after the magic bytes
    old[5] = 0;
    let Err(e) = crate::data::from_files((packed.meta.0.clone(), old), files.clone()) else {
        panic!("a metadata file of format 2 was read")
    };
    assert!(e.contains("earlier version of presslens (data format 2") && e.contains("import its files again"), "{e}");
    assert!(crate::data::from_files(packed.meta.clone(), files).is_ok());
}
