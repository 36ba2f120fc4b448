//! `story.toml` as a person wrote it, with imported articles merged in: a new `[article.<id>]`
//! entry gets every fact the import found; an existing entry only gains the keys it lacks. Nothing
//! a person wrote is changed, and comments and layout are kept (`toml_edit`).

use crate::Meta;
use toml_edit::{value, DocumentMut, Item, Table};

/// The manifest being edited.
pub struct Manifest {
    doc: DocumentMut,
    original: String,
}

/// The manifest of a corpus that has none yet.
pub const NEW_STORY: &str = "# Written by `presslens import`. Give the story a title and add the primary text as a\n\
# [[source]] (see `presslens init`), then run `presslens check`.\n\
title = \"Imported stories\"\n";

impl Manifest {
    /// Parses `text`; a syntax error says where.
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| ManifestError {
            line: e.span().map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count()),
            message: e.message().trim().to_string(),
            report: e.to_string(),
        })?;
        Ok(Manifest { doc, original: text.to_string() })
    }

    /// Whether `[article.<id>]` exists.
    pub fn has_article(&self, id: &str) -> bool {
        self.doc.get("article").and_then(|a| a.get(id)).is_some()
    }

    /// Adds the facts of `meta` to `[article.<id>]`, only where the entry has no such key.
    /// Returns the keys it added.
    pub fn merge(&mut self, id: &str, meta: &Meta) -> Result<Vec<&'static str>, String> {
        let articles = self.doc.entry("article").or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        });
        let articles = articles.as_table_like_mut().ok_or("`article` in story.toml is not a table")?;
        let entry = articles.entry(id).or_insert(Item::Table(Table::new()));
        let entry = entry.as_table_like_mut().ok_or_else(|| format!("`article.{id}` in story.toml is not a table"))?;
        let fields = [
            ("outlet", &meta.outlet),
            ("headline", &meta.headline),
            ("url", &meta.url),
            ("date", &meta.date),
            ("author", &meta.author),
            ("via", &meta.via),
        ];
        let mut added = Vec::new();
        for (key, v) in fields {
            if let Some(v) = v {
                if !entry.contains_key(key) {
                    entry.insert(key, value(v.as_str()));
                    added.push(key);
                }
            }
        }
        Ok(added)
    }

    /// The text to write, or `None` when nothing changed.
    pub fn changed(&self) -> Option<String> {
        let text = self.doc.to_string();
        (text != self.original).then_some(text)
    }

    /// The text as it now stands: the original when nothing changed.
    pub fn into_text(self) -> String {
        self.changed().unwrap_or(self.original)
    }
}

/// A `story.toml` that is not valid TOML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestError {
    /// 1-based, where the parser stopped.
    pub line: Option<usize>,
    /// The parser's message alone ("invalid table header").
    pub message: String,
    /// The parser's whole report, with the line quoted (what `Display` prints).
    report: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report)
    }
}

impl std::error::Error for ManifestError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta { outlet: Some("The Sentinel".into()), date: Some("2025-02-04".into()), ..Meta::default() }
    }

    #[test]
    fn new_entry_gets_the_facts_and_comments_stay() {
        let mut m = Manifest::parse("# my story\ntitle = \"T\"  # keep me\n").expect("parses");
        assert_eq!(m.merge("a-1", &meta()).expect("merges"), ["outlet", "date"]);
        let text = m.changed().expect("changed");
        assert!(text.starts_with("# my story\ntitle = \"T\"  # keep me\n"), "{text}");
        assert!(text.contains("[article.a-1]\noutlet = \"The Sentinel\"\ndate = \"2025-02-04\"\n"), "{text}");
    }

    #[test]
    fn fields_a_person_wrote_are_never_overwritten() {
        let text = "title = \"T\"\n\n[article.a-1]\noutlet = \"Sentinel (print)\" # checked\n";
        let mut m = Manifest::parse(text).expect("parses");
        assert_eq!(m.merge("a-1", &meta()).expect("merges"), ["date"]);
        let out = m.changed().expect("changed");
        assert!(out.contains("outlet = \"Sentinel (print)\" # checked"), "{out}");
        let mut again = Manifest::parse(&out).expect("parses");
        assert!(again.merge("a-1", &meta()).expect("merges").is_empty());
        assert_eq!(again.changed(), None);
    }
}
