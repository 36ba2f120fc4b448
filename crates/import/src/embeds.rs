//! Embedded social posts (X/Twitter, Bluesky, Mastodon, Threads, Instagram, Facebook, TikTok) as
//! the reader sees them in a saved page: the fallback markup the site pasted in, before the
//! platform's script replaced it. Each becomes lines of the article: one per `<p>` of the post,
//! then its attribution ("— Name (@handle) date", "Posted by Name on date").
//!
//! Readability tools usually strip these blockquotes; for presslens they are the "unmarked copies"
//! of a source, so they are kept. The platform's script and the embed chrome ("View this post on
//! Instagram") are not text of the post and are left out.

use crate::blocks::collapse;
use crate::boiler::DROPPED;
use dom_query::NodeRef;

/// Classes that mark the root of an embedded post's fallback markup.
const EMBED_CLASSES: &[&str] = &[
    "twitter-tweet",
    "twitter-video",
    "bluesky-embed",
    "mastodon-embed",
    "instagram-media",
    "text-post-media",
    "tiktok-embed",
    "fb-xfbml-parse-ignore",
    "fb-post",
];

/// Whether `el` is the root of an embedded post.
pub fn is_embed(el: &NodeRef, tag: &str) -> bool {
    if !matches!(tag, "blockquote" | "div") {
        return false;
    }
    let Some(class) = el.attr("class") else { return false };
    class.split_whitespace().any(|c| EMBED_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// The lines of the embedded post rooted at `el`, or `None` when `el` is not one.
pub fn lines(el: &NodeRef, tag: &str) -> Option<Vec<String>> {
    if !is_embed(el, tag) {
        return None;
    }
    let mut out = Vec::new();
    let mut loose = String::new();
    let mut seen_paragraph = false;
    let mut stack = vec![*el];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            loose.push_str(&node.text());
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if !node.is_element() || DROPPED.contains(&name.as_str()) {
            continue;
        }
        if name == "p" {
            // Text before the first paragraph is the embed's chrome; after it, the attribution.
            flush(&mut loose, seen_paragraph, &mut out);
            let text = collapse(&text_of(&node));
            if !text.is_empty() {
                out.push(text);
                seen_paragraph = true;
            }
            continue;
        }
        if name == "br" {
            loose.push(' ');
        }
        let children: Vec<_> = node.children_it(true).collect();
        stack.extend(children);
    }
    flush(&mut loose, seen_paragraph, &mut out);
    Some(out)
}

fn flush(loose: &mut String, keep: bool, out: &mut Vec<String>) {
    let text = collapse(loose);
    if keep && !text.is_empty() {
        out.push(text);
    }
    loose.clear();
}

/// The text under `node`, skipping scripts and the like; `<br>` counts as a space.
pub fn text_of(node: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(&n.text());
            continue;
        }
        let name = n.node_name().map(|x| x.to_ascii_lowercase()).unwrap_or_default();
        if n.is_element() && DROPPED.contains(&name.as_str()) {
            continue;
        }
        if name == "br" {
            out.push(' ');
        }
        stack.extend(n.children_it(true));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn embed_lines(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let sel = doc.select("blockquote");
        let node = *sel.nodes().first().expect("a blockquote");
        lines(&node, "blockquote").expect("an embed")
    }

    #[test]
    fn tweet_keeps_text_and_author_line() {
        let l = embed_lines(
            "<blockquote class=\"twitter-tweet\"><p lang=\"en\">We have <a href=\"#\">offered</a> it.</p>&mdash; \
             Nayib Bukele (@nayibbukele) <a href=\"https://x.com/1\">February 4, 2025</a></blockquote>\
             <script src=\"https://platform.twitter.com/widgets.js\"></script>",
        );
        assert_eq!(l, ["We have offered it.", "— Nayib Bukele (@nayibbukele) February 4, 2025"]);
    }

    #[test]
    fn instagram_chrome_is_left_out() {
        let l = embed_lines(
            "<blockquote class=\"instagram-media\"><div><a href=\"#\"><div>View this post on Instagram</div></a>\
             <p><a href=\"#\">Welcome!</a></p><p>A post shared by <a href=\"#\">Club</a> (@club) on \
             <time>Feb 3, 2025</time></p></div></blockquote>",
        );
        assert_eq!(l, ["Welcome!", "A post shared by Club (@club) on Feb 3, 2025"]);
    }
}
