//! Hostile and oversized pages: nothing executable or markup-like reaches the article text, and a
//! huge or absurdly deep page is refused with a message (or handled), never a hang or a crash.

use presslens_import::guard::{MAX_BYTES, MAX_DEPTH};
use presslens_import::{extract, ImportError};
use std::time::{Duration, Instant};

const HOSTILE: &str = r#"<!doctype html><html><head><title>x</title>
<meta property="og:site_name" content="<script>alert('site')</script>">
<script>document.write('<p>injected paragraph from a script</p>')</script>
<style>p { background: url(javascript:alert(1)) }</style></head>
<body onload="alert('body')">
<article>
<p onclick="alert('p')" onmouseover="steal()">The council voted on Monday to approve the plan after a long hearing, officials said.</p>
<p>Read the <a href="javascript:alert('link')">full report</a> and <a href="data:text/html,<script>alert(1)</script>">this</a> too.</p>
<iframe src="javascript:alert('iframe')"><p>iframe fallback text</p></iframe>
<noscript><p>noscript text with <img src=x onerror=alert(1)></p></noscript>
<template><p>template text</p></template>
<svg><script>alert('svg')</script><text>svg text</text></svg>
<form action="javascript:alert(1)"><input value="form value"><button>Send</button></form>
<p>&lt;script&gt;alert('escaped')&lt;/script&gt; is shown as text, as a reader sees it.</p>
<object data="evil.swf"><p>object fallback</p></object>
<p>The plan takes effect next year, according to the council's statement on its website.</p>
</article></body></html>"#;

#[test]
fn scripts_iframes_and_handlers_never_reach_the_text() {
    let e = extract(HOSTILE.as_bytes(), "hostile.html").expect("extracts");
    let text = e.paragraphs.join("\n");
    for bad in [
        "injected",
        "iframe fallback",
        "noscript",
        "template text",
        "svg",
        "form value",
        "Send",
        "object fallback",
        "steal",
        "onclick",
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the text:\n{text}");
    }
    assert!(text.contains("The council voted"), "{text}");
    assert!(text.contains("Read the full report and this too."), "{text}");
    // Escaped markup in the page is text a reader sees; it stays text (the app escapes it).
    assert!(text.contains("<script>alert('escaped')</script> is shown as text"), "{text}");
    assert!(!text.contains("javascript:"), "{text}");
}

#[test]
fn a_page_over_the_size_cap_is_refused_quickly() {
    let big = vec![b'a'; MAX_BYTES + 1];
    let start = Instant::now();
    let err = extract(&big, "big.html").expect_err("refused");
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("limit"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn one_hundred_thousand_nested_elements_are_refused_quickly() {
    for open in ["<div>", "<span>", "<b><i>", "<div></span>", "<table><tr><td>"] {
        let page = format!("<html><body>{}<p>text</p></body></html>", open.repeat(100_000));
        let start = Instant::now();
        let err = extract(page.as_bytes(), "deep.html").expect_err("refused");
        assert_eq!(err, ImportError::TooDeep { limit: MAX_DEPTH }, "{open}");
        assert!(start.elapsed() < Duration::from_secs(5), "{open}: {:?}", start.elapsed());
    }
}

#[test]
fn nesting_just_under_the_cap_is_handled_without_overflow() {
    let depth = MAX_DEPTH - 10;
    let page = format!(
        "<html><body>{}<p>The mayor said on Tuesday that the bridge would reopen in the spring, after repairs.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // Run on a thread with a small stack, as a browser worker or a test thread would have.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || extract(page.as_bytes(), "deep.html").map(|e| e.paragraphs))
        .expect("thread");
    let paragraphs = handle.join().expect("no stack overflow").expect("extracts");
    assert_eq!(paragraphs.len(), 1);
}

#[test]
fn a_large_ordinary_page_is_handled() {
    let para =
        "<p>The council met again on Thursday to discuss the budget, and members said they expected a vote soon.</p>\n";
    let page = format!("<html><body><article>{}</article></body></html>", para.repeat(40_000));
    assert!(page.len() > 4_000_000);
    let start = Instant::now();
    let e = extract(page.as_bytes(), "long.html").expect("extracts");
    assert_eq!(e.paragraphs.len(), 40_000);
    assert!(start.elapsed() < Duration::from_secs(60), "{:?}", start.elapsed());
}
