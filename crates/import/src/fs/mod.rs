//! The import on disk: expand the paths a researcher gives (files, folders, story lists), extract
//! each article, write `articles/<id>.txt` and merge its `[article.<id>]` entry into `story.toml`.
//! The rules are the crate's `expand` and `store` modules, shared with the browser's
//! [`crate::drop`]; this module only walks folders and reads and writes files.
//!
//! Every input file gets a [`FileReport`]: imported, already there, or skipped with the reason.
//! Only problems with the corpus folder itself (cannot create it, cannot parse or write
//! `story.toml`) stop the import.

mod init;
mod walk;

pub use crate::manifest::Manifest;
pub use crate::{FileReport, Outcome};
pub use init::{init, InitError};

use crate::store::{import_items, Articles};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

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
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => crate::manifest::NEW_STORY.to_string(),
        Err(e) => return Err(CorpusError::Read(story_path, e)),
    };
    let mut manifest = Manifest::parse(&text).map_err(|e| CorpusError::Manifest(story_path.clone(), e.to_string()))?;
    let items = walk::expand(inputs);
    let reports = import_items(&walk::Disk, items, &mut Folder(articles), &mut manifest, &mut |_, _| {});
    if let Some(text) = manifest.changed() {
        std::fs::write(&story_path, text).map_err(|e| CorpusError::Write(story_path, e))?;
    }
    Ok(reports)
}

/// The corpus's `articles/` folder.
struct Folder(PathBuf);

impl Articles for Folder {
    fn get(&self, id: &str) -> Option<Cow<'_, [u8]>> {
        std::fs::read(self.0.join(format!("{id}.txt"))).ok().map(Cow::Owned)
    }

    fn put(&mut self, id: &str, body: &str) -> Result<(), String> {
        let path = self.0.join(format!("{id}.txt"));
        std::fs::write(&path, body).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }
}
