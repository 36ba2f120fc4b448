//! Who wrote the article: the people credited (JSON-LD `author`, `<meta name="author">`, the
//! byline markup) and the wire agency, where the page credits one (an agency as author, "| Reuters"
//! in the byline, a "(AP) —" dateline).
//!
//! Names come out in normal case ("TOM RACKHAM" → "Tom Rackham"), several joined with ", "; an
//! agency is never given as the author.

use crate::blocks::collapse;
use crate::jsonld::LinkedData;
use dom_query::Document;

/// Agencies by the name presslens gives them, with the ways pages write them (lowercase).
const AGENCIES: &[(&str, &[&str])] = &[
    ("AP", &["ap", "associated press", "the associated press"]),
    ("AFP", &["afp", "agence france-presse", "agence france presse", "afp news"]),
    ("Reuters", &["reuters", "thomson reuters"]),
    ("EFE", &["efe", "agencia efe"]),
    ("dpa", &["dpa"]),
];

/// Byline markup, most specific first.
const BYLINE_SELECTORS: &[&str] = &[
    "[itemprop=\"author\"] [itemprop=\"name\"]",
    "a[rel=\"author\"]",
    ".byline__name",
    ".author-name",
    ".byline a",
    ".byline",
    "[class*=\"byline\"]",
    "[itemprop=\"author\"]",
    ".author",
    ".autor",
    "[class*=\"credits\"]",
];

/// Words of a job title or a desk, not of a name ("Dana Whitfield, NewsChannel 9 Reporter").
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "writer",
    "editor",
    "correspondent",
    "staff",
    "contributor",
    "columnist",
    "producer",
    "photo",
    "illustration",
    "video",
    "graphics",
    "news service",
    "updated",
    "posted",
];

/// The credited author(s) and the wire agency.
pub fn author_and_via(
    doc: &Document,
    ld: &LinkedData,
    first_paragraph: Option<&str>,
) -> (Option<String>, Option<String>) {
    let mut via = None;
    let mut names: Vec<String> = Vec::new();
    for p in &ld.authors {
        match agency(&p.name) {
            Some(a) => via = via.or(Some(a.to_string())),
            None if !p.organization => names.extend(split_names(&p.name, &mut via)),
            None => {}
        }
    }
    if names.is_empty() {
        if let Some(m) = crate::meta::meta(doc, "name", "author").filter(|m| !m.starts_with("http")) {
            names = split_names(&m, &mut via);
        }
    }
    let byline = byline_text(doc);
    if let Some(b) = &byline {
        let from_byline = split_names(b, &mut via);
        if names.is_empty() {
            names = from_byline;
        }
    }
    if via.is_none() {
        via = first_paragraph.and_then(dateline_agency).map(str::to_string);
    }
    names.dedup();
    let author = (!names.is_empty()).then(|| names.join(", "));
    (author, via)
}

fn byline_text(doc: &Document) -> Option<String> {
    for sel in BYLINE_SELECTORS {
        let nodes = doc.select(sel);
        let texts: Vec<String> = nodes
            .nodes()
            .iter()
            .filter(|n| !n.ancestors_it(Some(12)).any(|a| a.attr("class").is_some_and(|c| c.contains("comment"))))
            .map(|n| first_line(n))
            .filter(|t| !t.is_empty() && t.split_whitespace().count() <= 12)
            .collect();
        if !texts.is_empty() {
            let mut uniq: Vec<String> = Vec::new();
            for t in texts {
                if !uniq.contains(&t) {
                    uniq.push(t);
                }
            }
            return Some(uniq.join(", "));
        }
    }
    None
}

/// The first line of a byline element's text: `<br>` and blocks end a line, `<time>` is skipped.
fn first_line(node: &dom_query::NodeRef) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(&n.text());
            continue;
        }
        let name = n.node_name().map(|x| x.to_ascii_lowercase()).unwrap_or_default();
        if !n.is_element() || matches!(name.as_str(), "time" | "script" | "style" | "svg" | "img") {
            continue;
        }
        if matches!(name.as_str(), "br" | "div" | "p") && !out.trim().is_empty() && n.id != node.id {
            break;
        }
        stack.extend(n.children_it(true));
    }
    collapse(&out)
}

/// The agency a name or byline part stands for.
pub fn agency(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    AGENCIES.iter().find(|(_, forms)| forms.contains(&n.as_str())).map(|(a, _)| *a)
}

/// "(AP) —", "(AFP) -", "(Reuters) -" near the start of the first paragraph.
fn dateline_agency(p: &str) -> Option<&'static str> {
    let head: String = p.chars().take(160).collect();
    AGENCIES
        .iter()
        .find_map(|(a, forms)| forms.iter().any(|f| head.to_lowercase().contains(&format!("({f})"))).then_some(*a))
}

/// Names from a byline: "By A and B | Reuters" → ["A", "B"], with the agency noted in `via`.
fn split_names(byline: &str, via: &mut Option<String>) -> Vec<String> {
    let mut out = Vec::new();
    for part in byline.split(['|', '/', '·', '•']) {
        let part = strip_by(part.trim());
        for name in part.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" y ")) {
            let name = name.trim().trim_end_matches([',', '.', ';']).trim();
            if name.is_empty() {
                continue;
            }
            if let Some(a) = agency(name) {
                via.get_or_insert_with(|| a.to_string());
                continue;
            }
            let lower = name.to_lowercase();
            if name.split_whitespace().count() > 5
                || !name.chars().any(char::is_alphabetic)
                || name.chars().any(|c| c.is_ascii_digit())
                || ROLE_WORDS.iter().any(|w| lower.contains(w))
            {
                continue;
            }
            let name = normal_case(name);
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn strip_by(s: &str) -> &str {
    for p in ["By ", "by ", "BY ", "Por ", "POR ", "Words by ", "Written by ", "Words: ", "Text: "] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.trim();
        }
    }
    s
}

/// "TOM RACKHAM" → "Tom Rackham"; names already in mixed case are left alone.
pub fn normal_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_parts_give_names_and_agency() {
        let mut via = None;
        assert_eq!(split_names("By Elena Ortiz | Reuters", &mut via), ["Elena Ortiz"]);
        assert_eq!(via.as_deref(), Some("Reuters"));
        assert_eq!(split_names("BY TOM RACKHAM", &mut via), ["Tom Rackham"]);
        assert_eq!(dateline_agency("SAN SALVADOR, El Salvador (AP) — Text"), Some("AP"));
    }
}
