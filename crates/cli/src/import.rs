//! `presslens import` and `presslens init`: the report a researcher reads while building a corpus.
//! One line per input (what was found, what was not), the skipped files with their reason, and a
//! count; the work itself is `presslens_import::fs`.

use presslens_import::fs::{self, Outcome};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Imports `inputs` into `corpus` and prints what happened to each.
pub fn import(corpus: &Path, inputs: &[PathBuf]) -> ExitCode {
    let reports = match fs::import(corpus, inputs) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("presslens: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut added, mut unchanged, mut skipped) = (0, 0, 0);
    for r in &reports {
        match &r.outcome {
            Outcome::Imported { new: true, .. } => added += 1,
            Outcome::Imported { .. } => unchanged += 1,
            Outcome::Skipped(_) => skipped += 1,
        }
        println!("{}: {}", r.input, r.describe());
    }
    println!(
        "{added} added, {unchanged} already in the corpus, {skipped} skipped; corpus {} (run `presslens check --corpus {}`)",
        corpus.display(),
        corpus.display()
    );
    ExitCode::SUCCESS
}

/// Writes a starting story.toml.
pub fn init(corpus: &Path, speaker: &str, source: &Path, place: Option<&str>, title: Option<&str>) -> ExitCode {
    match fs::init(corpus, speaker, source, place, title) {
        Ok(path) => {
            println!("wrote {}; now `presslens import --corpus {} PAGES…`", path.display(), corpus.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("presslens: {e}");
            ExitCode::FAILURE
        }
    }
}
