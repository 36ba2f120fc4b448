//! Which elements are page furniture rather than article: by tag (navigation, footers, asides,
//! captions, buttons), by ARIA role, by being hidden, and by the words in their `class` and `id`
//! ("related", "newsletter", "ad", "comments", "byline"…).
//!
//! It judges one element at a time from its own attributes; the caller applies the verdict to the
//! whole subtree. `html`, `body`, `main` and `article` are never furniture by class (themes put
//! words like "has-sidebar" or "tag-…" on them).

use dom_query::NodeRef;

/// Elements whose content is never article text and never shown as text: dropped with their subtree.
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "dialog",
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-analytics",
    "map",
];

/// Elements that are furniture wherever they are.
const FURNITURE_TAGS: &[&str] =
    &["nav", "footer", "aside", "header", "figcaption", "label", "menu", "address", "h1", "form", "fieldset"];

const FURNITURE_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar"];

/// Class/id words that mark furniture when a class or id *contains* them.
const CONTAINS: &[&str] = &[
    "advert",
    "adsbygoogle",
    "adslot",
    "ad-slot",
    "adunit",
    "ad-unit",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "related",
    "comment",
    "promo",
    "sponsor",
    "taboola",
    "outbrain",
    "cookie",
    "consent",
    "paywall",
    "breadcrumb",
    "share",
    "caption",
    "credit",
    "byline",
    "donat",
    "membership",
    "recommend",
    "mostread",
    "most-read",
    "popular",
    "trending",
    "sidebar",
    "widget",
    "masthead",
    "navigation",
    "menu",
    "pullquote",
    "pull-quote",
    "tagline",
    "author-bio",
    "authorbio",
    "author-info",
    "author-card",
    "republish",
    "modal",
    "popup",
    "toolbar",
    "readmore",
    "read-more",
    "read-also",
    "readalso",
    "more-stories",
    "morestories",
    "keypoints",
    "key-points",
    "verdict",
    "subtitle",
    "standfirst",
    "kicker",
    "timestamp",
    "skip-link",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "disclaimer",
    "correction",
    "results-table",
    "lede-art",
    "video-player",
    "videoplayer",
    "transfer-box",
    "fact-box",
    "sources",
    "also-read",
    "te-puede",
    "tepuede",
    "lee-tambien",
    "notas-relacionadas",
    "contributor",
    "footnote",
    "gallery",
    "carousel",
    "tags",
    "post-meta",
    "entry-meta",
    "article-meta",
    "metadata",
    "continue",
    "dropdown",
    "social-",
    "copyright",
    "badge",
    "-header",
    "_header",
];

/// Class/id words that mark furniture only as a whole `-`/`_`-separated part ("ad" in "ad-slot",
/// not in "lead" or "header").
const PARTS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "meta",
    "bio",
    "dek",
    "deck",
    "summary",
    "hidden",
    "hide",
    "print",
    "more",
    "topics",
    "label",
    "hero",
    "author",
    "authors",
    "date",
    "updated",
    "note",
    "notes",
    "aside",
    "banner",
    "puff",
    "teaser",
    "teasers",
    "list-links",
    "cta",
];

/// Tags that never count as furniture because of their class or id.
const NEVER_BY_CLASS: &[&str] = &["html", "body", "main", "article"];

/// Whether `el` (an element) is furniture by its tag, role, hidden state, class or id.
pub fn is_furniture(el: &NodeRef, tag: &str) -> bool {
    if FURNITURE_TAGS.contains(&tag) {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if FURNITURE_ROLES.contains(&role.to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    if el.has_attr("hidden") || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if el.attr("style").is_some_and(|s| is_hidden_style(&s)) {
        return true;
    }
    if NEVER_BY_CLASS.contains(&tag) {
        return false;
    }
    let class = el.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    let id = el.attr("id").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    class.split_whitespace().chain(id.split_whitespace()).any(is_furniture_name)
}

/// Whether one class name or id marks furniture.
pub fn is_furniture_name(name: &str) -> bool {
    if CONTAINS.iter().any(|w| name.contains(w)) {
        return true;
    }
    // The modifier after `--` (BEM) names a variant, not the thing: judge the block.
    let base = name.split("--").next().unwrap_or(name);
    base.split(['-', '_']).any(|part| PARTS.contains(&part)) || PARTS.contains(&base)
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::is_furniture_name as f;

    #[test]
    fn class_words_mark_furniture() {
        for name in ["ad", "ad-inarticle", "related-posts", "newsletter-signup", "comments-area", "author-tagline"] {
            assert!(f(name), "{name}");
        }
        assert!(f("articlebody_related__x7f2"));
    }

    #[test]
    fn article_words_are_not_furniture() {
        for name in ["entry-content", "article-body", "lead", "story-text", "has-post-thumbnail", "post-88213"] {
            assert!(!f(name), "{name}");
        }
    }
}
