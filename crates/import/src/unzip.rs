//! Zips in a drop, unpacked in memory: each `.zip` is replaced by its files, under a folder named
//! after it (`stories.zip` → `stories/…`). A zip is refused whole, with the reason, when it would
//! unpack past [`MAX_UNZIPPED`] bytes or [`MAX_ENTRIES`] files, or when one file claims an absurd
//! compression ratio; these are checked against the zip's directory before anything is unpacked.
//! A file that unpacks past the size it declares is cut off there and reported, not kept. Zips
//! inside zips are not opened. A damaged zip or file is reported, never a panic.

use crate::drop::DropFile;
use crate::FileReport;
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// The most a zip may unpack to, in bytes, all its files together.
pub const MAX_UNZIPPED: u64 = 200_000_000;
/// The most files a zip may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// Past this size, a file may not claim to have been compressed more than [`MAX_RATIO`] to 1.
const RATIO_FROM: u64 = 1_000_000;
const MAX_RATIO: u64 = 1_000;

/// Replaces every `.zip` of `files` by the files it holds; the reports say what was refused.
pub fn expand_zips(files: Vec<DropFile>) -> (Vec<DropFile>, Vec<FileReport>) {
    let mut out = Vec::with_capacity(files.len());
    let mut reports = Vec::new();
    for file in files {
        if !is_zip(&file.path) {
            out.push(file);
            continue;
        }
        match unzip(&file, &mut reports) {
            Ok(entries) => out.extend(entries),
            Err(reason) => reports.push(FileReport::skipped(file.path, reason)),
        }
    }
    (out, reports)
}

fn is_zip(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".zip")
}

/// The files of one zip, or why it is refused; files that cannot be unpacked are reported.
fn unzip(zip: &DropFile, reports: &mut Vec<FileReport>) -> Result<Vec<DropFile>, String> {
    let mut archive = ZipArchive::new(Cursor::new(&zip.bytes[..])).map_err(|e| format!("not a readable zip: {e}"))?;
    check_sizes(&archive)?;
    let folder = &zip.path[..zip.path.len() - ".zip".len()];
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                reports
                    .push(FileReport::skipped(format!("{} #file {}", zip.path, i + 1), format!("cannot unpack: {e}")));
                continue;
            }
        };
        let raw_name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.is_dir() || raw_name.starts_with("__MACOSX/") {
            continue;
        }
        let Some(name) = entry.enclosed_name() else {
            reports.push(FileReport::skipped(
                format!("{folder}/{raw_name}"),
                "its path leads out of the zip; not unpacked",
            ));
            continue;
        };
        let parts: Vec<String> = name.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let path = format!("{folder}/{}", parts.join("/"));
        if is_zip(&path) {
            reports.push(FileReport::skipped(path, "a zip inside a zip is not opened; unzip it and drop its files"));
            continue;
        }
        let declared = entry.size();
        let mut bytes = Vec::with_capacity(declared.min(1 << 20) as usize);
        match (&mut entry).take(declared + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > declared => {
                reports.push(FileReport::skipped(path, format!("unpacks past the {declared} bytes it declares")))
            }
            Ok(_) => out.push(DropFile { path, bytes }),
            Err(e) => reports.push(FileReport::skipped(path, format!("cannot unpack: {e}"))),
        }
    }
    Ok(out)
}

/// Refuses a zip whose directory declares too many files, too many bytes or an absurd ratio.
fn check_sizes(archive: &ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "holds {} files, more than the {MAX_ENTRIES} a zip may hold here; unzip it and drop the folder",
            archive.len()
        ));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|e| format!("not a readable zip: {e}"))?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        if size > RATIO_FROM && size / packed.max(1) > MAX_RATIO {
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(format!(
                "{name} claims to unpack {size} bytes from {packed}, over {MAX_RATIO} to 1; refused as a zip bomb"
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_UNZIPPED {
        return Err(format!(
            "would unpack to {} MB, over the {} MB a zip may unpack to here",
            total / 1_000_000,
            MAX_UNZIPPED / 1_000_000
        ));
    }
    Ok(())
}
