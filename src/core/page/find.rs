//! Finding the article on a page whose body container is none of [`super::ARTICLE_SELECTORS`]
//! (`div#content.detil-new-cont`, a site's own template): the block that holds the page's running
//! text. Pure, one walk over the abstract [`Tree`], used by the command line (html5ever) and the
//! widget (the DOM) alike, so that both choose the same element.
//!
//! How a block is scored. The page's text is cut into runs at block boundaries and `<br>` (a
//! paragraph, a table cell, a list item, a line). A run is **sentence text** when it reads as
//! prose: it holds a full stop (`。！？`), or a comma (`，；`) and at least [`LONG_RUN`] chars;
//! less than a third of it is link text; it carries none of a footer's markers (备案, 版权所有,
//! 地址：, 邮编 …, see [`FOOTER_MARKS`]); it stands in no chrome (see [`Chrome`]). A run is
//! **noise** when it is link text, stands in chrome or carries a footer's marker. Other text
//! (headings, a date line, a signature, table figures) counts for nothing either way.
//!
//! Every block that can hold an article ([`CANDIDATES`]: `div`, `section`, `article`, `main`,
//! `td` …) scores the sentence chars inside it minus the noise chars inside it; the highest
//! wins, and of blocks scoring the same the innermost (the article's own container rather than
//! a wrapper around it). A footer can hold more chars than a short article, but its addresses
//! and 备案号 are noise and its link lists too; a navigation bar is links. A block inside chrome
//! is never chosen. Nothing is found when no block holds [`MIN_TEXT`] chars of sentence text with
//! a full stop among them: a column's index page, a page of links.

use super::{kind, Kind, Tree, Visit};

/// A run of at least this many chars that holds a comma but no full stop is still prose.
pub const LONG_RUN: u32 = 20;

/// The least sentence text (chars) a block needs to be an article.
pub const MIN_TEXT: u32 = 20;

/// The elements that can be an article's container. Paragraph-level elements (`p`, `li`, `h1`)
/// are parts of an article, never the whole of one.
pub const CANDIDATES: &str = "div|section|article|main|td|body|center|\
    form|blockquote";

/// What marks a run as a footer's line rather than prose, even with a comma or a full stop in it.
pub const FOOTER_MARKS: &str = "备案|ICP|版权所有|Copyright|copyright|©|网站标识码|\
    公网安备|主办单位|承办单位|技术支持|邮编|邮政编码|地址：|地址:|\
    建议使用|分辨率";

/// Why an element is page chrome: everything inside it is noise and nothing inside it is the
/// article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chrome {
    /// `header`, `nav`, `footer`, `aside`.
    Tag,
    /// Its id or a class names a part of the frame (`footer`, `nav…`, `menu`, `breadcrumb`,
    /// `sidebar`, `copyright` …; see [`chrome_word`]).
    Name,
}

/// Whether one word of an id or class names the page's frame: it starts with `foot`, `nav`,
/// `menu`, `header`, `copyright`, `breadcrumb`, `crumb`, `sidebar`, `banner`, `friendlink`, or
/// is `bottom`, `links`, `related`, `share` (lower case).
pub fn chrome_word(w: &str) -> bool {
    const STARTS: &str = "foot|nav|menu|header|copyright|\
    breadcrumb|crumb|sidebar|banner|\
    friendlink";
    const WORDS: &str = "bottom|links|related|share";
    crate::text::words(STARTS).any(|s| w.starts_with(s)) || crate::text::listed(WORDS, w)
}

/// Whether an element is page chrome, from its tag and its `id` and `class`.
pub fn chrome(tag: &str, id: Option<&str>, class: Option<&str>) -> Option<Chrome> {
    if matches!(tag, "header" | "nav" | "footer" | "aside") {
        return Some(Chrome::Tag);
    }
    for names in [id, class].into_iter().flatten() {
        let lower = names.to_ascii_lowercase();
        if lower.split(|c: char| !c.is_ascii_alphanumeric()).any(chrome_word) {
            return Some(Chrome::Name);
        }
    }
    None
}

/// The element chosen, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<N> {
    pub node: N,
    /// Chars of sentence text inside it.
    pub text: u32,
    /// Chars of noise inside it (links, chrome, footer lines).
    pub noise: u32,
}

/// An element that may be the article, while the walk is inside it and after.
struct Candidate<N> {
    node: N,
    parent: Option<usize>,
    text: u32,
    noise: u32,
    /// Runs of sentence text with a full stop in them.
    stops: u32,
    /// Inside chrome (or chrome itself): never chosen.
    chrome: bool,
}

/// The text since the last block boundary.
#[derive(Default)]
struct Run {
    text: String,
    chars: u32,
    link: u32,
    /// Chars that stood in chrome.
    chrome: u32,
}

impl Run {
    /// (sentence chars, noise chars, whether it holds a full stop as sentence text).
    fn score(&self) -> (u32, u32, bool) {
        if self.chars == 0 {
            return (0, 0, false);
        }
        let marked = crate::text::words(FOOTER_MARKS).any(|m| self.text.contains(m));
        if self.chrome > 0 || marked {
            return (0, self.chars, false);
        }
        let stop = self.text.contains(['。', '！', '？']);
        let comma = self.text.contains(['，', '；']);
        let prose = (stop || (comma && self.chars >= LONG_RUN)) && self.link * 3 < self.chars;
        if prose {
            (self.chars - self.link, self.link, stop)
        } else {
            (0, self.link, false)
        }
    }
}

/// An open element of the walk.
struct Open<N> {
    node: N,
    kind: Kind,
    candidate: bool,
    chrome: bool,
    link: bool,
}

struct Finder<N> {
    candidates: Vec<Candidate<N>>,
    /// The innermost open candidate.
    current: Option<usize>,
    run: Run,
    chrome: u32,
    link: u32,
}

impl<N: Clone> Finder<N> {
    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        let (text, noise, stop) = run.score();
        if let Some(c) = self.current.and_then(|k| self.candidates.get_mut(k)) {
            c.text += text;
            c.noise += noise;
            c.stops += u32::from(stop);
        }
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{3000}' {
                continue;
            }
            self.run.text.push(c);
            self.run.chars += 1;
            self.run.link += u32::from(self.link > 0);
            self.run.chrome += u32::from(self.chrome > 0);
        }
    }

    fn open(&mut self, node: N, tag: &str, kind: Kind, chrome: bool) -> Open<N> {
        if matches!(kind, Kind::Block | Kind::Cell | Kind::Pre | Kind::Break) {
            self.flush();
        }
        let candidate = crate::text::listed(CANDIDATES, tag);
        if candidate {
            let inside = self.current.is_some_and(|k| self.candidates[k].chrome);
            self.candidates.push(Candidate {
                node: node.clone(),
                parent: self.current,
                text: 0,
                noise: 0,
                stops: 0,
                chrome: chrome || inside,
            });
            self.current = Some(self.candidates.len() - 1);
        }
        self.chrome += u32::from(chrome);
        let link = tag == "a";
        self.link += u32::from(link);
        Open { node, kind, candidate, chrome, link }
    }

    fn close(&mut self, o: &Open<N>) {
        if matches!(o.kind, Kind::Block | Kind::Cell | Kind::Pre | Kind::Break) {
            self.flush();
        }
        self.chrome -= u32::from(o.chrome);
        self.link -= u32::from(o.link);
        if o.candidate {
            if let Some(k) = self.current {
                let (text, noise, stops, parent) = {
                    let c = &self.candidates[k];
                    (c.text, c.noise, c.stops, c.parent)
                };
                if let Some(p) = parent.and_then(|p| self.candidates.get_mut(p)) {
                    p.text += text;
                    p.noise += noise;
                    p.stops += stops;
                }
                self.current = parent;
            }
        }
    }
}

/// Whether an element's `style` attribute hides it (`display:none`, `visibility:hidden`).
fn hidden_by_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// The article under `root` (a page's `body`; `root` itself may be chosen), by its running text;
/// `None` when no block holds prose. Iterative: a page nested 100,000 deep cannot overflow the
/// stack.
pub fn find_article<T: Tree>(tree: &T, root: &T::Node) -> Option<Found<T::Node>> {
    let mut f = Finder { candidates: Vec::new(), current: None, run: Run::default(), chrome: 0, link: 0 };
    let mut stack: Vec<Open<T::Node>> = Vec::new();
    let mut next = Some(root.clone());
    let mut first = true;
    loop {
        let Some(node) = next.take() else {
            let Some(o) = stack.pop() else { break };
            f.close(&o);
            if stack.is_empty() {
                break;
            }
            next = tree.next_sibling(&o.node);
            continue;
        };
        let is_root = std::mem::take(&mut first);
        match tree.visit(&node) {
            Visit::Element(tag, hidden) => {
                let style = tree.attribute(&node, "style");
                let hidden = hidden || style.as_deref().is_some_and(hidden_by_style);
                let kind = if hidden { Kind::Skip } else { kind(&tag) };
                let id = tree.attribute(&node, "id");
                let class = tree.attribute(&node, "class");
                let is_chrome = chrome(&tag, id.as_deref(), class.as_deref()).is_some();
                let child = if kind == Kind::Skip { None } else { tree.first_child(&node) };
                let o = f.open(node, &tag, kind, is_chrome);
                stack.push(o);
                next = child;
                continue;
            }
            Visit::Text(s) => f.text(&s),
            Visit::Other => {}
        }
        if is_root {
            break;
        }
        next = tree.next_sibling(&node);
    }
    f.flush();
    best(f.candidates)
}

/// The highest scoring candidate outside chrome with enough prose; of equals, the innermost
/// (candidates come in document order, parents first, so a later equal one lies inside or after).
fn best<N>(candidates: Vec<Candidate<N>>) -> Option<Found<N>> {
    let mut out: Option<(i64, Candidate<N>)> = None;
    for c in candidates {
        if c.chrome || c.stops == 0 || c.text < MIN_TEXT {
            continue;
        }
        let score = i64::from(c.text) - i64::from(c.noise);
        if out.as_ref().is_none_or(|(s, _)| score >= *s) {
            out = Some((score, c));
        }
    }
    out.map(|(_, c)| Found { node: c.node, text: c.text, noise: c.noise })
}

/// How a console line names an element: `div#content.detil-new-cont`.
pub fn describe<T: Tree>(tree: &T, n: &T::Node) -> String {
    let mut out = match tree.visit(n) {
        Visit::Element(tag, _) => tag,
        _ => return String::new(),
    };
    if let Some(id) = tree.attribute(n, "id").filter(|s| !s.trim().is_empty()) {
        out.push('#');
        out.push_str(id.trim());
    }
    if let Some(class) = tree.attribute(n, "class") {
        for c in class.split_whitespace() {
            out.push('.');
            out.push_str(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
