//! The outline of a reply as the widget shows it: one node for the title and metadata, one per
//! section at every level, one for the closing. Pure: the DOM layer only draws it.

use crate::model::Reply;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The DOM id of the article block this node navigates to: a section id, `top`, `preamble`
    /// or `closing`.
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

/// How a section number is shown in the outline and the article: the 、 or . that the parser
/// stripped comes back for bare numbers.
pub fn display_number(number: &str) -> String {
    let bare = number.chars().next().is_some_and(|c| c != '(' && c != '（');
    if number.is_empty() || !bare {
        number.to_string()
    } else if number.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        format!("{number}.")
    } else {
        format!("{number}、")
    }
}

/// The outline nodes in reading order.
pub fn nodes(reply: &Reply) -> Vec<Node> {
    let mut out = vec![Node {
        key: "top".into(),
        parent: None,
        depth: 1,
        number: String::new(),
        title: if reply.title.is_empty() { "答复".into() } else { reply.title.clone() },
        figure_count: 0,
        paragraphs: reply.salutation.iter().map(|p| p.id.clone()).collect(),
        has_children: false,
    }];
    if !reply.preamble.is_empty() {
        out.push(Node {
            key: "preamble".into(),
            parent: None,
            depth: 1,
            number: String::new(),
            title: "开头".into(),
            figure_count: 0,
            paragraphs: reply.preamble.iter().map(|p| p.id.clone()).collect(),
            has_children: false,
        });
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
        out.push(Node {
            key: "closing".into(),
            parent: None,
            depth: 1,
            number: String::new(),
            title: "结束语".into(),
            figure_count: 0,
            paragraphs: reply.closing.iter().chain(&reply.signature).map(|p| p.id.clone()).collect(),
            has_children: false,
        });
    }
    let by_key: crate::model::IdMap = out.iter().enumerate().map(|(k, n)| (n.key.clone(), k)).collect();
    let owners: Vec<Option<usize>> = reply.figures.iter().map(|f| by_key.get(f.section.as_str()).copied()).collect();
    for owner in owners {
        let mut at = owner;
        while let Some(k) = at {
            out[k].figure_count += 1;
            at = out[k].parent;
        }
    }
    out
}

/// Whether a node shows in the tree: the filter keeps it and every ancestor is expanded.
pub fn shown(nodes: &[Node], kept: &[bool], expanded: &[bool], k: usize) -> bool {
    if !kept.get(k).copied().unwrap_or(false) {
        return false;
    }
    let mut at = nodes.get(k).and_then(|n| n.parent);
    while let Some(p) = at {
        if !expanded.get(p).copied().unwrap_or(true) {
            return false;
        }
        at = nodes[p].parent;
    }
    true
}

/// Type-ahead (WAI-ARIA tree): among the `shown` nodes, the first from `pos` on whose number or
/// title starts with `typed` (folded). A single character starts after `pos`, so typing it again
/// moves on to the next match; a longer prefix may stay on the current node.
pub fn typeahead(nodes: &[Node], shown: &[usize], pos: usize, typed: &str) -> Option<usize> {
    if shown.is_empty() || typed.is_empty() {
        return None;
    }
    let start = if typed.chars().count() == 1 { pos + 1 } else { pos };
    (0..shown.len()).map(|i| shown[(start + i) % shown.len()]).find(|&k| {
        let n = &nodes[k];
        crate::filter::fold(&n.title).starts_with(typed) || crate::filter::fold(&n.number).starts_with(typed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_outline_has_eighteen_nodes() {
        let r = crate::bundled_reply();
        let n = nodes(&r);
        assert_eq!(n.len(), 18, "title + 16 sections + closing");
        assert_eq!(n[0].key, "top");
        assert_eq!(n[17].key, "closing");
        assert_eq!((n[1].number.as_str(), n[1].figure_count), ("一、", 11));
        assert_eq!(n[5].title, "科技金融赋能,支持科技创新");
        let total: usize = n.iter().filter(|n| n.depth == 1).map(|n| n.figure_count).sum();
        assert_eq!(total, 48);
        assert_eq!(n[2].parent, Some(1));
        assert!(n[1].has_children && !n[2].has_children);
    }

    #[test]
    fn shown_needs_every_ancestor_expanded() {
        let n = nodes(&crate::bundled_reply());
        let kept = vec![true; n.len()];
        let mut expanded = vec![true; n.len()];
        assert!(shown(&n, &kept, &expanded, 2));
        expanded[1] = false;
        assert!(!shown(&n, &kept, &expanded, 2), "(一) under a collapsed 一");
        assert!(shown(&n, &kept, &expanded, 1));
        let mut filtered = kept.clone();
        filtered[5] = false;
        assert!(!shown(&n, &filtered, &expanded, 5));
    }

    #[test]
    fn typeahead_finds_numbers_and_titles_and_wraps() {
        let n = nodes(&crate::bundled_reply());
        let all: Vec<usize> = (0..n.len()).collect();
        assert_eq!(typeahead(&n, &all, 0, "二"), Some(5), "二、科技金融赋能");
        assert_eq!(typeahead(&n, &all, 5, "二"), Some(5), "the only match stays");
        assert_eq!(typeahead(&n, &all, 2, "("), Some(3), "a repeated character moves to the next match");
        assert_eq!(typeahead(&n, &all, 0, "科技金融"), Some(5), "a title prefix");
        assert_eq!(typeahead(&n, &all, 16, "对"), Some(0), "wraps to the title node");
        assert_eq!(typeahead(&n, &all, 0, "无"), None);
    }

    #[test]
    fn display_numbers() {
        assert_eq!(display_number("一"), "一、");
        assert_eq!(display_number("(一)"), "(一)");
        assert_eq!(display_number("12"), "12.");
        assert_eq!(display_number(""), "");
    }
}
