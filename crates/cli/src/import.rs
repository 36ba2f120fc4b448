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
            Outcome::Imported { id, meta, new, missing, notes } => {
                if *new {
                    added += 1;
                } else {
                    unchanged += 1;
                }
                let state = if *new { "added" } else { "already there" };
                let field = |v: &Option<String>, none: &str| v.clone().unwrap_or_else(|| none.to_string());
                let mut line = format!(
                    "{}: {state} as {id} | {} | {} | {}",
                    r.input,
                    field(&meta.outlet, "unknown outlet"),
                    field(&meta.date, "undated"),
                    field(&meta.headline, "no headline"),
                );
                let mut lacks: Vec<String> = missing.iter().map(|m| missing_note(m).to_string()).collect();
                lacks.extend(notes.iter().cloned());
                if !lacks.is_empty() {
                    line.push_str(&format!(" ({})", lacks.join("; ")));
                }
                println!("{line}");
            }
            Outcome::Skipped(reason) => {
                skipped += 1;
                println!("{}: skipped: {reason}", r.input);
            }
        }
    }
    println!(
        "{added} added, {unchanged} already in the corpus, {skipped} skipped; corpus {} (run `presslens check --corpus {}`)",
        corpus.display(),
        corpus.display()
    );
    ExitCode::SUCCESS
}

fn missing_note(field: &str) -> &'static str {
    match field {
        "date" => "no date: shown as undated",
        "outlet" => "no outlet: shown as unknown",
        "headline" => "no headline",
        _ => "no URL",
    }
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
