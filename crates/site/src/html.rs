//! Just enough reading of the viewer's index.html to rewrite it: the `<link>` and `<script>` tags
//! Trunk writes, their attributes, and escaping for text put into the page. The page is our own
//! build output, not a user's file; nothing here parses arbitrary HTML.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<(?:link|script|meta)\b[^>]*>").expect("valid"));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#).expect("valid")
});

/// An opening `<link>`, `<script>` or `<meta>` tag of the page and where it stands.
pub struct Tag<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
}

impl Tag<'_> {
    /// The tag's name, lower case.
    pub fn name(&self) -> String {
        self.text[1..].split(|c: char| c.is_whitespace() || c == '>' || c == '/').next().unwrap_or("").to_lowercase()
    }

    /// The value of attribute `name` (case-insensitive); `Some("")` for a bare attribute.
    pub fn attr(&self, name: &str) -> Option<String> {
        let inner = self.text.get(1 + self.name().len()..self.text.len() - 1)?;
        ATTR.captures_iter(inner).find(|c| c[1].eq_ignore_ascii_case(name)).map(|c| {
            let v = c.get(2).or(c.get(3)).or(c.get(4)).map_or("", |m| m.as_str());
            v.to_string()
        })
    }

    /// `attr` with a leading `./` taken off: the path of a dist/ file.
    pub fn path(&self, name: &str) -> Option<String> {
        self.attr(name).map(|v| v.trim_start_matches("./").to_string())
    }
}

/// Every `<link>`, `<script>` and `<meta>` opening tag, in page order.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    TAG.find_iter(html).map(|m| Tag { range: m.range(), text: m.as_str() }).collect()
}

/// The page without the byte ranges given (sorted, disjoint), e.g. tags to drop.
pub fn without(html: &str, mut ranges: Vec<Range<usize>>) -> String {
    ranges.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for r in ranges {
        if r.start >= at {
            out.push_str(&html[at..r.start]);
            at = r.end;
        }
    }
    out.push_str(&html[at..]);
    out
}

/// The range of a `<script …>` tag together with its element's content and `</script>`.
pub fn script_element(html: &str, tag: &Tag) -> Range<usize> {
    let rest = &html[tag.range.end..];
    let end =
        rest.to_ascii_lowercase().find("</script>").map_or(tag.range.end, |i| tag.range.end + i + "</script>".len());
    tag.range.start..end
}

/// Text made safe for an element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page with its `<title>` set to `title` (escaped).
pub fn with_title(html: &str, title: &str) -> String {
    let re = Regex::new(r"(?is)<title>.*?</title>").expect("valid");
    let page_title = format!("<title>{} — presslens</title>", escape(title));
    re.replace(html, regex::NoExpand(&page_title)).into_owned()
}

/// The page with `extra` inserted just before `</head>`.
pub fn in_head(html: &str, extra: &str) -> Option<String> {
    let at = html.to_ascii_lowercase().find("</head>")?;
    Some(format!("{}{extra}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_read_quoted_unquoted_and_bare() {
        let html = r#"<link rel=modulepreload href="./app-1.js" crossorigin integrity='sha384-x'>"#;
        let t = &tags(html)[0];
        assert_eq!(t.name(), "link");
        assert_eq!(t.attr("REL").as_deref(), Some("modulepreload"));
        assert_eq!(t.path("href").as_deref(), Some("app-1.js"));
        assert_eq!(t.attr("crossorigin").as_deref(), Some(""));
        assert_eq!(t.attr("integrity").as_deref(), Some("sha384-x"));
        assert_eq!(t.attr("as"), None);
    }

    #[test]
    fn titles_and_text_are_escaped() {
        let page = with_title("<head><title>old</title></head>", "A <b>&</b> \"story\" $1");
        assert_eq!(page, "<head><title>A &lt;b&gt;&amp;&lt;/b&gt; &quot;story&quot; $1 — presslens</title></head>");
    }

    #[test]
    fn script_elements_come_out_whole() {
        let html = r#"<head><script type="module" src="boot.js"></script><p>x</p></head>"#;
        let t = &tags(html)[0];
        let r = script_element(html, t);
        assert_eq!(without(html, vec![r]), "<head><p>x</p></head>");
    }
}
