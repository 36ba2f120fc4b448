//! The inputs of an import, expanded: folders are read (sorted, recursively, skipping a browser's
//! `Page_files/` asset folder and hidden files), lists become their rows, and everything else is
//! either a page or text file to extract or a file skipped with its reason.

use crate::list::{self, Row};
use std::path::{Path, PathBuf};

/// One thing to import, or to report as skipped.
pub enum Item {
    File(PathBuf),
    /// A row of a list: the list's folder, the list file, the row.
    Row(PathBuf, PathBuf, Row),
    Skip(PathBuf, String),
}

impl Item {
    /// How the report names it.
    pub fn label(&self) -> String {
        match self {
            Item::File(p) | Item::Skip(p, _) => p.display().to_string(),
            Item::Row(_, list, row) => format!("{} #row {}", list.display(), row.number),
        }
    }
}

const PAGE: &[&str] = &["html", "htm", "xhtml", "shtml", "txt", "text"];

/// Expands `inputs` in order; a file named both directly and by a list is imported once.
pub fn expand(inputs: &[PathBuf]) -> Vec<Item> {
    let mut files = Vec::new();
    for input in inputs {
        collect(input, &mut files, 0);
    }
    let mut items = Vec::new();
    let mut named_by_lists = Vec::new();
    for f in &files {
        if let Item::File(p) = f {
            if p.file_name().is_some_and(|n| list::is_list_name(&n.to_string_lossy())) {
                let dir = p.parent().unwrap_or(Path::new(".")).to_path_buf();
                match std::fs::read(p)
                    .map_err(|e| e.to_string())
                    .and_then(|b| list::parse(&b, &p.to_string_lossy()).map_err(|e| e.to_string()))
                {
                    Ok(rows) => {
                        for row in rows {
                            if let Some(file) = &row.file {
                                named_by_lists.push(canonical(&dir.join(file)));
                            }
                            items.push(Item::Row(dir.clone(), p.clone(), row));
                        }
                    }
                    Err(e) => items.push(Item::Skip(p.clone(), e)),
                }
            }
        }
    }
    for f in files {
        match f {
            Item::File(p) if p.file_name().is_some_and(|n| list::is_list_name(&n.to_string_lossy())) => {}
            Item::File(p) if named_by_lists.contains(&canonical(&p)) => {}
            other => items.push(other),
        }
    }
    items
}

fn canonical(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

fn collect(path: &Path, out: &mut Vec<Item>, depth: usize) {
    if path.is_dir() {
        if depth > 16 {
            out.push(Item::Skip(path.to_path_buf(), "folder nested too deep; not read".into()));
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
            Err(e) => {
                out.push(Item::Skip(path.to_path_buf(), format!("cannot read the folder: {e}")));
                return;
            }
        };
        entries.sort();
        for e in entries {
            let name = e.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with('.') || (e.is_dir() && is_asset_folder(&name)) {
                continue;
            }
            collect(&e, out, depth + 1);
        }
        return;
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if !path.exists() {
        out.push(Item::Skip(path.to_path_buf(), "no such file or folder".into()));
    } else if PAGE.contains(&ext.as_str()) || list::is_list_name(&name) {
        out.push(Item::File(path.to_path_buf()));
    } else {
        out.push(Item::Skip(path.to_path_buf(), format!("not a page, text file or story list (.{ext})")));
    }
}

/// A browser's folder of a saved page's images and scripts ("Page_files", localized forms).
fn is_asset_folder(name: &str) -> bool {
    ["_files", "-Dateien", "_archivos", "_fichiers", "_file"].iter().any(|s| name.ends_with(s))
}
