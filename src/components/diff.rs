//! Inline word diffs: kept, left out, changed, added, and outside the quoted stretch. Each kind has a
//! class for colour and a non-colour cue (strike-through, underline, arrow, dotted) plus a
//! screen-reader label, so the diff reads without colour.

use leptos::prelude::*;
use presslens_core::compare::{Segment, SegmentKind};
use presslens_core::{Op, OpTag};

/// The diff of one match against one sentence, inline.
pub fn segments(source: &str, article: &str, segs: &[Segment]) -> impl IntoView {
    segs.iter()
        .map(|s| {
            let src = s.source.slice(source).to_string();
            let art = s.article.slice(article).to_string();
            match s.kind {
                SegmentKind::Kept => view! { <span class="diff-kept">{src}</span> }.into_any(),
                SegmentKind::Dropped => {
                    view! { <del class="diff-del" title="left out by the outlet">{src}</del> }.into_any()
                }
                SegmentKind::Changed => view! {
                    <span class="diff-chg" title="changed by the outlet">
                        <del>{src}</del><span class="arrow" aria-label="changed to">"→"</span><ins>{art}</ins>
                    </span>
                }
                .into_any(),
                SegmentKind::Added => {
                    view! { <ins class="diff-ins" title="added by the outlet">{art}</ins> }.into_any()
                }
                SegmentKind::Outside => {
                    view! { <span class="diff-out" title="not part of this quotation">{src}</span> }.into_any()
                }
            }
        })
        .map(|v| view! { {v}" " })
        .collect_view()
}

/// Ops of a whole text pair (quote variants): the article side with the source's words struck.
pub fn ops(source: &str, article: &str, ops: &[Op]) -> impl IntoView {
    ops.iter()
        .map(|o| {
            let src = o.source.slice(source).to_string();
            let art = o.article.slice(article).to_string();
            let v = match o.tag {
                OpTag::Equal => view! { <span class="diff-kept">{art}</span> }.into_any(),
                OpTag::Delete => view! { <del class="diff-del">{src}</del> }.into_any(),
                OpTag::Insert => view! { <ins class="diff-ins">{art}</ins> }.into_any(),
                OpTag::Replace => view! {
                    <span class="diff-chg"><del>{src}</del><span class="arrow" aria-label="changed to">"→"</span><ins>{art}</ins></span>
                }
                .into_any(),
            };
            view! { {v}" " }
        })
        .collect_view()
}

/// The legend shared by the quote view and the variants.
#[component]
pub fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="How to read the diff">
            <li><span class="diff-kept">"kept"</span>" same words as the source"</li>
            <li><del class="diff-del">"left out"</del>" dropped by the outlet (struck through)"</li>
            <li><span class="diff-chg"><del>"was"</del><span class="arrow">"→"</span><ins>"now"</ins></span>" changed (arrow)"</li>
            <li><ins class="diff-ins">"added"</ins>" added by the outlet (underlined)"</li>
            <li><span class="diff-out">"outside"</span>" not part of this quotation (dotted)"</li>
        </ul>
    }
}
