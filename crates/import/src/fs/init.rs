//! `presslens init`: a starting `story.toml` for a new story, with the primary text as its one
//! `[[source]]`. It never overwrites a manifest that exists.

use crate::decode::decode;
use crate::id::slug;
use std::path::{Path, PathBuf};

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} already exists; it was left as it is (edit it, or choose another --corpus)")]
    Exists(PathBuf),
    #[error("cannot read the source text {0}: {1}")]
    Source(PathBuf, std::io::Error),
    #[error("the source text {0} is empty")]
    EmptySource(PathBuf),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, std::io::Error),
}

/// Writes `corpus/story.toml` (and an empty `articles/`); returns the manifest's path.
pub fn init(
    corpus: &Path,
    speaker: &str,
    source: &Path,
    place: Option<&str>,
    title: Option<&str>,
) -> Result<PathBuf, InitError> {
    let story = corpus.join("story.toml");
    if story.exists() {
        return Err(InitError::Exists(story));
    }
    let bytes = std::fs::read(source).map_err(|e| InitError::Source(source.to_path_buf(), e))?;
    let text = decode(&bytes, false).text.replace("\r\n", "\n");
    let text = text.trim();
    if text.is_empty() {
        return Err(InitError::EmptySource(source.to_path_buf()));
    }
    let speaker = speaker.trim();
    let title = title.map_or_else(|| format!("How the press quoted {speaker}"), str::to_string);
    let mut out = String::from(
        "# Written by `presslens init`. Import articles with `presslens import`, then run\n# `presslens check`.\n",
    );
    out.push_str(&format!("title = {}\n\n[[source]]\n", basic(&title)));
    out.push_str(&format!("id      = {}\n", basic(&slug(speaker, 40).replace('-', "_").to_string())));
    out.push_str(&format!("speaker = {}\n", basic(speaker)));
    if let Some(place) = place {
        out.push_str(&format!("where   = {}\n", basic(place)));
    }
    out.push_str(&format!("text    = {}\n", multiline(text)));
    let articles = corpus.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| InitError::Write(articles, e))?;
    std::fs::write(&story, out).map_err(|e| InitError::Write(story.clone(), e))?;
    Ok(story)
}

/// A TOML basic string.
fn basic(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

/// A TOML multi-line basic string, every character that needs it escaped.
fn multiline(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\n\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_escapes_quotes_and_backslashes() {
        let t = "He said \"\"\"no\"\"\" \\ ok\n\u{7}";
        let doc: toml_edit::DocumentMut = format!("text = {}\n", multiline(t)).parse().expect("valid TOML");
        assert_eq!(doc["text"].as_str().map(str::trim_end), Some(t));
    }
}
