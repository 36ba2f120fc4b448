//! The inputs of an import on disk, walked: folders are read (sorted, recursively), and each file
//! is an [`Item`] to read or to skip with its reason. What is passed over, read or skipped, and
//! how lists expand, is `crate::expand`'s.

use crate::expand::{self, Files, Item};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Files on disk, by path.
pub struct Disk;

impl Files for Disk {
    type Path = PathBuf;

    fn read(&self, path: &PathBuf) -> Result<Cow<'_, [u8]>, String> {
        std::fs::read(path).map(Cow::Owned).map_err(|e| e.to_string())
    }

    fn beside(&self, list: &PathBuf, rel: &str) -> PathBuf {
        list.parent().unwrap_or(Path::new(".")).join(rel)
    }

    fn canonical(&self, path: &PathBuf) -> PathBuf {
        path.canonicalize().unwrap_or_else(|_| path.clone())
    }

    fn label(&self, path: &PathBuf) -> String {
        path.display().to_string()
    }

    fn name(&self, path: &PathBuf) -> String {
        file_name(path)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Expands `inputs` in order; a file named both directly and by a list is imported once.
pub fn expand(inputs: &[PathBuf]) -> Vec<Item<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        collect(input, &mut files, 0);
    }
    expand::expand(&Disk, files)
}

fn collect(path: &Path, out: &mut Vec<Item<PathBuf>>, depth: usize) {
    if path.is_dir() {
        if depth > expand::MAX_DEPTH {
            out.push(Item::Skip(path.to_path_buf(), expand::TOO_DEEP.into()));
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
            if !expand::passed_over(&file_name(&e), e.is_dir()) {
                collect(&e, out, depth + 1);
            }
        }
        return;
    }
    if !path.exists() {
        out.push(Item::Skip(path.to_path_buf(), "no such file or folder".into()));
    } else {
        match expand::readable(&file_name(path)) {
            Ok(()) => out.push(Item::File(path.to_path_buf())),
            Err(reason) => out.push(Item::Skip(path.to_path_buf(), reason)),
        }
    }
}
