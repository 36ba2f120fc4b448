//! A starting `story.toml`: the title, the primary text as the one `[[source]]`, who said it and
//! where, and any topics. What `presslens init` writes, and what the browser writes from its form.
//! Text only: writing the file is the caller's job.

use crate::id::slug;

/// One `[[topic]]`: its id, its label and the terms that tag a paragraph with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicDraft {
    pub id: String,
    pub label: String,
    pub terms: Vec<String>,
}

/// The manifest text for a story of `speaker`'s `source_text` (said at `place`, when given), titled
/// `title` or "How the press quoted …", with `topics` after the source. Every string is escaped.
pub fn story_toml(
    speaker: &str,
    source_text: &str,
    place: Option<&str>,
    title: Option<&str>,
    topics: &[TopicDraft],
) -> String {
    let speaker = speaker.trim();
    let text = source_text.replace("\r\n", "\n");
    let title = title.map_or_else(|| format!("How the press quoted {speaker}"), str::to_string);
    let mut out = String::from(
        "# Written by `presslens init`. Import articles with `presslens import`, then run\n# `presslens check`.\n",
    );
    out.push_str(&format!("title = {}\n\n[[source]]\n", basic(&title)));
    out.push_str(&format!("id      = {}\n", basic(&slug(speaker, 40).replace('-', "_"))));
    out.push_str(&format!("speaker = {}\n", basic(speaker)));
    if let Some(place) = place {
        out.push_str(&format!("where   = {}\n", basic(place)));
    }
    out.push_str(&format!("text    = {}\n", multiline(text.trim())));
    for t in topics {
        let terms: Vec<String> = t.terms.iter().map(|term| basic(term)).collect();
        out.push_str(&format!("\n[[topic]]\nid    = {}\nlabel = {}\n", basic(&t.id), basic(&t.label)));
        out.push_str(&format!("terms = [{}]\n", terms.join(", ")));
    }
    out
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

    #[test]
    fn topics_are_tables_with_escaped_strings() {
        let topic = TopicDraft {
            id: "fee".into(),
            label: "The \"fee\"".into(),
            terms: vec!["fee".into(), "pay \\ ask".into()],
        };
        let text = story_toml("Nayib Bukele", "We offered.\r\n", Some("X"), None, &[topic]);
        let doc: toml_edit::DocumentMut = text.parse().expect("valid TOML");
        let t = &doc["topic"][0];
        assert_eq!(t["label"].as_str(), Some("The \"fee\""));
        assert_eq!(t["terms"][1].as_str(), Some("pay \\ ask"));
        assert_eq!(doc["source"][0]["text"].as_str(), Some("We offered.\n"));
        assert_eq!(doc["title"].as_str(), Some("How the press quoted Nayib Bukele"));
    }
}
