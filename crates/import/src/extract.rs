//! One file's bytes to an article: decode, refuse what is too big or too deep, parse, pick the
//! paragraphs, read the facts. Plain text files are taken as they are, one paragraph per line.

use crate::{blocks, content, decode, guard, meta, ImportError, Meta};
use dom_query::Document;

/// An article as extracted from one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The article text, one paragraph per entry, plain UTF-8 (no markup).
    pub paragraphs: Vec<String>,
    pub meta: Meta,
    /// The encoding the bytes were read in (`"UTF-8"`, `"windows-1252"`…).
    pub encoding: &'static str,
    /// Problems that did not stop the import ("bytes not valid in windows-1252 became �").
    pub notes: Vec<String>,
}

impl Extracted {
    /// The text in the corpus's article format: one paragraph per line, ending in a newline. A
    /// first paragraph that starts like the format's date line ("date night…") is put after an
    /// empty line, so it is read as text.
    pub fn body(&self) -> String {
        let mut out = String::new();
        if self.paragraphs.first().is_some_and(|p| p.starts_with("date ")) {
            out.push('\n');
        }
        out.push_str(&self.paragraphs.join("\n"));
        out.push('\n');
        out
    }
}

/// Extracts the article from a file's bytes; `name_hint` (the file name) says whether it is a page
/// (`.html`, `.htm`, `.xhtml`, `.shtml`) or text (`.txt`); anything else is sniffed.
pub fn extract(bytes: &[u8], name_hint: &str) -> Result<Extracted, ImportError> {
    guard::check_size(bytes)?;
    let lower = name_hint.to_ascii_lowercase();
    let is_text = lower.ends_with(".txt") || lower.ends_with(".text");
    let is_html = [".html", ".htm", ".xhtml", ".shtml"].iter().any(|e| lower.ends_with(e))
        || (!is_text && looks_like_html(bytes));
    let decoded = decode::decode(bytes, is_html);
    let mut notes = Vec::new();
    if decoded.had_errors {
        notes.push(format!("some bytes are not valid {}; they became �", decoded.encoding));
    }
    let (paragraphs, meta) = if is_html {
        guard::check_depth(&decoded.text)?;
        from_html(&decoded.text)
    } else {
        from_text(&decoded.text)
    };
    if paragraphs.is_empty() {
        return Err(ImportError::NoText);
    }
    Ok(Extracted { paragraphs, meta, encoding: decoded.encoding, notes })
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body", b"<p>", b"<div"]
        .iter()
        .any(|tag| head.windows(tag.len()).any(|w| w == *tag))
}

fn from_html(html: &str) -> (Vec<String>, Meta) {
    let doc = Document::from(html);
    let root = doc.body().unwrap_or_else(|| doc.root());
    let blocks = blocks::collect(&root);
    let tree = &doc.tree;
    let paragraphs = content::article_paragraphs(tree, &blocks);
    let meta = meta::read(&doc, html, paragraphs.first().map(String::as_str));
    (paragraphs, meta)
}

/// A text file: one paragraph per non-blank line; a leading ` date YYYY-MM-DD ` line (the
/// corpus's own format) gives the date.
fn from_text(text: &str) -> (Vec<String>, Meta) {
    let mut meta = Meta::default();
    let mut paragraphs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut line = blocks::collapse(line);
        if i == 0 {
            if let Some(rest) = line.strip_prefix("date ") {
                let (d, tail) = rest.split_once(' ').unwrap_or((rest, ""));
                if let Some(date) = meta::date_part(d).filter(|_| d.len() == 10) {
                    meta.date = Some(date);
                    line = tail.to_string();
                }
            }
        }
        if !line.is_empty() {
            paragraphs.push(line);
        }
    }
    (paragraphs, meta)
}
