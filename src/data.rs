//! The analysed corpus, embedded at build time by build.rs, decoded once at start-up.

use presslens_core::query::Index;
use presslens_core::Corpus;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus and its query index, alive for the whole session.
pub struct Data {
    pub corpus: Corpus,
    pub index: Index,
}

/// Decodes the embedded corpus. The bytes were written by build.rs from the same crate version, so
/// a failure here is a build defect; it is reported in the page rather than as a blank screen.
pub fn load() -> Result<&'static Data, String> {
    let corpus = Corpus::from_bytes(BYTES).map_err(|e| format!("The embedded corpus could not be read: {e}"))?;
    let index = Index::new(&corpus);
    Ok(Box::leak(Box::new(Data { corpus, index })))
}
