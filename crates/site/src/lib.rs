//! presslens-site: the pages presslens writes around its viewer, with no file I/O, so that the
//! command line (`presslens site`, `presslens paint`) and the browser (the worker's "Save as one
//! file") write the same pages. The viewer is the explorer as `trunk build` wrote it, the same
//! bytes for every story; the analysed corpus goes beside it as data files
//! (presslens_core::pack), or inside the one file.

pub mod html;
pub mod paint;

use base64::Engine as _;
use presslens_core::pack::Packed;
use sha2::{Digest, Sha256};

/// Where data files go, relative to the page.
pub const DATA_DIR: &str = "data";
/// What marks the page's links to data files (and a site written by presslens).
pub const DATA_ATTR: &str = "data-presslens";

/// A built viewer's index.html and the names of the files the page starts from.
pub struct Viewer {
    pub html: String,
    pub glue: String,
    pub wasm: String,
    pub css: String,
    /// Classic scripts the page runs before its first paint (public/first.js).
    pub early: Vec<String>,
}

/// The contents of a viewer's files, for the single file.
pub struct Parts {
    pub glue: String,
    pub wasm: Vec<u8>,
    pub css: String,
    /// favicon.svg, if the viewer has one.
    pub icon: Option<Vec<u8>>,
    /// The `early` scripts, in order.
    pub early: Vec<String>,
}

impl Viewer {
    /// Reads the names of the viewer's files from its index.html; `None` when the page is not a
    /// built presslens viewer.
    pub fn parse(html: String) -> Option<Viewer> {
        let tags = html::tags(&html);
        let find =
            |pred: &dyn Fn(&html::Tag) -> bool, attr: &str| tags.iter().find(|t| pred(t)).and_then(|t| t.path(attr));
        let rel =
            |t: &html::Tag, v: &str| t.name() == "link" && t.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case(v));
        let glue = find(&|t| rel(t, "modulepreload"), "href")?;
        let wasm = find(
            &|t| rel(t, "preload") && t.attr("as").as_deref() == Some("fetch") && t.attr(DATA_ATTR).is_none(),
            "href",
        )?;
        let css = find(&|t| rel(t, "stylesheet"), "href")?;
        let early = tags
            .iter()
            .filter(|t| t.name() == "script" && t.attr("type").is_none() && t.attr(DATA_ATTR).is_none())
            .filter_map(|t| t.path("src"))
            .collect();
        drop(tags);
        Some(Viewer { html, glue, wasm, css, early })
    }

    /// The page for a story: its title, its first screen (`paint::first_screen`), and none of
    /// the data links or inline data a previous `site` run put there. `None` when the viewer's
    /// page has no element for the first screen.
    pub fn page(&self, title: &str, screen: &str) -> Option<String> {
        let tags = html::tags(&self.html);
        let old: Vec<_> = tags
            .iter()
            .filter(|t| t.attr(DATA_ATTR).is_some())
            .map(|t| if t.name() == "script" { html::script_element(&self.html, t) } else { t.range.clone() })
            .collect();
        let page = html::with_title(&html::without(&self.html, old), title);
        paint::with_first_screen(&page, screen)
    }

    /// The message for a page without the first screen's element.
    pub fn no_screen(&self, whose: &str) -> String {
        format!(
            "{whose}: the viewer's index.html has no element for the first screen (id \"{}\"); rebuild it from this version",
            paint::ID
        )
    }
}

/// The `<link>` a site's page gets for its data: the metadata file in `DATA_DIR`, preloaded. The
/// viewer reads the names of the bundles and word chunks there and fetches each when it needs it,
/// so the page names no other data file.
pub fn data_links(packed: &Packed) -> String {
    format!(
        "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"{DATA_DIR}/{}\" {DATA_ATTR}=\"meta\">\n",
        packed.meta.0
    )
}

/// What a single file needs to import a reader's own articles (`presslens site --single-file
/// --with-import`): the "Your own articles" panel (public/studio.js and public/stories.js) and the
/// engine's worker (its wasm-bindgen glue and binary), all from a built viewer.
pub struct Studio {
    pub panel: String,
    pub store: String,
    pub worker_glue: String,
    pub worker_wasm: Vec<u8>,
}

impl Studio {
    /// The panel and its store as one inline module that also puts the hook the explorer looks
    /// for (`window.presslensStudio`, as public/boot.js does when served): the store becomes a
    /// namespace object made in a scope of its own (its `export`s plain declarations there), in
    /// place of the panel's import of it.
    fn module(&self) -> Result<String, String> {
        const IMPORT: &str = "import * as stories from './stories.js';";
        if !self.panel.contains(IMPORT) {
            return Err("studio.js: no import of stories.js to fold in".into());
        }
        let unexported = |text: &str| {
            text.lines().map(|l| l.strip_prefix("export ").unwrap_or(l)).fold(String::new(), |acc, l| acc + l + "\n")
        };
        let store = format!(
            "const stories = (() => {{\n{}return {{ list, read, put, remove }};\n}})();",
            unexported(&self.store)
        );
        let panel = unexported(&self.panel.replacen(IMPORT, &store, 1));
        let module =
            format!("{panel}\nwindow.presslensStudio = Object.freeze({{ open, read: (id) => stories.read(id) }});\n");
        if module.to_ascii_lowercase().contains("</script") {
            return Err("studio.js or stories.js: not a script that can be inlined".into());
        }
        Ok(module)
    }
}

/// Folds the viewer and the data into one HTML file: the style sheet, the icon, the wasm-bindgen
/// glue and the wasm binary inline, the data files as inline data blocks, under a
/// Content-Security-Policy that allows exactly the inline script and style by their digests.
/// With `studio`, the file can also import a reader's own articles: the panel as one more inline
/// module, the engine's worker as two inline data blocks (about 2.5 MB) that the panel starts from a
/// `blob:` URL, the one thing the policy then allows besides.
pub fn single_file(
    viewer: &Viewer,
    parts: &Parts,
    packed: &Packed,
    title: &str,
    screen: &str,
    studio: Option<&Studio>,
) -> Result<String, String> {
    let wasm = B64.encode(&parts.wasm);
    let icon = parts.icon.as_deref().map(|b| B64.encode(b)).unwrap_or_default();
    let css = &parts.css;
    let script = starter(&parts.glue, &wasm)
        .ok_or_else(|| format!("{}: no default export to start the app with", viewer.glue))?;
    let early = &parts.early;
    if let Some((name, _)) = viewer.early.iter().zip(early).find(|(_, s)| s.to_ascii_lowercase().contains("</script")) {
        return Err(format!("{name}: not a script that can be inlined"));
    }
    let panel = studio.map(Studio::module).transpose()?;
    let scripts: Vec<String> = early.iter().chain(&panel).chain([&script]).map(|s| digest(s)).collect();
    let csp = [
        "default-src 'none'".to_string(),
        format!("script-src {} 'wasm-unsafe-eval'", scripts.join(" ")),
        if studio.is_some() { "worker-src blob:".into() } else { String::new() },
        format!("style-src {}", digest(css)),
        "img-src data:".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
        "object-src 'none'".into(),
    ]
    .into_iter()
    .filter(|d| !d.is_empty())
    .collect::<Vec<_>>()
    .join("; ");
    let page = viewer.page(title, screen).ok_or_else(|| viewer.no_screen("index.html"))?;
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
        .chain(std::iter::once(("clusters", &packed.clusters)))
        .chain(packed.catalog.iter().map(|c| ("catalog", c)))
        .chain(packed.bundles.iter().map(|b| ("bundle", b)))
        .chain(packed.words.iter().map(|w| ("words", w)))
        .map(|(kind, (name, bytes))| {
            format!(
                "<script type=\"application/octet-stream\" {DATA_ATTR}=\"{kind}\" data-file=\"{DATA_DIR}/{name}\">{}</script>\n",
                B64.encode(bytes)
            )
        })
        .collect();
    let early: String = early.iter().map(|s| format!("<script>{s}</script>\n")).collect();
    let studio: String = match (studio, panel) {
        (Some(st), Some(panel)) => format!(
            "<script type=\"application/octet-stream\" {DATA_ATTR}=\"worker-glue\">{}</script>\n\
             <script type=\"application/octet-stream\" {DATA_ATTR}=\"worker-wasm\">{}</script>\n\
             <script type=\"module\">{panel}</script>\n",
            B64.encode(&st.worker_glue),
            B64.encode(&st.worker_wasm)
        ),
        _ => String::new(),
    };
    let head = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n<style>{css}</style>\n{early}{data}{studio}<script type=\"module\">{script}</script>\n"
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
