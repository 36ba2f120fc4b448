//! The rules that turn what a researcher hands over into things to import, wherever the files
//! are: which names are passed over (hidden files, a browser's `Page_files/` asset folder), which
//! are read (pages, text files, story lists), and how lists become their rows, a file named by a
//! list being imported once. Disk walking is `fs`'s and a browser's drop is `drop`'s; both list
//! their files in walk order and call [`expand`].

use crate::list::{self, Row};
use std::borrow::Cow;
use std::path::Path;

/// Where the files live: a folder on disk, or a drop held in memory.
pub trait Files {
    /// A file's path as this source names it.
    type Path: Clone + PartialEq;
    /// A file's bytes, or why they could not be read.
    fn read(&self, path: &Self::Path) -> Result<Cow<'_, [u8]>, String>;
    /// `rel`, a file a list names, resolved against the folder holding `list`.
    fn beside(&self, list: &Self::Path, rel: &str) -> Self::Path;
    /// The path in a form equal for two paths of the same file.
    fn canonical(&self, path: &Self::Path) -> Self::Path;
    /// How a report names it.
    fn label(&self, path: &Self::Path) -> String;
    /// The file name, without its folder.
    fn name(&self, path: &Self::Path) -> String;
}

/// One thing to import, or to report as skipped.
pub enum Item<P> {
    File(P),
    /// A row of a list: the list file, the row.
    Row(P, Row),
    Skip(P, String),
}

impl<P> Item<P> {
    /// How the report names it.
    pub fn label<F: Files<Path = P>>(&self, files: &F) -> String {
        match self {
            Item::File(p) | Item::Skip(p, _) => files.label(p),
            Item::Row(list, row) => format!("{} #row {}", files.label(list), row.number),
        }
    }
}

/// Folders deeper than this below an input are not read.
pub const MAX_DEPTH: usize = 16;

/// What a folder nested past [`MAX_DEPTH`] is reported with.
pub const TOO_DEEP: &str = "folder nested too deep; not read";

const PAGE: &[&str] = &["html", "htm", "xhtml", "shtml", "txt", "text"];

/// Whether a walk passes over this folder entry without a word: hidden files and folders, and a
/// browser's folder of a saved page's images and scripts ("Page_files", localized forms).
pub fn passed_over(name: &str, is_dir: bool) -> bool {
    let asset_folder = ["_files", "-Dateien", "_archivos", "_fichiers", "_file"].iter().any(|s| name.ends_with(s));
    name.starts_with('.') || (is_dir && asset_folder)
}

/// `Ok` for a file the import reads (a page, text file or story list), else why it is skipped.
pub fn readable(name: &str) -> Result<(), String> {
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if PAGE.contains(&ext.as_str()) || list::is_list_name(name) {
        Ok(())
    } else {
        Err(format!("not a page, text file or story list (.{ext})"))
    }
}

/// Expands walked files in order: lists become their rows (first), then the other files, less
/// those a list names.
pub fn expand<F: Files>(files: &F, walked: Vec<Item<F::Path>>) -> Vec<Item<F::Path>> {
    let is_list = |p: &F::Path| list::is_list_name(&files.name(p));
    let mut items = Vec::new();
    let mut named_by_lists = Vec::new();
    for f in &walked {
        let Item::File(p) = f else { continue };
        if !is_list(p) {
            continue;
        }
        let label = files.label(p);
        match files.read(p).and_then(|b| list::parse(&b, &label).map_err(|e| e.to_string())) {
            Ok(rows) => {
                for row in rows {
                    if let Some(file) = &row.file {
                        named_by_lists.push(files.canonical(&files.beside(p, file)));
                    }
                    items.push(Item::Row(p.clone(), row));
                }
            }
            Err(e) => items.push(Item::Skip(p.clone(), e)),
        }
    }
    for f in walked {
        match f {
            Item::File(p) if is_list(&p) => {}
            Item::File(p) if named_by_lists.contains(&files.canonical(&p)) => {}
            other => items.push(other),
        }
    }
    items
}
