//! `presslens site`: a deployable site for any corpus without compiling wasm. The viewer is the
//! explorer as `trunk build` wrote it (dist/), the same bytes for every story; the analysed corpus
//! goes beside it as data files (presslens_core::pack) that the page links to, and the viewer
//! reads them instead of the corpus it was built with. `--single-file` folds the viewer and the
//! data into one HTML file that opens from disk (file://), where nothing can be fetched.

mod html;
pub mod paint;

use base64::Engine as _;
use presslens_core::pack::Packed;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// Where data files go, relative to the page.
const DATA_DIR: &str = "data";
/// What marks the page's links to data files (and a site written by this command).
const DATA_ATTR: &str = "data-presslens";

/// A built viewer: its folder, its index.html, and the files the page starts from.
pub struct Viewer {
    dir: PathBuf,
    html: String,
    glue: String,
    wasm: String,
    css: String,
    /// Classic scripts the page runs before its first paint (public/first.js).
    early: Vec<String>,
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
        let tags = html::tags(&html);
        let find =
            |pred: &dyn Fn(&html::Tag) -> bool, attr: &str| tags.iter().find(|t| pred(t)).and_then(|t| t.path(attr));
        let rel =
            |t: &html::Tag, v: &str| t.name() == "link" && t.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case(v));
        let glue = find(&|t| rel(t, "modulepreload"), "href").ok_or_else(not_built)?;
        let wasm = find(
            &|t| rel(t, "preload") && t.attr("as").as_deref() == Some("fetch") && t.attr(DATA_ATTR).is_none(),
            "href",
        )
        .ok_or_else(not_built)?;
        let css = find(&|t| rel(t, "stylesheet"), "href").ok_or_else(not_built)?;
        let early = tags
            .iter()
            .filter(|t| t.name() == "script" && t.attr("type").is_none() && t.attr(DATA_ATTR).is_none())
            .filter_map(|t| t.path("src"))
            .collect();
        Ok(Viewer { dir: dir.to_path_buf(), html, glue, wasm, css, early })
    }

    /// The page for a story: its title, its first screen (`paint::first_screen`), and none of
    /// the data links or inline data a previous `site` run put there.
    fn page(&self, title: &str, screen: &str) -> Result<String, String> {
        let tags = html::tags(&self.html);
        let old: Vec<_> = tags
            .iter()
            .filter(|t| t.attr(DATA_ATTR).is_some())
            .map(|t| if t.name() == "script" { html::script_element(&self.html, t) } else { t.range.clone() })
            .collect();
        let page = html::with_title(&html::without(&self.html, old), title);
        paint::with_first_screen(&page, screen).ok_or_else(|| {
            format!(
                "{}: the viewer's index.html has no element for the first screen (id \"{}\"); rebuild it from this version",
                self.dir.display(),
                paint::ID
            )
        })
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
    for (name, bytes) in std::iter::once(&packed.meta).chain(&packed.bundles) {
        let path = data.join(name);
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.files += 1;
        written.bytes += bytes.len() as u64;
    }
    let links: String = std::iter::once(("meta", &packed.meta.0))
        .chain(packed.bundles.iter().map(|(n, _)| ("bundle", n)))
        .map(|(kind, name)| {
            format!("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"{DATA_DIR}/{name}\" {DATA_ATTR}=\"{kind}\">\n")
        })
        .collect();
    let page = html::in_head(&viewer.page(title, screen)?, &links).ok_or("the viewer's index.html has no </head>")?;
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
        if from.join("index.html") == src || name == DATA_DIR {
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

/// Folds the viewer and the data into one HTML file: the style sheet, the icon, the wasm-bindgen
/// glue and the wasm binary inline, the data files as inline data blocks, under a
/// Content-Security-Policy that allows exactly the inline script and style by their digests.
pub fn single_file(viewer: &Viewer, packed: &Packed, title: &str, screen: &str) -> Result<String, String> {
    let read =
        |name: &str| fs::read(viewer.dir.join(name)).map_err(|e| format!("{}: {e}", viewer.dir.join(name).display()));
    let glue = String::from_utf8(read(&viewer.glue)?).map_err(|_| format!("{}: not UTF-8", viewer.glue))?;
    let wasm = B64.encode(read(&viewer.wasm)?);
    let css = String::from_utf8(read(&viewer.css)?).map_err(|_| format!("{}: not UTF-8", viewer.css))?;
    let icon = read("favicon.svg").map(|b| B64.encode(b)).unwrap_or_default();
    let script =
        starter(&glue, &wasm).ok_or_else(|| format!("{}: no default export to start the app with", viewer.glue))?;
    let early = viewer
        .early
        .iter()
        .map(|name| match String::from_utf8(read(name)?) {
            Ok(s) if !s.to_ascii_lowercase().contains("</script") => Ok(s),
            _ => Err(format!("{name}: not a script that can be inlined")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let scripts: Vec<String> = early.iter().chain([&script]).map(|s| digest(s)).collect();
    let csp = [
        "default-src 'none'".to_string(),
        format!("script-src {} 'wasm-unsafe-eval'", scripts.join(" ")),
        format!("style-src {}", digest(&css)),
        "img-src data:".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
        "object-src 'none'".into(),
    ]
    .join("; ");
    let page = viewer.page(title, screen)?;
    let drop: Vec<_> = html::tags(&page)
        .iter()
        .filter(|t| match t.name().as_str() {
            "meta" => t.attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")),
            "link" => t.attr("rel").is_some_and(|r| {
                ["modulepreload", "preload", "stylesheet", "icon"].contains(&r.to_ascii_lowercase().as_str())
            }),
            "script" => t.attr("src").is_some(),
            _ => false,
        })
        .map(|t| if t.name() == "script" { html::script_element(&page, t) } else { t.range.clone() })
        .collect();
    let data: String = std::iter::once(("meta", &packed.meta))
        .chain(packed.bundles.iter().map(|b| ("bundle", b)))
        .map(|(kind, (name, bytes))| {
            format!(
                "<script type=\"application/octet-stream\" {DATA_ATTR}=\"{kind}\" data-file=\"{DATA_DIR}/{name}\">{}</script>\n",
                B64.encode(bytes)
            )
        })
        .collect();
    let early: String = early.iter().map(|s| format!("<script>{s}</script>\n")).collect();
    let head = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n<style>{css}</style>\n{early}{data}<script type=\"module\">{script}</script>\n"
    );
    let page = html::in_head(&html::without(&page, drop), &head).ok_or("the viewer's index.html has no </head>")?;
    for t in html::tags(&page) {
        if let Some(path) = t.path("src").or_else(|| t.path("href")) {
            if !path.contains(':') && (path.ends_with(".js") || path.ends_with(".wasm") || path.ends_with(".css")) {
                return Err(format!("a reference to {path} is left in the single file"));
            }
        }
    }
    Ok(page)
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

fn digest(text: &str) -> String {
    format!("'sha256-{}'", B64.encode(Sha256::digest(text.as_bytes())))
}

/// The glue as an inline module that starts the app from the inlined binary. The glue is an ES
/// module whose default export starts the app; its `export` statements go, and a call to that
/// function with the decoded binary comes after it.
fn starter(glue: &str, wasm_b64: &str) -> Option<String> {
    let named = regex::Regex::new(r"export\s*\{[^}]*\b(\w+)\s+as\s+default\b[^}]*\}|export\s+default\s+(\w+)").ok()?;
    let caps = named.captures(glue)?;
    let start = caps.get(1).or(caps.get(2))?.as_str().to_string();
    let exports = regex::Regex::new(r"export\s*\{[^}]*\}\s*;?|export\s+default\s+\w+\s*;?").ok()?;
    let body = exports.replace_all(glue, "");
    Some(format!(
        r#"{body}
;(async () => {{
  try {{
    const text = atob("{wasm_b64}");
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    await {start}({{ module_or_path: bytes }});
  }} catch (e) {{
    if (!document.querySelector('[data-test="panic"]')) {{
      const panel = document.createElement('main');
      panel.className = 'fatal';
      panel.setAttribute('role', 'alert');
      panel.textContent = 'presslens could not start: ' + e;
      document.getElementById('loading')?.remove();
      document.body.append(panel);
    }}
    throw e;
  }}
}})();
"#
    ))
}
