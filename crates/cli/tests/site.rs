//! `presslens site` on the seed corpus with a stand-in viewer: a folder shaped as `trunk build`
//! writes it (page, glue, binary, style sheet, icon), so these tests need no wasm toolchain. The
//! real viewer is tested in Chromium (tests/e2e/site.test.mjs).

use presslens_core::pack;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn presslens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(args)
        .current_dir(root())
        .env_remove("PRESSLENS_CORPUS")
        .env_remove("PRESSLENS_VIEWER")
        .output()
        .expect("run presslens")
}

fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-site-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

/// A viewer as Trunk lays it out, minified attributes and all.
fn viewer(name: &str) -> PathBuf {
    let dir = fresh(name);
    fs::create_dir_all(&dir).unwrap();
    let page = r#"<!doctype html><html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content="default-src 'none'"><title>presslens</title><link rel=stylesheet href=./style-1.css integrity=sha384-a><link rel=icon href=favicon.svg><script integrity=sha384-d src=./first-1.js></script><script type=module src=./boot.js></script><link rel=modulepreload href=./app-1.js crossorigin integrity=sha384-b><link rel=preload href=./app-1_bg.wasm crossorigin integrity=sha384-c as=fetch type=application/wasm></head><body><noscript><p>needs JavaScript</p></noscript><div id=first-paint></div><div id=loading></div></body></html>"#;
    fs::write(dir.join("index.html"), page).unwrap();
    fs::write(dir.join("app-1.js"), "function start(o) { return o; }\nexport { start as default };\n").unwrap();
    fs::write(dir.join("app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(dir.join("style-1.css"), "body { color: black }").unwrap();
    fs::write(dir.join("favicon.svg"), "<svg/>").unwrap();
    fs::write(dir.join("boot.js"), "// boot").unwrap();
    fs::write(dir.join("first-1.js"), "document.documentElement.classList.add('early');").unwrap();
    // A viewer a host precompressed: its page's compressed copy must not come into a site.
    fs::write(dir.join("index.html.br"), b"the viewer's own page, compressed").unwrap();
    fs::write(dir.join("app-1.js.gz"), b"compressed").unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_site_is_the_viewer_unchanged_plus_data_files_named_by_the_metadata_file_the_page_links_to() {
    let (v, out) = (viewer("v1"), fresh("out1"));
    let o = presslens(&["site", "--viewer", v.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 articles in 5 data files"), "{}", stdout(&o));
    assert_eq!(fs::read(out.join("app-1_bg.wasm")).unwrap(), fs::read(v.join("app-1_bg.wasm")).unwrap());
    assert!(!out.join("index.html.br").exists() && !out.join("app-1.js.gz").exists(), "no precompressed copy");
    let page = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("<title>El Salvador offers to jail U.S. convicts in its CECOT mega-prison — presslens</title>")
    );
    let data: Vec<String> =
        fs::read_dir(out.join("data")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(data.len(), 5, "{data:?}");
    for name in &data {
        let bytes = fs::read(out.join("data").join(name)).unwrap();
        assert!(name.ends_with(&format!("-{:016x}.bin", pack::hash(&bytes))), "{name} is named by its content");
        // The page links to the metadata file alone; the viewer fetches the others when it needs them.
        assert_eq!(page.contains(&format!("href=\"data/{name}\"")), name.starts_with("meta-"), "{name}");
    }
    // The story's first screen is in the page, and only once, however often the site is written.
    assert_eq!(page.matches("<div id=\"first-paint\">").count(), 1);
    assert!(page.contains("<p class=\"count\" data-test=\"result-count\" aria-live=\"polite\">5 of 5 articles</p>"));
    assert_eq!(page.matches("data-test=\"result\"").count(), 5);
    assert!(page.contains("data-value=\"Breitbart News\"><input type=\"checkbox\"><bdi class=\"option-label\">Breitbart News</bdi><span class=\"count\" data-test=\"count\">2</span>"));
    let meta_name = data.iter().find(|n| n.starts_with("meta-")).unwrap();
    let meta = pack::read_meta(meta_name, &fs::read(out.join("data").join(meta_name)).unwrap()).unwrap();
    assert_eq!(meta.articles().unwrap().len(), 5);
    let named: Vec<&str> = std::iter::once(meta.clusters.file.as_str())
        .chain(meta.catalog.iter().map(|c| c.file.as_str()))
        .chain(meta.bundles.iter().map(|b| b.file.as_str()))
        .chain(meta.words.iter().map(|w| w.file.as_str()))
        .collect();
    assert_eq!(named.len(), 4);
    assert!(named.iter().all(|n| data.iter().any(|d| d == n)), "{named:?} in {data:?}");
    assert!(page.contains(&format!("href=\"data/{meta_name}\" data-presslens=\"meta\"")));

    // Writing again over an earlier site replaces it whole: one metadata file, not two.
    let o = presslens(&["site", "--viewer", v.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_dir(out.join("data")).unwrap().count(), 5);
    let again = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(again.matches("data-presslens=\"meta\"").count(), 1);
    assert_eq!(again.matches("id=\"first-paint\"").count(), 1);
    assert_eq!(again, page, "the same page");
}

#[test]
fn the_first_screen_of_a_large_story_holds_the_first_page_of_results() {
    let (v, corpus, out) = (viewer("v4"), fresh("synth-120"), fresh("out4"));
    let o = presslens(&["synth", "--articles", "120", "--out", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = presslens(&[
        "site",
        "--corpus",
        corpus.to_str().unwrap(),
        "--viewer",
        v.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains(">120 of 120 articles</p>"));
    // Article files are named from the corpus folder: the data does not say where it lay here.
    let meta_name = page.split("href=\"data/").nth(1).unwrap().split('"').next().unwrap();
    let bytes = fs::read(out.join("data").join(meta_name)).unwrap();
    assert_eq!(pack::read_meta(meta_name, &bytes).unwrap().len(), 120);
    assert!(corpus.is_absolute());
    let files: Vec<(String, Vec<u8>)> = fs::read_dir(out.join("data"))
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().into_string().unwrap(), fs::read(e.path()).unwrap()))
        .collect();
    let whole = pack::unpack_files((meta_name, &bytes), &files).unwrap();
    let articles = whole.articles();
    assert_eq!(articles.len(), 120);
    assert!(articles.iter().all(|a| a.file.starts_with("articles/")), "{}", articles[0].file);
    let dir = corpus.to_str().unwrap().as_bytes();
    assert!(!bytes.windows(dir.len()).any(|w| w == dir), "the corpus folder's path is in the data");
    assert_eq!(page.matches("<li class=\"result\"").count(), 20, "the cards the app draws before it measures");
    assert!(page.contains("<p class=\"more hint\">100 more articles, listed once the page has loaded</p>"));
}

#[test]
fn the_single_file_inlines_everything_under_a_policy_of_digests() {
    let (v, file) = (viewer("v2"), fresh("single.html"));
    let o = presslens(&["site", "--viewer", v.to_str().unwrap(), "--single-file", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(&file).unwrap();
    assert_eq!(page.matches("Content-Security-Policy").count(), 1);
    assert!(page.contains("script-src 'sha256-") && !page.contains("unsafe-inline"));
    assert!(!page.contains("src=./boot.js") && !page.contains("href=./app-1.js") && !page.contains("style-1.css"));
    assert!(page.contains("await start({ module_or_path: bytes })"));
    // The metadata file, the clusters, the catalog chunk, the bundle and the word chunk.
    assert_eq!(page.matches("type=\"application/octet-stream\" data-presslens=").count(), 5);
    assert_eq!(page.matches("data-presslens=\"catalog\"").count(), 1);
    assert!(page.contains("data:image/svg+xml;base64,"));
    // The early script runs inline, allowed by its digest; its file is not referenced.
    assert!(page.contains("<script>document.documentElement.classList.add('early');</script>"));
    assert!(!page.contains("first-1.js"));
    assert_eq!(page.matches("script-src 'sha256-").count(), 1);
    assert_eq!(
        page.split("script-src ").nth(1).unwrap().split(" 'wasm").next().unwrap().matches("'sha256-").count(),
        2
    );
    assert!(page.contains("5 of 5 articles</p>"), "the first screen");
}

#[test]
fn no_viewer_or_a_folder_of_other_files_is_refused_with_what_to_do() {
    let out = fresh("out3");
    let o = presslens(&["site", "--viewer", "no/such/dist", "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no/such/dist holds no built presslens viewer: build it once with `trunk build"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing written");

    let (v, other) = (viewer("v3"), fresh("other"));
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("notes.txt"), "mine").unwrap();
    let o = presslens(&["site", "--viewer", v.to_str().unwrap(), "--out", other.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is not empty and is not a site presslens wrote"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(other.join("notes.txt")).unwrap(), "mine");
}
