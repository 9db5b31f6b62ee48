//! A reply page → the lines the parser reads, and where every char of them stands in the page.
//! Pure: the walk over the page's tree is given by the caller through [`Tree`] — the browser's
//! DOM in the widget (`reply_widget`'s `dom::read`), html5ever's tree on the command line
//! (`reply_widget_cli::html`) — so that both read a page the same way and give the same reply.
//!
//! What makes a line: block elements (`p div h1–h6 li tr …`) and `<br>`; table cells are
//! joined with a tab (a clause break for the figure reader, never a figure's neighbour). White
//! space is collapsed as the browser renders it (`&nbsp;` and the full-width space stay: the
//! parser trims them off line starts). Scripts, styles, form controls and `hidden` elements are
//! not text. A figure split across elements (`<span>361</span><span>亿元</span>`) is one run
//! of line text mapped back to its two text nodes.
//!
//! A tree of your own (here a vector of nodes) read into lines, and the lines into a reply:
//!
//! ```
//! use reply_core::page::{read, Tree, Visit};
//! use reply_core::parse::{parse_lines, Hints};
//!
//! // (tag or text, first child, next sibling)
//! struct Nodes(Vec<(&'static str, Option<usize>, Option<usize>)>);
//! impl Tree for Nodes {
//!     type Node = usize;
//!     fn first_child(&self, n: &usize) -> Option<usize> { self.0[*n].1 }
//!     fn next_sibling(&self, n: &usize) -> Option<usize> { self.0[*n].2 }
//!     fn visit(&self, n: &usize) -> Visit {
//!         match self.0[*n].0 {
//!             tag @ ("div" | "p" | "span") => Visit::Element(tag.to_string(), false),
//!             text => Visit::Text(text.to_string()),
//!         }
//!     }
//! }
//! // <div><p>一、基金</p><p>累计出资<span>361</span>亿元。</p></div>
//! let page = Nodes(vec![
//!     ("div", Some(1), None),
//!     ("p", Some(2), Some(3)),
//!     ("一、基金", None, None),
//!     ("p", Some(4), None),
//!     ("累计出资", None, Some(5)),
//!     ("span", Some(6), Some(7)),
//!     ("361", None, None),
//!     ("亿元。", None, None),
//! ]);
//! let (mut texts, mut elements) = (Vec::new(), Vec::new());
//! let text = read(&page, &0, &mut texts, &mut elements);
//! assert_eq!(text.lines, ["一、基金", "累计出资361亿元。"]);
//! // The figure spans two text nodes: 361 (node 6) and 亿元 (node 7).
//! let lines: Vec<&str> = text.lines.iter().map(String::as_str).collect();
//! let reply = parse_lines(&lines, &Hints::default()).reply;
//! assert_eq!(reply.figures[0].text, "361亿元");
//! assert_eq!(texts, [2, 4, 6, 7]);
//! ```

use crate::filter::Index;
use crate::outline::Outline;
use crate::parse::{Hints, LineStyle, Origins};

pub mod find;

/// What the walk sees of one node.
pub enum Visit {
    /// An element: its tag name (lower case) and whether it is `hidden`.
    Element(String, bool),
    Text(String),
    /// Comments, processing instructions: nothing.
    Other,
}

/// A page's tree, walked in document order.
pub trait Tree {
    type Node: Clone;
    fn first_child(&self, n: &Self::Node) -> Option<Self::Node>;
    fn next_sibling(&self, n: &Self::Node) -> Option<Self::Node>;
    fn visit(&self, n: &Self::Node) -> Visit;
    /// An attribute of an element (`align`, `style`): the presentation hints of its lines
    /// (centred, bold). None where the tree does not say.
    fn attribute(&self, _n: &Self::Node, _name: &str) -> Option<String> {
        None
    }
}

/// How an element sets its text, as far as the title reader cares: `Some(true)` centred (or
/// bold), `Some(false)` explicitly not, `None` inherited from its parent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Format {
    centred: Option<bool>,
    bold: Option<bool>,
}

/// An element's format from its tag (`<center>`, `<b>`, `<strong>`, `h1`–`h3`), its `align`
/// attribute and its inline `style` (`text-align`, `font-weight`).
fn format(tag: &str, align: Option<&str>, style: Option<&str>) -> Format {
    let mut f = Format::default();
    match tag {
        "center" => f.centred = Some(true),
        "b" | "strong" | "h1" | "h2" | "h3" => f.bold = Some(true),
        _ => {}
    }
    match align.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
        Some("center" | "middle") => f.centred = Some(true),
        Some("left" | "right" | "justify") => f.centred = Some(false),
        _ => {}
    }
    let style: String =
        style.unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    for decl in style.split(';') {
        let Some((prop, value)) = decl.split_once(':') else { continue };
        let value = value.trim_end_matches("!important");
        match prop {
            "text-align" => f.centred = Some(value == "center" || value == "-webkit-center"),
            "font-weight" => {
                f.bold = match value {
                    "bold" | "bolder" | "600" | "700" | "800" | "900" => Some(true),
                    "normal" | "lighter" | "100" | "200" | "300" | "400" | "500" => Some(false),
                    _ => f.bold,
                }
            }
            _ => {}
        }
    }
    f
}

/// A tree with one of its nodes read as nothing: the page around an article, whose metadata
/// table is read from the rest (the article's own header is the parser's).
pub struct Outside<'t, T: Tree> {
    pub tree: &'t T,
    pub skip: T::Node,
}

impl<T: Tree> Tree for Outside<'_, T>
where
    T::Node: PartialEq,
{
    type Node = T::Node;

    fn first_child(&self, n: &Self::Node) -> Option<Self::Node> {
        self.tree.first_child(n)
    }

    fn next_sibling(&self, n: &Self::Node) -> Option<Self::Node> {
        self.tree.next_sibling(n)
    }

    fn visit(&self, n: &Self::Node) -> Visit {
        if *n == self.skip {
            return Visit::Other;
        }
        self.tree.visit(n)
    }

    fn attribute(&self, n: &Self::Node, name: &str) -> Option<String> {
        self.tree.attribute(n, name)
    }
}

/// A tree read up to one of its nodes: the page above an article, where a site may set the
/// article's title outside its container. The walk ends at `stop` (it and what follows read as
/// nothing).
pub struct Before<'t, T: Tree> {
    tree: &'t T,
    stop: T::Node,
    reached: std::cell::Cell<bool>,
}

impl<'t, T: Tree> Before<'t, T> {
    pub fn new(tree: &'t T, stop: T::Node) -> Self {
        Before { tree, stop, reached: std::cell::Cell::new(false) }
    }
}

impl<T: Tree> Tree for Before<'_, T>
where
    T::Node: PartialEq,
{
    type Node = T::Node;

    fn first_child(&self, n: &Self::Node) -> Option<Self::Node> {
        if self.reached.get() {
            return None;
        }
        self.tree.first_child(n)
    }

    fn next_sibling(&self, n: &Self::Node) -> Option<Self::Node> {
        if self.reached.get() {
            return None;
        }
        self.tree.next_sibling(n)
    }

    fn visit(&self, n: &Self::Node) -> Visit {
        if *n == self.stop {
            self.reached.set(true);
        }
        if self.reached.get() {
            return Visit::Other;
        }
        self.tree.visit(n)
    }

    fn attribute(&self, n: &Self::Node, name: &str) -> Option<String> {
        self.tree.attribute(n, name)
    }
}

/// How an element takes part in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Inline,
    /// Starts and ends a line.
    Block,
    /// A table cell: its text joins the row's line after a tab.
    Cell,
    /// `<br>`: ends a line.
    Break,
    /// Keeps white space and line ends (`<pre>`).
    Pre,
    /// Not text at all (`<script>`, `<button>` …).
    Skip,
}

fn kind(tag: &str) -> Kind {
    match tag {
        "br" => Kind::Break,
        "td" | "th" => Kind::Cell,
        "pre" | "listing" | "plaintext" | "xmp" => Kind::Pre,
        "script" | "style" | "template" | "noscript" | "textarea" | "select" | "button" | "input" | "iframe"
        | "object" | "embed" | "svg" | "math" | "canvas" | "video" | "audio" | "head" | "title" | "meta" | "link" => {
            Kind::Skip
        }
        "address" | "article" | "aside" | "blockquote" | "center" | "dd" | "details" | "dialog" | "dir" | "div"
        | "dl" | "dt" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5"
        | "h6" | "header" | "hgroup" | "hr" | "li" | "main" | "menu" | "nav" | "ol" | "p" | "section" | "summary"
        | "table" | "tbody" | "thead" | "tfoot" | "tr" | "ul" | "caption" | "legend" | "body" | "html" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// A piece of a line that is one stretch of one text node: chars `start..end` of line `line`
/// are the node's text from UTF-16 offset `utf16` on, char for char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub node: u32,
    pub line: u32,
    pub start: u32,
    pub end: u32,
    pub utf16: u32,
    /// Some char of the run takes two UTF-16 units (an emoji, a rare CJK ideograph): offsets
    /// in it must be counted; otherwise a char is one unit.
    pub wide: bool,
}

/// One element of the article (in document order, the article itself not included): its
/// parent (`u32::MAX` for the article's children) and the text chars it spans, counted over the
/// whole article (`from == to` for an element without text, such as an image).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element {
    pub parent: u32,
    pub from: u64,
    pub to: u64,
    /// Not a `<br>` nor an element that is not text (a script): hiding it hides text only.
    pub text_like: bool,
}

/// An element the filter may hide as a whole: its parent unit and the lines it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub parent: Option<usize>,
    pub first: usize,
    pub last: usize,
}

/// Which units to hide so that exactly the lines of hidden outline nodes disappear: a unit
/// whose lines all belong to hidden nodes, unless its parent unit is hidden already. Units
/// come in document order (parents first); `line_node` gives each line's node (in reading
/// order, so a unit's nodes are a range), `node_visible` each node's visibility. Node 0 (the
/// title and the page's header lines) is never hidden.
pub fn hidden_units(units: &[Unit], line_node: &[usize], node_visible: &[bool]) -> Vec<bool> {
    // visible_before[k]: visible nodes among 0..k.
    let mut visible_before = Vec::with_capacity(node_visible.len() + 1);
    let mut n = 0usize;
    for (k, v) in node_visible.iter().enumerate() {
        visible_before.push(n);
        n += usize::from(*v || k == 0);
    }
    visible_before.push(n);
    let all_hidden = |u: &Unit| {
        let (Some(&a), Some(&b)) = (line_node.get(u.first), line_node.get(u.last)) else { return false };
        let (a, b) = (a.min(b), a.max(b).min(node_visible.len().saturating_sub(1)));
        a < node_visible.len() && visible_before[b + 1] == visible_before[a]
    };
    let mut covered = vec![false; units.len()];
    let mut out = vec![false; units.len()];
    for (k, u) in units.iter().enumerate() {
        let parent = u.parent.is_some_and(|p| covered.get(p).copied().unwrap_or(false));
        let hide = all_hidden(u);
        covered[k] = parent || hide;
        out[k] = hide && !parent;
    }
    out
}

/// The text of an article as lines, and the way back to its nodes.
#[derive(Clone, Debug, Default)]
pub struct PageText {
    pub lines: Vec<String>,
    /// How each line is set (centred, bold), one per line: what the title reader is given.
    pub styles: Vec<LineStyle>,
    /// Sorted by line and start.
    pub runs: Vec<Run>,
    pub elements: Vec<Element>,
    /// Where each line starts, counted in chars over the whole article.
    line_starts: Vec<u64>,
    /// The first run of each line.
    line_runs: Vec<u32>,
}

impl PageText {
    /// The text of blocks the widget drew itself, one text node each (`node` = block index):
    /// one line per block.
    pub fn from_blocks(blocks: &[&str]) -> PageText {
        let mut out = PageText::default();
        let mut total = 0u64;
        for (k, b) in blocks.iter().enumerate() {
            let chars = b.chars().count() as u32;
            out.line_starts.push(total);
            out.line_runs.push(out.runs.len() as u32);
            let wide = b.chars().any(|c| c.len_utf16() > 1);
            out.runs.push(Run { node: k as u32, line: k as u32, start: 0, end: chars, utf16: 0, wide });
            out.lines.push(b.to_string());
            out.styles.push(LineStyle::default());
            total += u64::from(chars);
        }
        out
    }

    /// The elements the filter may hide (text-like, spanning whole lines: hiding one never cuts
    /// a line in two), as units with their parents among them, and their element indexes.
    pub fn units(&self) -> (Vec<Unit>, Vec<usize>) {
        let mut units = Vec::new();
        let mut which = Vec::new();
        // Per element, its unit (or its nearest ancestor's).
        let mut unit_of: Vec<Option<usize>> = Vec::with_capacity(self.elements.len());
        for e in &self.elements {
            let parent = self.elements.get(e.parent as usize).and(unit_of.get(e.parent as usize).copied().flatten());
            let whole = e.from == e.to || (self.starts_line(e.from) && self.ends_line(e.to));
            if e.text_like && whole && !self.lines.is_empty() {
                let (first, last) = self.element_lines(e);
                unit_of.push(Some(units.len()));
                which.push(unit_of.len() - 1);
                units.push(Unit { parent, first, last });
            } else {
                unit_of.push(parent);
            }
        }
        (units, which)
    }

    fn starts_line(&self, at: u64) -> bool {
        self.line_starts.binary_search(&at).is_ok()
    }

    fn ends_line(&self, at: u64) -> bool {
        let l = self.line_at(at.saturating_sub(1));
        self.line_starts.get(l).is_some_and(|s| s + self.lines[l].chars().count() as u64 == at)
    }
}

/// A char of a text node: the node and its UTF-16 range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub node: u32,
    pub from: u32,
    pub to: u32,
}

impl PageText {
    /// The line of a char position over the whole article: the line holding it, or for a
    /// position between lines the line before (an image belongs with the text above it).
    pub fn line_at(&self, at: u64) -> usize {
        // The last line starting at or before `at`.
        let k = self.line_starts.partition_point(|&s| s <= at);
        k.saturating_sub(1)
    }

    /// The lines an element spans (first, last), or for one without text the line it follows.
    pub fn element_lines(&self, e: &Element) -> (usize, usize) {
        if e.to > e.from {
            (self.line_at(e.from), self.line_at(e.to - 1))
        } else {
            let l = self.line_at(e.from.saturating_sub(1));
            (l, l)
        }
    }

    /// The runs of a line.
    pub fn runs_of(&self, line: usize) -> &[Run] {
        let first = self.line_runs.get(line).map_or(self.runs.len(), |&r| r as usize);
        let n = self.runs[first..].iter().take_while(|r| r.line as usize == line).count();
        &self.runs[first..first + n]
    }

    /// The text-node pieces that hold chars `a..b` of line `line`, in order.
    pub fn pieces(&self, line: usize, a: u32, b: u32) -> Vec<Piece> {
        let mut out = Vec::new();
        let Some(text) = self.lines.get(line) else { return out };
        let first = self.line_runs.get(line).copied().unwrap_or(u32::MAX) as usize;
        for run in self.runs.iter().skip(first).take_while(|r| r.line as usize == line) {
            let (s, e) = (a.max(run.start), b.min(run.end));
            if s >= e {
                continue;
            }
            if !run.wide {
                out.push(Piece { node: run.node, from: run.utf16 + (s - run.start), to: run.utf16 + (e - run.start) });
                continue;
            }
            // UTF-16 offsets of s and e within the node, counting the run's chars.
            let mut u = run.utf16;
            let (mut from, mut to) = (u, u);
            for (k, c) in text.chars().enumerate().skip(run.start as usize).take((run.end - run.start) as usize) {
                let k = k as u32;
                if k == s {
                    from = u;
                }
                u += c.len_utf16() as u32;
                if k + 1 == e {
                    to = u;
                }
            }
            out.push(Piece { node: run.node, from, to });
        }
        out
    }
}

/// East Asian wide: CJK ideographs and punctuation, kana, full-width forms (CSS Text's segment
/// break rule, simplified to the ranges the genre uses).
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}' | '\u{20000}'..='\u{3FFFD}')
}

/// Builds [`PageText`] from the walk's events.
struct Reader {
    out: PageText,
    line: String,
    line_chars: u32,
    /// Chars emitted over the whole article.
    total: u64,
    /// A collapsed white space waiting for the next char of the line: where it came from, and
    /// whether it held a line end.
    space: Option<(u32, u32, bool)>,
    /// The line's last char.
    last: char,
    pre: u32,
    /// Open elements: their index in `out.elements`.
    open: Vec<u32>,
    /// The UTF-16 offset just after the last run's last char, to extend it.
    run_end: u32,
    /// The format of each open element (parallel to `open`).
    formats: Vec<Format>,
    /// The line so far: centred (at its first char), and bold in every char.
    line_style: LineStyle,
    /// Whether the line has a visible char yet (its style is set at the first).
    styled: bool,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            out: PageText::default(),
            line: String::new(),
            line_chars: 0,
            total: 0,
            space: None,
            last: ' ',
            pre: 0,
            open: Vec::new(),
            run_end: 0,
            formats: Vec::new(),
            line_style: LineStyle::default(),
            styled: false,
        }
    }

    fn end_line(&mut self) {
        self.space = None;
        if self.line_chars == 0 {
            return;
        }
        self.out.lines.push(std::mem::take(&mut self.line));
        self.out.styles.push(std::mem::take(&mut self.line_style));
        self.styled = false;
        self.line_chars = 0;
    }

    /// Appends one char of the line; `from` is where it came from (none for a tab between
    /// cells).
    fn push(&mut self, c: char, from: Option<(u32, u32)>) {
        if !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{3000}') {
            let inherited = |f: fn(&Format) -> Option<bool>| self.formats.iter().rev().find_map(f).unwrap_or(false);
            let bold = inherited(|f| f.bold);
            if !self.styled {
                self.line_style = LineStyle { centred: inherited(|f| f.centred), bold };
                self.styled = true;
            }
            self.line_style.bold &= bold;
        }
        if self.line_chars == 0 {
            self.out.line_starts.push(self.total);
            self.out.line_runs.push(self.out.runs.len() as u32);
        }
        let line = self.out.lines.len() as u32;
        if let Some((node, utf16)) = from {
            let k = self.line_chars;
            match self.out.runs.last_mut() {
                // The same node, right after the last char of the run: extend it.
                Some(r) if r.node == node && r.line == line && r.end == k && self.run_end == utf16 => {
                    r.end += 1;
                    r.wide |= c.len_utf16() > 1;
                }
                _ => self.out.runs.push(Run { node, line, start: k, end: k + 1, utf16, wide: c.len_utf16() > 1 }),
            }
            self.run_end = utf16 + c.len_utf16() as u32;
        }
        self.line.push(c);
        self.last = c;
        self.line_chars += 1;
        self.total += 1;
    }

    fn text(&mut self, node: u32, s: &str) {
        let mut u = 0u32;
        for c in s.chars() {
            let at = u;
            u += c.len_utf16() as u32;
            if self.pre > 0 {
                if c == '\n' {
                    self.end_line();
                } else if c != '\r' {
                    self.push(c, Some((node, at)));
                }
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if self.line_chars > 0 && self.last != '\t' {
                    let (n, a, newline) = self.space.unwrap_or((node, at, false));
                    self.space = Some((n, a, newline || c == '\n' || c == '\r'));
                }
                continue;
            }
            if let Some((n, a, newline)) = self.space.take() {
                // CSS Text: a line end between two East Asian wide chars is removed, not made a
                // space (`361\n亿元` in the source is 361亿元).
                if !(newline && is_wide(self.last) && is_wide(c)) {
                    self.push(' ', Some((n, a)));
                }
            }
            self.push(c, Some((node, at)));
        }
    }

    fn open(&mut self, kind: Kind, format: Format) {
        self.formats.push(format);
        match kind {
            Kind::Block => self.end_line(),
            Kind::Cell => {
                if self.line_chars > 0 {
                    self.space = None;
                    self.push('\t', None);
                }
            }
            Kind::Pre => {
                self.end_line();
                self.pre += 1;
            }
            Kind::Inline | Kind::Break | Kind::Skip => {}
        }
        let parent = self.open.last().copied().unwrap_or(u32::MAX);
        self.open.push(self.out.elements.len() as u32);
        let text_like = !matches!(kind, Kind::Break | Kind::Skip);
        self.out.elements.push(Element { parent, from: self.total, to: self.total, text_like });
    }

    fn close(&mut self, kind: Kind) {
        if let Some(k) = self.open.pop() {
            self.out.elements[k as usize].to = self.total;
        }
        match kind {
            Kind::Block | Kind::Break => self.end_line(),
            Kind::Pre => {
                self.end_line();
                self.pre = self.pre.saturating_sub(1);
            }
            Kind::Cell | Kind::Inline | Kind::Skip => {}
        }
        self.formats.pop();
    }

    fn finish(mut self) -> PageText {
        self.end_line();
        self.out
    }
}

/// Reads the text under `root` (not `root` itself). Every text node that gave text is pushed
/// to `texts` (a run's `node` indexes it), every element entered to `elements` (in the order of
/// [`PageText::elements`]). Iterative: a page nested 100,000 deep cannot overflow the stack.
pub fn read<T: Tree>(tree: &T, root: &T::Node, texts: &mut Vec<T::Node>, elements: &mut Vec<T::Node>) -> PageText {
    let mut r = Reader::new();
    // The open elements with their kinds, and the next node to visit.
    let mut stack: Vec<(T::Node, Kind)> = Vec::new();
    let mut next = tree.first_child(root);
    loop {
        let Some(node) = next.take() else {
            // No more siblings: close the innermost open element and go on after it.
            let Some((parent, kind)) = stack.pop() else { break };
            r.close(kind);
            next = tree.next_sibling(&parent);
            continue;
        };
        match tree.visit(&node) {
            Visit::Element(tag, hidden) => {
                let kind = if hidden { Kind::Skip } else { kind(&tag) };
                let f = if kind == Kind::Skip {
                    Format::default()
                } else {
                    format(&tag, tree.attribute(&node, "align").as_deref(), tree.attribute(&node, "style").as_deref())
                };
                r.open(kind, f);
                elements.push(node.clone());
                let child = if kind == Kind::Skip { None } else { tree.first_child(&node) };
                stack.push((node, kind));
                next = child;
                continue;
            }
            Visit::Text(s) => {
                r.text(texts.len() as u32, &s);
                texts.push(node.clone());
            }
            Visit::Other => {}
        }
        next = tree.next_sibling(&node);
    }
    r.finish()
}

/// Where the article is on a page that does not say: the first of these that matches, else the
/// block with the page's running text ([`find::find_article`]). The
/// body containers of the common Chinese government CMSs (TRS WCM, UEditor, UCAP, Hanweb's
/// zoom boxes, gov.cn's pages_content …), then HTML's own. `src/widget/embed.js` keeps the same
/// list (a test checks they agree).
pub const ARTICLE_SELECTORS: &[&str] = &[
    "[data-reply-widget=article]",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    ".trs_editor_view",
    "#UCAP-CONTENT",
    "#zoom",
    "#zoomcon",
    "#fontzoom",
    ".j-fontContent",
    ".Custom_UnionStyle",
    ".pages_content",
    ".article-content",
    ".detail-content",
    "#NewsContent",
    ".xl_content",
    "article",
];

/// The meta tags of the national guidelines for government websites that a content page
/// carries, in the order tried for each hint.
const META_TITLE: &str = "ArticleTitle|title";
const META_PUBLISHED: &str = "PubDate|pubdate|publishdate|firstpublishedtime";
const META_SOURCE: &str = "ContentSource|source";

/// What a page says about itself outside the article: `meta(name)` reads a meta tag's content,
/// `h1` is the page's first `<h1>` outside the article, `title` its `<title>`.
pub fn hints(meta: impl Fn(&str) -> Option<String>, h1: Option<String>, title: Option<String>) -> Hints {
    let first =
        |names: &str| crate::text::words(names).find_map(|n| meta(n).map(|v| clean(&v)).filter(|v| !v.is_empty()));
    let headline = first(META_TITLE).or_else(|| h1.map(|h| clean(&h)).filter(|h| !h.is_empty()));
    let title = headline.clone().or_else(|| title.map(|t| site_title(&t)).filter(|t| !t.is_empty()));
    let headline = headline.is_some();
    Hints { title, headline, published: first(META_PUBLISHED), source: first(META_SOURCE), ..Hints::default() }
}

/// White space collapsed and trimmed, as a title is shown.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A `<title>` without the site name CMSs append: `答复 - 武汉市科学技术局` → `答复`; where the
/// site's name comes first (`某市人民政府-政务公开-关于…的通知`), the part that reads as a
/// document's title.
fn site_title(t: &str) -> String {
    let t = clean(t);
    for sep in [" - ", "--", "——", " _ ", "_", " | ", "|", "－", "—", "-"] {
        let parts = split_outside(&t, sep);
        if parts.len() > 1 && parts[0].chars().count() >= 4 {
            let titled = parts.iter().map(|p| p.trim()).filter(|p| crate::parse::reads_as_title(p));
            let longest = titled.fold(None, |best: Option<&str>, p| match best {
                Some(b) if b.chars().count() >= p.chars().count() => Some(b),
                _ => Some(p),
            });
            return longest.unwrap_or(parts[0].trim()).to_string();
        }
    }
    t
}

/// `t` split at `sep` where it stands outside brackets: the dash of a span of years inside a
/// title (`…方案（2023—2025年）》的通知`) parts nothing.
fn split_outside<'a>(t: &'a str, sep: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let (mut from, mut depth) = (0, 0i32);
    for (i, c) in t.char_indices() {
        depth += i32::from(matches!(c, '《' | '(' | '（' | '【' | '“'))
            - i32::from(matches!(c, '》' | ')' | '）' | '】' | '”'));
        if depth <= 0 && i >= from && t[i..].starts_with(sep) {
            parts.push(&t[from..i]);
            from = i + sep.len();
        }
    }
    parts.push(&t[from..]);
    parts
}

/// How each outline node's heading reads in the page, and where its title starts: the page's
/// own heading line (`（二）新增投资20亿元`, title after `（二）`); nothing for a heading the
/// page does not have (开头, 结束语, a title from the meta tags).
pub fn page_headings(outline: &Outline, origins: &Origins, lines: &[String]) -> Vec<(String, u32)> {
    let mut out = Vec::with_capacity(outline.len());
    for n in &outline.nodes {
        let span = n.heading_id().and_then(|id| origins.get(id));
        out.push(match span.and_then(|s| lines.get(s.line as usize).map(|l| (s, l))) {
            Some((s, line)) => {
                let text: String = line.chars().skip(s.start as usize).take((s.end - s.start) as usize).collect();
                (text, s.text - s.start)
            }
            None => (String::new(), 0),
        });
    }
    out
}

/// Where each block of the index stands in the page: its line and the char its text starts at.
pub fn block_lines(index: &Index, origins: &Origins) -> Vec<Option<(usize, u32)>> {
    index.blocks.iter().map(|b| origins.get(&b.id).map(|s| (s.line as usize, s.start))).collect()
}

/// Each line's outline node: the node of the block on it, or of the last block above it
/// (header lines before any block belong to the title, node 0).
pub fn line_nodes(lines: usize, index: &Index, at: &[Option<(usize, u32)>]) -> Vec<usize> {
    let mut own: Vec<Option<usize>> = vec![None; lines];
    for (b, pos) in at.iter().enumerate() {
        if let Some((line, _)) = pos {
            if let Some(slot) = own.get_mut(*line) {
                slot.get_or_insert(index.blocks[b].node);
            }
        }
    }
    let mut last = 0;
    own.into_iter()
        .map(|n| {
            last = n.unwrap_or(last);
            last
        })
        .collect()
}

// The reader itself is tested on real HTML where html5ever gives the tree: `reply-widget-cli`'s
// `html` module. Here: what needs no tree.
#[cfg(test)]
mod tests;
