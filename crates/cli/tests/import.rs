//! `presslens init` and `presslens import` on fresh corpus folders: a folder of saved pages and a
//! story list become articles that `presslens check` accepts, and importing again changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn presslens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(args)
        .env_remove("PRESSLENS_CORPUS")
        .output()
        .expect("run presslens")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A folder holding a few of the importer's fixture pages (HTML only) and a story list.
fn saved_pages(dir: &Path) -> PathBuf {
    let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../import/tests/pages");
    let folder = dir.join("saved");
    std::fs::create_dir_all(folder.join("01_page_files")).expect("folder");
    for stem in
        ["01_wordpress_local_cecot_tweet", "04_spanish_cp1252_meta_charset", "10_tv_station_div_br_cp1252_url_date"]
    {
        std::fs::copy(pages.join(format!("{stem}.html")), folder.join(format!("{stem}.html"))).expect("copy page");
    }
    // A browser's asset folder is not read; a list names a text file and carries another text.
    std::fs::write(folder.join("01_page_files/frame.html"), "<p>an ad frame, not an article</p>").expect("asset");
    std::fs::write(folder.join("wire.txt"), "SAN SALVADOR (AP) — Bukele made the offer on Monday.\n").expect("txt");
    std::fs::write(
        folder.join("stories.csv"),
        "url,title,media_name,publish_date,file,text\n\
         https://wire.example/a,Offer made,Wire Daily,2025-02-04 10:00:00,wire.txt,\n\
         https://other.example/b,Another,Other Post,2025-02-05,,\"First paragraph.\nSecond paragraph.\"\n",
    )
    .expect("list");
    folder
}

fn snapshot(corpus: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    out.insert("story.toml".into(), std::fs::read(corpus.join("story.toml")).expect("story.toml"));
    for e in std::fs::read_dir(corpus.join("articles")).expect("articles").flatten() {
        out.insert(e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("article"));
    }
    out
}

#[test]
fn a_folder_of_pages_becomes_a_corpus_that_checks_and_reimport_changes_nothing() {
    let dir = fresh("folder");
    let corpus = dir.join("corpus");
    let source = dir.join("post.txt");
    std::fs::write(
        &source,
        "We have offered the United States of America the opportunity to outsource part of its prison system.\n",
    )
    .expect("source");
    let c = corpus.to_str().expect("utf-8 path");
    let init = presslens(&[
        "init",
        "--corpus",
        c,
        "--speaker",
        "Nayib Bukele",
        "--source",
        source.to_str().unwrap(),
        "--where",
        "X (@nayibbukele)",
    ]);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));

    let folder = saved_pages(&dir);
    let first = presslens(&["import", "--corpus", c, folder.to_str().unwrap()]);
    let out = stdout(&first);
    assert!(first.status.success(), "{out}");
    assert!(out.contains("added as coastalsentinel-com-"), "{out}");
    assert!(out.contains("| The Coastal Sentinel | 2025-02-04 | El Salvador offers"), "{out}");
    assert!(out.contains("| Wire Daily | 2025-02-04 | Offer made"), "list columns fill what a text lacks:\n{out}");
    assert!(out.contains("#row 3: added as other-example-"), "{out}");
    assert!(out.contains("5 added, 0 already in the corpus, 0 skipped"), "{out}");
    assert!(!out.contains("frame.html"), "a page's asset folder is not read:\n{out}");

    let story = std::fs::read_to_string(corpus.join("story.toml")).expect("story.toml");
    assert!(story.starts_with("# Written by `presslens init`"), "{story}");
    assert!(story.contains("author = \"Karla Menjívar\"") || story.contains("Diario La Frontera"), "{story}");
    let check = presslens(&["check", "--corpus", c]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&check).contains("0 errors"), "{}", stdout(&check));

    let before = snapshot(&corpus);
    let again = presslens(&["import", "--corpus", c, folder.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("0 added, 5 already in the corpus"), "{}", stdout(&again));
    assert_eq!(before, snapshot(&corpus), "importing the same pages twice changed the corpus");
}

#[test]
fn hand_edits_survive_a_reimport_and_skips_are_reported() {
    let dir = fresh("edits");
    let corpus = dir.join("corpus");
    let c = corpus.to_str().unwrap();
    let page = dir.join("page.html");
    std::fs::write(
        &page,
        "<html><head><link rel=canonical href=\"https://news.example/a\"><script>alert(1)</script></head><body>\
         <article><p onclick=\"alert(2)\">The offer was made on Monday by the president, officials said in a statement.</p>\
         <p><a href=\"javascript:alert(3)\">link</a> text <iframe src=\"https://evil.example\"></iframe>more.</p></article></body></html>",
    )
    .expect("page");
    std::fs::write(dir.join("photo.jpg"), b"\xff\xd8").expect("jpg");
    let first = presslens(&["import", "--corpus", c, page.to_str().unwrap(), dir.join("photo.jpg").to_str().unwrap()]);
    let out = stdout(&first);
    assert!(first.status.success(), "{out}");
    assert!(out.contains("no date: shown as undated"), "{out}");
    assert!(out.contains("photo.jpg: skipped: not a page"), "{out}");
    let story_path = corpus.join("story.toml");
    let story = std::fs::read_to_string(&story_path)
        .expect("story.toml")
        .replace("outlet = \"news.example\"", "outlet = \"News Example\" # checked");
    assert!(story.contains("# checked"), "{story}");
    std::fs::write(&story_path, &story).expect("edit");
    let again = presslens(&["import", "--corpus", c, page.to_str().unwrap()]);
    assert!(again.status.success());
    assert_eq!(std::fs::read_to_string(&story_path).expect("story.toml"), story);
    let article = std::fs::read_dir(corpus.join("articles")).expect("articles").flatten().next().expect("one article");
    let text = std::fs::read_to_string(article.path()).expect("text");
    assert!(!text.contains('<') && !text.contains("alert"), "markup reached the article: {text}");
}

#[test]
fn init_never_overwrites_a_story() {
    let dir = fresh("init");
    let source = dir.join("post.txt");
    std::fs::write(&source, "Text.").expect("source");
    std::fs::write(dir.join("story.toml"), "title = \"Mine\"\n").expect("story");
    let o =
        presslens(&["init", "--corpus", dir.to_str().unwrap(), "--speaker", "X", "--source", source.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(dir.join("story.toml")).expect("story"), "title = \"Mine\"\n");
}
