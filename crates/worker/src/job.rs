//! One import job, with no browser in it: the dropped files in, the analysed corpus's data files
//! out. The same steps as `presslens import` then `presslens site` on a folder holding the same
//! files, so the story the page shows, and its export, are the command line's.

use presslens_core::pack::{self, Packed};
use presslens_core::{Diagnostic, Severity};
use presslens_import::drop::{self, DropFile};
use presslens_import::FileReport;

/// The steps a job reports progress on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Files read from the reader's disk (by the page's side, before the job).
    Read,
    /// Files imported (pages extracted, list rows read).
    Import,
    /// Articles analysed.
    Analyse,
}

impl Phase {
    pub fn key(self) -> &'static str {
        match self {
            Phase::Read => "read",
            Phase::Import => "import",
            Phase::Analyse => "analyse",
        }
    }
}

/// A story made from the reader's files.
pub struct Done {
    pub title: String,
    pub articles: usize,
    pub packed: Packed,
    /// One line per file or list row: what was found, or why it was skipped.
    pub lines: Vec<Line>,
    /// The corpus's warnings (`file:line: message`).
    pub warnings: Vec<String>,
}

/// What happened to one input, as the panel lists it.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    pub file: String,
    pub skipped: bool,
    pub text: String,
}

/// Why no story came out, with the per-file lines gathered so far.
pub struct Failed {
    pub message: String,
    pub lines: Vec<Line>,
    /// Errors in the corpus (`file:line: message`), when that is why.
    pub errors: Vec<String>,
}

/// Imports `files` (zips unpacked) starting from `manifest` (a `story.toml` the panel wrote; one
/// in the drop wins), analyses the corpus and packs it.
pub fn run(
    files: Vec<DropFile>,
    manifest: Option<String>,
    progress: &mut dyn FnMut(Phase, usize, usize),
) -> Result<Done, Failed> {
    let imported =
        match drop::import(files, manifest.as_deref(), &mut |done, total| progress(Phase::Import, done, total)) {
            Ok(i) => i,
            Err(e) => return Err(Failed { message: e.to_string(), lines: Vec::new(), errors: Vec::new() }),
        };
    let lines: Vec<Line> = imported.reports.iter().map(line).collect();
    let articles: Vec<(String, Vec<u8>)> =
        imported.articles.iter().map(|(id, body)| (format!("{id}.txt"), body.as_bytes().to_vec())).collect();
    let loaded = presslens_core::corpus::from_memory(MANIFEST, Some(imported.manifest.as_bytes()), ARTICLES, articles);
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        loaded.diagnostics.iter().partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(Failed {
            message: "The story has errors; nothing was opened.".into(),
            errors: errors.iter().map(|d| d.to_string()).collect(),
            lines,
        });
    }
    let warnings = warnings.iter().map(|d| d.to_string()).collect();
    if loaded.story.articles.is_empty() {
        return Err(Failed { message: "None of the files holds an article.".into(), lines, errors: Vec::new() });
    }
    let corpus = presslens_core::analyze_with(loaded.story, loaded.diagnostics, &mut |done, total| {
        progress(Phase::Analyse, done, total)
    });
    let packed = pack::pack(&corpus, pack::ARTICLES_PER_BUNDLE).map_err(|e| Failed {
        message: format!("The story could not be encoded: {e}"),
        lines: Vec::new(),
        errors: Vec::new(),
    })?;
    Ok(Done { title: corpus.story.title.clone(), articles: corpus.articles().len(), packed, lines, warnings })
}

/// The names the in-memory corpus folder gives its files (in diagnostics).
const MANIFEST: &str = "story.toml";
const ARTICLES: &str = "articles";

fn line(r: &FileReport) -> Line {
    Line { file: r.input.clone(), skipped: r.is_skipped(), text: r.describe() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(name: &str) -> DropFile {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../import/tests/pages/");
        DropFile { path: format!("saved/{name}"), bytes: std::fs::read(format!("{dir}{name}")).expect("fixture page") }
    }

    const FORM: &str = "title = \"T\"\n[[source]]\nid = \"post\"\nspeaker = \"Nayib Bukele\"\ntext = \"\"\"\nWe have offered the United States of America the opportunity to outsource part of its prison system.\n\"\"\"\n";

    #[test]
    fn pages_become_a_packed_story_with_a_line_each_and_progress() {
        let files = vec![
            page("01_wordpress_local_cecot_tweet.html"),
            page("02_ap_wire_split_body.html"),
            DropFile { path: "saved/logo.png".into(), bytes: vec![0x89, b'P', b'N', b'G'] },
        ];
        let mut seen = Vec::new();
        let done = run(files, Some(FORM.into()), &mut |p, d, t| seen.push((p, d, t))).ok().expect("a story");
        assert_eq!(done.title, "T");
        assert_eq!(done.articles, 2);
        assert_eq!(done.lines.len(), 3);
        assert!(done.lines.iter().any(|l| l.skipped && l.file == "saved/logo.png" && l.text.starts_with("skipped: ")));
        assert!(done.lines.iter().filter(|l| !l.skipped).all(|l| l.text.starts_with("added as ")));
        assert!(seen.contains(&(Phase::Import, 3, 3)) && seen.contains(&(Phase::Analyse, 2, 2)), "{seen:?}");
        let meta = pack::read_meta(&done.packed.meta.0, &done.packed.meta.1).expect("a metadata file");
        assert_eq!(meta.articles().expect("articles").len(), 2);
        assert_eq!(meta.bundles.len(), done.packed.bundles.len());
    }

    #[test]
    fn a_story_toml_error_and_no_article_are_said() {
        let bad = run(vec![page("01_wordpress_local_cecot_tweet.html")], Some("title = \n".into()), &mut |_, _, _| {});
        let Err(f) = bad else { panic!("a broken manifest opened a story") };
        assert!(f.message.contains("line 1"), "{}", f.message);
        let none = run(vec![DropFile { path: "a.png".into(), bytes: vec![1] }], Some(FORM.into()), &mut |_, _, _| {});
        let Err(f) = none else { panic!("no article opened a story") };
        assert_eq!(f.message, "None of the files holds an article.");
        assert_eq!(f.lines.len(), 1);
    }
}
