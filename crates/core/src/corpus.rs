//! Reading a corpus folder: `story.toml` (the manifest) and `articles/*.txt`, from disk ([`load`])
//! or handed over in memory ([`from_memory`], for the browser), with the same checks either way.
//!
//! This is the only module of the engine that touches the file system, and only in `load`. It never panics and never
//! drops an article silently: every problem becomes a [`Diagnostic`] naming the file and line, and
//! an article that can still be shown is kept (with a warning) rather than skipped.

use crate::line_of;
use crate::model::{Article, Date, Diagnostic, Severity, Source, Span, Speaker, Story, Topic};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A story as read from disk, with everything that was wrong with it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub story: Story,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    speaker: Vec<RawSpeaker>,
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
    #[serde(default)]
    article: BTreeMap<String, Spanned<RawArticle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    speaker: String,
    #[serde(rename = "where", default)]
    place: String,
    date: Option<Spanned<String>>,
    url: Option<String>,
    text: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    label: String,
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    outlet: Option<String>,
    headline: Option<String>,
    url: Option<String>,
    date: Option<Spanned<String>>,
    via: Option<String>,
    author: Option<String>,
}

/// Collects diagnostics for one file.
struct Report<'a> {
    file: String,
    text: &'a str,
    out: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    fn at(&mut self, severity: Severity, offset: Option<usize>, message: impl Into<String>) {
        let line = offset.map(|o| line_of(self.text, o));
        self.out.push(Diagnostic { severity, file: self.file.clone(), line, message: message.into() });
    }
}

/// Reads `dir/story.toml` and `dir/articles/*.txt`.
pub fn load(dir: &Path) -> Loaded {
    let manifest_name = display_path(dir, "story.toml");
    let manifest = std::fs::read(dir.join("story.toml")).map_err(|e| e.to_string());
    let mut reader = Reader::start(manifest_name, manifest);
    let articles_dir = dir.join("articles");
    match std::fs::read_dir(&articles_dir) {
        Ok(rd) => {
            let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            // One file read at a time: a large corpus is never held twice.
            for file in files.into_iter().filter_map(disk_file) {
                reader.article(file);
            }
        }
        Err(e) => reader.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file: articles_dir.display().to_string(),
            line: None,
            message: format!("cannot read the articles folder: {e}"),
        }),
    }
    reader.finish()
}

/// What [`load`] reads from a folder, handed over in memory (a browser's dropped files): the
/// manifest's bytes (`None` when there is none) and the files of the articles folder by name
/// (`"abc.txt"`). The checks and messages are `load`'s; the names only label diagnostics, as
/// `manifest_name` and `articles_dir_name/<file>`. No file system is touched.
pub fn from_memory(
    manifest_name: &str,
    manifest: Option<&[u8]>,
    articles_dir_name: &str,
    mut files: Vec<(String, Vec<u8>)>,
) -> Loaded {
    let manifest = manifest.map(<[u8]>::to_vec).ok_or_else(|| "no such file".to_string());
    let mut reader = Reader::start(manifest_name.to_string(), manifest);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in files {
        let path = Path::new(articles_dir_name).join(&name);
        let file = path.display().to_string();
        let kind = match txt_id(&path) {
            None => Entry::NotText,
            Some(Err(())) => Entry::BadName,
            Some(Ok(id)) => Entry::Text { id, bytes: Ok(bytes) },
        };
        reader.article(ArticleFile { file, kind });
    }
    reader.finish()
}

/// One entry of the articles folder, from disk or from memory.
struct ArticleFile {
    /// How diagnostics name it: `corpus/articles/a.txt`.
    file: String,
    kind: Entry,
}

enum Entry {
    /// Not a `.txt` file: warned about and ignored.
    NotText,
    /// A `.txt` file whose name is not UTF-8.
    BadName,
    /// A `.txt` file: its id (the name without `.txt`) and its bytes, or why they could not be read.
    Text { id: String, bytes: Result<Vec<u8>, String> },
}

/// For a `.txt` path, its id (`Err` when the name is not UTF-8); `None` for any other file.
fn txt_id(path: &Path) -> Option<Result<String, ()>> {
    if path.extension().and_then(|e| e.to_str()) != Some("txt") {
        return None;
    }
    Some(path.file_stem().and_then(|s| s.to_str()).map(str::to_string).ok_or(()))
}

/// A directory entry as an [`ArticleFile`]; folders not named `*.txt` are passed over silently.
fn disk_file(path: PathBuf) -> Option<ArticleFile> {
    let file = path.display().to_string();
    let kind = match txt_id(&path) {
        None if path.is_file() => Entry::NotText,
        None => return None,
        Some(Err(())) => Entry::BadName,
        Some(Ok(id)) => Entry::Text { id, bytes: std::fs::read(&path).map_err(|e| e.to_string()) },
    };
    Some(ArticleFile { file, kind })
}

/// A story being read: the manifest first, then the article files one by one, in name order.
struct Reader {
    story: Story,
    diagnostics: Vec<Diagnostic>,
    manifest_name: String,
    /// `[article.<id>]` entries not yet matched by a file.
    manifest: ManifestArticles,
    manifest_ok: bool,
    seen_lower: HashMap<String, String>,
}

impl Reader {
    /// Parses the manifest (`Err`: why it could not be read).
    fn start(manifest_name: String, manifest: Result<Vec<u8>, String>) -> Reader {
        let mut r = Reader {
            story: Story::default(),
            diagnostics: Vec::new(),
            manifest_name,
            manifest: ManifestArticles::new(),
            manifest_ok: false,
            seen_lower: HashMap::new(),
        };
        let text = match manifest.map(String::from_utf8) {
            Err(e) => Err(format!("cannot read the manifest: {e}")),
            Ok(Err(e)) => Err(format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to())),
            Ok(Ok(text)) => Ok(text),
        };
        match text {
            Err(message) => r.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                file: r.manifest_name.clone(),
                line: None,
                message,
            }),
            Ok(text) => {
                let mut report = Report { file: r.manifest_name.clone(), text: &text, out: &mut r.diagnostics };
                if let Some((story, articles)) = parse_manifest(&text, &mut report) {
                    r.story = story;
                    r.manifest = articles;
                    r.manifest_ok = true;
                }
            }
        }
        r
    }

    fn error(&mut self, file: String, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic { severity: Severity::Error, file, line: None, message: message.into() });
    }

    /// Reads one entry of the articles folder.
    fn article(&mut self, entry: ArticleFile) {
        let ArticleFile { file, kind } = entry;
        let (id, bytes) = match kind {
            Entry::NotText => {
                self.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    file,
                    line: None,
                    message: "not a .txt file; ignored".into(),
                });
                return;
            }
            Entry::BadName => return self.error(file, "file name is not valid UTF-8"),
            Entry::Text { id, bytes } => (id, bytes),
        };
        if let Some(other) = self.seen_lower.insert(id.to_lowercase(), id.clone()) {
            let message = format!("id `{id}` differs from `{other}` only in case; they collide on many file systems");
            self.error(file.clone(), message);
        }
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return self.error(file, format!("cannot read: {e}")),
        };
        let out = &mut self.diagnostics;
        let entry = self.manifest.remove(&id);
        if entry.is_none() && self.manifest_ok {
            out.push(Diagnostic {
                severity: Severity::Warning,
                file: file.clone(),
                line: Some(1),
                message: format!("no [article.{id}] entry in story.toml; the outlet is shown as unknown"),
            });
        }
        let mut article = parse_article(&id, &file, &bytes, out);
        if let Some(meta) = entry {
            apply_meta(&mut article, meta, &self.manifest_name, out);
        }
        if article.date.is_none() && !article.paragraphs.is_empty() {
            out.push(Diagnostic {
                severity: Severity::Warning,
                file,
                line: Some(1),
                message: "no date line and no date in story.toml; the article is shown as undated".into(),
            });
        }
        self.story.articles.push(article);
    }

    /// Reports the `[article.<id>]` entries no file matched.
    fn finish(mut self) -> Loaded {
        for (id, meta) in std::mem::take(&mut self.manifest) {
            self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                file: self.manifest_name.clone(),
                line: Some(meta.line),
                message: format!("[article.{id}] names a file that does not exist: articles/{id}.txt"),
            });
        }
        Loaded { story: self.story, diagnostics: self.diagnostics }
    }
}

fn display_path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// Byte offset → line number, for many look-ups in one text.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        LineIndex(text.match_indices('\n').map(|(i, _)| i).collect())
    }
    fn line(&self, offset: usize) -> u32 {
        1 + self.0.partition_point(|&nl| nl < offset) as u32
    }
}

/// An `[article.<id>]` entry, checked, with the line it starts on.
struct Meta {
    outlet: Option<String>,
    headline: Option<String>,
    url: Option<String>,
    via: Option<String>,
    author: Option<String>,
    date: Option<Date>,
    line: u32,
}

type ManifestArticles = BTreeMap<String, Meta>;

/// Parses story.toml text into a story without articles, plus its `[article.<id>]` entries.
fn parse_manifest(text: &str, report: &mut Report) -> Option<(Story, ManifestArticles)> {
    let raw: RawStory = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map(|s| s.start);
            report.at(Severity::Error, offset, e.message().trim().to_string());
            return None;
        }
    };
    let mut story =
        Story { title: raw.title.trim().to_string(), summary: raw.summary.trim().to_string(), ..Story::default() };
    if story.title.is_empty() {
        report.at(Severity::Error, Some(0), "`title` is empty");
    }
    for sp in raw.speaker {
        let idx = speaker_index(&mut story.speakers, &sp.name);
        story.speakers[idx].aliases.extend(sp.aliases.into_iter().map(|a| a.trim().to_string()));
    }
    for spanned in raw.source {
        let at = spanned.span().start;
        let src = spanned.into_inner();
        let text_at = src.text.span().start;
        let body = src.text.into_inner().trim().to_string();
        if body.is_empty() {
            report.at(Severity::Error, Some(text_at), format!("source `{}` has an empty `text`", src.id));
            continue;
        }
        if story.sources.iter().any(|s| s.id == src.id) {
            report.at(Severity::Error, Some(at), format!("two sources have the id `{}`", src.id));
            continue;
        }
        let date = src.date.and_then(|d| parse_date_field(d, report));
        let speaker = speaker_index(&mut story.speakers, &src.speaker);
        story.speakers[speaker].aliases.extend(src.aliases.into_iter().map(|a| a.trim().to_string()));
        let sentences = crate::text::sentences(&body, Span::new(0, body.len()));
        story.sources.push(Source { id: src.id, speaker, place: src.place, date, url: src.url, text: body, sentences });
    }
    if story.sources.is_empty() {
        report.at(Severity::Warning, None, "no [[source]]: there is nothing to compare quotations against");
    }
    for spanned in raw.topic {
        let at = spanned.span().start;
        let t = spanned.into_inner();
        let terms: Vec<String> = t.terms.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if terms.is_empty() {
            report.at(Severity::Warning, Some(at), format!("topic `{}` has no terms and will tag nothing", t.id));
        }
        if story.topics.iter().any(|x| x.id == t.id) {
            report.at(Severity::Error, Some(at), format!("two topics have the id `{}`", t.id));
            continue;
        }
        story.topics.push(Topic { id: t.id, label: t.label, terms });
    }
    let clean = |s: Option<String>| s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let mut articles = ManifestArticles::new();
    let lines = LineIndex::new(report.text);
    for (id, spanned) in raw.article {
        let line = lines.line(spanned.span().start);
        let a = spanned.into_inner();
        let date = a.date.and_then(|d| parse_date_field(d, report));
        let meta = Meta {
            outlet: clean(a.outlet),
            headline: clean(a.headline),
            url: clean(a.url),
            via: clean(a.via),
            author: clean(a.author),
            date,
            line,
        };
        articles.insert(id, meta);
    }
    Some((story, articles))
}

fn parse_date_field(d: Spanned<String>, report: &mut Report) -> Option<Date> {
    let at = d.span().start;
    let value = d.into_inner();
    let date = Date::parse(value.trim());
    if date.is_none() {
        report.at(Severity::Error, Some(at), format!("`{value}` is not a date (expected YYYY-MM-DD, a real day)"));
    }
    date
}

fn speaker_index(speakers: &mut Vec<Speaker>, name: &str) -> usize {
    let name = name.trim();
    if let Some(i) = speakers.iter().position(|s| s.name == name) {
        return i;
    }
    speakers.push(Speaker { name: name.to_string(), aliases: Vec::new() });
    speakers.len() - 1
}

fn apply_meta(article: &mut Article, meta: Meta, manifest_name: &str, out: &mut Vec<Diagnostic>) {
    if let (Some(date), Some(file_date)) = (meta.date, article.date) {
        if date != file_date {
            out.push(Diagnostic {
                severity: Severity::Warning,
                file: manifest_name.to_string(),
                line: Some(meta.line),
                message: format!(
                    "[article.{}] date {date} differs from the file's date line {file_date}; the manifest wins",
                    article.id
                ),
            });
        }
    }
    article.outlet = meta.outlet;
    article.headline = meta.headline;
    article.url = meta.url;
    article.via = meta.via;
    article.author = meta.author;
    article.date = meta.date.or(article.date);
}

/// Articles longer than this get a warning (they are still read and analysed).
const LARGE_ARTICLE: usize = 5_000_000;

/// Parses one article file: optional ` date YYYY-MM-DD ` line start, then paragraphs by line.
pub fn parse_article(id: &str, file: &str, bytes: &[u8], out: &mut Vec<Diagnostic>) -> Article {
    let mut warn = |severity, line: Option<u32>, message: String| {
        out.push(Diagnostic { severity, file: file.to_string(), line, message });
    };
    let mut text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32;
            warn(Severity::Error, Some(line), format!("not valid UTF-8 at byte {at}; the bad bytes are shown as �"));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
        warn(Severity::Warning, Some(1), "starts with a UTF-8 byte order mark; it was removed".into());
    }
    if let Some(at) = text.find('\r') {
        let line = line_of(&text, at);
        text = text.replace("\r\n", "\n").replace('\r', "\n");
        warn(Severity::Warning, Some(line), "CRLF or CR line endings were converted to LF".into());
    }
    if let Some(at) = text.find('\0') {
        warn(Severity::Error, Some(line_of(&text, at)), "contains a NUL byte".into());
    }
    if let Some(at) = text.find(is_invisible_control) {
        let c = text[at..].chars().next().unwrap_or(' ');
        warn(
            Severity::Warning,
            Some(line_of(&text, at)),
            format!("contains the invisible control character U+{:04X}", c as u32),
        );
    }
    let (date, body_start) = match date_line(&text) {
        DateLine::None => (None, 0),
        DateLine::Date(d, len) => (Some(d), len),
        DateLine::Bad(value, len) => {
            warn(Severity::Error, Some(1), format!("date line `{value}` is not a real YYYY-MM-DD day"));
            (None, len)
        }
    };
    let body = text[body_start..].to_string();
    let paragraphs = crate::text::paragraphs(&body);
    if paragraphs.is_empty() {
        warn(Severity::Warning, Some(1), "the article has no text; it is listed but has nothing to compare".into());
    }
    if bytes.len() > LARGE_ARTICLE {
        let mb = bytes.len() as f64 / 1_000_000.0;
        warn(
            Severity::Warning,
            Some(1),
            format!("is {mb:.1} MB, far longer than a news article; check that it is one article"),
        );
    }
    Article {
        id: id.to_string(),
        outlet: None,
        headline: None,
        url: None,
        date,
        via: None,
        author: None,
        body,
        paragraphs,
        file: file.to_string(),
    }
}

fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2060}')
}

enum DateLine {
    None,
    Date(Date, usize),
    Bad(String, usize),
}

/// Recognizes ` date YYYY-MM-DD ` at the start of the file; returns the date and the prefix length.
fn date_line(text: &str) -> DateLine {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return DateLine::None;
    };
    let rest_trim = rest.trim_start_matches([' ', '\t']);
    let value: String = rest_trim.chars().take_while(|c| !c.is_whitespace()).collect();
    let mut len = lead + 5 + (rest.len() - rest_trim.len()) + value.len();
    len += text[len..].len() - text[len..].trim_start_matches([' ', '\t']).len();
    match Date::parse(&value) {
        Some(d) => DateLine::Date(d, len),
        None => DateLine::Bad(value, len),
    }
}

/// Parses `story.toml` text on its own (for tests and tools); errors carry the given file name.
pub fn parse_story(text: &str, file: &str) -> (Option<Story>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut report = Report { file: file.to_string(), text, out: &mut out };
    let story = parse_manifest(text, &mut report).map(|(s, _)| s);
    (story, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_and_first_paragraph_share_a_line() {
        let mut d = Vec::new();
        let a = parse_article("x", "x.txt", b" date 2025-02-04 First para.\n\nSecond.", &mut d);
        assert!(d.is_empty());
        assert_eq!(a.date.map(|d| d.to_string()), Some("2025-02-04".into()));
        assert_eq!(a.body, "First para.\n\nSecond.");
        let paras: Vec<_> = a.paragraphs.iter().map(|p| p.slice(&a.body)).collect();
        assert_eq!(paras, ["First para.", "Second."]);
    }

    #[test]
    fn impossible_date_is_an_error_on_line_one() {
        let mut d = Vec::new();
        let a = parse_article("x", "x.txt", b" date 2025-02-30 Text", &mut d);
        assert_eq!(a.date, None);
        assert_eq!(a.body, "Text");
        assert_eq!(d[0].line, Some(1));
        assert!(d[0].message.contains("2025-02-30"), "{}", d[0]);
    }

    #[test]
    fn toml_syntax_error_names_the_line() {
        let (story, d) = parse_story("title = \"x\"\n\n[[source]\nid = 1\n", "story.toml");
        assert!(story.is_none());
        assert_eq!(d[0].line, Some(3), "{}", d[0]);
        assert_eq!(d[0].severity, Severity::Error);
    }

    #[test]
    fn unknown_field_is_reported_with_its_line() {
        let (_, d) =
            parse_story("title = \"x\"\n[[topic]]\nid = \"a\"\nlabel = \"A\"\nterms = [\"a\"]\ncolour = 1\n", "s.toml");
        assert_eq!(d[0].line, Some(6), "{}", d[0]);
        assert!(d[0].message.contains("colour"), "{}", d[0]);
    }

    #[test]
    fn author_is_an_optional_article_field() {
        let text = "title = \"x\"\n[article.a]\nauthor = \" Ana Ruiz, Ben Ode \"\n";
        let mut report = Report { file: "s.toml".into(), text, out: &mut Vec::new() };
        let (_, articles) = parse_manifest(text, &mut report).expect("parses");
        assert_eq!(articles["a"].author.as_deref(), Some("Ana Ruiz, Ben Ode"));
    }

    #[test]
    fn from_memory_reports_what_load_reports() {
        let dir = std::env::temp_dir().join(format!("presslens-memory-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("articles").join("sub")).expect("temp folder");
        let manifest = "title = \"T\"\n[[source]]\nid = \"s\"\nspeaker = \"A\"\ntext = \"We offered.\"\n\n\
                        [article.a]\noutlet = \"O\"\ndate = \"2025-02-05\"\n[article.gone]\noutlet = \"P\"\n";
        let files: Vec<(String, Vec<u8>)> = [
            ("a.txt", " date 2025-02-04 He said \"we offered\".\r\n".as_bytes()),
            ("A.txt", b"\xef\xbb\xbfUndated."),
            ("b.txt", b"Bad \xff byte."),
            ("notes.md", b"# notes"),
        ]
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
        std::fs::write(dir.join("story.toml"), manifest).expect("written");
        for (name, bytes) in &files {
            std::fs::write(dir.join("articles").join(name), bytes).expect("written");
        }
        let disk = load(&dir);
        let name = |n: &str| dir.join(n).display().to_string();
        let memory = from_memory(&name("story.toml"), Some(manifest.as_bytes()), &name("articles"), files);
        assert!(disk.diagnostics.len() >= 8, "{:#?}", disk.diagnostics);
        assert_eq!(memory.diagnostics, disk.diagnostics);
        assert_eq!(memory.story, disk.story);
        let none = from_memory("story.toml", None, "articles", Vec::new());
        assert_eq!(none.diagnostics[0].to_string(), "error: story.toml: cannot read the manifest: no such file");
    }

    #[test]
    fn bom_and_crlf_are_fixed_with_warnings() {
        let mut d = Vec::new();
        let a = parse_article("x", "x.txt", "\u{feff} date 2025-02-04 A\r\nB".as_bytes(), &mut d);
        assert_eq!(a.body, "A\nB");
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
    }
}
