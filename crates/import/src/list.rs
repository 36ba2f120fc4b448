//! Lists of stories as news archives export them: CSV with a header row, or JSON (an array of
//! objects, an object holding one such array, or one object per line), with columns such as
//! Media Cloud's `url`, `title`, `media_name`, `publish_date`. A row names a saved page (`file`,
//! `path`…) or carries the text itself (`text`, `body`…); its columns fill in what the page lacks.
//!
//! Parsing only: resolving a row's file against the list's folder is the `fs` feature's job.

use crate::ImportError;
use serde_json::Value;

/// One story of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// 1-based: the line of a CSV record or the index of a JSON entry, for messages.
    pub number: usize,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// As the list writes it; [`crate::meta`]'s rules turn it into a day.
    pub date: Option<String>,
    pub author: Option<String>,
    /// A saved page or text file the row names, relative to the list's folder.
    pub file: Option<String>,
    /// The article text, when the list carries it.
    pub text: Option<String>,
}

const URL: &[&str] = &["url", "link", "story_url", "guid"];
const TITLE: &[&str] = &["title", "headline"];
const OUTLET: &[&str] = &["media_name", "outlet", "source", "publication", "media", "site_name"];
const DATE: &[&str] = &["publish_date", "date", "published", "publication_date", "pub_date", "datepublished"];
const AUTHOR: &[&str] = &["author", "authors", "byline"];
const FILE: &[&str] = &["file", "path", "filename", "saved_page", "local_path", "html_file"];
const TEXT: &[&str] = &["text", "story_text", "body", "content", "full_text"];

/// Parses a list; `name_hint` (`.csv`, `.json`, `.jsonl`) chooses the format, else it is sniffed.
pub fn parse(bytes: &[u8], name_hint: &str) -> Result<Vec<Row>, ImportError> {
    let text = crate::decode::decode(bytes, false).text;
    let lower = name_hint.to_ascii_lowercase();
    let json = lower.ends_with(".json")
        || lower.ends_with(".jsonl")
        || lower.ends_with(".ndjson")
        || (!lower.ends_with(".csv") && text.trim_start().starts_with(['[', '{']));
    let rows = if json { parse_json(&text)? } else { parse_csv(&text)? };
    Ok(rows.into_iter().filter(|r| r.file.is_some() || r.text.is_some() || r.url.is_some()).collect())
}

/// Whether a file name looks like a list the importer reads.
pub fn is_list_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".csv", ".json", ".jsonl", ".ndjson"].iter().any(|e| n.ends_with(e))
}

fn parse_csv(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::BadList(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |names: &[&str]| names.iter().find_map(|n| headers.iter().position(|h| h == n));
    let cols = [col(URL), col(TITLE), col(OUTLET), col(DATE), col(AUTHOR), col(FILE), col(TEXT)];
    if cols.iter().all(Option::is_none) {
        return Err(ImportError::BadList("no column named url, title, media_name, publish_date, file or text".into()));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::BadList(e.to_string()))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| record.get(c)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
        };
        rows.push(Row {
            number: record.position().map_or(i + 2, |p| p.line() as usize),
            url: get(cols[0]),
            title: get(cols[1]),
            outlet: get(cols[2]),
            date: get(cols[3]),
            author: get(cols[4]),
            file: get(cols[5]),
            text: get(cols[6]),
        });
    }
    Ok(rows)
}

fn parse_json(text: &str) -> Result<Vec<Row>, ImportError> {
    let entries: Vec<Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(a)) => a,
        Ok(Value::Object(o)) => match o.values().find(|v| v.is_array()) {
            Some(Value::Array(a)) => a.clone(),
            _ => vec![Value::Object(o)],
        },
        Ok(_) => return Err(ImportError::BadList("the JSON is neither a list nor an object".into())),
        Err(whole) => {
            let lines: Result<Vec<Value>, _> =
                text.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect();
            lines.map_err(|_| ImportError::BadList(whole.to_string()))?
        }
    };
    Ok(entries.iter().enumerate().map(|(i, e)| row_of(i + 1, e)).collect())
}

fn row_of(number: usize, e: &Value) -> Row {
    let get = |names: &[&str]| {
        names.iter().find_map(|n| match e.get(n)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Array(a) => {
                let parts: Vec<&str> =
                    a.iter().filter_map(|v| v.as_str().or_else(|| v.get("name")?.as_str())).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        })
    };
    Row {
        number,
        url: get(URL),
        title: get(TITLE),
        outlet: get(OUTLET),
        date: get(DATE),
        author: get(AUTHOR),
        file: get(FILE),
        text: get(TEXT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_cloud_csv_columns_are_read() {
        let csv = "id,publish_date,title,url,language,media_name,media_url\n\
                   1,2025-02-04 08:15:00,\"Offer, made\",https://a.com/x,en,The Sentinel,a.com\n";
        let rows = parse(csv.as_bytes(), "stories.csv").expect("parses");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].title.as_deref(), Some("Offer, made"));
        assert_eq!(rows[0].outlet.as_deref(), Some("The Sentinel"));
        assert_eq!(rows[0].date.as_deref(), Some("2025-02-04 08:15:00"));
        assert_eq!(rows[0].number, 2);
    }

    #[test]
    fn json_lists_with_text_are_read() {
        let json = r#"{"stories":[{"url":"https://b.com/y","media_name":"B","text":"Para one.\nPara two."}]}"#;
        let rows = parse(json.as_bytes(), "export.json").expect("parses");
        assert_eq!(rows[0].text.as_deref(), Some("Para one.\nPara two."));
    }

    #[test]
    fn a_list_without_known_columns_is_an_error() {
        assert!(parse(b"a,b\n1,2\n", "x.csv").is_err());
    }
}
