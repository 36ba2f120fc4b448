//! The quote view, the heart of the product: the source sentence by sentence, and under each
//! sentence one row per article with an inline word diff of how it reproduced that sentence — or
//! "absent". Normalization switches recompute the diffs live; a side-by-side mode puts the source's
//! reading beside the article's.

use crate::components::diff::{segments, Legend};
use crate::components::more::{paged, ShowMore, QUOTE_PAGE};
use crate::components::near::WhenNear;
use crate::data::{At, Data, Listed};
use crate::nav::Nav;
use crate::state::{norm_flag, set_norm_flag, NORM_FLAGS};
use leptos::prelude::*;
use presslens_core::compare::{rows, Segment, SegmentKind, SentenceRow};
use presslens_core::text::Normalization;
use presslens_core::Corpus;

/// Rows of one article (where its analysis is): per source, per sentence.
pub type ArticleRows = (At, Vec<Vec<SentenceRow>>);

/// The articles of `articles` a paged list shows (`shown` of them, as they come: see
/// [`Data::listed`]), and their rows under the normalization `norm`: what the quote view and the
/// heat map draw.
pub fn paged_rows(
    data: &'static Data,
    articles: Signal<Vec<usize>>,
    shown: RwSignal<usize>,
    norm: Memo<Normalization>,
) -> (Memo<Listed>, Memo<Vec<ArticleRows>>) {
    let page = Memo::new(move |before: Option<&Listed>| {
        let shown = shown.get();
        articles.with(|a| data.listed(&a[..shown.min(a.len())], before))
    });
    let sources = data.corpus.story.sources.len();
    let table = Memo::new(move |_| {
        let norm = norm.get();
        page.with(|p| {
            p.ready
                .iter()
                .map(|(_, at)| (*at, (0..sources).map(|si| rows(at.corpus, at.index, si, norm)).collect()))
                .collect()
        })
    });
    (page, table)
}

/// Rows (articles × sentences) a quote view builds at once; more are built as the reader scrolls.
const WHOLE_ROWS: usize = 40;

/// The quote view over the filtered articles (or the one in the URL).
#[component]
pub fn QuoteView(data: &'static Data, nav: Nav, hits: Signal<Vec<usize>>) -> impl IntoView {
    let corpus = &data.corpus;
    let norm = nav.select(|s| s.norm);
    let focus = nav.select(|s| s.article.clone());
    // The article in the URL, looked up once for the rows and the note above them.
    let focused = Memo::new(move |_| focus.get().and_then(|id| data.article_index(&id)));
    let articles = Memo::new(move |_| match focused.get() {
        Some(ai) => vec![ai],
        None => hits.get(),
    });
    // Rows are built for the first page of articles; each "Show more" adds a page.
    let shown = paged(QUOTE_PAGE, move || articles.track());
    let total = Signal::derive(move || articles.with(Vec::len));
    let (page, table) = paged_rows(data, articles.into(), shown, norm);
    let side = nav.select(|s| s.side);
    // Past a few dozen rows, a sentence's rows are built when the reader comes near them: the
    // view opens with the first sentence's, not every sentence's.
    let sentences: usize = corpus.story.sources.iter().map(|s| s.sentences.len()).sum();
    let settled = Signal::derive(move || page.with(|p| !p.loading));
    let whole = Signal::derive(move || shown.get().min(total.get()) * sentences <= WHOLE_ROWS);
    let show_all = move |_| {
        nav.push(|s| {
            s.article = None;
            s.sentence = None;
        })
    };
    view! {
        <section class="quote-view" aria-label="How each article quotes the source">
            <Toolbar nav=nav/>
            <Legend/>
            {move || page.with(Listed::status)}
            {move || focused.get().map(|ai| {
                let a = &corpus.articles()[ai];
                view! { <p class="focus-note">{format!("Showing {} ({}). ", a.outlet_name(), a.date_label())}<button type="button" class="link" on:click=show_all>"Show every article"</button></p> }
            })}
            {corpus.story.sources.iter().enumerate().map(|(si, src)| {
                let speaker = corpus.story.speakers.get(src.speaker).map_or_else(String::new, |s| s.name.clone());
                view! {
                    <h2 class="source-head">{format!("{speaker} — {}", src.place)}{src.date.map(|d| format!(", {d}"))}</h2>
                    {src.sentences.iter().enumerate().map(|(n, sentence)| {
                        let focused = move || nav.state.with(|s| s.sentence == Some(n + 1));
                        view! {
                            <section class="sentence" class:focus=focused id=format!("s{}-{}", si, n + 1)>
                                <h3><span class="num">{format!("Sentence {}", n + 1)}</span><q class="source-text">{sentence.slice(&src.text).to_string()}</q></h3>
                                <WhenNear settled=settled now=Signal::derive(move || (si, n) == (0, 0) || whole.get())>
                                    <div class="qrows">
                                        {move || table.with(|t| t.iter().map(|(at, per_source)| row(at.corpus, at.index, si, n, &per_source[si][n], side.get())).collect_view())}
                                    </div>
                                </WhenNear>
                                <ShowMore shown=shown total=total page=QUOTE_PAGE what=" articles"/>
                            </section>
                        }
                    }).collect_view()}
                }
            }).collect_view()}
        </section>
    }
}

/// The normalization switches and the side-by-side switch.
#[component]
fn Toolbar(nav: Nav) -> impl IntoView {
    view! {
        <fieldset class="toolbar">
            <legend>"Compare ignoring"</legend>
            {NORM_FLAGS.into_iter().map(|(flag, label)| {
                let change = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    nav.push(move |s| set_norm_flag(&mut s.norm, flag, on));
                };
                view! {
                    <label class="switch">
                        <input type="checkbox" data-test=format!("norm-{flag}") prop:checked=move || nav.state.with(|s| norm_flag(&s.norm, flag)) on:change=change/>
                        {label}
                    </label>
                }
            }).collect_view()}
            <label class="switch">
                <input type="checkbox" data-test="side" prop:checked=move || nav.state.with(|s| s.side) on:change=move |ev| { let on = event_target_checked(&ev); nav.push(move |s| s.side = on); }/>
                "Side by side"
            </label>
        </fieldset>
    }
}

fn row(corpus: &'static Corpus, ai: usize, si: usize, n: usize, r: &SentenceRow, side: bool) -> impl IntoView {
    let a = &corpus.articles()[ai];
    let src = &corpus.story.sources[si].text;
    let pct = (r.reproduced * 100.0).round();
    let body = if r.is_absent() {
        view! { <p class="absent">"absent — this sentence is not reproduced"</p> }.into_any()
    } else {
        r.matches
            .iter()
            .map(|m| {
                let mm = &corpus.matches[m.index];
                let attribution = mm.attribution.map(|s| s.slice(&a.body).to_string());
                let diff = if side {
                    view! {
                        <div class="side">
                            <p class="side-source"><span class="side-label">"Source"</span>{reading(src, &a.body, &m.segments, true)}</p>
                            <p class="side-article"><span class="side-label">"Article"</span>{reading(src, &a.body, &m.segments, false)}</p>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <p class="inline-diff">{segments(src, &a.body, &m.segments)}</p> }.into_any()
                };
                view! {
                    <div class="qmatch">
                        <span class=format!("badge kind-{}", m.kind.as_str())>{kind_label(m.kind)}</span>
                        {diff}
                        {attribution.map(|t| view! { <p class="attribution">"Attribution: "<q>{t}</q></p> })}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="qrow" data-test="qrow" data-article=a.id.clone() data-sentence=(n + 1).to_string() data-state=if r.is_absent() { "absent" } else { "present" }>
            <p class="qrow-head"><span class="who"><bdi>{a.outlet_name().to_string()}</bdi>{format!(" · {}", a.date_label())}</span><span class="pct">{format!("{pct}% reproduced")}</span></p>
            {body}
        </div>
    }
}

fn kind_label(kind: presslens_core::MatchKind) -> &'static str {
    match kind {
        presslens_core::MatchKind::Quoted => "quoted",
        presslens_core::MatchKind::Unmarked => "unmarked copy",
        presslens_core::MatchKind::Paraphrase => "paraphrase",
    }
}

/// One side of the side-by-side view: the source's reading or the article's.
fn reading(source: &str, article: &str, segs: &[Segment], source_side: bool) -> impl IntoView {
    segs.iter()
        .filter_map(|s| {
            let src = s.source.slice(source).to_string();
            let art = s.article.slice(article).to_string();
            let v = match (s.kind, source_side) {
                (SegmentKind::Kept, _) => view! { <span class="diff-kept">{src}</span> }.into_any(),
                (SegmentKind::Dropped, true) => view! { <del class="diff-del">{src}</del> }.into_any(),
                (SegmentKind::Changed, true) => view! { <del class="diff-chg">{src}</del> }.into_any(),
                (SegmentKind::Changed, false) => view! { <ins class="diff-chg">{art}</ins> }.into_any(),
                (SegmentKind::Added, false) => view! { <ins class="diff-ins">{art}</ins> }.into_any(),
                (SegmentKind::Outside, true) => view! { <span class="diff-out">{src}</span> }.into_any(),
                _ => return None,
            };
            Some(view! { {v}" " })
        })
        .collect_view()
}
