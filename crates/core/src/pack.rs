//! The analysed corpus as data files, for a viewer that is the same program for every story
//! (DESIGN.md, "Round 2").
//!
//! A corpus is cut into one small **metadata file** — the story, its sources, speakers and topics,
//! each article's outlet and date, what a query needs of each article (its topics and how much
//! of the source it reproduces) and the diagnostics: columns of numbers, nothing that grows with
//! a headline — then the **catalog** in chunks of a thousand or so articles (each article's id,
//! headline, URL, agency, author and file: what names and cites it), the quote clusters in a file
//! of their own (only the variants view reads them), **bundles** of a few dozen articles each, holding their bodies with everything the analysis
//! found in them (quotations, matches with their ops, topic hits), and the **word index** cut
//! into chunks by word (`query::word_chunk`), each word with the articles and positions where it
//! occurs. The metadata file lists the catalog chunks and bundles in article order and the word
//! chunks, each with its content hash, so a viewer starts from the metadata alone, fetches a
//! bundle (with its catalog chunk) when it shows one of its articles and a word chunk when a
//! search needs one of its words, and refuses a file that is not the one this build wrote.
//!
//! Every file starts with the magic bytes `PLSD`, the format version and its kind, then the
//! postcard encoding of its contents. [`unpack`] checks all three, and each bundle's hash, before
//! it reads a byte of the contents: a file from another build or another format is refused with
//! a message, never misread. File names carry the content hash ([`file_name`]), so a host or a
//! service worker can cache them forever.
//!
//! This module does no I/O: the CLI (`presslens site`) writes the files, the explorer fetches or
//! reads them inline.

use crate::model::{Article, Cluster, Corpus, Date, Diagnostic, Match, Quote, Source, Speaker, Story, Topic, TopicHit};
use crate::query::{word_chunk, Facts, Index, Posting, Postings};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The layout version. Bump it whenever a type written here changes shape.
pub const FORMAT: u16 = 3;

/// Articles per bundle: a few dozen, so that a phone makes few requests and no file is large.
pub const ARTICLES_PER_BUNDLE: usize = 32;

/// Bundles per catalog chunk: a chunk names about a thousand articles (a few kilobytes of ids and
/// headlines), and a bundle's articles are always in one chunk.
pub const BUNDLES_PER_CATALOG: usize = 32;

/// Word positions a word chunk holds, about: a search of a few words fetches a few such chunks
/// (tens of kilobytes each), and a corpus of 100,000 articles makes about a thousand.
pub const POSITIONS_PER_CHUNK: usize = 40_000;

const MAGIC: &[u8; 4] = b"PLSD";
const HEADER: usize = 7; // magic, version (u16 LE), kind

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Meta = 1,
    Bundle = 2,
    Words = 3,
    Clusters = 4,
    Catalog = 5,
}

/// Everything but the article bodies and their per-article analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub summary: String,
    pub sources: Vec<Source>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    /// Each article's date, in corpus order.
    dates: Vec<Option<Date>>,
    /// Outlet names, each once, and each article's: 0 for none, else 1 + its place in `outlets`.
    outlets: Vec<String>,
    outlet_of: Vec<u32>,
    /// What a query needs of each article, in corpus order.
    pub facts: Vec<Facts>,
    /// The file of the quote clusters.
    pub clusters: FileRef,
    /// The catalog chunks, in article order.
    pub catalog: Vec<RangeRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many quotations and matches the bundles hold in all.
    pub quotes: u32,
    pub matches: u32,
    pub bundles: Vec<BundleRef>,
    /// The word index's chunks: chunk `i` holds the words `query::word_chunk(key, len)` puts there.
    pub words: Vec<FileRef>,
}

impl Meta {
    /// How many articles the story has.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// Every article in corpus order with its outlet and date alone: no id, headline, URL or file
    /// (they are in the catalog), no body or paragraphs (in a bundle).
    pub fn articles(&self) -> Result<Vec<Article>, PackError> {
        if self.outlet_of.len() != self.dates.len() {
            return Err(PackError::Mismatch("the metadata file gives outlets for another number of articles".into()));
        }
        self.dates
            .iter()
            .zip(&self.outlet_of)
            .map(|(&date, &o)| {
                let outlet = match o {
                    0 => None,
                    o => Some(self.outlets.get(o as usize - 1).cloned().ok_or_else(|| {
                        PackError::Mismatch("an article's outlet is not one the metadata file lists".into())
                    })?),
                };
                Ok(Article { outlet, date, ..Article::default() })
            })
            .collect()
    }
}

/// Where an article's file usually is in its corpus folder; the catalog leaves it out then.
fn default_file(id: &str) -> String {
    format!("articles/{id}.txt")
}

/// What names and cites one article, as the catalog holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub headline: Option<String>,
    pub url: Option<String>,
    pub via: Option<String>,
    pub author: Option<String>,
    /// Empty when it is `articles/<id>.txt`.
    file: String,
}

impl Card {
    fn of(a: &Article) -> Card {
        Card {
            id: a.id.clone(),
            headline: a.headline.clone(),
            url: a.url.clone(),
            via: a.via.clone(),
            author: a.author.clone(),
            file: if a.file == default_file(&a.id) { String::new() } else { a.file.clone() },
        }
    }

    /// `a` (from [`Meta::articles`]) with this card's fields.
    pub fn fill(&self, a: &mut Article) {
        a.id = self.id.clone();
        a.headline = self.headline.clone();
        a.url = self.url.clone();
        a.via = self.via.clone();
        a.author = self.author.clone();
        a.file = if self.file.is_empty() { default_file(&self.id) } else { self.file.clone() };
    }
}

/// One chunk of the catalog: the cards of a run of consecutive articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub first: u32,
    pub cards: Vec<Card>,
}

impl Catalog {
    /// The card of article `ai` (a corpus-wide index), if this chunk holds it.
    pub fn card(&self, ai: usize) -> Option<&Card> {
        self.cards.get(ai.checked_sub(self.first as usize)?)
    }
}

/// A data file that holds a run of consecutive articles: its name, its first article, how many
/// and the [`hash`] of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeRef {
    pub file: String,
    pub first: u32,
    pub count: u32,
    pub hash: u64,
}

/// A data file the metadata file names: its name and the [`hash`] of its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub file: String,
    pub hash: u64,
}

/// One chunk of the word index as written: articles and positions delta-coded, so that most
/// numbers take one byte.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct WordChunk {
    chunk: u32,
    words: Vec<(u64, Vec<CodedPosting>)>,
}

/// A [`Posting`] with its article given as the step from the word's previous one, and each
/// position as the step from the previous position.
type CodedPosting = (u32, Vec<u32>);

/// Where a bundle's articles are and how to recognise its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleRef {
    /// The file name, relative to the metadata file ([`file_name`]).
    pub file: String,
    /// Index of the bundle's first article.
    pub first: u32,
    /// How many articles it holds.
    pub count: u32,
    /// Index of its first quotation among the corpus's.
    pub first_quote: u32,
    /// [`hash`] of the whole file.
    pub hash: u64,
}

/// A run of consecutive articles with their bodies and analysis. Indexes inside (`Quote::article`,
/// `Match::quote`…) are the corpus-wide ones, so a bundle's records need no renumbering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub first: u32,
    /// (body, paragraphs) of each article.
    pub bodies: Vec<(String, Vec<crate::model::Span>)>,
    /// Index of `quotes[0]` in the corpus's quotations.
    pub first_quote: u32,
    pub quotes: Vec<Quote>,
    pub matches: Vec<Match>,
    pub topic_hits: Vec<TopicHit>,
}

/// The files of a packed corpus: the metadata file, the bundles and the word chunks, each with
/// its name.
pub struct Packed {
    pub meta: (String, Vec<u8>),
    pub clusters: (String, Vec<u8>),
    pub catalog: Vec<(String, Vec<u8>)>,
    pub bundles: Vec<(String, Vec<u8>)>,
    pub words: Vec<(String, Vec<u8>)>,
}

impl Packed {
    /// Every file: the metadata file, the clusters, the catalog, the bundles, then the word chunks.
    pub fn files(&self) -> impl Iterator<Item = &(String, Vec<u8>)> {
        std::iter::once(&self.meta)
            .chain(std::iter::once(&self.clusters))
            .chain(&self.catalog)
            .chain(&self.bundles)
            .chain(&self.words)
    }
}

/// Why data files could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PackError {
    #[error("{file}: not a presslens data file")]
    NotData { file: String },
    #[error("{file}: written in data format {found}, this viewer reads format {FORMAT}; build the site again with this version")]
    Version { file: String, found: u16 },
    #[error("{file}: a {found} file where a {wanted} file was expected")]
    Kind { file: String, found: &'static str, wanted: &'static str },
    #[error("{file}: its content does not match the hash the metadata file gives; it comes from another build")]
    Hash { file: String },
    #[error("{file}: damaged ({detail})")]
    Damaged { file: String, detail: String },
    #[error("the data files do not fit together: {0}")]
    Mismatch(String),
}

/// FNV-1a, 64 bits: names files by content and recognises them on load. Not a defence against
/// a hostile server (the page's origin is trusted), only against files of another build.
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// `<stem>-<hash as 16 hex digits>.bin`.
pub fn file_name(stem: &str, bytes: &[u8]) -> String {
    format!("{stem}-{:016x}.bin", hash(bytes))
}

/// Cuts an analysed corpus into its data files.
pub fn pack(corpus: &Corpus, per_bundle: usize) -> Result<Packed, postcard::Error> {
    let per_bundle = per_bundle.max(1);
    let n = corpus.story.articles.len();
    let mut bundles = Vec::new();
    let mut refs = Vec::new();
    let (mut q, mut m, mut t) = (0, 0, 0);
    for first in (0..n).step_by(per_bundle) {
        let end = (first + per_bundle).min(n);
        let take = |from: &mut usize, len: usize, article: &dyn Fn(usize) -> usize| {
            let start = *from;
            while *from < len && article(*from) < end {
                *from += 1;
            }
            start..*from
        };
        let quotes = take(&mut q, corpus.quotes.len(), &|i| corpus.quotes[i].article);
        let matches = take(&mut m, corpus.matches.len(), &|i| corpus.matches[i].article);
        let hits = take(&mut t, corpus.topic_hits.len(), &|i| corpus.topic_hits[i].article);
        let bundle = Bundle {
            first: first as u32,
            bodies: corpus.story.articles[first..end].iter().map(|a| (a.body.clone(), a.paragraphs.clone())).collect(),
            first_quote: quotes.start as u32,
            quotes: corpus.quotes[quotes].to_vec(),
            matches: corpus.matches[matches].to_vec(),
            topic_hits: corpus.topic_hits[hits].to_vec(),
        };
        let bytes = encode(Kind::Bundle, &bundle)?;
        let file = file_name(&format!("b{}", refs.len()), &bytes);
        refs.push(BundleRef {
            file: file.clone(),
            first: first as u32,
            count: (end - first) as u32,
            first_quote: bundle.first_quote,
            hash: hash(&bytes),
        });
        bundles.push((file, bytes));
    }
    let mut catalog = Vec::new();
    let mut catalog_refs = Vec::new();
    let per_catalog = per_bundle.saturating_mul(BUNDLES_PER_CATALOG);
    for first in (0..n).step_by(per_catalog) {
        let end = (first + per_catalog).min(n);
        let chunk =
            Catalog { first: first as u32, cards: corpus.story.articles[first..end].iter().map(Card::of).collect() };
        let bytes = encode(Kind::Catalog, &chunk)?;
        let file = file_name(&format!("c{}", catalog_refs.len()), &bytes);
        catalog_refs.push(RangeRef {
            file: file.clone(),
            first: first as u32,
            count: (end - first) as u32,
            hash: hash(&bytes),
        });
        catalog.push((file, bytes));
    }
    let index = Index::new(corpus);
    let facts = index.facts().to_vec();
    let mut words = Vec::new();
    let mut word_refs = Vec::new();
    for (i, chunk) in cut_words(index.into_postings(corpus)).into_iter().enumerate() {
        let bytes = encode(Kind::Words, &chunk)?;
        let file = file_name(&format!("w{i}"), &bytes);
        word_refs.push(FileRef { file: file.clone(), hash: hash(&bytes) });
        words.push((file, bytes));
    }
    let bytes = encode(Kind::Clusters, &corpus.clusters)?;
    let clusters = (file_name("clusters", &bytes), bytes);
    let story = &corpus.story;
    let mut outlets: Vec<String> = story.articles.iter().filter_map(|a| a.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let outlet_of = story
        .articles
        .iter()
        .map(|a| a.outlet.as_ref().and_then(|o| outlets.binary_search(o).ok()).map_or(0, |i| i as u32 + 1))
        .collect();
    let meta = Meta {
        title: story.title.clone(),
        summary: story.summary.clone(),
        sources: story.sources.clone(),
        speakers: story.speakers.clone(),
        topics: story.topics.clone(),
        dates: story.articles.iter().map(|a| a.date).collect(),
        outlets,
        outlet_of,
        facts,
        clusters: FileRef { file: clusters.0.clone(), hash: hash(&clusters.1) },
        catalog: catalog_refs,
        diagnostics: corpus.diagnostics.clone(),
        quotes: corpus.quotes.len() as u32,
        matches: corpus.matches.len() as u32,
        bundles: refs,
        words: word_refs,
    };
    let bytes = encode(Kind::Meta, &meta)?;
    Ok(Packed { meta: (file_name("meta", &bytes), bytes), clusters, catalog, bundles, words })
}

/// Cuts the word index into chunks of about [`POSITIONS_PER_CHUNK`] positions (a power of two of
/// them, at least one), delta-coding each word's articles and positions.
fn cut_words(all: Postings) -> Vec<WordChunk> {
    let positions: usize = all.iter().flat_map(|(_, ps)| ps).map(|p| p.at.len()).sum();
    let n = positions.div_ceil(POSITIONS_PER_CHUNK).max(1).next_power_of_two();
    let mut chunks: Vec<WordChunk> = (0..n).map(|i| WordChunk { chunk: i as u32, words: Vec::new() }).collect();
    for (key, postings) in all {
        let mut last = 0;
        let coded = postings
            .into_iter()
            .map(|p| {
                let article = p.article - last;
                last = p.article;
                (article, deltas(&p.at))
            })
            .collect();
        chunks[word_chunk(key, n)].words.push((key, coded));
    }
    chunks
}

fn deltas(sorted: &[u32]) -> Vec<u32> {
    let mut last = 0;
    sorted
        .iter()
        .map(|&x| {
            let d = x.wrapping_sub(last);
            last = x;
            d
        })
        .collect()
}

/// Reads the clusters file the metadata file names, checking its header and hash, and that every
/// quotation it points to is one of the `meta.quotes`.
pub fn read_clusters(meta: &Meta, bytes: &[u8]) -> Result<Vec<Cluster>, PackError> {
    read_clusters_file(&meta.clusters, meta.quotes, bytes)
}

/// [`read_clusters`] from the file's reference and the number of quotations alone.
pub fn read_clusters_file(r: &FileRef, quotes: u32, bytes: &[u8]) -> Result<Vec<Cluster>, PackError> {
    let clusters: Vec<Cluster> = verified(&r.file, r.hash, Kind::Clusters, bytes)?;
    if clusters.iter().flat_map(|k| &k.variants).flat_map(|v| &v.quotes).any(|&q| q >= quotes as usize) {
        return Err(PackError::Mismatch(format!("{}: a cluster points outside the corpus", r.file)));
    }
    Ok(clusters)
}

/// Reads word chunk `i` of those the metadata file names, checking its header, hash and number;
/// gives back the words with their postings (articles and positions absolute again).
pub fn read_words(i: usize, r: &FileRef, bytes: &[u8]) -> Result<Postings, PackError> {
    let chunk: WordChunk = verified(&r.file, r.hash, Kind::Words, bytes)?;
    if chunk.chunk as usize != i {
        return Err(PackError::Mismatch(format!("{} is not word chunk {i}", r.file)));
    }
    let sum = |from: u32, d: u32| {
        from.checked_add(d)
            .ok_or_else(|| PackError::Damaged { file: r.file.clone(), detail: "a position overflows".into() })
    };
    let mut out = Vec::with_capacity(chunk.words.len());
    for (key, coded) in chunk.words {
        let mut article = 0;
        let mut postings = Vec::with_capacity(coded.len());
        for (d, at) in coded {
            article = sum(article, d)?;
            let mut pos = 0;
            let mut abs = Vec::with_capacity(at.len());
            for d in at {
                pos = sum(pos, d)?;
                abs.push(pos);
            }
            postings.push(Posting { article, at: abs });
        }
        out.push((key, postings));
    }
    Ok(out)
}

/// Reads one catalog chunk named by the metadata file, checking its header, then its hash.
pub fn read_catalog(r: &RangeRef, bytes: &[u8]) -> Result<Catalog, PackError> {
    let chunk: Catalog = verified(&r.file, r.hash, Kind::Catalog, bytes)?;
    if chunk.first != r.first || chunk.cards.len() != r.count as usize {
        return Err(PackError::Mismatch(format!("{} does not name the articles the metadata file says", r.file)));
    }
    Ok(chunk)
}

/// The catalog chunk that names article `ai`, among `refs` (in article order).
pub fn catalog_of(refs: &[RangeRef], ai: usize) -> Option<usize> {
    let c = refs.partition_point(|r| r.first as usize <= ai).checked_sub(1)?;
    (ai < refs[c].first as usize + refs[c].count as usize).then_some(c)
}

/// Reads the metadata file.
pub fn read_meta(file: &str, bytes: &[u8]) -> Result<Meta, PackError> {
    decode(file, Kind::Meta, bytes)
}

/// Reads one bundle named by the metadata file, checking its header, then its hash.
pub fn read_bundle(r: &BundleRef, bytes: &[u8]) -> Result<Bundle, PackError> {
    let bundle: Bundle = verified(&r.file, r.hash, Kind::Bundle, bytes)?;
    if bundle.first != r.first || bundle.bodies.len() != r.count as usize {
        return Err(PackError::Mismatch(format!("{} does not hold the articles the metadata file says", r.file)));
    }
    Ok(bundle)
}

/// Puts the corpus back together from its metadata, its clusters, every catalog chunk and every
/// bundle, in the metadata's order.
pub fn unpack(
    meta: Meta,
    clusters: Vec<Cluster>,
    catalog: Vec<Catalog>,
    bundles: Vec<Bundle>,
) -> Result<Corpus, PackError> {
    let mut articles = meta.articles()?;
    let mut named = 0;
    for chunk in &catalog {
        if chunk.first as usize != named {
            return Err(PackError::Mismatch(format!("catalog chunk of article {} is out of order", chunk.first)));
        }
        for card in &chunk.cards {
            card.fill(articles.get_mut(named).ok_or_else(|| PackError::Mismatch("more cards than articles".into()))?);
            named += 1;
        }
    }
    if named != articles.len() {
        return Err(PackError::Mismatch(format!("the catalog names {named} of {} articles", articles.len())));
    }
    let (mut quotes, mut matches, mut topic_hits) = (Vec::new(), Vec::new(), Vec::new());
    let mut next = 0usize;
    for b in bundles {
        if b.first as usize != next || b.first_quote as usize != quotes.len() {
            return Err(PackError::Mismatch(format!("bundle of article {} is out of order", b.first)));
        }
        for (body, paragraphs) in b.bodies {
            let a = articles.get_mut(next).ok_or_else(|| PackError::Mismatch("more bodies than articles".into()))?;
            (a.body, a.paragraphs) = (body, paragraphs);
            next += 1;
        }
        quotes.extend(b.quotes);
        matches.extend(b.matches);
        topic_hits.extend(b.topic_hits);
    }
    if next != articles.len() {
        return Err(PackError::Mismatch(format!("{} of {} article bodies", next, articles.len())));
    }
    let story = Story {
        title: meta.title,
        summary: meta.summary,
        sources: meta.sources,
        speakers: meta.speakers,
        topics: meta.topics,
        articles,
    };
    let corpus = Corpus { story, quotes, matches, topic_hits, clusters, diagnostics: meta.diagnostics };
    check_indexes(&corpus)?;
    Ok(corpus)
}

/// The corpus of the metadata file alone, for a viewer that fetches bundles as it needs them:
/// every article's outlet and date (its id, headline and the rest are in the catalog, its body
/// in a bundle) and the diagnostics, and none of the quotations,
/// matches and topic hits (they are in the bundles: see [`part`]) or clusters ([`read_clusters`]). Checks that the
/// metadata file's lists fit together first.
pub fn outline(meta: &Meta) -> Result<Corpus, PackError> {
    let articles = meta.articles()?;
    let n = articles.len();
    let mismatch = |what: &str| Err(PackError::Mismatch(what.to_string()));
    if meta.facts.len() != n {
        return mismatch("the metadata file gives facts for another number of articles");
    }
    if meta.facts.iter().flat_map(|f| &f.topics).any(|&t| t >= meta.topics.len()) {
        return mismatch("an article's topic is not one of the story's");
    }
    let (mut next, mut quote) = (0u32, 0u32);
    for r in &meta.bundles {
        if r.first != next || r.first_quote < quote || r.first_quote > meta.quotes {
            return mismatch("the bundles the metadata file lists are out of order");
        }
        next = r.first.saturating_add(r.count);
        quote = r.first_quote;
    }
    if next as usize != n {
        return mismatch("the bundles the metadata file lists do not hold every article");
    }
    let mut named = 0u32;
    for r in &meta.catalog {
        if r.first != named {
            return mismatch("the catalog chunks the metadata file lists are out of order");
        }
        named = r.first.saturating_add(r.count);
    }
    if named as usize != n {
        return mismatch("the catalog chunks the metadata file lists do not name every article");
    }
    if meta.bundles.iter().any(|b| {
        b.count > 0
            && catalog_of(&meta.catalog, (b.first + b.count - 1) as usize)
                != catalog_of(&meta.catalog, b.first as usize)
    }) {
        return mismatch("a bundle's articles are in two catalog chunks");
    }
    let story = Story {
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        sources: meta.sources.clone(),
        speakers: meta.speakers.clone(),
        topics: meta.topics.clone(),
        articles,
    };
    Ok(Corpus {
        story,
        quotes: Vec::new(),
        matches: Vec::new(),
        topic_hits: Vec::new(),
        clusters: Vec::new(),
        diagnostics: meta.diagnostics.clone(),
    })
}

/// One bundle as a corpus of its own: its articles (outlet and date from `outline`, id, headline
/// and the rest from the catalog chunk that names them, body from the bundle) numbered from 0, with their quotations, matches and topic hits renumbered to match
/// (article `r.first + i` is article `i` here, quotation `r.first_quote + j` is quotation `j`), and
/// the story's sources, speakers and topics; no clusters. The analysis of one article can then
/// be read from its part as from a whole corpus.
pub fn part(outline: &Story, r: &BundleRef, cards: &Catalog, b: Bundle) -> Result<Corpus, PackError> {
    let (first, first_quote) = (b.first as usize, b.first_quote as usize);
    let bad = || PackError::Mismatch(format!("{} does not hold the articles the metadata file says", r.file));
    if b.first != r.first || b.first_quote != r.first_quote {
        return Err(bad());
    }
    let metas = outline.articles.get(first..first + b.bodies.len()).ok_or_else(bad)?;
    let articles = metas
        .iter()
        .zip(b.bodies)
        .enumerate()
        .map(|(i, (a, (body, paragraphs)))| {
            let mut a = Article { body, paragraphs, ..a.clone() };
            cards.card(first + i).ok_or_else(bad)?.fill(&mut a);
            Ok(a)
        })
        .collect::<Result<_, PackError>>()?;
    let local = |i: usize| i.checked_sub(first).ok_or_else(bad);
    let quotes = b
        .quotes
        .into_iter()
        .map(|q| Ok(Quote { article: local(q.article)?, ..q }))
        .collect::<Result<_, PackError>>()?;
    let matches = b
        .matches
        .into_iter()
        .map(|m| {
            let quote = m.quote.map(|q| q.checked_sub(first_quote).ok_or_else(bad)).transpose()?;
            Ok(Match { article: local(m.article)?, quote, ..m })
        })
        .collect::<Result<_, PackError>>()?;
    let topic_hits = b
        .topic_hits
        .into_iter()
        .map(|h| Ok(TopicHit { article: local(h.article)?, ..h }))
        .collect::<Result<_, PackError>>()?;
    let story = Story {
        title: String::new(),
        summary: String::new(),
        sources: outline.sources.clone(),
        speakers: outline.speakers.clone(),
        topics: outline.topics.clone(),
        articles,
    };
    let corpus = Corpus { story, quotes, matches, topic_hits, clusters: Vec::new(), diagnostics: Vec::new() };
    check_indexes(&corpus)?;
    Ok(corpus)
}

/// The whole corpus again from its outline, its clusters and every bundle's part, in the
/// metadata file's order: the inverse of [`part`], for what needs every article at once (an
/// export of all).
pub fn join(
    outline: &Corpus,
    clusters: &[Cluster],
    refs: &[BundleRef],
    parts: &[&Corpus],
) -> Result<Corpus, PackError> {
    if refs.len() != parts.len() {
        return Err(PackError::Mismatch(format!("{} parts of {} bundles", parts.len(), refs.len())));
    }
    let mut c = Corpus {
        story: Story {
            title: outline.story.title.clone(),
            summary: outline.story.summary.clone(),
            sources: outline.story.sources.clone(),
            speakers: outline.story.speakers.clone(),
            topics: outline.story.topics.clone(),
            articles: Vec::with_capacity(outline.articles().len()),
        },
        quotes: Vec::new(),
        matches: Vec::new(),
        topic_hits: Vec::new(),
        clusters: clusters.to_vec(),
        diagnostics: outline.diagnostics.clone(),
    };
    for (r, p) in refs.iter().zip(parts) {
        let (first, first_quote) = (r.first as usize, r.first_quote as usize);
        if first != c.story.articles.len() || first_quote != c.quotes.len() {
            return Err(PackError::Mismatch(format!("the part of {} is out of order", r.file)));
        }
        c.story.articles.extend(p.story.articles.iter().cloned());
        c.quotes.extend(p.quotes.iter().map(|q| Quote { article: q.article + first, ..q.clone() }));
        c.matches.extend(p.matches.iter().map(|m| Match {
            article: m.article + first,
            quote: m.quote.map(|q| q + first_quote),
            ..m.clone()
        }));
        c.topic_hits.extend(p.topic_hits.iter().map(|h| TopicHit { article: h.article + first, ..h.clone() }));
    }
    if c.story.articles.len() != outline.articles().len() {
        return Err(PackError::Mismatch("the parts do not hold every article".into()));
    }
    check_indexes(&c)?;
    Ok(c)
}

/// The whole corpus from data files in memory: the metadata file, and the clusters file, catalog
/// chunks and bundles it names, found among `files` by name (a story kept in a browser, which keeps no word
/// chunks). A named file that is missing is an error that names it.
pub fn unpack_files(meta: (&str, &[u8]), files: &[(String, Vec<u8>)]) -> Result<Corpus, PackError> {
    let m = read_meta(meta.0, meta.1)?;
    let named =
        |name: &str| {
            files.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice()).ok_or_else(|| {
                PackError::Mismatch(format!("{name} is named by the metadata file but not among the files"))
            })
        };
    let clusters = read_clusters(&m, named(&m.clusters.file)?)?;
    let catalog = m.catalog.iter().map(|r| read_catalog(r, named(&r.file)?)).collect::<Result<_, _>>()?;
    let bundles = m.bundles.iter().map(|r| read_bundle(r, named(&r.file)?)).collect::<Result<_, _>>()?;
    unpack(m, clusters, catalog, bundles)
}

/// Every index a record holds points inside the corpus, so the viewer can index without checks
/// failing at a distance.
fn check_indexes(c: &Corpus) -> Result<(), PackError> {
    let (na, nq, ns) = (c.story.articles.len(), c.quotes.len(), c.story.sources.len());
    let bad = c.quotes.iter().any(|q| q.article >= na)
        || c.matches.iter().any(|m| m.article >= na || m.source >= ns || m.quote.is_some_and(|q| q >= nq))
        || c.topic_hits.iter().any(|t| t.article >= na || t.topic >= c.story.topics.len())
        || c.clusters.iter().flat_map(|k| &k.variants).flat_map(|v| &v.quotes).any(|&q| q >= nq);
    if bad {
        return Err(PackError::Mismatch("a record points outside the corpus".into()));
    }
    Ok(())
}

fn encode<T: Serialize>(kind: Kind, value: &T) -> Result<Vec<u8>, postcard::Error> {
    let mut out = Vec::with_capacity(HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(kind as u8);
    postcard::to_extend(value, out)
}

/// Checks the magic bytes, the format version and the kind of file.
fn header(file: &str, wanted: Kind, bytes: &[u8]) -> Result<(), PackError> {
    let file = file.to_string();
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err(PackError::NotData { file });
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != FORMAT {
        return Err(PackError::Version { file, found });
    }
    let kind_name = |k: u8| match k {
        1 => "metadata",
        2 => "bundle",
        3 => "word index",
        4 => "clusters",
        5 => "catalog",
        _ => "unknown",
    };
    if bytes[6] != wanted as u8 {
        return Err(PackError::Kind { file, found: kind_name(bytes[6]), wanted: kind_name(wanted as u8) });
    }
    Ok(())
}

/// Reads a file the metadata file names: its header, then its hash (a file of another build), then
/// its contents.
fn verified<T: DeserializeOwned>(file: &str, expected: u64, kind: Kind, bytes: &[u8]) -> Result<T, PackError> {
    header(file, kind, bytes)?;
    if hash(bytes) != expected {
        return Err(PackError::Hash { file: file.to_string() });
    }
    decode(file, kind, bytes)
}

fn decode<T: DeserializeOwned>(file: &str, wanted: Kind, bytes: &[u8]) -> Result<T, PackError> {
    header(file, wanted, bytes)?;
    postcard::from_bytes(&bytes[HEADER..])
        .map_err(|e| PackError::Damaged { file: file.to_string(), detail: e.to_string() })
}

#[cfg(test)]
mod tests;
