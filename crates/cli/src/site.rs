//! `presslens site`: a deployable site for any corpus without compiling wasm. The viewer is the
//! explorer as `trunk build` wrote it (dist/), the same bytes for every story; the analysed corpus
//! goes beside it as data files (presslens_core::pack) that the page links to, and the viewer
//! reads them instead of the corpus it was built with. `--single-file` folds the viewer and the
//! data into one HTML file that opens from disk (file://), where nothing can be fetched. The pages
//! themselves are presslens_site's; this module reads and writes the files.

use presslens_core::pack::Packed;
pub use presslens_site::paint;
use presslens_site::{Parts, DATA_ATTR, DATA_DIR};
use std::fs;
use std::path::{Path, PathBuf};

/// A built viewer: its folder and what its index.html names.
pub struct Viewer {
    dir: PathBuf,
    inner: presslens_site::Viewer,
}

impl Viewer {
    /// Reads a dist/ that `trunk build` wrote (or a site this command wrote before).
    pub fn read(dir: &Path) -> Result<Viewer, String> {
        let not_built = || {
            format!(
                "{} holds no built presslens viewer: build it once with `trunk build --release --offline` \
                 (scripts/serve does), or name another with --viewer DIR",
                dir.display()
            )
        };
        let html = fs::read_to_string(dir.join("index.html")).map_err(|_| not_built())?;
        let inner = presslens_site::Viewer::parse(html).ok_or_else(not_built)?;
        Ok(Viewer { dir: dir.to_path_buf(), inner })
    }

    fn page(&self, title: &str, screen: &str) -> Result<String, String> {
        self.inner.page(title, screen).ok_or_else(|| self.inner.no_screen(&self.dir.display().to_string()))
    }
}

/// What a site holds, for the command's report.
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

/// Writes the viewer and the data files into `out`, which must be empty, absent, or a site this
/// command wrote before (replaced whole).
pub fn write(viewer: &Viewer, packed: &Packed, title: &str, screen: &str, out: &Path) -> Result<Written, String> {
    prepare(out)?;
    let mut written = Written { files: 0, bytes: 0 };
    copy_viewer(&viewer.dir, out, &mut written)
        .map_err(|e| format!("cannot copy the viewer into {}: {e}", out.display()))?;
    let data = out.join(DATA_DIR);
    fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    for (name, bytes) in packed.files() {
        let path = data.join(name);
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.files += 1;
        written.bytes += bytes.len() as u64;
    }
    let links = presslens_site::data_links(packed);
    let page = presslens_site::html::in_head(&viewer.page(title, screen)?, &links)
        .ok_or("the viewer's index.html has no </head>")?;
    let index = out.join("index.html");
    fs::write(&index, &page).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    written.files += 1;
    written.bytes += page.len() as u64;
    Ok(written)
}

/// Refuses to write into a folder that holds anything but an earlier site; clears an earlier site.
fn prepare(out: &Path) -> Result<(), String> {
    let Ok(mut entries) = fs::read_dir(out) else { return Ok(()) };
    if entries.next().is_none() {
        return Ok(());
    }
    let earlier =
        fs::read_to_string(out.join("index.html")).is_ok_and(|h| h.contains(&format!("{DATA_ATTR}=\"meta\"")));
    if !earlier {
        return Err(format!(
            "{} is not empty and is not a site presslens wrote; name an empty or new folder",
            out.display()
        ));
    }
    fs::remove_dir_all(out).map_err(|e| format!("cannot clear the earlier site in {}: {e}", out.display()))
}

fn copy_viewer(from: &Path, to: &Path, written: &mut Written) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let (src, dst) = (entry.path(), to.join(&name));
        if from.join("index.html") == src || name == DATA_DIR || is_precompressed(&src) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy_viewer(&src, &dst, written)?;
        } else {
            written.bytes += fs::copy(&src, &dst)?;
            written.files += 1;
        }
    }
    Ok(())
}

/// A compressed copy a host serves in place of a file (`index.html.br`): the site's page is not
/// the viewer's, so a copy of the viewer's page compressed would show the viewer's own story. None
/// is copied; compress the written site as a whole if the host serves such files.
fn is_precompressed(path: &Path) -> bool {
    path.extension().is_some_and(|e| ["br", "gz", "zst"].iter().any(|c| e.eq_ignore_ascii_case(c)))
}

/// Folds the viewer and the data into one HTML file (presslens_site::single_file).
/// With `with_import`, the file also carries the "Your own articles" panel and the engine's
/// worker, so that it can import a reader's articles from disk too.
pub fn single_file(
    viewer: &Viewer,
    packed: &Packed,
    title: &str,
    screen: &str,
    with_import: bool,
) -> Result<String, String> {
    let read =
        |name: &str| fs::read(viewer.dir.join(name)).map_err(|e| format!("{}: {e}", viewer.dir.join(name).display()));
    let text = |name: &str| String::from_utf8(read(name)?).map_err(|_| format!("{name}: not UTF-8"));
    let v = &viewer.inner;
    let parts = Parts {
        glue: text(&v.glue)?,
        wasm: read(&v.wasm)?,
        css: text(&v.css)?,
        icon: read("favicon.svg").ok(),
        early: v.early.iter().map(|name| text(name)).collect::<Result<_, _>>()?,
    };
    let studio = if with_import {
        Some(presslens_site::Studio {
            panel: text("studio.js")?,
            store: text("stories.js")?,
            worker_glue: text("presslens-worker.js")?,
            worker_wasm: read("presslens-worker_bg.wasm")?,
        })
    } else {
        None
    };
    presslens_site::single_file(v, &parts, packed, title, screen, studio.as_ref())
}
