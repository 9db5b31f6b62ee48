//! The article part. Two ways in, one machinery:
//! - **enhanced** (no `reply` given): the page's own article, as the CMS wrote it, stays in
//!   the page; the widget reads it, and then only adds to it — marks around figures and
//!   matches, `data-rw-hidden` on the elements the filter hides, `tabindex="-1"` and
//!   `data-rw-node` on the headings it navigates to — and takes each addition away again;
//! - **drawn** (a `reply` given): the widget draws that reply in the host's shadow root.
//!
//! Either way the text is lines mapped back to text nodes (`page::PageText`), the filter hides
//! whole elements (`page::hidden_units`), and marks are drawn by `marks`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, ShadowRoot, Text};

use reply_core::filter::{Index, Outcome};
use reply_core::model::Reply;
use reply_core::page::{self, PageText, Unit};
use reply_core::parse::Origins;
use reply_core::util::{cat, uint, Fnv};
use reply_web::html::Html;

use super::marks::{self, FigureMark, Highlight, Marked, NodeMark, Segment};
use super::read::{Dom, ReadArticle};
use super::{State, MOUNTED_ATTR};

#[wasm_bindgen(inline_js = r#"
// The page's own changes to the article's text (normalize(), a rewritten text node): a
// MutationObserver whose records the widget takes before it draws (the page's changes since)
// and after (its own, dropped). Records it did not take in time only set the flag.
export function watch_text(el) {
  const o = new MutationObserver(() => { o.rwChanged = true; });
  o.observe(el, { childList: true, characterData: true, subtree: true });
  return o;
}
export function text_changed(o) {
  const changed = o.takeRecords().length > 0 || o.rwChanged === true;
  o.rwChanged = false;
  return changed;
}
export function unwatch_text(o) { o.disconnect(); }
"#)]
extern "C" {
    fn watch_text(el: &Element) -> JsValue;
    fn text_changed(o: &JsValue) -> bool;
    fn unwatch_text(o: &JsValue);
}

/// Watches the page's own article for changes the page makes to its text; disconnected when
/// dropped.
struct Watch(JsValue);

impl Watch {
    /// Whether the page changed the article's text nodes since the last call.
    fn changed(&self) -> bool {
        text_changed(&self.0)
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        unwatch_text(&self.0);
    }
}

/// What the widget added to the page's own elements, to take away exactly.
#[derive(Default)]
pub struct Additions {
    /// (element, attribute, the value it had before): in the order made.
    attributes: Vec<(Element, &'static str, Option<String>)>,
}

impl Additions {
    /// Sets an attribute, remembering (the first time) what was there.
    pub fn set(&mut self, e: &Element, name: &'static str, value: &str) -> Result<(), JsValue> {
        if !self.attributes.iter().any(|(x, n, _)| *n == name && x == e) {
            self.attributes.push((e.clone(), name, e.get_attribute(name)));
        }
        e.set_attribute(name, value)
    }

    /// Removes an attribute the widget set (it was not there before) or gives back the old one.
    pub fn unset(&mut self, e: &Element, name: &'static str) -> Result<(), JsValue> {
        match self.attributes.iter().find(|(x, n, _)| *n == name && x == e) {
            Some((_, _, Some(old))) => e.set_attribute(name, old),
            _ => e.remove_attribute(name),
        }
    }

    /// Gives every attribute back, last change first.
    pub fn restore(&mut self) {
        while let Some((e, name, old)) = self.attributes.pop() {
            let _ = match old {
                Some(v) => e.set_attribute(name, &v),
                None => e.remove_attribute(name),
            };
        }
    }
}

/// The article drawn by the widget: its shadow root and outer element.
pub struct Drawn {
    pub root: ShadowRoot,
    pub wrap: Element,
}

pub struct ArticlePart {
    pub host: Element,
    /// Set when the widget draws the reply itself.
    pub drawn: Option<Drawn>,
    text: PageText,
    texts: Vec<Text>,
    units: Vec<Unit>,
    unit_elements: Vec<Element>,
    /// Per unit: hidden by the filter now.
    hidden: Vec<bool>,
    line_node: Vec<usize>,
    /// Per index block: its line and the char its text starts at in the line.
    blocks: Vec<Option<(usize, u32)>>,
    /// Per outline node: the element navigation scrolls to and focuses.
    targets: Vec<Element>,
    /// Per text node: the marks standing in its place.
    marked: Vec<Option<Marked>>,
    /// Per line: a signature of its marks (0: none).
    line_sig: Vec<u64>,
    marked_lines: Vec<usize>,
    /// Per line: the page changed its text since it was read (no marks drawn in it any more).
    stale: Vec<bool>,
    /// The value of `data-rw-own` and `data-rw-hidden` ([`reply_web::styles::own_token`]).
    own: String,
    /// The page's own article: its text changes are watched.
    watch: Option<Watch>,
    pub additions: Additions,
}

/// The block-level element holding a node, within `host`.
fn block_of(node: &Node, host: &Element) -> Element {
    let e = match node.parent_element() {
        Some(e) => e,
        None => return host.clone(),
    };
    match e.closest("p,h1,h2,h3,h4,h5,h6,li,div,td,th,section,article,blockquote,dd,dt,pre,center") {
        Ok(Some(b)) if host.contains(Some(&b)) && b != *host => b,
        _ if host.contains(Some(&e)) && e != *host => e,
        _ => host.clone(),
    }
}

impl ArticlePart {
    /// Enhances the page's own article in place, from what [`super::read::read_article`] read.
    pub fn enhance(
        host: &Element,
        read: ReadArticle,
        index: &Index,
        origins: &Origins,
        additions: Additions,
    ) -> Result<ArticlePart, JsValue> {
        let ReadArticle { text, texts, elements, .. } = read;
        let texts: Vec<Text> = texts.into_iter().map(JsCast::unchecked_into).collect();
        let blocks = page::block_lines(index, origins);
        let line_node = page::line_nodes(text.lines.len(), index, &blocks);
        let (units, which) = text.units();
        let unit_elements: Vec<Element> = which.iter().map(|&k| elements[k].clone().unchecked_into()).collect();
        // Where each node is: its heading's line, else its first paragraph's line.
        let mut first_line: Vec<Option<usize>> = vec![None; index.outline.len()];
        for (b, block) in index.blocks.iter().enumerate() {
            if let (Some(slot), Some((line, _))) = (first_line.get_mut(block.node), blocks[b]) {
                slot.get_or_insert(line);
            }
        }
        let mut targets = Vec::with_capacity(index.outline.len());
        for (k, line) in first_line.into_iter().enumerate() {
            let first_node = line.and_then(|l| text.runs_of(l).first()).and_then(|r| texts.get(r.node as usize));
            let target = match first_node {
                Some(t) => block_of(t, host),
                None if k == 0 => host.clone(),
                None => targets.last().cloned().unwrap_or_else(|| host.clone()),
            };
            targets.push(target);
        }
        let n_texts = texts.len();
        let n_lines = text.lines.len();
        let mut part = ArticlePart {
            host: host.clone(),
            drawn: None,
            text,
            texts,
            hidden: vec![false; units.len()],
            units,
            unit_elements,
            line_node,
            blocks,
            targets,
            marked: Vec::new(),
            line_sig: vec![0; n_lines],
            marked_lines: Vec::new(),
            stale: vec![false; n_lines],
            own: reply_web::styles::own_token(),
            watch: Some(Watch(watch_text(host))),
            additions,
        };
        part.marked.resize_with(n_texts, || None);
        // Each node's heading as the page writes it, and its level (the title is 1).
        let headings: Vec<(String, usize)> = index
            .outline
            .nodes
            .iter()
            .enumerate()
            .map(|(k, n)| (index.blocks[index.heading_block(k)].text.clone(), if k == 0 { 0 } else { n.depth }))
            .collect();
        match part.mark_targets(&headings) {
            Ok(()) => Ok(part),
            Err(e) => {
                part.restore();
                Err(e)
            }
        }
    }

    /// Scopes the document's styles to the article and makes its headings focusable targets
    /// (`data-rw-node` also tells the scroll observer which node a heading is). A heading the
    /// CMS wrote as a plain paragraph (`<p><strong>（一）…</strong></p>`) alone in its element
    /// becomes a heading for screen readers too (`role="heading"`, `aria-level`).
    fn mark_targets(&mut self, headings: &[(String, usize)]) -> Result<(), JsValue> {
        let host = self.host.clone();
        self.additions.set(&host, "data-rw-article", "")?;
        // A node sharing its element with the node before keeps the first's number (a
        // `data-rw-node` the page carries, pasted from a live page, is replaced, then given back).
        let mut done: Vec<&Element> = Vec::with_capacity(self.targets.len());
        let targets = self.targets.clone();
        for (k, t) in targets.iter().enumerate() {
            if done.contains(&t) || *t == host {
                continue;
            }
            done.push(t);
            self.additions.set(t, "data-rw-node", &uint(k))?;
            if !t.has_attribute("tabindex") {
                self.additions.set(t, "tabindex", "-1")?;
            }
            let Some((text, depth)) = headings.get(k).filter(|(text, _)| !text.is_empty()) else { continue };
            let tag = t.local_name();
            let plain = !matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") && !t.has_attribute("role");
            if plain && t.text_content().is_some_and(|c| c.trim() == text.trim()) {
                self.additions.set(t, "role", "heading")?;
                self.additions.set(t, "aria-level", &uint((depth + 1).min(6)))?;
            }
        }
        Ok(())
    }

    /// Draws a given reply in the host's shadow root.
    pub fn draw(
        doc: &Document,
        host: &Element,
        root: ShadowRoot,
        reply: &Reply,
        index: &Index,
    ) -> Result<ArticlePart, JsValue> {
        let wrap = doc.create_element("article")?;
        wrap.set_class_name("rw rw-article");
        wrap.set_attribute("aria-labelledby", "rw-node-0")?;
        root.append_child(&wrap)?;
        markup(reply, index).append_to(&wrap)?;
        // Every element with an id, in document order: per node its section, its heading, then
        // its paragraphs (the order written).
        let list = wrap.query_selector_all("[id]")?;
        let mut next = 0;
        let mut take = || {
            next += 1;
            list.item(next - 1).map(JsCast::unchecked_into::<Element>)
        };
        let mut sections = Vec::with_capacity(index.outline.len());
        let mut targets = Vec::with_capacity(index.outline.len());
        let mut block_elements = Vec::with_capacity(index.blocks.len());
        for n in &index.outline.nodes {
            let (Some(section), Some(heading)) = (take(), take()) else { break };
            sections.push(section);
            block_elements.push(heading.clone());
            targets.push(heading);
            for _ in &n.paragraphs {
                block_elements.extend(take());
            }
        }
        // One text node per block (an empty block gets an empty one).
        let mut texts = Vec::with_capacity(block_elements.len());
        for e in &block_elements {
            let t: Text = match e.first_child() {
                Some(n) if n.node_type() == Node::TEXT_NODE => n.unchecked_into(),
                _ => {
                    let t = doc.create_text_node("");
                    e.append_child(&t)?;
                    t
                }
            };
            texts.push(t);
        }
        let lines: Vec<&str> = index.blocks.iter().map(|b| b.text.as_str()).collect();
        let text = PageText::from_blocks(&lines);
        let line_node: Vec<usize> = index.blocks.iter().map(|b| b.node).collect();
        // A unit per section: its heading line to the last line of its last descendant.
        let nodes = &index.outline.nodes;
        let mut units = Vec::with_capacity(nodes.len());
        let mut open: Vec<usize> = Vec::new();
        for (k, n) in nodes.iter().enumerate() {
            while open.last().is_some_and(|&top| Some(top) != n.parent) {
                open.pop();
            }
            let end = (k + 1..nodes.len()).find(|&j| nodes[j].depth <= n.depth).unwrap_or(nodes.len());
            let last_block = if end < nodes.len() { index.heading_block(end) - 1 } else { index.blocks.len() - 1 };
            units.push(Unit { parent: open.last().copied(), first: index.heading_block(k), last: last_block });
            open.push(k);
        }
        let n_texts = texts.len();
        let n_lines = text.lines.len();
        let mut part = ArticlePart {
            host: host.clone(),
            drawn: Some(Drawn { root, wrap }),
            text,
            texts,
            hidden: vec![false; units.len()],
            units,
            unit_elements: sections,
            line_node,
            blocks: (0..index.blocks.len()).map(|b| Some((b, 0))).collect(),
            targets,
            marked: Vec::new(),
            line_sig: vec![0; n_lines],
            marked_lines: Vec::new(),
            stale: vec![false; n_lines],
            own: reply_web::styles::own_token(),
            watch: None,
            additions: Additions::default(),
        };
        part.marked.resize_with(n_texts, || None);
        Ok(part)
    }

    /// The element the reader sees: the drawn article, or the page's own.
    pub fn root(&self) -> &Element {
        self.drawn.as_ref().map_or(&self.host, |d| &d.wrap)
    }

    /// The element node `k` navigates to.
    pub fn target(&self, k: usize) -> Option<&Element> {
        self.targets.get(k)
    }

    pub fn targets(&self) -> &[Element] {
        &self.targets
    }

    /// Hides the elements whose text belongs only to nodes the filter hides.
    pub fn show_nodes(&mut self, node_visible: &[bool]) -> Result<(), JsValue> {
        let hide = page::hidden_units(&self.units, &self.line_node, node_visible);
        for (k, h) in hide.into_iter().enumerate() {
            if h != self.hidden[k] {
                let e = &self.unit_elements[k];
                if h {
                    self.additions.set(e, "data-rw-hidden", &self.own)?;
                } else {
                    self.additions.unset(e, "data-rw-hidden")?;
                }
                self.hidden[k] = h;
            }
        }
        Ok(())
    }

    /// Draws the marks the state wants: the filter's hits, and figures shown as `how`.
    /// Only lines whose marks changed are redrawn.
    pub fn paint(
        &mut self,
        doc: &Document,
        index: &Index,
        reply: &Reply,
        outcome: &Outcome,
        figures: &[(usize, Highlight)],
    ) -> Result<(), JsValue> {
        self.resync_if_changed();
        let painted = self.paint_lines(doc, index, reply, outcome, figures);
        // The records of the widget's own marks: not the page's changes.
        if let Some(w) = &self.watch {
            w.changed();
        }
        painted
    }

    /// The page changed its article's text nodes since the widget last drew: its marks come
    /// out (unwrapped where the page changed them, so its text stays as it made it), the text
    /// is read again, and a line whose text is no longer the one the reply was read from gets
    /// no marks. The reply itself stays as read (`refresh()` reads it again).
    fn resync_if_changed(&mut self) {
        if !self.watch.as_ref().is_some_and(Watch::changed) {
            return;
        }
        for m in self.marked.iter_mut().filter_map(Option::take) {
            m.restore();
        }
        self.line_sig.iter_mut().for_each(|s| *s = 0);
        self.marked_lines.clear();
        let mut texts = Vec::new();
        let mut elements = Vec::new();
        let text = page::read(&Dom, self.host.unchecked_ref::<Node>(), &mut texts, &mut elements);
        if text.lines.len() == self.text.lines.len() {
            for (l, line) in text.lines.iter().enumerate() {
                self.stale[l] |= *line != self.text.lines[l];
            }
            self.texts = texts.into_iter().map(JsCast::unchecked_into).collect();
            self.marked = Vec::new();
            self.marked.resize_with(self.texts.len(), || None);
            self.text = text;
        } else {
            self.stale.iter_mut().for_each(|s| *s = true);
        }
        if let Some(w) = &self.watch {
            w.changed();
        }
    }

    fn paint_lines(
        &mut self,
        doc: &Document,
        index: &Index,
        reply: &Reply,
        outcome: &Outcome,
        figures: &[(usize, Highlight)],
    ) -> Result<(), JsValue> {
        // Per line: its hits and its figures.
        let mut want: Vec<LineMarks> = Vec::new();
        let slot = |want: &mut Vec<LineMarks>, line: usize| -> usize {
            match want.iter().rposition(|w| w.0 == line) {
                Some(k) => k,
                None => {
                    want.push((line, Vec::new(), Vec::new()));
                    want.len() - 1
                }
            }
        };
        for (b, ranges) in &outcome.marks {
            let Some((line, at)) = self.blocks.get(*b).copied().flatten() else { continue };
            let k = slot(&mut want, line);
            want[k].1.extend(ranges.iter().map(|(s, e)| (s + at, e + at)));
        }
        for &(i, how) in figures {
            let Some(f) = reply.figures.get(i) else { continue };
            let Some((b, (s, e))) = index.figure_range(f) else { continue };
            let Some((line, at)) = self.blocks.get(b).copied().flatten() else { continue };
            let k = slot(&mut want, line);
            let (s, e) = (s + at, e + at);
            match want[k].2.iter_mut().find(|m| m.figure == i as u32) {
                Some(m) => m.how = m.how.max(how),
                None => want[k].2.push(FigureMark { start: s, end: e, how, figure: i as u32 }),
            }
        }
        let mut now = vec![false; self.text.lines.len()];
        for (line, hits, figs) in &mut want {
            reply_core::util::sort_by(figs, |a, b| a.start < b.start);
            let len = self.text.lines.get(*line).map_or(0, |l| l.chars().count() as u32);
            let segs = if self.stale.get(*line).copied().unwrap_or(true) {
                Vec::new()
            } else {
                marks::segments(len, hits, figs)
            };
            let sig = signature(&segs);
            if let Some(n) = now.get_mut(*line) {
                *n = !segs.is_empty();
            }
            if self.line_sig.get(*line) == Some(&sig) {
                continue;
            }
            self.restore_line(*line);
            self.mark_line(doc, reply, *line, &segs)?;
            self.line_sig[*line] = sig;
        }
        for &line in &self.marked_lines.clone() {
            if !now.get(line).copied().unwrap_or(true) {
                self.restore_line(line);
                self.line_sig[line] = 0;
            }
        }
        self.marked_lines = (0..now.len()).filter(|&l| now[l]).collect();
        Ok(())
    }

    fn restore_line(&mut self, line: usize) {
        let nodes: Vec<u32> = self.text.runs_of(line).iter().map(|r| r.node).collect();
        for n in nodes {
            if let Some(m) = self.marked.get_mut(n as usize).and_then(Option::take) {
                m.restore();
            }
        }
    }

    fn mark_line(&mut self, doc: &Document, reply: &Reply, line: usize, segs: &[Segment]) -> Result<(), JsValue> {
        // Per text node, its pieces, in order (a line's nodes come in order).
        let mut per_node: Vec<(u32, Vec<NodeMark>)> = Vec::new();
        for s in segs {
            for p in self.text.pieces(line, s.start, s.end) {
                let figure = s.figure.and_then(|(how, i)| reply.figures.get(i as usize).map(|f| (how, f.id.clone())));
                let m = NodeMark { from: p.from, to: p.to, hit: s.hit, figure };
                match per_node.last_mut() {
                    Some((n, list)) if *n == p.node => list.push(m),
                    _ => per_node.push((p.node, vec![m])),
                }
            }
        }
        for (n, list) in per_node {
            if let Some(t) = self.texts.get(n as usize) {
                let marked = marks::mark(doc, t, &list, &self.own)?;
                self.marked[n as usize] = marked;
            }
        }
        Ok(())
    }

    /// The first mark of figure `id` in the article.
    pub fn figure_mark(&self, id: &str) -> Option<Element> {
        let own = &self.own;
        self.root().query_selector(&cat(&["mark[data-fig=\"", id, "\"][data-rw-own=\"", own, "\"]"])).ok().flatten()
    }

    /// The widget's own marks of search hits, in document order.
    pub fn hits(&self) -> Result<Vec<Element>, JsValue> {
        marks::hits(self.root(), &self.own)
    }

    /// Takes away everything the widget added: marks, attributes; a drawn article's content.
    pub fn restore(mut self) {
        self.watch = None;
        for m in self.marked.iter_mut().filter_map(Option::take) {
            m.restore();
        }
        self.additions.restore();
        if let Some(d) = &self.drawn {
            d.root.set_text_content(None);
        }
    }
}

/// What one line is to be drawn with: (line, search hits, figures).
type LineMarks = (usize, Vec<(u32, u32)>, Vec<FigureMark>);

/// FNV over a line's segments; never 0, which means "no marks".
fn signature(segs: &[Segment]) -> u64 {
    let mut h = Fnv::default();
    for s in segs {
        h.mix(s.start);
        h.mix(s.end);
        h.mix(u32::from(s.hit));
        match s.figure {
            Some((how, i)) => {
                h.mix(how as u32 + 1);
                h.mix(i);
            }
            None => h.mix(0),
        }
    }
    std::hash::Hasher::finish(&h) | 1
}

fn heading_tag(depth: usize) -> &'static str {
    match depth {
        1 => "h2",
        2 => "h3",
        3 => "h4",
        4 => "h5",
        _ => "h6",
    }
}

fn section_tag(k: usize) -> &'static str {
    if k == 0 {
        "header"
    } else {
        "section"
    }
}

/// The drawn article: the title in a `<header>`, then one `<section>` per outline node, nested
/// as the outline is, each with its heading and paragraphs; the signature in its own box.
fn markup(reply: &Reply, index: &Index) -> Html {
    let mut h = Html::new();
    // The open sections, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for (k, n) in index.outline.nodes.iter().enumerate() {
        while let Some(&top) = open.last() {
            if Some(top) == n.parent {
                break;
            }
            h.close(section_tag(top));
            open.pop();
        }
        open.push(k);
        let key = uint(k);
        h.open(section_tag(k), "", &[("id", &n.key), ("data-node", &key)]);
        let (tag, class) = if k == 0 {
            ("h1", "")
        } else if n.number.is_empty() {
            // 开头 / 结束语 are our labels, not the reply's: for the outline and screen readers only.
            (heading_tag(n.depth), "rw-sr")
        } else {
            (heading_tag(n.depth), "")
        };
        let node_id = cat(&["rw-node-", &key]);
        let heading = &index.blocks[index.heading_block(k)].text;
        h.leaf(tag, class, &[("id", &node_id), ("tabindex", "-1"), ("data-rw-node", &key)], heading);
        if k == 0 {
            let meta = [("发布时间：", reply.published.as_deref()), ("来源：", reply.source.as_deref())];
            if meta.iter().any(|(_, v)| v.is_some()) {
                h.open("p", "rw-meta", &[]);
                let mut first = true;
                for (label, value) in meta {
                    let Some(value) = value else { continue };
                    if !first {
                        h.text("　");
                    }
                    h.text(label).text(value);
                    first = false;
                }
                h.close("p");
            }
        }
        let mut in_signature = false;
        for p in &n.paragraphs {
            let signed = reply.signature.iter().any(|s| &s.id == p);
            if signed != in_signature {
                if signed {
                    h.open("div", "rw-signature", &[]);
                } else {
                    h.close("div");
                }
                in_signature = signed;
            }
            let text = index.block_of(p).map_or("", |b| index.blocks[b].text.as_str());
            h.leaf("p", "", &[("id", p)], text);
        }
        if in_signature {
            h.close("div");
        }
    }
    while let Some(top) = open.pop() {
        h.close(section_tag(top));
    }
    h
}

impl State {
    /// Mounts the article part on `host`: the page's own article enhanced in place (`read`:
    /// what was read from it, with the document's stylesheet), else the given reply drawn in
    /// the host's shadow root.
    pub(super) fn mount_article(
        &mut self,
        doc: &Document,
        host: &Element,
        read: Option<ReadArticle>,
    ) -> Result<(), JsValue> {
        let part = match read {
            Some(read) => {
                if !self.document_sheet {
                    reply_web::styles::adopt_document(doc)?;
                    self.document_sheet = true;
                }
                let origins = read.parsed.origins.clone();
                ArticlePart::enhance(host, read, &self.index, &origins, Additions::default())?
            }
            None => {
                let root = reply_web::styles::shadow(host)?;
                self.hosts.push((host.clone(), root.clone()));
                ArticlePart::draw(doc, host, root, &self.reply, &self.index)?
            }
        };
        self.article = Some(part);
        host.set_attribute(MOUNTED_ATTR, "article")?;
        Ok(())
    }
}
