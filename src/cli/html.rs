//! Saved pages on the command line: html5ever parses the HTML as a browser does (the same
//! tree, implied end tags and all), the article is found as the widget finds it, and
//! [`reply_core::page::read`] reads it, so that `reply-widget parse page.html` gives the JSON the
//! browser gives for the same page.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use reply_core::page::{find, hints, read, Before, Outside, PageText, Tree, Visit, ARTICLE_SELECTORS};
use reply_core::parse::{page_table, parse_lines, title_above, Parsed};

struct Doc;

impl<'a> Tree for &'a Doc {
    type Node = NodeRef<'a, Node>;

    fn first_child(&self, n: &Self::Node) -> Option<Self::Node> {
        n.first_child()
    }

    fn next_sibling(&self, n: &Self::Node) -> Option<Self::Node> {
        n.next_sibling()
    }

    fn visit(&self, n: &Self::Node) -> Visit {
        match n.value() {
            Node::Element(e) => Visit::Element(e.name().to_ascii_lowercase(), e.attr("hidden").is_some()),
            Node::Text(t) => Visit::Text(t.text.to_string()),
            _ => Visit::Other,
        }
    }

    fn attribute(&self, n: &Self::Node, name: &str) -> Option<String> {
        match n.value() {
            Node::Element(e) => e.attr(name).map(str::to_string),
            _ => None,
        }
    }
}

/// Whether a file's text is an HTML page rather than a plain-text reply: it opens with a tag
/// (after white space and a byte order mark) and names one of the tags every page has.
pub fn is_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let head: String = t.chars().take(4096).collect::<String>().to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<p", "<div", "<br", "<table", "<title"]
        .iter()
        .any(|tag| head.contains(tag))
}

/// A page parsed: its text as lines, and the reply in it.
pub struct Page {
    pub text: PageText,
    pub parsed: Parsed,
}

/// Reads the reply a saved page shows. `article` is a CSS selector for the element holding the
/// reply; without one, the first of [`ARTICLE_SELECTORS`] that matches, else the block with the
/// page's running text, else the whole body.
pub fn read_page(html: &str, article: Option<&str>) -> Result<Page, String> {
    let doc = Html::parse_document(html);
    let root = match article {
        Some(sel) => {
            let s = Selector::parse(sel).map_err(|_| format!("--article \"{sel}\" is not a valid CSS selector"))?;
            doc.select(&s).next().ok_or_else(|| format!("--article \"{sel}\" matches no element"))?
        }
        None => find_article(&doc),
    };
    Ok(read_element(&doc, root))
}

/// Reads the reply element `root` of the page `doc` holds.
pub fn read_element(doc: &Html, root: ElementRef<'_>) -> Page {
    let mut texts = Vec::new();
    let mut elements = Vec::new();
    let text = read(&&Doc, &root, &mut texts, &mut elements);
    let meta = |name: &str| {
        let s = Selector::parse(&format!("meta[name=\"{name}\"]")).ok()?;
        doc.select(&s).next().and_then(|m| m.value().attr("content")).map(str::to_string)
    };
    let first = |sel: &str, outside: bool| {
        let s = Selector::parse(sel).ok()?;
        doc.select(&s)
            .find(|e| !outside || !e.ancestors().any(|a| a.id() == root.id()))
            .map(|e| e.text().collect::<String>())
    };
    // A title set just above the article's container outside it, else the page's <h1>.
    let before = read(&Before::new(&&Doc, *root), &doc.root_element(), &mut Vec::new(), &mut Vec::new());
    let before: Vec<&str> = before.lines.iter().map(String::as_str).collect();
    let above = title_above(&before).or_else(|| first("h1", true));
    let mut hints = hints(meta, above, first("title", false));
    // The page's own metadata table, wherever it stands outside the article (above it, around it).
    let whole = read(&Outside { tree: &&Doc, skip: *root }, &doc.root_element(), &mut Vec::new(), &mut Vec::new());
    let whole: Vec<&str> = whole.lines.iter().map(String::as_str).collect();
    page_table(&mut hints, &whole);
    hints.lines = text.styles.clone();
    let lines: Vec<&str> = text.lines.iter().map(String::as_str).collect();
    let parsed = parse_lines(&lines, &hints);
    Page { text, parsed }
}

/// The article of a page that does not say where it is: the first of [`ARTICLE_SELECTORS`] that
/// matches, else the block with the page's running text ([`find_block`]), else the whole body.
fn find_article(doc: &Html) -> ElementRef<'_> {
    for sel in ARTICLE_SELECTORS {
        if let Ok(s) = Selector::parse(sel) {
            if let Some(e) = doc.select(&s).next() {
                return e;
            }
        }
    }
    find_block(doc).unwrap_or_else(|| body(doc))
}

fn body(doc: &Html) -> ElementRef<'_> {
    let body = Selector::parse("body").ok().and_then(|s| doc.select(&s).next());
    body.unwrap_or_else(|| doc.root_element())
}

/// The block of the page's body that holds its running text, as the widget finds it where no
/// known container matches ([`reply_core::page::find`]); `None` on a page without prose.
pub fn find_block(doc: &Html) -> Option<ElementRef<'_>> {
    let root = *body(doc);
    let found = find::find_article(&&Doc, &root)?;
    ElementRef::wrap(found.node)
}

/// How the widget's console line names an element: `div#content.detil-new-cont`.
pub fn describe(e: ElementRef<'_>) -> String {
    find::describe(&&Doc, &e)
}

#[cfg(test)]
mod tests;
