//! `presslens init`: a starting `story.toml` for a new story ([`story_toml`]), with the primary text
//! as its one `[[source]]`. It never overwrites a manifest that exists.

use crate::decode::decode;
use crate::story::story_toml;
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
    let text = decode(&bytes, false).text;
    if text.trim().is_empty() {
        return Err(InitError::EmptySource(source.to_path_buf()));
    }
    let out = story_toml(speaker, &text, place, title, &[]);
    let articles = corpus.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| InitError::Write(articles, e))?;
    std::fs::write(&story, out).map_err(|e| InitError::Write(story.clone(), e))?;
    Ok(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_the_same_manifest_as_before_topics_existed() {
        let dir = std::env::temp_dir().join(format!("presslens-init-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        let source = dir.join("post.txt");
        std::fs::write(&source, "\r\nWe have offered \"the\" opportunity.\r\nA \\ B\r\n\r\n").expect("written");
        let story = init(&dir.join("c"), " Nayib Bukele ", &source, Some("X (@nayibbukele)"), None).expect("init");
        let expected = "# Written by `presslens init`. Import articles with `presslens import`, then run\n\
            # `presslens check`.\n\
            title = \"How the press quoted Nayib Bukele\"\n\n\
            [[source]]\n\
            id      = \"nayib_bukele\"\n\
            speaker = \"Nayib Bukele\"\n\
            where   = \"X (@nayibbukele)\"\n\
            text    = \"\"\"\nWe have offered \\\"the\\\" opportunity.\nA \\\\ B\n\"\"\"\n";
        assert_eq!(std::fs::read_to_string(story).expect("read back"), expected);
        assert!(dir.join("c").join("articles").is_dir());
    }
}
