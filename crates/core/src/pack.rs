//! The analysed corpus as data files, for a viewer that is the same program for every story
//! (DESIGN.md, "Round 2").
//!
//! A corpus is cut into one small **metadata file** — the story, its sources, speakers and topics,
//! every article's metadata without its body, the quote clusters and the diagnostics — and
//! **bundles** of a few dozen articles each, holding their bodies with everything the analysis
//! found in them (quotations, matches with their ops, topic hits). The metadata file lists the
//! bundles in article order, each with its content hash, so a viewer can fetch them in parallel,
//! or only the ones it needs, and refuse a file that is not the one this build wrote.
//!
//! Every file starts with the magic bytes `PLSD`, the format version and its kind, then the
//! postcard encoding of its contents. [`unpack`] checks all three, and each bundle's hash, before
//! it reads a byte of the contents: a file from another build or another format is refused with
//! a message, never misread. File names carry the content hash ([`file_name`]), so a host or a
//! service worker can cache them forever.
//!
//! This module does no I/O: the CLI (`presslens site`) writes the files, the explorer fetches or
//! reads them inline.

use crate::model::{Article, Cluster, Corpus, Diagnostic, Match, Quote, Source, Speaker, Story, Topic, TopicHit};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// The layout version. Bump it whenever a type written here changes shape.
pub const FORMAT: u16 = 1;

/// Articles per bundle: a few dozen, so that a phone makes few requests and no file is large.
pub const ARTICLES_PER_BUNDLE: usize = 32;

const MAGIC: &[u8; 4] = b"PLSD";
const HEADER: usize = 7; // magic, version (u16 LE), kind

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Meta = 1,
    Bundle = 2,
}

/// Everything but the article bodies and their per-article analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    pub summary: String,
    pub sources: Vec<Source>,
    pub speakers: Vec<Speaker>,
    pub topics: Vec<Topic>,
    /// Every article in corpus order, with an empty body and no paragraphs (they are in a bundle).
    pub articles: Vec<Article>,
    pub clusters: Vec<Cluster>,
    pub diagnostics: Vec<Diagnostic>,
    pub bundles: Vec<BundleRef>,
}

/// Where a bundle's articles are and how to recognise its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleRef {
    /// The file name, relative to the metadata file ([`file_name`]).
    pub file: String,
    /// Index of the bundle's first article.
    pub first: u32,
    /// How many articles it holds.
    pub count: u32,
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

/// The files of a packed corpus: the metadata file and the bundles, each with its name.
pub struct Packed {
    pub meta: (String, Vec<u8>),
    pub bundles: Vec<(String, Vec<u8>)>,
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
            hash: hash(&bytes),
        });
        bundles.push((file, bytes));
    }
    let story = &corpus.story;
    let meta = Meta {
        title: story.title.clone(),
        summary: story.summary.clone(),
        sources: story.sources.clone(),
        speakers: story.speakers.clone(),
        topics: story.topics.clone(),
        articles: story
            .articles
            .iter()
            .map(|a| Article { body: String::new(), paragraphs: Vec::new(), ..a.clone() })
            .collect(),
        clusters: corpus.clusters.clone(),
        diagnostics: corpus.diagnostics.clone(),
        bundles: refs,
    };
    let bytes = encode(Kind::Meta, &meta)?;
    Ok(Packed { meta: (file_name("meta", &bytes), bytes), bundles })
}

/// Reads the metadata file.
pub fn read_meta(file: &str, bytes: &[u8]) -> Result<Meta, PackError> {
    decode(file, Kind::Meta, bytes)
}

/// Reads one bundle named by the metadata file, checking its header, then its hash.
pub fn read_bundle(r: &BundleRef, bytes: &[u8]) -> Result<Bundle, PackError> {
    header(&r.file, Kind::Bundle, bytes)?;
    if hash(bytes) != r.hash {
        return Err(PackError::Hash { file: r.file.clone() });
    }
    let bundle: Bundle = decode(&r.file, Kind::Bundle, bytes)?;
    if bundle.first != r.first || bundle.bodies.len() != r.count as usize {
        return Err(PackError::Mismatch(format!("{} does not hold the articles the metadata file says", r.file)));
    }
    Ok(bundle)
}

/// Puts the corpus back together from its metadata and every bundle, in the metadata's order.
pub fn unpack(meta: Meta, bundles: Vec<Bundle>) -> Result<Corpus, PackError> {
    let mut articles = meta.articles;
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
    let corpus = Corpus { story, quotes, matches, topic_hits, clusters: meta.clusters, diagnostics: meta.diagnostics };
    check_indexes(&corpus)?;
    Ok(corpus)
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
        _ => "unknown",
    };
    if bytes[6] != wanted as u8 {
        return Err(PackError::Kind { file, found: kind_name(bytes[6]), wanted: kind_name(wanted as u8) });
    }
    Ok(())
}

fn decode<T: DeserializeOwned>(file: &str, wanted: Kind, bytes: &[u8]) -> Result<T, PackError> {
    header(file, wanted, bytes)?;
    postcard::from_bytes(&bytes[HEADER..])
        .map_err(|e| PackError::Damaged { file: file.to_string(), detail: e.to_string() })
}

#[cfg(test)]
mod tests;
