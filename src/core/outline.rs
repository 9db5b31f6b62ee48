//! The outline of a reply as the widget shows it: one node for the title and metadata, one per
//! section at every level, one for the closing. Pure: the DOM layer only draws it.

use crate::model::{Reply, CLOSING, PREAMBLE, TITLE, TOP};
use crate::text::fold;
use crate::util::{cat, IdMap};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The key the reader sees in deep links (`#s2-1`): a section id, `top`, `preamble` or
    /// `closing`.
    pub key: String,
    pub parent: Option<usize>,
    /// 1 for top-level nodes.
    pub depth: usize,
    /// The number as shown (`一、`, `(一)`, `1.`), empty for title, preamble and closing.
    pub number: String,
    pub title: String,
    /// Figures in this node and its descendants.
    pub figure_count: usize,
    /// Paragraph ids directly under this node, in order.
    pub paragraphs: Vec<String>,
    pub has_children: bool,
}

impl Node {
    /// The id of the text that figures in this node's heading count their offsets in: the
    /// section's id, or the reply's title for the top node; none for preamble and closing.
    pub fn heading_id(&self) -> Option<&str> {
        match self.key.as_str() {
            TOP => Some(TITLE),
            PREAMBLE | CLOSING => None,
            key => Some(key),
        }
    }

    /// The heading as the widget draws it when it renders the reply itself, and where the
    /// title starts in it: `二、科技金融赋能`, 2.
    pub fn drawn_heading(&self) -> (String, u32) {
        let mut s = self.number.clone();
        s.push_str(&self.title);
        (s, self.number.chars().count() as u32)
    }
}

/// The outline nodes in reading order, and their keys.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    pub nodes: Vec<Node>,
    by_key: IdMap,
}

/// How a section number is shown in the outline and the article: the 、 or . that the parser
/// stripped comes back for bare numbers; a number that is a word of its own (第一章, 1.2,
/// 附件1, a 统计公报's `01`, written without a delimiter) is set off from the title by a space.
pub fn display_number(number: &str) -> String {
    let bare = number.chars().next().is_some_and(|c| c != '(' && c != '（');
    let digits = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if number.is_empty() || !bare {
        number.to_string()
    } else if number.chars().all(digits) && !number.starts_with(['0', '０']) {
        cat(&[number, "."])
    } else if number.chars().all(crate::parse::is_cn_numeral) {
        cat(&[number, "、"])
    } else {
        cat(&[number, " "])
    }
}

fn plain(key: &str, title: &str, paragraphs: Vec<String>) -> Node {
    Node {
        key: key.into(),
        parent: None,
        depth: 1,
        number: String::new(),
        title: title.into(),
        figure_count: 0,
        paragraphs,
        has_children: false,
    }
}

impl Outline {
    pub fn new(reply: &Reply) -> Outline {
        let title = if reply.title.is_empty() { "答复" } else { reply.title.as_str() };
        let mut out = vec![plain(TOP, title, reply.salutation.iter().map(|p| p.id.clone()).collect())];
        if !reply.preamble.is_empty() {
            out.push(plain(PREAMBLE, "开头", reply.preamble.iter().map(|p| p.id.clone()).collect()));
        }
        let mut stack: Vec<usize> = Vec::new();
        for (depth, s) in reply.walk_sections() {
            stack.truncate(depth - 1);
            let parent = stack.last().copied();
            if let Some(p) = parent {
                out[p].has_children = true;
            }
            stack.push(out.len());
            out.push(Node {
                key: s.id.clone(),
                parent,
                depth,
                number: display_number(&s.number),
                title: s.title.clone(),
                figure_count: 0,
                paragraphs: s.paragraphs.iter().map(|p| p.id.clone()).collect(),
                has_children: false,
            });
        }
        if !reply.closing.is_empty() || !reply.signature.is_empty() {
            let paragraphs = reply.closing.iter().chain(&reply.signature).map(|p| p.id.clone()).collect();
            out.push(plain(CLOSING, "结束语", paragraphs));
        }
        let mut by_key = IdMap::default();
        for (k, n) in out.iter().enumerate() {
            by_key.insert(n.key.clone(), k);
        }
        let mut outline = Outline { nodes: out, by_key };
        for f in &reply.figures {
            let mut at = outline.node(&f.section);
            while let Some(k) = at {
                outline.nodes[k].figure_count += 1;
                at = outline.nodes[k].parent;
            }
        }
        outline
    }

    /// The node with this key (`s2-1`, `top` …).
    pub fn node(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether node `k` shows in the tree: the filter keeps it and every ancestor is expanded.
    pub fn shown(&self, kept: &[bool], expanded: &[bool], k: usize) -> bool {
        if !kept.get(k).copied().unwrap_or(false) {
            return false;
        }
        let mut at = self.nodes.get(k).and_then(|n| n.parent);
        while let Some(p) = at {
            if !expanded.get(p).copied().unwrap_or(true) {
                return false;
            }
            at = self.nodes[p].parent;
        }
        true
    }

    /// The section a node stands for, as a short label: `二(一)`, `结束语`.
    pub fn label(&self, mut k: usize) -> String {
        if self.nodes[k].number.is_empty() {
            return self.nodes[k].title.clone();
        }
        // The numbers from this node up to the top, then read top down.
        let mut parts: Vec<&str> = Vec::new();
        loop {
            parts.push(self.nodes[k].number.trim_end_matches(['、', '.', '．']));
            match self.nodes[k].parent {
                Some(p) => k = p,
                None => break,
            }
        }
        let mut label = String::new();
        for part in parts.iter().rev() {
            label.push_str(part);
        }
        label
    }

    /// [`Outline::label`] of the node with this key; empty for an unknown key.
    pub fn label_of(&self, key: &str) -> String {
        self.node(key).map_or_else(String::new, |k| self.label(k))
    }

    /// The top-level node above node `k` (itself if it is top level).
    pub fn top_of(&self, mut k: usize) -> usize {
        while let Some(p) = self.nodes[k].parent {
            k = p;
        }
        k
    }
}

/// Type-ahead of the tree (WAI-ARIA APG): what was typed and when the last key came.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeAhead {
    typed: String,
    last: f64,
}

impl TypeAhead {
    /// How long (ms) a pause may be before typing starts a new prefix.
    const PAUSE: f64 = 700.0;

    /// Adds a typed key at time `now` (ms) and finds, among the `shown` nodes, the first from
    /// `pos` on whose number or title starts with what was typed (folded). A single character
    /// starts after `pos`, so typing it again moves on to the next match; a longer prefix may
    /// stay on the current node.
    pub fn key(&mut self, outline: &Outline, shown: &[usize], pos: usize, c: char, now: f64) -> Option<usize> {
        if now - self.last > Self::PAUSE {
            self.typed.clear();
        }
        self.last = now;
        self.typed.push(crate::text::fold_char(c));
        let typed = self.typed.as_str();
        if shown.is_empty() {
            return None;
        }
        let start = if typed.chars().count() == 1 { pos + 1 } else { pos };
        (0..shown.len()).map(|i| shown[(start + i) % shown.len()]).find(|&k| {
            let n = &outline.nodes[k];
            fold(&n.title).starts_with(typed) || fold(&n.number).starts_with(typed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Outline {
        Outline::new(&crate::bundled_reply())
    }

    #[test]
    fn bundled_outline_has_eighteen_nodes() {
        let o = bundled();
        let n = &o.nodes;
        assert_eq!(n.len(), 18, "title + 16 sections + closing");
        assert_eq!(n[0].key, "top");
        assert_eq!(n[17].key, "closing");
        assert_eq!((n[1].number.as_str(), n[1].figure_count), ("一、", 11));
        assert_eq!(n[5].title, "科技金融赋能,支持科技创新");
        let total: usize = n.iter().filter(|n| n.depth == 1).map(|n| n.figure_count).sum();
        assert_eq!(total, 48);
        assert_eq!(n[2].parent, Some(1));
        assert!(n[1].has_children && !n[2].has_children);
        assert_eq!(o.node("s2-1"), Some(6));
        assert_eq!((o.label(6), o.label(17), o.top_of(6)), ("二(一)".to_string(), "结束语".to_string(), 5));
    }

    #[test]
    fn shown_needs_every_ancestor_expanded() {
        let o = bundled();
        let kept = vec![true; o.len()];
        let mut expanded = vec![true; o.len()];
        assert!(o.shown(&kept, &expanded, 2));
        expanded[1] = false;
        assert!(!o.shown(&kept, &expanded, 2), "(一) under a collapsed 一");
        assert!(o.shown(&kept, &expanded, 1));
        let mut filtered = kept.clone();
        filtered[5] = false;
        assert!(!o.shown(&filtered, &expanded, 5));
    }

    #[test]
    fn typeahead_finds_numbers_and_titles_and_wraps() {
        let o = bundled();
        let all: Vec<usize> = (0..o.len()).collect();
        let one = |pos: usize, typed: &str| {
            let mut t = TypeAhead::default();
            let mut found = None;
            for c in typed.chars() {
                found = t.key(&o, &all, pos, c, 1000.0);
            }
            found
        };
        assert_eq!(one(0, "二"), Some(5), "二、科技金融赋能");
        assert_eq!(one(5, "二"), Some(5), "the only match stays");
        assert_eq!(one(2, "("), Some(3), "a repeated character moves to the next match");
        assert_eq!(one(0, "科技金融"), Some(5), "a title prefix");
        assert_eq!(one(16, "对"), Some(0), "wraps to the title node");
        assert_eq!(one(0, "无"), None);
        // A pause starts a new prefix.
        let mut t = TypeAhead::default();
        assert_eq!(t.key(&o, &all, 0, '科', 0.0), Some(5));
        assert_eq!(t.key(&o, &all, 5, '二', 5000.0), Some(5), "二 alone, not 科二");
    }

    #[test]
    fn display_numbers() {
        assert_eq!(display_number("一"), "一、");
        assert_eq!(display_number("(一)"), "(一)");
        assert_eq!(display_number("12"), "12.");
        assert_eq!(display_number("十二"), "十二、");
        assert_eq!(display_number("第一章"), "第一章 ");
        assert_eq!(display_number("1.2.1"), "1.2.1 ");
        assert_eq!(display_number("附件1"), "附件1 ");
        assert_eq!(display_number("01"), "01 ");
        assert_eq!(display_number(""), "");
    }
}
