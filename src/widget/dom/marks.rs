//! Where marks are drawn: `<mark>` elements around search hits and figures, in the article's
//! own text nodes (the host page's, or the widget's drawn article).
//!
//! A line's wanted marks become [`Segment`]s (pure, tested natively); each segment becomes the
//! pieces of the text nodes that hold it (`page::PageText::pieces`: a figure split across
//! `<span>361</span><span>亿元</span>` is two pieces, so two marks). A text node is marked by
//! putting its pieces (text and `<mark>`s) in its place: the page's own node is kept aside,
//! untouched, and put back exactly as it was when the marks go (`destroy()` gives back the
//! page's DOM byte for byte, and the page's scripts keep their references to its nodes).

use reply_core::util::cat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Text};

/// How a figure is shown in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Highlight {
    /// A figure of the reply, tappable: its card opens (phones first).
    Figure,
    /// The figure under the pointer or focus in the panel.
    Preview,
    /// The selected figure.
    Selected,
}

impl Highlight {
    fn name(self) -> &'static str {
        match self {
            Highlight::Figure => "figure",
            Highlight::Preview => "preview",
            Highlight::Selected => "selected",
        }
    }
}

/// A figure to show in a line: its char range, how, and its index in the reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureMark {
    pub start: u32,
    pub end: u32,
    pub how: Highlight,
    pub figure: u32,
}

/// A stretch of a line drawn one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: u32,
    pub end: u32,
    /// Inside a search hit.
    pub hit: bool,
    pub figure: Option<(Highlight, u32)>,
}

/// Cuts a line of `len` chars into segments by its hits and figures. Figures do not overlap
/// each other; a figure is never cut by a hit inside it (a number stays one node for a screen
/// reader). Plain stretches are left out.
pub fn segments(len: u32, hits: &[(u32, u32)], figures: &[FigureMark]) -> Vec<Segment> {
    let inside_figure = |p: u32| figures.iter().any(|f| p > f.start && p < f.end);
    let mut hits: Vec<(u32, u32)> =
        hits.iter().map(|(s, e)| ((*s).min(len), (*e).min(len))).filter(|(s, e)| s < e).collect();
    reply_core::util::sort_by(&mut hits, |a, b| a < b);
    let mut cuts: Vec<u32> = Vec::with_capacity(hits.len() * 2 + figures.len() * 2 + 2);
    cuts.extend([0, len]);
    for (s, e) in hits.iter().copied().chain(figures.iter().map(|f| (f.start, f.end))) {
        for p in [s.min(len), e.min(len)] {
            if !inside_figure(p) {
                cuts.push(p);
            }
        }
    }
    reply_core::util::sort_by(&mut cuts, |a, b| a < b);
    cuts.dedup();
    let mut out = Vec::new();
    // One sweep: `next` is the first hit that may still overlap the current segment.
    let mut next = 0;
    let mut reach = 0; // the furthest end among hits before `next`
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < hits.len() && hits[next].0 < b {
            reach = reach.max(hits[next].1);
            next += 1;
        }
        let hit = reach > a;
        let figure = figures.iter().find(|f| f.start <= a && f.end >= b).map(|f| (f.how, f.figure));
        if hit || figure.is_some() {
            out.push(Segment { start: a, end: b, hit, figure });
        }
    }
    out
}

/// The `data-rw` value of a mark: what it shows, for styles and for finding it again.
fn paint_name(hit: bool, figure: Option<Highlight>) -> String {
    let mut s = String::new();
    if hit {
        s.push_str("hit");
    }
    if let Some(h) = figure {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(h.name());
    }
    s
}

/// One piece of a text node to mark: UTF-16 range, and how.
pub struct NodeMark {
    pub from: u32,
    pub to: u32,
    pub hit: bool,
    /// The figure's id (`f13`) and how it is shown.
    pub figure: Option<(Highlight, String)>,
}

/// A text node of the article while it is marked: the page's own node, kept aside, and what
/// stands in its place (with the text each piece was given).
pub struct Marked {
    original: Text,
    placed: Vec<Node>,
    texts: Vec<String>,
}

impl Marked {
    /// Whether the pieces are still as the widget left them: in place, side by side, each with
    /// its text. A page that normalised the article (mark.js's `unmark()` does), rewrote a text
    /// node (a 简繁 switcher) or moved the nodes makes this false.
    fn intact(&self) -> bool {
        let Some(parent) = self.placed.first().and_then(Node::parent_node) else { return false };
        for (k, n) in self.placed.iter().enumerate() {
            if n.parent_node().as_ref() != Some(&parent) {
                return false;
            }
            if let Some(next) = self.placed.get(k + 1) {
                if n.next_sibling().as_ref() != Some(next) {
                    return false;
                }
            }
            if n.node_type() == Node::ELEMENT_NODE && n.child_nodes().length() != 1 {
                return false;
            }
            if n.text_content().as_deref() != Some(self.texts[k].as_str()) {
                return false;
            }
        }
        true
    }

    /// Puts the page's own node back where the marks were, exactly as it was. Where the page
    /// changed the pieces meanwhile, its node is stale: the marks are unwrapped instead, and
    /// the text stays as the page left it — never lost, never reverted.
    pub fn restore(self) {
        if self.intact() {
            if let Some(parent) = self.placed.first().and_then(Node::parent_node) {
                let _ = parent.insert_before(&self.original, self.placed.first());
            }
            for n in &self.placed {
                if let Some(p) = n.parent_node() {
                    let _ = p.remove_child(n);
                }
            }
            return;
        }
        for n in &self.placed {
            if n.node_type() != Node::ELEMENT_NODE {
                continue;
            }
            let Some(parent) = n.parent_node() else { continue };
            while let Some(c) = n.first_child() {
                let _ = parent.insert_before(&c, Some(n));
            }
            let _ = parent.remove_child(n);
        }
    }
}

/// Marks pieces of a text node (sorted, not overlapping). Returns what restores it.
///
/// The node's text is cut in Rust and the pieces built once into a fragment, which takes the
/// node's place: `Text.splitText` would copy the rest of the text at every cut (quadratic on a
/// long paragraph with thousands of hits).
/// Each mark carries `data-rw-own` = `own` (the page's [`reply_web::styles::own_token`]).
pub fn mark(doc: &Document, original: &Text, pieces: &[NodeMark], own: &str) -> Result<Option<Marked>, JsValue> {
    let Some(parent) = original.parent_node() else { return Ok(None) };
    let data = original.data();
    // Byte offset of each UTF-16 offset we cut at, in one pass.
    let mut cuts: Vec<u32> = Vec::with_capacity(pieces.len() * 2);
    for p in pieces {
        cuts.push(p.from);
        cuts.push(p.to);
    }
    let mut bytes = Vec::with_capacity(cuts.len());
    let (mut u, mut next) = (0u32, 0usize);
    for (b, c) in data.char_indices().chain([(data.len(), ' ')]) {
        while next < cuts.len() && cuts[next] <= u {
            bytes.push(b);
            next += 1;
        }
        u += c.len_utf16() as u32;
    }
    while bytes.len() < cuts.len() {
        bytes.push(data.len());
    }
    let fragment = doc.create_document_fragment();
    let mut placed: Vec<Node> = Vec::with_capacity(pieces.len() * 2 + 1);
    let mut texts: Vec<String> = Vec::with_capacity(pieces.len() * 2 + 1);
    let mut at = 0usize;
    let mut add = |n: Node, text: &str| -> Result<(), JsValue> {
        fragment.append_child(&n)?;
        placed.push(n);
        texts.push(text.to_string());
        Ok(())
    };
    for (k, p) in pieces.iter().enumerate() {
        let (from, to) = (bytes[2 * k].max(at), bytes[2 * k + 1]);
        if from >= to {
            continue;
        }
        if from > at {
            add(doc.create_text_node(&data[at..from]).into(), &data[at..from])?;
        }
        // A figure shown only as tappable is a span: a mark says "highlighted" to a screen
        // reader, which every figure of the text is not.
        let plain = !p.hit && matches!(p.figure, Some((Highlight::Figure, _)));
        let m = doc.create_element(if plain { "span" } else { "mark" })?;
        m.set_attribute("data-rw", &paint_name(p.hit, p.figure.as_ref().map(|(h, _)| *h)))?;
        m.set_attribute("data-rw-own", own)?;
        if let Some((_, id)) = &p.figure {
            m.set_attribute("data-fig", id)?;
        }
        m.set_text_content(Some(&data[from..to]));
        add(m.into(), &data[from..to])?;
        at = to;
    }
    if at < data.len() {
        add(doc.create_text_node(&data[at..]).into(), &data[at..])?;
    }
    parent.replace_child(&fragment, original)?;
    Ok(Some(Marked { original: original.clone(), placed, texts }))
}

/// The widget's own marks (`data-rw-own` = `own`) that show search hits, in document order: a
/// `<mark data-rw="hit">` the page carries (pasted from a live page) is the page's.
pub fn hits(root: &Element, own: &str) -> Result<Vec<Element>, JsValue> {
    let list = root.query_selector_all(&cat(&["mark[data-rw~=hit][data-rw-own=\"", own, "\"]"]))?;
    Ok((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect())
}

/// Shows one hit as the current one (Enter in the searchbox), the others not.
pub fn set_current(marks: &[Element], k: Option<usize>) -> Result<(), JsValue> {
    for (i, m) in marks.iter().enumerate() {
        let name = m.get_attribute("data-rw").unwrap_or_default();
        let has = name.split(' ').any(|w| w == "current");
        if has != (Some(i) == k) {
            let mut words: Vec<&str> = name.split(' ').filter(|w| *w != "current" && !w.is_empty()).collect();
            if Some(i) == k {
                words.push("current");
            }
            let mut s = String::new();
            for w in words {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(w);
            }
            m.set_attribute("data-rw", &s)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(start: u32, end: u32, how: Highlight) -> FigureMark {
        FigureMark { start, end, how, figure: 0 }
    }

    /// (start, end, hit, figure) of each segment, to read at a glance.
    fn seg(len: u32, hits: &[(u32, u32)], figs: &[FigureMark]) -> Vec<(u32, u32, bool, Option<Highlight>)> {
        segments(len, hits, figs).into_iter().map(|s| (s.start, s.end, s.hit, s.figure.map(|f| f.0))).collect()
    }

    #[test]
    fn hits_and_figures_make_segments() {
        use Highlight::*;
        assert_eq!(seg(10, &[(2, 4)], &[]), [(2, 4, true, None)]);
        // A hit inside the selected figure does not split it.
        assert_eq!(seg(10, &[(3, 4)], &[fig(2, 6, Selected)]), [(2, 6, true, Some(Selected))]);
        // A hit overlapping the figure's edge.
        assert_eq!(seg(10, &[(0, 3)], &[fig(2, 6, Selected)]), [(0, 2, true, None), (2, 6, true, Some(Selected))]);
        assert_eq!(seg(5, &[], &[fig(0, 5, Preview)]), [(0, 5, false, Some(Preview))]);
        // Figures side by side, a hit across both.
        assert_eq!(
            seg(10, &[(1, 8)], &[fig(2, 4, Figure), fig(5, 7, Selected)]),
            [
                (1, 2, true, None),
                (2, 4, true, Some(Figure)),
                (4, 5, true, None),
                (5, 7, true, Some(Selected)),
                (7, 8, true, None)
            ]
        );
        // Out-of-range offsets are clamped, never sliced past the end.
        assert_eq!(seg(3, &[(2, 9)], &[]), [(2, 3, true, None)]);
    }

    #[test]
    fn paint_names() {
        assert_eq!(paint_name(true, None), "hit");
        assert_eq!(paint_name(true, Some(Highlight::Selected)), "hit selected");
        assert_eq!(paint_name(false, Some(Highlight::Figure)), "figure");
    }
}
