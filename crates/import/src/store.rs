//! The import of expanded inputs into a corpus, wherever it is kept: each file or list row is
//! extracted, given its id ([`crate::id::article_id`]) and stored unless a different text is
//! already there under that id, and its `[article.<id>]` entry is merged into the manifest
//! without overwriting anything. `fs` keeps the corpus on disk, `drop` in memory.

use crate::expand::{Files, Item};
use crate::list::Row;
use crate::{extract, id, Extracted, FileReport, ImportError, Manifest, Meta, Outcome};
use std::borrow::Cow;

/// Where the corpus's article texts are kept: `articles/` on disk, or a map in memory.
pub trait Articles {
    /// The text stored under `id`, if any.
    fn get(&self, id: &str) -> Option<Cow<'_, [u8]>>;
    /// Stores `body` under `id`; the error is the reason the report gives.
    fn put(&mut self, id: &str, body: &str) -> Result<(), String>;
}

/// Imports `items` in order, one report each, calling `on_file(done, total)` after each.
pub fn import_items<F: Files>(
    files: &F,
    items: Vec<Item<F::Path>>,
    articles: &mut dyn Articles,
    manifest: &mut Manifest,
    on_file: &mut dyn FnMut(usize, usize),
) -> Vec<FileReport> {
    let total = items.len();
    let mut reports = Vec::with_capacity(total);
    for item in items {
        let input = item.label(files);
        let outcome = match item {
            Item::Skip(_, reason) => Outcome::Skipped(reason),
            Item::File(path) => match files.read(&path) {
                Ok(bytes) => store(articles, manifest, extract(&bytes, &input), None),
                Err(e) => Outcome::Skipped(format!("cannot read: {e}")),
            },
            Item::Row(list, row) => store(articles, manifest, from_row(files, &list, &row), Some(&row)),
        };
        reports.push(FileReport { input, outcome });
        on_file(reports.len(), total);
    }
    reports
}

/// The article a list row names (a saved page) or carries (its text).
fn from_row<F: Files>(files: &F, list: &F::Path, row: &Row) -> Result<Extracted, ImportError> {
    if let Some(file) = &row.file {
        let path = files.beside(list, file);
        let bytes = files.read(&path).map_err(|e| ImportError::BadList(format!("{}: {e}", files.label(&path))))?;
        return extract(&bytes, file);
    }
    match &row.text {
        Some(text) => extract(text.as_bytes(), "row.txt"),
        None => Err(ImportError::BadList("the row names no saved page and carries no text".into())),
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

/// Stores one article and merges its entry; a different text already under the same id is kept.
fn store(
    articles: &mut dyn Articles,
    manifest: &mut Manifest,
    extracted: Result<Extracted, ImportError>,
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
    let new = match articles.get(&id) {
        Some(existing) if *existing == *body.as_bytes() => false,
        Some(_) => {
            return Outcome::Skipped(format!(
                "articles/{id}.txt already holds a different text for this URL (edited, or another \
                 version of the page); left as it is"
            ))
        }
        None => {
            if let Err(reason) = articles.put(&id, &body) {
                return Outcome::Skipped(reason);
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
