//! Text with marked stretches (search hits, matches, topic evidence), cut at every mark boundary so
//! that overlapping marks combine. The text is always rendered as text, never as HTML.

use leptos::prelude::*;
use presslens_core::Span;

/// One marked stretch and how it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub span: Span,
    pub class: String,
    /// Shown on hover and to screen readers.
    pub title: Option<String>,
    /// Render as `<mark>` (a search hit) rather than `<span>`.
    pub hit: bool,
}

impl Mark {
    pub fn new(span: Span, class: impl Into<String>) -> Mark {
        Mark { span, class: class.into(), title: None, hit: false }
    }
}

/// Pieces of `within`: each with the marks that cover it.
pub fn cut(within: Span, marks: &[Mark]) -> Vec<(Span, Vec<&Mark>)> {
    let mut cuts: Vec<u32> = vec![within.start, within.end];
    for m in marks {
        for at in [m.span.start, m.span.end] {
            if within.start < at && at < within.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = Span { start: w[0], end: w[1] };
            (piece, marks.iter().filter(|m| m.span.contains(piece) && !m.span.is_empty()).collect())
        })
        .collect()
}

/// Renders `text[within]` with its marks.
pub fn marked(text: &str, within: Span, marks: &[Mark]) -> impl IntoView {
    cut(within, marks)
        .into_iter()
        .map(|(piece, on)| {
            let s = piece.slice(text).to_string();
            if on.is_empty() {
                return s.into_any();
            }
            let class = on.iter().map(|m| m.class.as_str()).collect::<Vec<_>>().join(" ");
            let titles: Vec<&str> = on.iter().filter_map(|m| m.title.as_deref()).collect();
            let title = (!titles.is_empty()).then(|| titles.join("\n"));
            if on.iter().any(|m| m.hit) {
                view! { <mark class=class title=title>{s}</mark> }.into_any()
            } else {
                view! { <span class=class title=title>{s}</span> }.into_any()
            }
        })
        .collect_view()
}
