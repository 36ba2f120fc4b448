//! What an import did with each of its inputs, the same for the CLI and the browser: one
//! [`FileReport`] per file or list row, imported or skipped with the reason.

use crate::Meta;

/// What happened to one input (a file, or one row of a list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// The file, with `#row N` for a list row.
    pub input: String,
    pub outcome: Outcome,
}

/// The result for one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written (or merged) into the corpus; `new` is false when the article was already there.
    Imported { id: String, meta: Meta, new: bool, missing: Vec<&'static str>, notes: Vec<String> },
    /// Not imported, and why.
    Skipped(String),
}

impl FileReport {
    pub fn is_skipped(&self) -> bool {
        matches!(self.outcome, Outcome::Skipped(_))
    }

    /// What happened, as the CLI prints it after the file's name and the browser's panel lists
    /// it: `added as <id> | outlet | date | headline (what was missing)`, or `skipped: why`.
    pub fn describe(&self) -> String {
        match &self.outcome {
            Outcome::Imported { id, meta, new, missing, notes } => {
                let state = if *new { "added" } else { "already there" };
                let field = |v: &Option<String>, none: &str| v.clone().unwrap_or_else(|| none.to_string());
                let mut line = format!(
                    "{state} as {id} | {} | {} | {}",
                    field(&meta.outlet, "unknown outlet"),
                    field(&meta.date, "undated"),
                    field(&meta.headline, "no headline"),
                );
                let mut lacks: Vec<String> = missing.iter().map(|m| missing_note(m).to_string()).collect();
                lacks.extend(notes.iter().cloned());
                if !lacks.is_empty() {
                    line.push_str(&format!(" ({})", lacks.join("; ")));
                }
                line
            }
            Outcome::Skipped(reason) => format!("skipped: {reason}"),
        }
    }

    pub(crate) fn skipped(input: impl Into<String>, reason: impl Into<String>) -> FileReport {
        FileReport { input: input.into(), outcome: Outcome::Skipped(reason.into()) }
    }
}

fn missing_note(field: &str) -> &'static str {
    match field {
        "date" => "no date: shown as undated",
        "outlet" => "no outlet: shown as unknown",
        "headline" => "no headline",
        _ => "no URL",
    }
}
