//! Article ids: deterministic, filesystem-safe, and the same every time the same page is imported.
//! From the canonical URL when there is one (`coastalsentinel-com-1a2b3c4d`: the host, then a hash
//! of the whole URL), else from the text (`text-5e6f7a8b`).

/// The id for an article with this canonical URL, or, without one, this body text.
pub fn article_id(url: Option<&str>, body: &str) -> String {
    match url.and_then(|u| crate::meta::host(u).map(|h| (u, h))) {
        Some((url, host)) => format!("{}-{:08x}", slug(&host, 40), fnv1a(url.trim().as_bytes()) >> 32),
        None => format!("text-{:08x}", fnv1a(body.as_bytes()) >> 32),
    }
}

/// Lowercase ASCII letters and digits, other runs become one `-`, at most `max` bytes.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// FNV-1a, 64 bits: stable across platforms and releases (unlike `std`'s hasher).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_safe() {
        let a = article_id(Some("https://www.Coastal-Sentinel.com/news/x/"), "body");
        assert_eq!(a, article_id(Some("https://www.Coastal-Sentinel.com/news/x/"), "other body"));
        assert!(a.starts_with("coastal-sentinel-com-"), "{a}");
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert_ne!(a, article_id(Some("https://www.Coastal-Sentinel.com/news/y/"), "body"));
        assert!(article_id(None, "some text").starts_with("text-"));
    }
}
