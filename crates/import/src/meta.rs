//! The article's facts from a parsed page: outlet, headline, publication date, canonical URL,
//! author and wire agency. Each has an order of sources, most deliberate first (Open Graph and
//! JSON-LD, then visible markup, then the URL); the first that gives a value wins.
//!
//! Dates are the date part of the timestamp as written (`2025-02-04T23:41:00-05:00` is
//! 2025-02-04): the outlet's own calendar day, with no conversion to UTC.

use crate::blocks::collapse;
use crate::byline;
use crate::embeds::text_of;
use crate::jsonld::{self, LinkedData};
use dom_query::{Document, NodeRef};
use presslens_core::Date;

/// Facts about one article; `None` where the page does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub outlet: Option<String>,
    pub headline: Option<String>,
    /// `YYYY-MM-DD`, a real day.
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The wire agency: `AP`, `AFP`, `Reuters`…
    pub via: Option<String>,
}

/// Reads the facts of `doc`; `raw` is the decoded page text (for the "saved from" comment) and
/// `first_paragraph` the article's first line (for a wire dateline such as "(AP) —").
pub fn read(doc: &Document, raw: &str, first_paragraph: Option<&str>) -> Meta {
    let scripts: Vec<String> =
        doc.select("script[type=\"application/ld+json\"]").nodes().iter().map(|n| n.text().to_string()).collect();
    let ld = jsonld::read(&scripts);
    let url = canonical_url(doc, &ld, raw);
    let outlet = meta(doc, "property", "og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| site_name_in_page(doc))
        .or_else(|| url.as_deref().and_then(host));
    let date = published_date(doc, &ld, url.as_deref());
    let (author, via) = byline::author_and_via(doc, &ld, first_paragraph);
    Meta { outlet, headline: headline(doc, &ld), date, url, author, via }
}

/// `<meta {attr}="{name}" content="…">`, trimmed and non-empty.
pub fn meta(doc: &Document, attr: &str, name: &str) -> Option<String> {
    let sel = format!("meta[{attr}=\"{name}\"]");
    doc.select(&sel).nodes().iter().find_map(|n| clean(n.attr("content").as_deref()))
}

fn clean(s: Option<&str>) -> Option<String> {
    let s = collapse(s?);
    (!s.is_empty()).then_some(s)
}

fn canonical_url(doc: &Document, ld: &LinkedData, raw: &str) -> Option<String> {
    let canonical = doc.select("link[rel=\"canonical\"]").nodes().iter().find_map(|n| clean(n.attr("href").as_deref()));
    canonical
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta(doc, "property", "og:url").map(|u| strip_tracking(&u)))
        .or_else(|| ld.url.clone().filter(|u| u.starts_with("http")))
        .or_else(|| saved_from(raw))
}

/// Drops `utm_*`, `fbclid` and similar parameters from a URL's query.
fn strip_tracking(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else { return url.to_string() };
    let (query, fragment) = query.split_once('#').map_or((query, None), |(q, f)| (q, Some(f)));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !(key.starts_with("utm_")
                || ["fbclid", "gclid", "ocid", "cmpid", "ito", "smid", "ref"].contains(&key.as_str()))
        })
        .collect();
    let mut out = base.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The URL in a browser's `<!-- saved from url=(0083)https://… -->` comment.
fn saved_from(raw: &str) -> Option<String> {
    let mut cut = raw.len().min(4096);
    while !raw.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &raw[..cut];
    let at = head.find("saved from url=(")?;
    let rest = &head[at + 16..];
    let rest = &rest[rest.find(')')? + 1..];
    let end = rest.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches("--");
    url.starts_with("http").then(|| url.to_string())
}

/// `example.com` from `https://www.example.com/path`.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.split('@').next_back()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The site's name as its header shows it: a site-title element, else the logo's `alt`.
fn site_name_in_page(doc: &Document) -> Option<String> {
    for sel in [".site-title", ".site-name", "[class*=\"site-title\"]", "[class*=\"sitename\"]", ".brand-name"] {
        if let Some(t) = doc.select(sel).nodes().iter().find_map(|n| clean(Some(&text_of(n)))) {
            return Some(t);
        }
    }
    let logos = doc.select("img[alt]");
    logos.nodes().iter().filter(|img| looks_like_logo(img)).find_map(|img| clean(img.attr("alt").as_deref()))
}

fn looks_like_logo(img: &NodeRef) -> bool {
    let own = [img.attr("class"), img.attr("id"), img.attr("src")];
    if own.iter().flatten().any(|v| v.to_ascii_lowercase().contains("logo")) {
        return true;
    }
    img.ancestors_it(Some(4)).any(|a| {
        [a.attr("class"), a.attr("id")].iter().flatten().any(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("logo") || v.contains("brand") || v.contains("masthead")
        })
    })
}

fn headline(doc: &Document, ld: &LinkedData) -> Option<String> {
    let h1 = doc.select("h1").nodes().iter().find_map(|h| {
        let class = h.attr("class").unwrap_or_default().to_ascii_lowercase();
        if class.contains("site-title") || class.contains("logo") {
            return None;
        }
        clean(Some(&text_of(h)))
    });
    h1.or_else(|| meta(doc, "property", "og:title").map(|t| strip_site_suffix(&t)))
        .or_else(|| ld.headline.clone())
        .or_else(|| doc.select("title").nodes().first().and_then(|t| clean(Some(&strip_site_suffix(&t.text())))))
}

/// "Headline | Site" → "Headline".
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((head, _)) = title.rsplit_once(sep) {
            if head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn published_date(doc: &Document, ld: &LinkedData, url: Option<&str>) -> Option<String> {
    let metas = [
        ("property", "article:published_time"),
        ("name", "article:published_time"),
        ("itemprop", "datePublished"),
        ("name", "pubdate"),
        ("name", "publish-date"),
        ("name", "date"),
        ("name", "dc.date"),
        ("name", "parsely-pub-date"),
        ("name", "sailthru.date"),
    ];
    metas
        .iter()
        .find_map(|(a, n)| meta(doc, a, n).and_then(|d| date_part(&d)))
        .or_else(|| ld.date_published.as_deref().and_then(date_part))
        .or_else(|| time_element(doc))
        .or_else(|| url.and_then(date_in_url))
}

/// The first `<time datetime>` outside comments and embedded posts.
fn time_element(doc: &Document) -> Option<String> {
    doc.select("time[datetime]").nodes().iter().find_map(|t| {
        let in_aside = t.ancestors_it(Some(12)).any(|a| {
            let c = a.attr("class").unwrap_or_default().to_ascii_lowercase();
            let id = a.attr("id").unwrap_or_default().to_ascii_lowercase();
            c.contains("comment") || id.contains("comment") || c.contains("instagram") || c.contains("embed")
        });
        if in_aside {
            return None;
        }
        date_part(&t.attr("datetime")?)
    })
}

/// `YYYY-MM-DD` from the start of an ISO 8601 timestamp, if it is a real day.
pub fn date_part(s: &str) -> Option<String> {
    let s = s.trim();
    let head = s.get(..10)?;
    Date::parse(head).map(|d| d.to_string())
}

/// A date in a URL path: `/2025/02/04/`, `/2025-02-04`, or a segment starting `20250204`.
pub fn date_in_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let segs: Vec<&str> = path.split(['/', '?', '#']).collect();
    for w in segs.windows(3) {
        if w[0].len() == 4 && w[1].len() == 2 && w[2].len() >= 2 {
            let day = w[2].get(..2)?;
            if let Some(d) = Date::parse(&format!("{}-{}-{}", w[0], w[1], day)) {
                if w[2].len() == 2 || !w[2].as_bytes()[2].is_ascii_digit() {
                    return Some(d.to_string());
                }
            }
        }
    }
    for seg in &segs {
        if let Some(d) = seg.get(..10).and_then(Date::parse) {
            return Some(d.to_string());
        }
        let digits: String = seg.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 8 {
            if let Some(d) = Date::parse(&format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..])) {
                return Some(d.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_taken_as_written() {
        assert_eq!(date_part("2025-02-04T23:41:00-05:00").as_deref(), Some("2025-02-04"));
        assert_eq!(date_part("2025-02-30"), None);
        assert_eq!(date_in_url("https://x.com/news/2025/02/16/storm").as_deref(), Some("2025-02-16"));
        assert_eq!(date_in_url("https://x.eu/world/20250204-el-salvador").as_deref(), Some("2025-02-04"));
        assert_eq!(date_in_url("https://x.com/a/b/c"), None);
    }

    #[test]
    fn tracking_parameters_are_dropped() {
        assert_eq!(strip_tracking("https://a.uk/x?utm_source=tw&id=3&fbclid=9"), "https://a.uk/x?id=3");
        assert_eq!(host("https://www.Example.com:8080/p").as_deref(), Some("example.com"));
    }
}
