//! The import of files held in memory: what a researcher drops on the browser's page, a folder or
//! loose files, turned into exactly the corpus `presslens import` makes from a folder holding the
//! same files. The rules are the ones `presslens import` follows (the crate's `expand` and `store`
//! modules, which `fs` calls too); nothing here touches a file system.
//!
//! A `story.toml` in the drop (the one nearest the root) starts the manifest, and the `.txt` files
//! of the `articles/` folder beside it are the corpus's articles, kept as they are. Zips are
//! unpacked first ([`expand_zips`]).
//!
//! ```
//! use presslens_import::drop::{import, DropFile};
//! let page = b"<html><head><meta property=\"og:site_name\" content=\"The Sentinel\"></head>\
//!     <body><article><p>El Salvador's president offered to take in deportees.</p></article></body></html>";
//! let files = vec![DropFile { path: "saved/offer.html".into(), bytes: page.to_vec() }];
//! let imported = import(files, None, &mut |_, _| {}).unwrap();
//! assert_eq!(imported.articles.len(), 1);
//! assert!(imported.manifest.contains("outlet = \"The Sentinel\""));
//! ```

pub use crate::unzip::{expand_zips, MAX_ENTRIES, MAX_UNZIPPED};

use crate::expand::{self, Files, Item};
use crate::manifest::{Manifest, NEW_STORY};
use crate::store::{import_items, Articles};
use crate::FileReport;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One dropped file: its path relative to what was dropped, with `/` separators
/// (`"my-folder/pages/a.html"`, as a browser's `webkitRelativePath` gives it, or just `"a.html"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A corpus made from a drop: what `presslens import` would leave in the corpus folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The final `story.toml` text.
    pub manifest: String,
    /// Every article by id: the drop's corpus's own, then the new ones.
    pub articles: BTreeMap<String, String>,
    /// One per input file or list row, as the CLI prints them.
    pub reports: Vec<FileReport>,
    /// Whether the drop's own `story.toml` was the starting manifest (it wins over the caller's).
    pub used_manifest_from_drop: bool,
}

/// The starting manifest does not parse: nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
pub struct DropError {
    /// `story.toml`, or its path in the drop.
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Imports `files` into a corpus starting from the drop's `story.toml`, else `manifest` (the text
/// the page's form wrote), else a placeholder; calls `on_file(done, total)` after each input.
pub fn import(
    files: Vec<DropFile>,
    manifest: Option<&str>,
    on_file: &mut dyn FnMut(usize, usize),
) -> Result<Imported, DropError> {
    let (files, mut reports) = expand_zips(files);
    let mut drop = Dropped(files.into_iter().map(|f| (normalize(&f.path), f.bytes)).collect());
    let root = corpus_root(&drop);
    let used_manifest_from_drop = root.is_some();
    let (file, text) = match &root {
        Some(root) => {
            let file = format!("{root}story.toml");
            let text = String::from_utf8(drop.0.remove(&file).unwrap_or_default()).map_err(|e| DropError {
                file: file.clone(),
                line: None,
                message: format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            })?;
            (file, text)
        }
        None => ("story.toml".to_string(), manifest.unwrap_or(NEW_STORY).to_string()),
    };
    let mut manifest = Manifest::parse(&text).map_err(|e| DropError { file, line: e.line, message: e.message })?;
    let mut articles = Kept(BTreeMap::new());
    if let Some(root) = &root {
        reports.extend(take_corpus(&mut drop, root, &mut articles.0));
    }
    let items = expand::expand(&drop, walk(&drop));
    reports.extend(import_items(&drop, items, &mut articles, &mut manifest, on_file));
    Ok(Imported { manifest: manifest.into_text(), articles: articles.0, reports, used_manifest_from_drop })
}

/// The folder (`""` or `"name/"`) of the `story.toml` nearest the drop's root, if any.
fn corpus_root(drop: &Dropped) -> Option<String> {
    let manifests = drop.0.keys().filter(|p| p.rsplit('/').next() == Some("story.toml"));
    let depth = |p: &str| p.matches('/').count();
    let nearest = manifests.min_by(|a, b| depth(a).cmp(&depth(b)).then_with(|| components(a).cmp(&components(b))))?;
    Some(nearest[..nearest.len() - "story.toml".len()].to_string())
}

/// Takes the corpus's `articles/` folder out of the drop: its `.txt` files into `kept`, anything
/// else reported as ignored.
fn take_corpus(drop: &mut Dropped, root: &str, kept: &mut BTreeMap<String, String>) -> Vec<FileReport> {
    let folder = format!("{root}articles/");
    let inside: Vec<String> = drop.0.keys().filter(|p| p.starts_with(&folder)).cloned().collect();
    let mut reports = Vec::new();
    for path in inside {
        let bytes = drop.0.remove(&path).unwrap_or_default();
        let name = &path[folder.len()..];
        let Some(id) = name.strip_suffix(".txt").filter(|id| !id.contains('/')) else {
            if !name.split('/').any(|n| expand::passed_over(n, false)) {
                reports.push(FileReport::skipped(path, "in the corpus's articles folder but not a .txt file; ignored"));
            }
            continue;
        };
        match String::from_utf8(bytes) {
            Ok(text) => {
                kept.insert(id.to_string(), text);
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                reports.push(FileReport::skipped(path, format!("not valid UTF-8 at byte {at}; save it as UTF-8")));
            }
        }
    }
    reports
}

/// The drop's files in walk order, each to read or skip; what a folder walk passes over is left out.
fn walk(drop: &Dropped) -> Vec<Item<String>> {
    let mut paths: Vec<&String> = drop.0.keys().collect();
    paths.sort_by(|a, b| components(a).cmp(&components(b)));
    let mut items = Vec::new();
    let mut too_deep: Option<String> = None;
    for path in paths {
        let parts = components(path);
        let (name, folders) = parts.split_last().unwrap_or((&"", &[]));
        if expand::passed_over(name, false) || folders.iter().any(|f| expand::passed_over(f, true)) {
            continue;
        }
        if folders.len() > expand::MAX_DEPTH {
            let folder = parts[..=expand::MAX_DEPTH].join("/");
            if too_deep.as_ref() != Some(&folder) {
                items.push(Item::Skip(folder.clone(), expand::TOO_DEEP.into()));
                too_deep = Some(folder);
            }
            continue;
        }
        match expand::readable(name) {
            Ok(()) => items.push(Item::File(path.clone())),
            Err(reason) => items.push(Item::Skip(path.clone(), reason)),
        }
    }
    items
}

fn components(path: &str) -> Vec<&str> {
    path.split('/').collect()
}

/// `a/./b/../c` as `a/c`, without empty parts; a `..` past the root is dropped.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The dropped files by normalized path.
struct Dropped(BTreeMap<String, Vec<u8>>);

impl Files for Dropped {
    type Path = String;

    fn read(&self, path: &String) -> Result<Cow<'_, [u8]>, String> {
        self.0.get(path).map(|b| Cow::Borrowed(&b[..])).ok_or_else(|| "not in the drop".to_string())
    }

    fn beside(&self, list: &String, rel: &str) -> String {
        match list.rsplit_once('/') {
            Some((folder, _)) => normalize(&format!("{folder}/{rel}")),
            None => normalize(rel),
        }
    }

    fn canonical(&self, path: &String) -> String {
        normalize(path)
    }

    fn label(&self, path: &String) -> String {
        path.clone()
    }

    fn name(&self, path: &String) -> String {
        path.rsplit('/').next().unwrap_or_default().to_string()
    }
}

/// The corpus's articles, by id.
struct Kept(BTreeMap<String, String>);

impl Articles for Kept {
    fn get(&self, id: &str) -> Option<Cow<'_, [u8]>> {
        self.0.get(id).map(|t| Cow::Borrowed(t.as_bytes()))
    }

    fn put(&mut self, id: &str, body: &str) -> Result<(), String> {
        self.0.insert(id.to_string(), body.to_string());
        Ok(())
    }
}
