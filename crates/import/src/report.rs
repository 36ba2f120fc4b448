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
    pub(crate) fn skipped(input: impl Into<String>, reason: impl Into<String>) -> FileReport {
        FileReport { input: input.into(), outcome: Outcome::Skipped(reason.into()) }
    }
}
