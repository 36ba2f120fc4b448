//! Schema.org JSON-LD (`<script type="application/ld+json">`): the article node's headline,
//! `datePublished`, author and publisher, following `@graph` lists and `{"@id": …}` references.
//!
//! Only the article node is read (`NewsArticle`, `BlogPosting`, `LiveBlogPosting`…); a
//! `ClaimReview`'s `itemReviewed` and a page's `dateModified` are not publication facts.

use serde_json::Value;

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<Person>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// An author as JSON-LD names it, with whether it is an organization.
#[derive(Debug)]
pub struct Person {
    pub name: String,
    pub organization: bool,
}

/// Reads every JSON-LD script text in `scripts`; invalid JSON is skipped.
pub fn read(scripts: &[String]) -> LinkedData {
    let mut nodes = Vec::new();
    for s in scripts {
        let s = s.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(s) {
            flatten(v, &mut nodes, 0);
        }
    }
    let Some(article) = nodes.iter().find(|n| is_article(n)) else {
        return LinkedData { publisher: nodes.iter().find_map(organization_name), ..LinkedData::default() };
    };
    let resolve = |v: &Value| -> Option<Value> {
        match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.get("name").is_none() => {
                nodes.iter().find(|n| n.get("@id").and_then(Value::as_str) == Some(id)).cloned()
            }
            _ => Some(v.clone()),
        }
    };
    let authors = match article.get("author") {
        Some(Value::Array(list)) => list.iter().filter_map(|a| person(&resolve(a)?)).collect(),
        Some(a) => resolve(a).and_then(|a| person(&a)).into_iter().collect(),
        None => Vec::new(),
    };
    let publisher = article
        .get("publisher")
        .and_then(resolve)
        .and_then(|p| string(p.get("name")))
        .or_else(|| nodes.iter().find_map(organization_name));
    let url = string(article.get("url")).or_else(|| {
        let page = article.get("mainEntityOfPage")?;
        string(Some(page)).or_else(|| string(page.get("@id")))
    });
    LinkedData {
        headline: string(article.get("headline")),
        date_published: string(article.get("datePublished")),
        authors,
        publisher,
        url,
    }
}

/// Collects objects from arrays and `@graph` lists (bounded depth: JSON-LD is shallow).
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|t| t.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

fn is_article(v: &Value) -> bool {
    types(v).iter().any(|t| t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report")
}

fn organization_name(v: &Value) -> Option<String> {
    let t = types(v);
    let org = t.iter().any(|t| t.ends_with("Organization") || t == "NewsMediaOrganization");
    if org {
        string(v.get("name"))
    } else {
        None
    }
}

fn person(v: &Value) -> Option<Person> {
    if let Some(s) = v.as_str() {
        return Some(Person { name: s.trim().to_string(), organization: false });
    }
    let name = string(v.get("name"))?;
    let organization = types(v).iter().any(|t| t.ends_with("Organization"));
    Some(Person { name, organization })
}

fn string(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        Value::Array(a) => return string(a.first()),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_references_are_followed() {
        let ld = read(&[r##"{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","headline":"H","datePublished":"2025-02-04T08:15:00-05:00",
             "author":{"@id":"#p1"},"publisher":{"@id":"#org"}},
            {"@type":"Person","@id":"#p1","name":"Jessica Marlowe"},
            {"@type":"Organization","@id":"#org","name":"The Coastal Sentinel"}]}"##
            .to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.publisher.as_deref(), Some("The Coastal Sentinel"));
        assert_eq!(ld.authors[0].name, "Jessica Marlowe");
    }
}
