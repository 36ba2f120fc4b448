//! The analysed corpus the explorer shows, alive for the session.
//!
//! It comes from one of three places. A page written by `presslens site` links to its metadata
//! file (presslens_core::pack; in the single-file build the data files are inline, as base64
//! data blocks): the explorer starts from that file alone — every article's outlet and date and
//! the facts facets need — and fetches a bundle of a few dozen articles (and the catalog chunk
//! that names them: ids, headlines, URLs) when it shows one of them, and a chunk of the word index
//! when a search needs one of its words. The viewer is then
//! the same program for every story, and what it loads does not grow with the corpus. A story
//! kept in this browser comes whole, from IndexedDB; otherwise the corpus build.rs embedded at
//! build time is used (the seed explorer), whole too.
//!
//! Views ask [`Data::article`] for an article's body and analysis: at once when the corpus is
//! whole, else when its bundle has come, and meanwhile they show that it is loading; every
//! arrival wakes the views that asked (a trigger they track).

use futures::future::{join_all, FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::{ArcTrigger, Notify, Track};
use presslens_core::pack::{self, BundleRef, Catalog, FileRef, PackError, RangeRef};
use presslens_core::query::Index;
use presslens_core::{Cluster, Corpus};
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The attribute that marks the page's data links (`<link … data-presslens="meta">`) and inline
/// data blocks (`<script type="application/octet-stream" data-presslens="meta" data-file="…">`).
const DATA_ATTR: &str = "data-presslens";

/// The corpus and its query index, alive for the whole session.
pub struct Data {
    /// The whole corpus, or, for a site's data loaded on demand, its outline: every article's
    /// outlet and date, with no id, headline or body, and no quotation, match or topic hit (see
    /// [`Data::article`], which gives an article whole, and [`Data::article_index`]).
    pub corpus: Corpus,
    pub index: Index,
    /// Quotations and matches in the whole corpus.
    pub quotes: usize,
    pub matches: usize,
    parts: Option<Parts>,
}

/// Something asked of data that may still be on its way.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Ready(T),
    Loading,
    /// A data file could not be fetched or read; the message names it.
    Failed(String),
}

/// An article (or a quotation) where its body and analysis are: the corpus that holds it — the
/// whole one, or its bundle's part — and its index there. Equal when it is the same place, so a
/// memo of it wakes its readers only when the article has come.
#[derive(Clone, Copy, Debug)]
pub struct At {
    pub corpus: &'static Corpus,
    pub index: usize,
}

impl PartialEq for At {
    fn eq(&self, other: &At) -> bool {
        std::ptr::eq(self.corpus, other.corpus) && self.index == other.index
    }
}

impl At {
    pub fn article(&self) -> &'static presslens_core::Article {
        &self.corpus.articles()[self.index]
    }
}

/// The story's quote clusters ([`Data::clusters`]); equal when they are the same list, so that a
/// memo of them does not compare every cluster on each arrival of data.
#[derive(Clone, Copy, Debug)]
pub struct Clusters(pub &'static [Cluster]);

impl PartialEq for Clusters {
    fn eq(&self, other: &Clusters) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// What a paged list of articles can show now ([`Data::listed`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listed {
    /// Articles (by index in the corpus) whose body and analysis are at hand, in list order.
    pub ready: Vec<(usize, At)>,
    /// Some of the list is still on its way.
    pub loading: bool,
    pub failed: Option<String>,
}

impl Listed {
    /// A line saying what is still loading or what failed; nothing when the list is complete.
    pub fn status(&self) -> Option<leptos::prelude::AnyView> {
        use leptos::prelude::*;
        if let Some(e) = &self.failed {
            return Some(view! { <p class="load-failed" role="alert">{e.clone()}</p> }.into_any());
        }
        self.loading.then(|| view! { <p class="loading-text" role="status">"Loading articles…"</p> }.into_any())
    }
}

/// A data file being fetched and read, shared by every view that waits for it.
type Load<T> = Shared<LocalBoxFuture<'static, Result<T, String>>>;

/// The bundles, word chunks and clusters file of a site's data, fetched as they are needed.
struct Parts {
    /// The folder of the metadata file, which names the others relative to it.
    dir: String,
    bundles: Vec<BundleRef>,
    catalog: Vec<RangeRef>,
    words: Vec<FileRef>,
    clusters: FileRef,
    /// The explorer runs on one thread; the wrapper lets views hold `&'static Data`.
    loads: SendWrapper<RefCell<Loads>>,
    /// Notified whenever a file has come (or failed).
    arrived: ArcTrigger,
}

#[derive(Default)]
struct Loads {
    bundles: Vec<Option<Load<&'static Corpus>>>,
    catalog: Vec<Option<Load<&'static Catalog>>>,
    words: Vec<Option<Load<()>>>,
    clusters: Option<Load<&'static [Cluster]>>,
    whole: Option<Load<&'static Corpus>>,
}

fn whole(corpus: Corpus) -> &'static Data {
    let index = Index::new(&corpus);
    let (quotes, matches) = (corpus.quotes.len(), corpus.matches.len());
    Box::leak(Box::new(Data { corpus, index, quotes, matches, parts: None }))
}

fn failed(e: PackError) -> String {
    format!("The story's data could not be read: {e}")
}

impl Data {
    /// Article `ai` with its body and analysis: the corpus that holds it (the whole one, or its
    /// bundle's part) and its index there. Starts fetching its bundle if needed; a reactive caller
    /// runs again when it has come.
    pub fn article(&'static self, ai: usize) -> Loaded<At> {
        let Some(parts) = &self.parts else {
            return if ai < self.corpus.articles().len() {
                Loaded::Ready(At { corpus: &self.corpus, index: ai })
            } else {
                Loaded::Failed(format!("There is no article {ai}."))
            };
        };
        parts.arrived.track();
        let Some(b) = parts.bundle_of(ai) else {
            return Loaded::Failed(format!("There is no article {ai}."));
        };
        let first = parts.bundles[b].first as usize;
        match state(&self.bundle(b)) {
            Loaded::Ready(part) if ai - first < part.articles().len() => {
                Loaded::Ready(At { corpus: part, index: ai - first })
            }
            Loaded::Ready(_) => Loaded::Failed(format!("There is no article {ai}.")),
            Loaded::Failed(e) => Loaded::Failed(e),
            Loaded::Loading => Loaded::Loading,
        }
    }

    /// The article whose id is `id`, among those named so far: every article of a whole corpus;
    /// for data on demand, those of the catalog chunks that have come (the chunk of every article
    /// shown, and all of them after [`Data::named`]).
    pub fn article_index(&self, id: &str) -> Option<usize> {
        let Some(parts) = &self.parts else { return self.corpus.article_index(id) };
        parts.arrived.track();
        let loads = parts.loads.borrow();
        loads
            .catalog
            .iter()
            .flatten()
            .filter_map(|l| l.peek().cloned()?.ok())
            .find_map(|c| c.cards.iter().position(|k| k.id == id).map(|i| c.first as usize + i))
    }

    /// Whether every article has its name at hand ([`Data::article_index`] finds any id).
    pub fn all_named(&self) -> bool {
        let Some(parts) = &self.parts else { return true };
        parts.loads.borrow().catalog.iter().all(|l| matches!(l.as_ref().and_then(|l| l.peek()), Some(Ok(_))))
    }

    /// Waits until the articles of `ais` (every article, if `None`) have their id, headline and
    /// the rest at hand: their catalog chunks.
    pub async fn named(&'static self, ais: Option<&[usize]>) -> Result<(), String> {
        let Some(parts) = &self.parts else { return Ok(()) };
        let mut wanted: Vec<usize> = match ais {
            None => (0..parts.catalog.len()).collect(),
            Some(ais) => ais.iter().filter_map(|&ai| pack::catalog_of(&parts.catalog, ai)).collect(),
        };
        wanted.sort_unstable();
        wanted.dedup();
        let loads: Vec<_> = wanted.into_iter().map(|c| self.catalog(c)).collect();
        join_all(loads).await.into_iter().try_for_each(|r| r.map(|_| ()))
    }

    /// Whether article `ai` has its id, headline and the rest at hand (its catalog chunk has
    /// come, or the corpus is whole).
    pub fn is_named(&self, ai: usize) -> bool {
        match &self.parts {
            None => ai < self.corpus.articles().len(),
            Some(parts) => card(parts, ai).is_some(),
        }
    }

    /// Article `ai`'s metadata with its id, headline, URL and file (no body), once its catalog
    /// chunk has come: for a caller that needs no body (`None` until [`Data::named`] has waited
    /// for it).
    pub fn named_article(&self, ai: usize) -> Option<presslens_core::Article> {
        let src = self.corpus.articles().get(ai)?;
        let mut a = presslens_core::Article {
            id: src.id.clone(),
            outlet: src.outlet.clone(),
            headline: src.headline.clone(),
            url: src.url.clone(),
            date: src.date,
            via: src.via.clone(),
            author: src.author.clone(),
            file: src.file.clone(),
            ..Default::default()
        };
        let Some(parts) = &self.parts else { return Some(a) };
        card(parts, ai)?.fill(&mut a);
        Some(a)
    }

    /// Quotation `qi` (an index into the whole corpus's quotations, as clusters give them): the
    /// corpus that holds it and its index there, as [`Data::article`] gives articles.
    pub fn quote(&'static self, qi: usize) -> Loaded<At> {
        let Some(parts) = &self.parts else {
            return match qi < self.corpus.quotes.len() {
                true => Loaded::Ready(At { corpus: &self.corpus, index: qi }),
                false => Loaded::Failed(format!("There is no quotation {qi}.")),
            };
        };
        parts.arrived.track();
        let Some(b) = parts.bundles.partition_point(|r| r.first_quote as usize <= qi).checked_sub(1) else {
            return Loaded::Failed(format!("There is no quotation {qi}."));
        };
        let first = parts.bundles[b].first_quote as usize;
        match state(&self.bundle(b)) {
            Loaded::Ready(part) if qi - first < part.quotes.len() => {
                Loaded::Ready(At { corpus: part, index: qi - first })
            }
            Loaded::Ready(_) => Loaded::Failed(format!("There is no quotation {qi}.")),
            Loaded::Failed(e) => Loaded::Failed(e),
            Loaded::Loading => Loaded::Loading,
        }
    }

    /// Every article of `ais`, in order, once all have come; the first failure, if one failed.
    pub fn articles(&'static self, ais: &[usize]) -> Loaded<Vec<At>> {
        let mut all = Vec::with_capacity(ais.len());
        let mut loading = false;
        for &ai in ais {
            match self.article(ai) {
                Loaded::Ready(at) => all.push(at),
                Loaded::Loading => loading = true,
                Loaded::Failed(e) => return Loaded::Failed(e),
            }
        }
        if loading {
            Loaded::Loading
        } else {
            Loaded::Ready(all)
        }
    }

    /// The articles of `ais` for a list that grows a page at a time (`before`: what it listed
    /// last): all of them once they have come. While some are on their way, the list keeps what
    /// it listed before if that opens `ais` (a "Show more"), else lists none yet.
    pub fn listed(&'static self, ais: &[usize], before: Option<&Listed>) -> Listed {
        match self.articles(ais) {
            Loaded::Ready(all) => Listed { ready: ais.iter().copied().zip(all).collect(), ..Listed::default() },
            Loaded::Failed(e) => Listed { failed: Some(e), ..Listed::default() },
            Loaded::Loading => {
                let kept = before
                    .filter(|b| b.ready.len() <= ais.len() && b.ready.iter().zip(ais).all(|((a, _), b)| a == b))
                    .map(|b| b.ready.clone())
                    .unwrap_or_default();
                Listed { ready: kept, loading: true, failed: None }
            }
        }
    }

    /// Whether the word index can answer a search for `text` now; starts fetching the chunks it
    /// needs if not.
    pub fn words(&'static self, text: &str) -> Loaded<()> {
        let Some(parts) = &self.parts else { return Loaded::Ready(()) };
        parts.arrived.track();
        let mut now = Loaded::Ready(());
        for c in self.index.missing_chunks(text) {
            match state(&self.word_chunk(c)) {
                Loaded::Failed(e) => return Loaded::Failed(e),
                Loaded::Ready(()) => {}
                Loaded::Loading => now = Loaded::Loading,
            }
        }
        now
    }

    /// Starts fetching the word chunks a search for `text` will need, and returns at once: the
    /// search box calls it at each keystroke, so the chunks are on their way while it waits for
    /// a pause in typing. Words of one or two letters are left to the search itself: while the
    /// reader types, most are the start of a longer word.
    pub fn prefetch_words(&'static self, text: &str) {
        if self.parts.is_none() {
            return;
        }
        let words: Vec<&str> =
            text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() >= 3).collect();
        for c in self.index.missing_chunks(&words.join(" ")) {
            // The load goes on without this handle: `Parts::announce` drives it to its end.
            drop(self.word_chunk(c));
        }
    }

    /// Waits until the word index can answer a search for `text`.
    pub async fn words_ready(&'static self, text: &str) -> Result<(), String> {
        let loads: Vec<_> = self.index.missing_chunks(text).into_iter().map(|c| self.word_chunk(c)).collect();
        join_all(loads).await.into_iter().collect()
    }

    /// Waits until every article in `articles` can be shown.
    pub async fn ready(&'static self, articles: impl IntoIterator<Item = usize>) -> Result<(), String> {
        let Some(parts) = &self.parts else { return Ok(()) };
        let mut wanted: Vec<usize> = articles.into_iter().filter_map(|ai| parts.bundle_of(ai)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let loads: Vec<_> = wanted.into_iter().map(|b| self.bundle(b)).collect();
        join_all(loads).await.into_iter().try_for_each(|r| r.map(|_| ()))
    }

    /// The whole corpus, every bundle fetched: for what reads every article at once (the
    /// export of all matches).
    pub async fn whole(&'static self) -> Result<&'static Corpus, String> {
        let Some(parts) = &self.parts else { return Ok(&self.corpus) };
        let load = {
            let mut loads = parts.loads.borrow_mut();
            match &loads.whole {
                Some(l) => l.clone(),
                None => {
                    let l = async move {
                        let all: Vec<_> = (0..parts.bundles.len()).map(|b| self.bundle(b)).collect();
                        let all: Vec<&Corpus> = join_all(all).await.into_iter().collect::<Result<_, _>>()?;
                        let clusters = self.clusters_load().await?;
                        let joined = pack::join(&self.corpus, clusters, &parts.bundles, &all).map_err(failed)?;
                        Ok(&*Box::leak(Box::new(joined)))
                    }
                    .boxed_local()
                    .shared();
                    loads.whole = Some(l.clone());
                    l
                }
            }
        };
        load.await
    }

    /// The whole corpus if it is at hand now (built in, kept, or every bundle already joined).
    pub fn whole_now(&'static self) -> Option<&'static Corpus> {
        let Some(parts) = &self.parts else { return Some(&self.corpus) };
        parts.loads.borrow().whole.as_ref().and_then(|l| l.peek().cloned()).and_then(Result::ok)
    }

    /// The story's quote clusters, fetched on first use for data on demand.
    pub fn clusters(&'static self) -> Loaded<Clusters> {
        let Some(parts) = &self.parts else { return Loaded::Ready(Clusters(&self.corpus.clusters)) };
        parts.arrived.track();
        match state(&self.clusters_load()) {
            Loaded::Ready(c) => Loaded::Ready(Clusters(c)),
            Loaded::Failed(e) => Loaded::Failed(e),
            Loaded::Loading => Loaded::Loading,
        }
    }

    fn clusters_load(&'static self) -> Load<&'static [Cluster]> {
        let parts = self.parts.as_ref().expect("a clusters file only for data on demand");
        let r = &parts.clusters;
        let quotes = self.quotes as u32;
        parts.load(
            |l| &mut l.clusters,
            &r.file,
            move |bytes| {
                let clusters = pack::read_clusters_file(r, quotes, &bytes).map_err(failed)?;
                Ok(&*Box::leak(clusters.into_boxed_slice()))
            },
        )
    }

    /// The load of bundle `b`, started on first use: it reads the bundle, with the catalog chunk
    /// that names its articles (fetched at the same time), as a part.
    fn bundle(&'static self, b: usize) -> Load<&'static Corpus> {
        let parts = self.parts.as_ref().expect("bundles only for data on demand");
        let r = &parts.bundles[b];
        let c = pack::catalog_of(&parts.catalog, r.first as usize);
        let file = format!("{}{}", parts.dir, r.file);
        parts.load_with(|l| &mut l.bundles[b], async move {
            let c =
                c.ok_or_else(|| format!("The story's data could not be read: no catalog chunk names {}", r.file))?;
            let (cards, bytes) = futures::join!(self.catalog(c), bytes_of(&file));
            let bundle = pack::read_bundle(r, &bytes?).map_err(failed)?;
            let part = pack::part(&self.corpus.story, r, cards?, bundle).map_err(failed)?;
            Ok(&*Box::leak(Box::new(part)))
        })
    }

    /// The load of catalog chunk `c`, started on first use.
    fn catalog(&'static self, c: usize) -> Load<&'static Catalog> {
        let parts = self.parts.as_ref().expect("a catalog only for data on demand");
        let r = &parts.catalog[c];
        parts.load(
            |l| &mut l.catalog[c],
            &r.file,
            move |bytes| Ok(&*Box::leak(Box::new(pack::read_catalog(r, &bytes).map_err(failed)?))),
        )
    }

    /// The load of word chunk `c`, started on first use: it adds the chunk to the index.
    fn word_chunk(&'static self, c: usize) -> Load<()> {
        let parts = self.parts.as_ref().expect("word chunks only for data on demand");
        let r = &parts.words[c];
        parts.load(
            |l| &mut l.words[c],
            &r.file,
            move |bytes| {
                let postings = pack::read_words(c, r, &bytes).map_err(failed)?;
                self.index
                    .add_chunk(c, postings)
                    .map_err(|e| format!("The story's data could not be read: {}: {e}", r.file))
            },
        )
    }
}

impl crate::state::Articles for Data {
    fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.article_index(id)
    }
}

/// The catalog card of article `ai`, if its chunk has come.
fn card(parts: &Parts, ai: usize) -> Option<&'static pack::Card> {
    let c = pack::catalog_of(&parts.catalog, ai)?;
    let chunk: &'static Catalog = parts.loads.borrow().catalog.get(c)?.as_ref()?.peek()?.clone().ok()?;
    chunk.card(ai)
}

/// Where a load stands now.
fn state<T: Clone>(load: &Load<T>) -> Loaded<T> {
    match load.peek() {
        Some(Ok(t)) => Loaded::Ready(t.clone()),
        Some(Err(e)) => Loaded::Failed(e.clone()),
        None => Loaded::Loading,
    }
}

impl Parts {
    /// The bundle that holds article `ai`.
    fn bundle_of(&self, ai: usize) -> Option<usize> {
        self.bundles.partition_point(|r| r.first as usize <= ai).checked_sub(1)
    }

    /// The load kept in `slot`, or, on first use, a new one that fetches `file` (named relative
    /// to the metadata file) and reads it with `read`; every view waiting for data wakes when it
    /// has come.
    fn load<T: Clone + 'static>(
        &'static self,
        slot: impl Fn(&mut Loads) -> &mut Option<Load<T>>,
        file: &str,
        read: impl FnOnce(Vec<u8>) -> Result<T, String> + 'static,
    ) -> Load<T> {
        let file = format!("{}{}", self.dir, file);
        self.load_with(slot, async move { read(bytes_of(&file).await?) })
    }

    /// The load kept in `slot`, or, on first use, `work` as a new one.
    fn load_with<T: Clone + 'static>(
        &'static self,
        slot: impl Fn(&mut Loads) -> &mut Option<Load<T>>,
        work: impl std::future::Future<Output = Result<T, String>> + 'static,
    ) -> Load<T> {
        if let Some(l) = slot(&mut self.loads.borrow_mut()) {
            return l.clone();
        }
        let load = work.boxed_local().shared();
        *slot(&mut self.loads.borrow_mut()) = Some(load.clone());
        self.announce(load.clone());
        load
    }

    /// Drives `load` to its end and then wakes the views waiting for data.
    fn announce<T: Clone + 'static>(&self, load: Load<T>) {
        let arrived = self.arrived.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = load.await;
            arrived.notify();
        });
    }
}

/// Milliseconds of indexing in one task, so that a click while the index fills waits for little.
const WORDS_SLICE_MS: f64 = 4.0;

/// Indexes the articles' words a few milliseconds at a time between tasks, after the app has
/// started, so start-up does not wait for it and the first search usually finds it ready (a search
/// that comes first finishes it; see `query::Index`). Nothing to do for data on demand, whose
/// word index comes in chunks.
pub fn index_in_background(data: &'static Data) {
    fn step(data: &'static Data) {
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < WORDS_SLICE_MS {
            if data.index.index_words(&data.corpus, 1) {
                return;
            }
        }
        leptos::prelude::set_timeout(move || step(data), std::time::Duration::ZERO);
    }
    if data.parts.is_none() {
        leptos::prelude::set_timeout(move || step(data), std::time::Duration::ZERO);
    }
}

/// The data file the page names as its metadata file, if it names one.
pub fn linked() -> Option<String> {
    let el = leptos::prelude::document().query_selector(&format!("[{DATA_ATTR}=\"meta\"]")).ok()??;
    el.get_attribute("href").or_else(|| el.get_attribute("data-file"))
}

/// Decodes the embedded corpus. The bytes were written by build.rs from the same crate version, so
/// a failure here is a build defect; it is reported in the page rather than as a blank screen.
pub fn embedded() -> Result<&'static Data, String> {
    let corpus = Corpus::from_bytes(BYTES).map_err(|e| format!("The embedded corpus could not be read: {e}"))?;
    Ok(whole(corpus))
}

/// Reads the metadata file at `meta`, then what the first screen at this address needs: the
/// bundles of its first page of articles (and of the article the URL opens), and the word chunks
/// of its search, so that the app's first render shows what the static first screen showed. Every
/// other file is fetched when a view needs it. A metadata file that is missing, damaged or from
/// another build is an error that names it; any other file that is (or cannot be fetched, as
/// offline) is said where it was needed, and the rest of the story still shows.
pub async fn fetch(meta: String) -> Result<&'static Data, String> {
    let dir = meta.rfind('/').map_or("", |i| &meta[..=i]).to_string();
    let m = pack::read_meta(&meta, &bytes_of(&meta).await?).map_err(failed)?;
    let corpus = pack::outline(&m).map_err(failed)?;
    let index = Index::from_facts(&corpus, m.facts, m.words.len());
    let loads = Loads {
        bundles: vec![None; m.bundles.len()],
        catalog: vec![None; m.catalog.len()],
        words: vec![None; m.words.len()],
        ..Loads::default()
    };
    let parts = Parts {
        dir,
        bundles: m.bundles,
        catalog: m.catalog,
        words: m.words,
        clusters: m.clusters,
        loads: SendWrapper::new(RefCell::new(loads)),
        arrived: ArcTrigger::new(),
    };
    let (quotes, matches) = (m.quotes as usize, m.matches as usize);
    let data: &'static Data = Box::leak(Box::new(Data { corpus, index, quotes, matches, parts: Some(parts) }));
    let search = leptos::prelude::window().location().search().unwrap_or_default();
    // An address that opens an article names it by id: every id is needed to find it.
    if crate::state::names_article(&search) {
        let _ = data.named(None).await;
    }
    let (st, _) = crate::state::parse(&search, data);
    // Failures are left to the views that need the file (they show them), so they are not
    // looked at here.
    let _ = data.words_ready(&st.query.text).await;
    let first = presslens_core::query::run(&data.corpus, &data.index, &st.query).hits;
    let opened = st.article.as_deref().and_then(|id| data.article_index(id));
    let drawn = crate::components::viewport::first(first.len());
    let _ = data.ready(first.iter().take(drawn).map(|h| h.article).chain(opened)).await;
    Ok(data)
}

/// Puts a corpus together from data files already in memory (a story the worker made, or one
/// kept in this browser: its clusters file and bundles, found by name), with the same checks as
/// [`fetch`]; it is whole from the start.
pub fn from_files(meta: (String, Vec<u8>), files: Vec<(String, Vec<u8>)>) -> Result<&'static Data, String> {
    let corpus = pack::unpack_files((&meta.0, &meta.1), &files).map_err(|e| match e {
        // A story kept by an earlier version: there is no site to build again, only its files.
        PackError::Version { found, .. } => format!(
            "This story was kept by an earlier version of presslens (data format {found}; this one reads format {}). Delete it and import its files again.",
            pack::FORMAT
        ),
        e => failed(e),
    })?;
    Ok(whole(corpus))
}

/// A data file on its way: inline in the page, or a request already sent.
enum Pending {
    Inline(Result<Vec<u8>, String>),
    Request(String, js_sys::Promise),
}

impl Pending {
    fn start(file: &str) -> Pending {
        let doc = leptos::prelude::document();
        let selector = format!("script[{DATA_ATTR}][data-file=\"{}\"]", file.replace(['"', '\\'], ""));
        if let Ok(Some(el)) = doc.query_selector(&selector) {
            let text = el.text_content().unwrap_or_default();
            return Pending::Inline(base64(&text).ok_or_else(|| format!("The inline data file {file} is damaged.")));
        }
        Pending::Request(file.to_string(), leptos::prelude::window().fetch_with_str(file))
    }

    async fn bytes(self) -> Result<Vec<u8>, String> {
        let (file, promise) = match self {
            Pending::Inline(bytes) => return bytes,
            Pending::Request(file, promise) => (file, promise),
        };
        let unreachable = |e: wasm_bindgen::JsValue| format!("The data file {file} could not be loaded: {e:?}");
        let response: web_sys::Response = JsFuture::from(promise).await.map_err(unreachable)?.unchecked_into();
        if !response.ok() {
            return Err(format!("The data file {file} could not be loaded (HTTP {}).", response.status()));
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(unreachable)?).await.map_err(unreachable)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

async fn bytes_of(file: &str) -> Result<Vec<u8>, String> {
    Pending::start(file).bytes().await
}

/// Standard base64 with padding, whitespace ignored; `None` on any other character.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_decodes_standard_padded_text() {
        assert_eq!(base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64("aGVs\nbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(base64("").as_deref(), Some(&b""[..]));
        assert_eq!(base64("a<b"), None);
    }
}
