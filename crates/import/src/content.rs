//! Which blocks are the article: the container with the most paragraph text wins, widened to the
//! ancestor that gathers the rest of a body split around ads or boxes; then, inside it, every block
//! that is not furniture, not a link list and not a "Read more:"-style aside, in reading order.
//!
//! This is Readability's idea (score containers by their paragraphs) on blocks rather than nodes,
//! plus what news pages need that Readability lacks: embedded posts stay, and captions, newsletter
//! boxes, related links and bylines are judged by their markup before any scoring.

use crate::blocks::{Block, Kind};
use dom_query::{NodeId, NodeRef, Tree};
use std::collections::HashMap;

/// A paragraph this long (in words) is evidence of article text.
const GOOD_WORDS: usize = 12;
/// How many levels above the best container the article may reach.
const MAX_CLIMB: usize = 5;
/// Widen to a parent when it brings at least this share more article text.
const CLIMB_GAIN: f64 = 0.25;

/// The article's paragraphs, chosen from `blocks`.
pub fn article_paragraphs(tree: &Tree, blocks: &[Block]) -> Vec<String> {
    let good = |b: &Block| {
        !b.furniture
            && matches!(b.kind, Kind::Paragraph | Kind::Loose | Kind::Quote | Kind::Item)
            && b.words() >= GOOD_WORDS
            && b.link_density() < 0.5
    };
    // Words of good text under each element (each block adds to its container and the ancestors).
    let mut under: HashMap<NodeId, usize> = HashMap::new();
    let mut direct: HashMap<NodeId, usize> = HashMap::new();
    for b in blocks.iter().filter(|b| good(b)) {
        *direct.entry(b.container).or_default() += b.words();
        for id in chain(tree, b.container) {
            *under.entry(id).or_default() += b.words();
        }
    }
    let Some((&best, _)) = direct.iter().max_by_key(|(id, w)| (**w, std::cmp::Reverse(**id))) else {
        return fallback(blocks);
    };
    let root = widen(tree, best, &under);
    let inside = |b: &Block| chain(tree, b.container).contains(&root);
    let kept: Vec<&Block> = blocks.iter().filter(|b| !b.furniture && inside(b) && keep(b)).collect();
    dedupe(kept)
}

/// `id` and its ancestors, nearest first (bounded: the tree's depth is capped before parsing).
fn chain(tree: &Tree, id: NodeId) -> Vec<NodeId> {
    let mut out = vec![id];
    let mut cur = NodeRef::new(id, tree);
    while let Some(p) = cur.parent() {
        if !p.is_element() {
            break;
        }
        out.push(p.id);
        cur = p;
    }
    out
}

/// From the best container, climb while a parent gathers markedly more article text.
fn widen(tree: &Tree, best: NodeId, under: &HashMap<NodeId, usize>) -> NodeId {
    let path = chain(tree, best);
    let words = |id: &NodeId| under.get(id).copied().unwrap_or(0);
    let mut root = best;
    for (i, id) in path.iter().enumerate().skip(1).take(MAX_CLIMB) {
        let tag = NodeRef::new(*id, tree).node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if tag == "body" || tag == "html" {
            break;
        }
        if words(id) as f64 >= words(&path[i - 1]) as f64 * (1.0 + CLIMB_GAIN) {
            root = *id;
        }
    }
    root
}

/// Phrases that open an aside inside the body rather than article text.
const ASIDE_OPENERS: &[&str] = &[
    "read more:",
    "read more ",
    "read also:",
    "related:",
    "related coverage",
    "see also:",
    "more:",
    "also read:",
    "recommended:",
    "te puede interesar",
    "lee también",
    "lea también",
    "lire aussi",
    "continue reading",
    "click here",
    "sign up for",
    "subscribe to",
    "advertisement",
    "publicidad",
    "share this",
    "(function",
];

/// Phrases of the notes and credits that close a story rather than tell it.
const NOTE_PHRASES: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "all rights reserved",
    "is available here",
    "can be read here",
    "this story has been updated",
    "this article was originally published",
];

/// Whether an in-article block is text, not an aside or a note.
fn keep(b: &Block) -> bool {
    let lower = b.text.to_lowercase();
    let short = b.words() < 40;
    if short && ASIDE_OPENERS.iter().any(|o| lower.starts_with(o)) {
        return false;
    }
    if short && b.kind != Kind::Embed && NOTE_PHRASES.iter().any(|p| lower.contains(p)) {
        return false;
    }
    match b.kind {
        Kind::Embed => true,
        Kind::Heading => b.link_density() < 0.5,
        Kind::Item | Kind::Cell => b.link_density() < 0.5 && b.kind != Kind::Cell,
        _ => !(b.link_density() > 0.6 && b.words() < 30),
    }
}

/// Drops a pull quote: a line outside the body's paragraphs that repeats one of them. Paragraphs
/// that repeat each other are both kept (an article may say the same thing twice).
fn dedupe(kept: Vec<&Block>) -> Vec<String> {
    let paragraphs: std::collections::HashSet<&str> =
        kept.iter().filter(|b| b.kind == Kind::Paragraph).map(|b| b.text.as_str()).collect();
    kept.iter()
        .filter(|b| matches!(b.kind, Kind::Paragraph | Kind::Embed) || !paragraphs.contains(b.text.as_str()))
        .map(|b| b.text.clone())
        .collect()
}

/// No container stood out (a short page): every block that is not furniture.
fn fallback(blocks: &[Block]) -> Vec<String> {
    dedupe(blocks.iter().filter(|b| !b.furniture && keep(b)).collect())
}
