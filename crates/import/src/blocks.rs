//! The page as a flat list of text blocks in reading order: each paragraph, heading, list item,
//! run of loose text (text between `<br>`s in a `<div>`) and embedded post line, with the
//! container it sits in and whether it lies inside page furniture.
//!
//! The walk is iterative (an explicit stack), so the depth of the tree cannot overflow the call
//! stack. Only text nodes reach a block: markup, scripts, styles, iframes and attributes never do.
//! Choosing which blocks are the article is [`crate::content`]'s job, not this module's.

use crate::boiler::{is_furniture, DROPPED};
use crate::embeds;
use dom_query::{NodeId, NodeRef};

/// What kind of element a block's text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Heading,
    Item,
    Quote,
    Cell,
    /// Text directly inside a `<div>`-like container, split at `<br>`.
    Loose,
    /// A line of an embedded social post (its text or its author line).
    Embed,
}

/// One line of text and where it came from.
#[derive(Debug)]
pub struct Block {
    pub text: String,
    pub kind: Kind,
    /// The element whose paragraphs this block is one of (the `<p>`'s parent, past lists).
    pub container: NodeId,
    /// Inside navigation, ads, related links, captions… (see [`crate::boiler`]).
    pub furniture: bool,
    /// Characters of `text` inside links.
    pub link_chars: usize,
}

impl Block {
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.text.chars().count().max(1) as f64
    }
}

/// Elements that end a run of inline text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "hr",
    "body",
    "html",
    "center",
    "details",
    "summary",
    "address",
    "caption",
    "hgroup",
    "menu",
    "legend",
];

/// Tags a container is looked for through: the paragraph's own tag and list or quote wrappers.
const THROUGH: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "tbody",
    "thead",
    "table",
    "center",
    "font",
    "span",
    "b",
    "i",
    "em",
    "strong",
];

/// Collects the blocks of the tree under `root` (usually `<body>`).
pub fn collect(root: &NodeRef) -> Vec<Block> {
    let mut w = Walker { blocks: Vec::new(), run: String::new(), link_chars: 0, owner: root.id, furniture: 0 };
    w.owner = root.id;
    // Frames: (node, entering?) with the state to restore on exit.
    enum Frame<'a> {
        Enter(NodeRef<'a>),
        Exit { owner: NodeId, furniture: bool, link: bool, block: bool },
    }
    let mut links = 0usize;
    let mut stack = vec![Frame::Enter(*root)];
    while let Some(frame) = stack.pop() {
        match frame {
            Frame::Exit { owner, furniture, link, block } => {
                if block {
                    w.flush(root);
                    w.owner = owner;
                }
                if furniture {
                    w.furniture -= 1;
                }
                if link {
                    links -= 1;
                }
            }
            Frame::Enter(node) => {
                if node.is_text() {
                    let t = node.text();
                    if links > 0 {
                        w.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    w.run.push_str(&t);
                    continue;
                }
                if !node.is_element() {
                    continue;
                }
                let tag = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                if DROPPED.contains(&tag.as_str()) {
                    continue;
                }
                if tag == "br" {
                    w.run.push('\n');
                    continue;
                }
                let furniture = is_furniture(&node, &tag);
                if let Some(lines) = embeds::lines(&node, &tag) {
                    w.flush(root);
                    let container = container_of(&node);
                    for text in lines {
                        w.blocks.push(Block {
                            text,
                            kind: Kind::Embed,
                            container,
                            furniture: w.furniture > 0 || furniture,
                            link_chars: 0,
                        });
                    }
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag.as_str());
                if furniture && !block {
                    // Inline furniture (an "Advertisement" label, a wire badge) in a text run.
                    continue;
                }
                if block {
                    w.flush(root);
                }
                let link = tag == "a";
                stack.push(Frame::Exit { owner: w.owner, furniture, link, block });
                if block {
                    w.owner = node.id;
                }
                if furniture {
                    w.furniture += 1;
                }
                if link {
                    links += 1;
                }
                let children: Vec<_> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Frame::Enter));
            }
        }
    }
    w.flush(root);
    w.blocks
}

struct Walker {
    blocks: Vec<Block>,
    run: String,
    link_chars: usize,
    owner: NodeId,
    furniture: usize,
}

impl Walker {
    /// Ends the current run of inline text: one block per `<br>`-separated line.
    fn flush(&mut self, root: &NodeRef) {
        if self.run.trim().is_empty() {
            self.run.clear();
            self.link_chars = 0;
            return;
        }
        let owner = NodeRef::new(self.owner, root.tree);
        let tag = owner.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        let kind = match tag.as_str() {
            "p" => Kind::Paragraph,
            "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
            "li" | "dt" | "dd" => Kind::Item,
            "blockquote" | "pre" => Kind::Quote,
            "td" | "th" => Kind::Cell,
            _ => Kind::Loose,
        };
        let container = container_of(&owner);
        let lines: Vec<String> = self.run.split('\n').map(collapse).filter(|l| !l.is_empty()).collect();
        let total: usize = lines.iter().map(|l| l.chars().filter(|c| !c.is_whitespace()).count()).sum();
        for text in lines {
            // Links are counted per run; share them out by length.
            let own = text.chars().filter(|c| !c.is_whitespace()).count();
            let link_chars = self.link_chars * own / total.max(1);
            self.blocks.push(Block { text, kind, container, furniture: self.furniture > 0, link_chars });
        }
        self.run.clear();
        self.link_chars = 0;
    }
}

/// The element a block counts towards: up from `node` past paragraph, list and inline tags.
pub fn container_of(node: &NodeRef) -> NodeId {
    let mut cur = *node;
    for _ in 0..8 {
        let tag = cur.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if !THROUGH.contains(&tag.as_str()) && cur.id != node.id {
            break;
        }
        if !THROUGH.contains(&tag.as_str()) {
            break;
        }
        match cur.parent() {
            Some(p) if p.is_element() => cur = p,
            _ => break,
        }
    }
    cur.id
}

/// Whitespace runs (including no-break spaces) become one space; the ends are trimmed; control
/// characters (NUL and the like) and byte-order marks, never visible text, are dropped. (A page
/// can carry a byte-order mark anywhere; a paragraph of one alone would be lost when an article
/// file that begins with it is read back.)
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let gap = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}' || c.is_control();
    let words = s.split(gap).filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
