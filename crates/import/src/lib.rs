//! presslens-import: what a researcher has (saved web pages, text files, a news archive's list of
//! stories) turned into presslens articles: plain paragraphs plus the facts a corpus entry needs.
//!
//! ```
//! let page = br##"<html><head><meta property="og:site_name" content="The Sentinel">
//!   <meta property="article:published_time" content="2025-02-04T08:15:00-05:00"></head>
//!   <body><h1>Offer made</h1><nav><a href="/">Home</a></nav><article>
//!   <p>El Salvador's president has offered to take in deportees of any nationality, officials said.</p>
//!   <blockquote class="twitter-tweet"><p>We have offered the United States of America the opportunity.</p>
//!   &mdash; Nayib Bukele (@nayibbukele) <a href="#">February 4, 2025</a></blockquote>
//!   </article></body></html>"##;
//! let e = presslens_import::extract(page, "offer.html").unwrap();
//! assert_eq!(e.meta.outlet.as_deref(), Some("The Sentinel"));
//! assert_eq!(e.meta.date.as_deref(), Some("2025-02-04"));
//! assert_eq!(e.paragraphs[2], "— Nayib Bukele (@nayibbukele) February 4, 2025");
//! ```
//!
//! The pure part ([`extract`], [`list`]) reads bytes and returns data; it does no file I/O and
//! builds for wasm32 (a browser Web Worker). So does the import of a browser's dropped files
//! ([`drop`], zips included), which shares every rule (what is read or skipped, how lists expand,
//! ids, the [`manifest`] merge) with the import on disk, the `fs` feature's job: reading folders,
//! writing `articles/<id>.txt` and `story.toml`. [`story::story_toml`] writes a starting manifest.

mod blocks;
mod boiler;
mod byline;
mod content;
pub mod decode;
pub mod drop;
mod embeds;
mod expand;
mod extract;
pub mod guard;
pub mod id;
mod jsonld;
pub mod list;
pub mod manifest;
mod meta;
mod report;
mod store;
pub mod story;
mod unzip;

#[cfg(feature = "fs")]
pub mod fs;

pub use extract::{extract, Extracted};
pub use manifest::Manifest;
pub use meta::Meta;
pub use report::{FileReport, Outcome};

/// Why a file could not be imported at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("is {bytes} bytes, over the {limit}-byte limit for one page")]
    TooLarge { bytes: usize, limit: usize },
    #[error("nests elements more than {limit} deep; refused (no real page does)")]
    TooDeep { limit: usize },
    #[error("has no article text")]
    NoText,
    #[error("cannot be read as a list of stories: {0}")]
    BadList(String),
}
