//! Limits that keep a hostile or broken page from hanging the importer: a size cap, and a cheap
//! scan of the tag nesting before the HTML parser runs (deep nesting makes HTML tree building
//! quadratic and recursive tree walks overflow the stack).
//!
//! The scan approximates what a parser would build: it counts open elements, ignores void and
//! self-closing tags and the elements whose start tag closes a previous one (`p`, `li`, `td`…), and
//! honours an end tag only when the element it names is open near the top of the stack.

use crate::ImportError;

/// Pages larger than this are refused (a real article page is well under 5 MB).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Deeper nesting than this is refused. Chromium's own HTML parser stops nesting at 512 levels, so
/// no page a reader has seen is deeper; and tree building costs time in proportion to depth for
/// every element, so this cap is what keeps a 50 MB page of nested elements to seconds.
pub const MAX_DEPTH: usize = 512;

/// Refuses `bytes` when it is over [`MAX_BYTES`].
pub fn check_size(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    Ok(())
}

/// Refuses `html` when its elements nest deeper than [`MAX_DEPTH`].
pub fn check_depth(html: &str) -> Result<(), ImportError> {
    let depth = max_depth(html, MAX_DEPTH + 1);
    if depth > MAX_DEPTH {
        return Err(ImportError::TooDeep { limit: MAX_DEPTH });
    }
    Ok(())
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "basefont", "bgsound", "frame", "keygen", "image",
];
/// Elements a following start tag of the same kind closes; they never nest deeply in a real tree.
const SELF_CLOSING_KIND: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot"];
/// Elements whose content is text, not tags.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];
/// How far down the stack an end tag looks for its element.
const END_TAG_REACH: usize = 64;

/// The deepest nesting found, stopping early once `stop` is reached.
pub fn max_depth(html: &str, stop: usize) -> usize {
    let bytes = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find_from(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = bytes[name_start..].iter().position(|&b| b == b'>').map_or(bytes.len(), |e| name_start + e);
        let self_closed = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        i = (tag_end + 1).min(bytes.len());
        if closing {
            let reach = stack.len().saturating_sub(END_TAG_REACH);
            if let Some(pos) = stack[reach..].iter().rposition(|n| *n == name) {
                stack.truncate(reach + pos);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end = format!("</{name}");
            i = find_ascii_ci(bytes, i, end.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if self_closed || VOID.contains(&name.as_str()) || SELF_CLOSING_KIND.contains(&name.as_str()) {
            continue;
        }
        stack.push(name);
        max = max.max(stack.len());
        if max >= stop {
            break;
        }
    }
    max
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_shallow() {
        let html = "<html><body><div><p>a<p>b<br><img src=x><ul><li>x<li>y</ul></div></body></html>";
        assert_eq!(max_depth(html, 100), 4);
    }

    #[test]
    fn stray_end_tags_do_not_hide_nesting() {
        let html = "<div></span>".repeat(5000);
        assert!(check_depth(&html).is_err());
    }

    #[test]
    fn scripts_are_skipped_as_text() {
        let html = format!("<div><script>{}</script></div>", "<div>".repeat(10_000));
        assert_eq!(max_depth(&html, 100), 1);
    }
}
