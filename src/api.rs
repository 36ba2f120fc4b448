//! `window.presslens`: the corpus for researchers' own scripts and notebooks, from the browser
//! console or a page that embeds the explorer.
//!
//! ```js
//! presslens.corpus()                        // { story, sources, articles } (metadata, no bodies)
//! presslens.query({ outlets: ["Breitbart News"], from: "2025-02-03", to: "2025-02-05",
//!                   undated: false, topics: ["cecot"], q: "\"prison system\"" })
//!                                           // { total, hits: [...], facets: {...} }
//! presslens.matches()                       // every match, export contract v1
//! presslens.matches("003_149772b19662e294") // one article's matches
//! ```
//!
//! On a site whose data is loaded on demand, `query` with a search whose word-index chunks have
//! not come yet, and `matches` before every bundle has come, return a Promise of the same value
//! (`await` takes either).
//!
//! Every call is answered by presslens-core, the same code the explorer and the CLI use. Bad
//! arguments throw a JavaScript `TypeError` that names the parameter; nothing panics.

use crate::data::{Data, Loaded};
use presslens_core::query::{run, Query, Results};
use presslens_core::{export, Date};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

const QUERY_FIELDS: [&str; 6] = ["outlets", "from", "to", "undated", "topics", "q"];

/// What `query()` accepts; every field is optional.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct QueryArgs {
    outlets: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    undated: Option<bool>,
    topics: Vec<String>,
    q: String,
}

#[derive(Serialize)]
struct HitOut<'a> {
    id: String,
    outlet: String,
    date: Option<String>,
    headline: Option<String>,
    url: Option<String>,
    topics: Vec<&'a str>,
    /// Share of the source's words the article quotes or copies, 0 to 1.
    reproduced: f32,
}

/// Name–count pairs that reach JavaScript as one object (`{"Breitbart News": 2}`), in the
/// order presslens-core gives them.
struct Counts<K>(Vec<(K, usize)>);

impl<K: Serialize> Serialize for Counts<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, n)| (k, n)))
    }
}

#[derive(Serialize)]
struct FacetsOut<'a> {
    outlets: Counts<&'a str>,
    topics: Counts<&'a str>,
    days: Counts<String>,
    undated: usize,
}

#[derive(Serialize)]
struct ResultsOut<'a> {
    total: usize,
    hits: Vec<HitOut<'a>>,
    facets: FacetsOut<'a>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    outlet: &'a str,
    date: Option<String>,
    headline: Option<&'a str>,
    url: Option<&'a str>,
    via: Option<&'a str>,
    file: &'a str,
    words: usize,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    speaker: &'a str,
    place: &'a str,
    date: Option<String>,
    url: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct TopicOut<'a> {
    id: &'a str,
    label: &'a str,
    terms: &'a [String],
}

#[derive(Serialize)]
struct CorpusOut<'a> {
    title: &'a str,
    summary: &'a str,
    sources: Vec<SourceOut<'a>>,
    topics: Vec<TopicOut<'a>>,
    articles: Vec<ArticleOut<'a>>,
}

fn type_error(message: String) -> JsValue {
    js_sys::TypeError::new(&format!("presslens: {message}")).into()
}

/// A JavaScript `Error` with `message`: data that could not be loaded or read.
fn js_error(message: String) -> JsValue {
    js_sys::Error::new(&message).into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects, so that `facets.outlets` reads naturally in JavaScript; a missing date
    // or headline as `null`, as in the JSON export.
    value
        .serialize(
            &serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true),
        )
        .map_err(|e| type_error(e.to_string()))
}

fn date_arg(name: &str, value: Option<String>) -> Result<Option<Date>, JsValue> {
    value
        .map(|v| Date::parse(&v).ok_or_else(|| type_error(format!("`{name}` must be a date as YYYY-MM-DD, not {v:?}"))))
        .transpose()
}

fn query(data: &'static Data, args: JsValue) -> Result<JsValue, JsValue> {
    let args: QueryArgs = if args.is_undefined() || args.is_null() {
        QueryArgs::default()
    } else {
        // serde-wasm-bindgen reads only the fields it knows; a misspelt one would be ignored.
        if args.is_object() {
            let keys = js_sys::Reflect::own_keys(&args).unwrap_or_default();
            for key in keys.iter().filter_map(|k| k.as_string()) {
                if !QUERY_FIELDS.contains(&key.as_str()) {
                    return Err(type_error(format!(
                        "query(): unknown parameter `{key}`; expected one of {}",
                        QUERY_FIELDS.join(", ")
                    )));
                }
            }
        }
        serde_wasm_bindgen::from_value(args).map_err(|e| type_error(format!("query(): {e}")))?
    };
    let corpus = &data.corpus;
    for t in &args.topics {
        if !corpus.story.topics.iter().any(|x| &x.id == t) {
            return Err(type_error(format!("`topics`: no topic {t:?} in this corpus")));
        }
    }
    let q = Query {
        outlets: args.outlets,
        from: date_arg("from", args.from)?,
        to: date_arg("to", args.to)?,
        undated: args.undated.unwrap_or(true),
        topics: args.topics,
        text: args.q,
    };
    // A search on a site whose word index comes in chunks waits for the chunks it needs, and
    // its hits for the catalog chunks that name them.
    if data.words(&q.text) == Loaded::Ready(()) {
        let r = run(&data.corpus, &data.index, &q);
        if r.hits.iter().all(|h| data.is_named(h.article)) {
            return answer(data, &r);
        }
    }
    Ok(wasm_bindgen_futures::future_to_promise(async move {
        data.words_ready(&q.text).await.map_err(js_error)?;
        let r = run(&data.corpus, &data.index, &q);
        let hits: Vec<usize> = r.hits.iter().map(|h| h.article).collect();
        data.named(Some(&hits)).await.map_err(js_error)?;
        answer(data, &r)
    })
    .into())
}

fn answer(data: &Data, r: &Results) -> Result<JsValue, JsValue> {
    let corpus = &data.corpus;
    let topic_id = |t: usize| corpus.story.topics.get(t).map_or("", |x| x.id.as_str());
    let out = ResultsOut {
        total: r.hits.len(),
        hits: r
            .hits
            .iter()
            .filter_map(|h| {
                let a = data.named_article(h.article)?;
                Some(HitOut {
                    outlet: a.outlet_name().to_string(),
                    date: a.date.map(|d| d.to_string()),
                    id: a.id,
                    headline: a.headline,
                    url: a.url,
                    topics: h.topics.iter().map(|&t| topic_id(t)).collect(),
                    reproduced: h.reproduced,
                })
            })
            .collect(),
        facets: FacetsOut {
            outlets: Counts(r.facets.outlets.iter().map(|(o, n)| (o.as_str(), *n)).collect()),
            topics: Counts(r.facets.topics.iter().map(|&(t, n)| (topic_id(t), n)).collect()),
            days: Counts(r.facets.days.iter().map(|(d, n)| (d.to_string(), *n)).collect()),
            undated: r.facets.undated,
        },
    };
    to_js(&out)
}

fn matches(data: &'static Data, article: JsValue) -> Result<JsValue, JsValue> {
    // The export contract, written by presslens-core, read back by the browser's own JSON parser.
    let answer = |c: &presslens_core::Corpus, articles: &[usize]| {
        let doc = js_sys::JSON::parse(&export::json(c, articles))?;
        js_sys::Reflect::get(&doc, &JsValue::from_str("matches"))
    };
    if article.is_undefined() || article.is_null() {
        if let Some(whole) = data.whole_now() {
            return answer(whole, &(0..whole.articles().len()).collect::<Vec<_>>());
        }
        return Ok(wasm_bindgen_futures::future_to_promise(async move {
            let whole = data.whole().await.map_err(js_error)?;
            answer(whole, &(0..whole.articles().len()).collect::<Vec<_>>())
        })
        .into());
    }
    let id = article.as_string().ok_or_else(|| type_error("matches(): the article id must be a string".into()))?;
    // One article's matches are in its bundle (its part numbers them as the whole corpus would).
    let one = move |i: usize| match data.article(i) {
        Loaded::Ready(at) => Some(answer(at.corpus, &[at.index])),
        Loaded::Failed(e) => Some(Err(js_error(e))),
        Loaded::Loading => None,
    };
    let missing = {
        let id = id.clone();
        move || type_error(format!("matches(): no article {id:?} in this corpus"))
    };
    let known = data.article_index(&id);
    match known {
        Some(i) => {
            if let Some(now) = one(i) {
                return now;
            }
        }
        None if data.all_named() => return Err(missing()),
        None => {}
    }
    // A site's ids come in catalog chunks, its articles in bundles: what is missing is fetched first.
    Ok(wasm_bindgen_futures::future_to_promise(async move {
        let i = match known {
            Some(i) => i,
            None => {
                data.named(None).await.map_err(js_error)?;
                data.article_index(&id).ok_or_else(missing)?
            }
        };
        data.ready([i]).await.map_err(js_error)?;
        one(i).unwrap_or_else(|| Err(js_error(format!("matches(): the article {id:?} did not load"))))
    })
    .into())
}

fn corpus(data: &'static Data) -> Result<JsValue, JsValue> {
    // A site's articles are named in catalog chunks: all of them first.
    if !data.all_named() {
        return Ok(wasm_bindgen_futures::future_to_promise(async move {
            data.named(None).await.map_err(js_error)?;
            corpus(data)
        })
        .into());
    }
    let c = &data.corpus;
    let named: Vec<_> = (0..c.articles().len()).filter_map(|ai| data.named_article(ai)).collect();
    let speaker = |i: usize| c.story.speakers.get(i).map_or("", |s| s.name.as_str());
    to_js(&CorpusOut {
        title: &c.story.title,
        summary: &c.story.summary,
        sources: c
            .story
            .sources
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                speaker: speaker(s.speaker),
                place: &s.place,
                date: s.date.map(|d| d.to_string()),
                url: s.url.as_deref(),
                text: &s.text,
            })
            .collect(),
        topics: c.story.topics.iter().map(|t| TopicOut { id: &t.id, label: &t.label, terms: &t.terms }).collect(),
        articles: named
            .iter()
            .zip(data.index.facts())
            .map(|(a, f)| ArticleOut {
                id: &a.id,
                outlet: a.outlet_name(),
                date: a.date.map(|d| d.to_string()),
                headline: a.headline.as_deref(),
                url: a.url.as_deref(),
                via: a.via.as_deref(),
                file: &a.file,
                words: f.words as usize,
            })
            .collect(),
    })
}

/// Puts `presslens` on `window`, with `query`, `matches` and `corpus` bound to the loaded data.
pub fn install(data: &'static Data) {
    let api = js_sys::Object::new();
    let set = |name: &str, f: JsValue| {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), &f);
    };
    set("query", Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(move |a| query(data, a)).into_js_value());
    set(
        "matches",
        Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(move |a| matches(data, a)).into_js_value(),
    );
    set("corpus", Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(move || corpus(data)).into_js_value());
    set("version", JsValue::from_str(env!("CARGO_PKG_VERSION")));
    // A story of the reader's own (the "Your own articles" panel): shown in the explorer's place.
    set("story", crate::studio::shown().map_or(JsValue::NULL, JsValue::from));
    set(
        "openStory",
        Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(|record: JsValue| {
            let (data, id) = crate::studio::from_record(&record).map_err(js_error)?;
            crate::show(Ok(data), Some(id));
            Ok(JsValue::TRUE)
        })
        .into_js_value(),
    );
    set(
        "builtinStory",
        Closure::<dyn Fn()>::new(|| wasm_bindgen_futures::spawn_local(crate::show_builtin())).into_js_value(),
    );
    let _ = js_sys::Object::freeze(&api);
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str("presslens"), &api);
}
