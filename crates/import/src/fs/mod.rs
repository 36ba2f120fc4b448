//! The import on disk: expand the paths a researcher gives (files, folders, story lists), extract
//! each article, write `articles/<id>.txt` and merge its `[article.<id>]` entry into `story.toml`.
//!
//! Every input file gets a [`FileReport`]: imported, already there, or skipped with the reason.
//! Only problems with the corpus folder itself (cannot create it, cannot parse or write
//! `story.toml`) stop the import.

mod init;
mod manifest;
mod walk;

pub use init::{init, InitError};
pub use manifest::Manifest;

use crate::list::Row;
use crate::{extract, id, Extracted, Meta};
use std::path::{Path, PathBuf};

/// What happened to one input (a file, or one row of a list).
#[derive(Debug)]
pub struct FileReport {
    /// The file, with `#row N` for a list row.
    pub input: String,
    pub outcome: Outcome,
}

/// The result for one input.
#[derive(Debug)]
pub enum Outcome {
    /// Written (or merged) into the corpus; `new` is false when the article was already there.
    Imported { id: String, meta: Meta, new: bool, missing: Vec<&'static str>, notes: Vec<String> },
    /// Not imported, and why.
    Skipped(String),
}

/// A problem with the corpus folder: the import stops.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot create {0}: {1}")]
    Create(PathBuf, std::io::Error),
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("{0} is not valid TOML: {1}")]
    Manifest(PathBuf, String),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, std::io::Error),
}

/// Imports `inputs` into the corpus folder `corpus` (created if missing).
pub fn import(corpus: &Path, inputs: &[PathBuf]) -> Result<Vec<FileReport>, CorpusError> {
    let articles = corpus.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| CorpusError::Create(articles.clone(), e))?;
    let story_path = corpus.join("story.toml");
    let text = match std::fs::read_to_string(&story_path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => manifest::NEW_STORY.to_string(),
        Err(e) => return Err(CorpusError::Read(story_path, e)),
    };
    let mut manifest = Manifest::parse(&text).map_err(|e| CorpusError::Manifest(story_path.clone(), e))?;
    let mut reports = Vec::new();
    for item in walk::expand(inputs) {
        let input = item.label();
        let outcome = match item {
            walk::Item::Skip(_, reason) => Outcome::Skipped(reason),
            walk::Item::File(path) => match std::fs::read(&path) {
                Ok(bytes) => store(&articles, &mut manifest, extract(&bytes, &path.to_string_lossy()), None),
                Err(e) => Outcome::Skipped(format!("cannot read: {e}")),
            },
            walk::Item::Row(dir, _, row) => store(&articles, &mut manifest, from_row(&dir, &row), Some(&row)),
        };
        reports.push(FileReport { input, outcome });
    }
    if let Some(text) = manifest.changed() {
        std::fs::write(&story_path, text).map_err(|e| CorpusError::Write(story_path, e))?;
    }
    Ok(reports)
}

/// The article a list row names (a saved page) or carries (its text).
fn from_row(dir: &Path, row: &Row) -> Result<Extracted, crate::ImportError> {
    if let Some(file) = &row.file {
        let path = dir.join(file);
        let bytes =
            std::fs::read(&path).map_err(|e| crate::ImportError::BadList(format!("{}: {e}", path.display())))?;
        return extract(&bytes, file);
    }
    match &row.text {
        Some(text) => extract(text.as_bytes(), "row.txt"),
        None => Err(crate::ImportError::BadList("the row names no saved page and carries no text".into())),
    }
}

/// Fills what the page lacks from its list row.
fn overlay(meta: &mut Meta, row: &Row) {
    let fill = |slot: &mut Option<String>, v: Option<String>| {
        if slot.is_none() {
            *slot = v;
        }
    };
    fill(&mut meta.url, row.url.clone());
    fill(&mut meta.headline, row.title.clone());
    fill(&mut meta.outlet, row.outlet.clone());
    fill(&mut meta.author, row.author.clone());
    fill(&mut meta.date, row.date.as_deref().and_then(crate::meta::date_part));
}

/// Writes one article and merges its entry; a different text already under the same id is kept.
fn store(
    articles: &Path,
    manifest: &mut Manifest,
    extracted: Result<Extracted, crate::ImportError>,
    row: Option<&Row>,
) -> Outcome {
    let mut e = match extracted {
        Ok(e) => e,
        Err(err) => return Outcome::Skipped(err.to_string()),
    };
    if let Some(row) = row {
        overlay(&mut e.meta, row);
    }
    let body = e.body();
    let id = id::article_id(e.meta.url.as_deref(), &body);
    let path = articles.join(format!("{id}.txt"));
    let new = match std::fs::read(&path) {
        Ok(existing) if existing == body.as_bytes() => false,
        Ok(_) => {
            return Outcome::Skipped(format!(
                "articles/{id}.txt already holds a different text for this URL (edited, or another \
                 version of the page); left as it is"
            ))
        }
        Err(_) => {
            if let Err(err) = std::fs::write(&path, &body) {
                return Outcome::Skipped(format!("cannot write {}: {err}", path.display()));
            }
            true
        }
    };
    let new = new || !manifest.has_article(&id);
    if let Err(err) = manifest.merge(&id, &e.meta) {
        return Outcome::Skipped(err);
    }
    let m = &e.meta;
    let missing = [("outlet", &m.outlet), ("date", &m.date), ("headline", &m.headline), ("url", &m.url)]
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| *k)
        .collect();
    Outcome::Imported { id, meta: e.meta, new, missing, notes: e.notes }
}
