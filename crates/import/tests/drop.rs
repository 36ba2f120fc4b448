//! The browser's import against the CLI's: the same files, dropped in memory or imported from a
//! folder with `presslens import`, make the same articles, the same story.toml and the same
//! reports, and the corpus read back with `corpus::from_memory` analyses to the same export as
//! `corpus::load` of the folder.

use presslens_core::corpus::{from_memory, load, Loaded};
use presslens_core::{analyze, export};
use presslens_import::drop::{import, DropFile, Imported};
use presslens_import::{fs, FileReport};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pages");
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-drop-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// Every file under `dir`, by path relative to it with `/` separators, prefixed by `prefix`.
fn files_under(dir: &Path, prefix: &str) -> Vec<DropFile> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if path.is_dir() {
            out.extend(files_under(&path, &format!("{name}/")));
        } else {
            out.push(DropFile { path: name, bytes: std::fs::read(&path).expect("readable file") });
        }
    }
    out
}

fn write_all(dir: &Path, files: &[DropFile]) {
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
        std::fs::write(path, &f.bytes).expect("written");
    }
}

/// The saved pages of tests/pages, a list naming two of them (one also there as a file) and
/// carrying one text, a picture, a hidden file and a browser's asset folder, under `saved/`.
fn saved_pages() -> Vec<DropFile> {
    let mut files: Vec<DropFile> =
        files_under(Path::new(PAGES), "saved/").into_iter().filter(|f| f.path.ends_with(".html")).collect();
    assert!(files.len() >= 20, "the fixture pages are there");
    let list = "file,url,media_name,publish_date,title,text\n\
                02_ap_wire_split_body.html,,Listed Wire,2025-02-05,,\n\
                ./12_football_transfer_instagram_ogtitle_suffix.html,,,,Listed headline,\n\
                ,https://listed.example/story,The Listed,2025-02-06 10:00,A listed story,\"Bukele said \"\"We have offered.\"\"\"\n";
    let extra = [
        ("saved/stories.csv", list.as_bytes()),
        ("saved/photo.png", b"\x89PNG".as_slice()),
        ("saved/.DS_Store", b"\0\0".as_slice()),
        ("saved/Offer_files/inner.html", b"<html><body><p>Not an article.</p></body></html>".as_slice()),
    ];
    files.extend(extra.iter().map(|(p, b)| DropFile { path: p.to_string(), bytes: b.to_vec() }));
    files
}

/// `presslens import --corpus <corpus> <inputs>/saved`, starting from `manifest` (if any).
fn cli(name: &str, corpus_files: &[DropFile], inputs: &[DropFile]) -> (PathBuf, Vec<FileReport>) {
    let root = temp(name);
    let corpus = root.join("corpus");
    std::fs::create_dir_all(corpus.join("articles")).expect("corpus folder");
    write_all(&corpus, corpus_files);
    write_all(&root.join("inputs"), inputs);
    let reports = fs::import(&corpus, &[root.join("inputs").join("saved")]).expect("imports");
    (corpus, reports)
}

fn folder_articles(corpus: &Path) -> BTreeMap<String, String> {
    files_under(&corpus.join("articles"), "")
        .into_iter()
        .map(|f| (f.path.trim_end_matches(".txt").to_string(), String::from_utf8(f.bytes).expect("UTF-8")))
        .collect()
}

/// The analysed export and the diagnostics of a loaded corpus.
fn analysed(loaded: Loaded) -> (String, Vec<String>) {
    let corpus = analyze(loaded.story, loaded.diagnostics);
    let all: Vec<usize> = (0..corpus.story.articles.len()).collect();
    (export::json(&corpus, &all), corpus.diagnostics.iter().map(ToString::to_string).collect())
}

/// `corpus::from_memory` of an import's result, named as the folder's files are.
fn load_imported(imported: &Imported, corpus: &Path) -> Loaded {
    let files = imported.articles.iter().map(|(id, body)| (format!("{id}.txt"), body.clone().into_bytes())).collect();
    from_memory(
        &corpus.join("story.toml").display().to_string(),
        Some(imported.manifest.as_bytes()),
        &corpus.join("articles").display().to_string(),
        files,
    )
}

/// Same articles, same story.toml, same outcome for each input, same analysed corpus.
fn assert_same(imported: &Imported, corpus: &Path, reports: &[FileReport]) {
    assert_eq!(imported.articles, folder_articles(corpus), "articles (ids and bodies)");
    let manifest = std::fs::read_to_string(corpus.join("story.toml")).expect("story.toml written");
    assert_eq!(imported.manifest, manifest, "story.toml");
    let dropped: Vec<_> = imported.reports.iter().filter(|r| !r.input.starts_with("corpus/")).collect();
    assert_eq!(dropped.len(), reports.len(), "one report per input: {dropped:#?}");
    for (mem, disk) in dropped.iter().zip(reports) {
        assert!(disk.input.ends_with(&mem.input), "{} vs {}", disk.input, mem.input);
        assert_eq!(mem.outcome, disk.outcome, "{}", mem.input);
    }
    assert_eq!(analysed(load_imported(imported, corpus)), analysed(load(corpus)));
}

fn seed_corpus() -> Vec<DropFile> {
    files_under(Path::new(SEEDS), "")
}

#[test]
fn drop_with_a_manifest_from_the_form_equals_the_cli_import() {
    let seeds = seed_corpus();
    let manifest = seeds.iter().find(|f| f.path == "story.toml").expect("seed story.toml");
    let text = String::from_utf8(manifest.bytes.clone()).expect("UTF-8");
    let (corpus, reports) = cli("form", std::slice::from_ref(manifest), &saved_pages());
    let imported = import(saved_pages(), Some(&text), &mut |_, _| {}).expect("imports");
    assert!(!imported.used_manifest_from_drop);
    let added = reports.iter().filter(|r| matches!(r.outcome, presslens_import::Outcome::Imported { .. })).count();
    assert!(added >= 20, "{reports:#?}");
    assert!(reports.iter().any(|r| r.input.ends_with("stories.csv #row 4")), "the list's text row");
    assert!(!reports.iter().any(|r| r.input.contains("Offer_files") || r.input.contains(".DS_Store")));
    assert_same(&imported, &corpus, &reports);
}

#[test]
fn drop_holding_a_corpus_folder_equals_the_cli_import_into_it() {
    let seeds = seed_corpus();
    let (corpus, reports) = cli("corpus", &seeds, &saved_pages());
    let mut files: Vec<DropFile> =
        seeds.into_iter().map(|f| DropFile { path: format!("corpus/{}", f.path), bytes: f.bytes }).collect();
    files.extend(saved_pages());
    let mut progress = Vec::new();
    let form = "title = \"Not this one\"\n";
    let imported = import(files, Some(form), &mut |done, total| progress.push((done, total))).expect("imports");
    assert!(imported.used_manifest_from_drop, "the drop's story.toml wins over the form's");
    assert_eq!(progress.last().map(|&(d, t)| d == t), Some(true), "{progress:?}");
    assert_eq!(progress.len(), reports.len());
    assert_same(&imported, &corpus, &reports);
}

#[test]
fn dropped_corpus_folder_loads_like_the_folder() {
    let files: Vec<DropFile> =
        seed_corpus().into_iter().map(|f| DropFile { path: format!("my-story/{}", f.path), bytes: f.bytes }).collect();
    let imported = import(files, None, &mut |_, _| {}).expect("imports");
    assert!(imported.reports.is_empty(), "{:#?}", imported.reports);
    let seeds = Path::new(SEEDS);
    assert_eq!(imported.articles, folder_articles(seeds));
    assert_eq!(analysed(load_imported(&imported, seeds)), analysed(load(seeds)));
}

#[test]
fn a_manifest_that_does_not_parse_is_an_error_with_its_line() {
    let bad = "title = \"x\"\n\n[[source]\nid = 1\n";
    let err = import(Vec::new(), Some(bad), &mut |_, _| {}).expect_err("refused");
    assert_eq!(err.line, Some(3));
    assert!(err.to_string().starts_with("story.toml line 3: "), "{err}");
    let dropped = vec![DropFile { path: "s/story.toml".into(), bytes: bad.as_bytes().to_vec() }];
    let err = import(dropped, None, &mut |_, _| {}).expect_err("refused");
    assert!(err.to_string().starts_with("s/story.toml line 3: "), "{err}");
}

#[test]
fn same_page_twice_is_already_there_and_a_different_text_is_kept() {
    let page = |text: &str| {
        format!("<html><head><link rel=\"canonical\" href=\"https://a.example/x\"></head><body><article><p>{text}</p></article></body></html>")
    };
    let files = vec![
        DropFile { path: "a.html".into(), bytes: page("He said it was an offer.").into_bytes() },
        DropFile { path: "b/a.html".into(), bytes: page("He said it was an offer.").into_bytes() },
        DropFile { path: "c.html".into(), bytes: page("Another version of the page.").into_bytes() },
    ];
    let imported = import(files, None, &mut |_, _| {}).expect("imports");
    let outcomes: Vec<String> = imported.reports.iter().map(|r| format!("{}: {:?}", r.input, r.outcome)).collect();
    assert!(
        matches!(imported.reports[0].outcome, presslens_import::Outcome::Imported { new: true, .. }),
        "{outcomes:#?}"
    );
    assert!(
        matches!(imported.reports[1].outcome, presslens_import::Outcome::Imported { new: false, .. }),
        "{outcomes:#?}"
    );
    assert!(outcomes[2].contains("already holds a different text"), "{outcomes:#?}");
    assert_eq!(imported.articles.len(), 1);
}
