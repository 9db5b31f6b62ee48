//! Reading the host page: its DOM as a [`page::Tree`], what the page says about itself
//! ([`Hints`]), and where its article is when nobody said.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use reply_core::page::{self, PageText, Tree, Visit};
use reply_core::parse::{page_table, parse_lines, title_above, Hints, Parsed};
use reply_core::util::cat;

/// The browser's DOM, walked through web-sys.
pub struct Dom;

impl Tree for Dom {
    type Node = Node;

    fn first_child(&self, n: &Node) -> Option<Node> {
        n.first_child()
    }

    fn next_sibling(&self, n: &Node) -> Option<Node> {
        n.next_sibling()
    }

    fn visit(&self, n: &Node) -> Visit {
        match n.node_type() {
            Node::ELEMENT_NODE => {
                let e: &Element = n.unchecked_ref();
                Visit::Element(e.local_name().to_ascii_lowercase(), e.has_attribute("hidden"))
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => Visit::Text(n.node_value().unwrap_or_default()),
            _ => Visit::Other,
        }
    }

    fn attribute(&self, n: &Node, name: &str) -> Option<String> {
        n.dyn_ref::<Element>().and_then(|e| e.get_attribute(name))
    }
}

/// The block of the page's body that holds its running text, where no known container matches
/// ([`page::find`], as the command line finds it); `None` on a page without prose.
pub fn find_article(doc: &Document) -> Option<Element> {
    let body: Node = doc.body()?.into();
    let found = page::find::find_article(&Dom, &body)?;
    found.node.dyn_into::<Element>().ok()
}

/// What the page says about itself outside the article `article` (meta tags, an `<h1>`
/// outside it, the `<title>`), read as the command line reads a saved page.
pub fn hints(doc: &Document, article: &Element) -> Hints {
    let meta = |name: &str| {
        let m = doc.query_selector(&cat(&["meta[name=\"", name, "\"]"])).ok()??;
        m.get_attribute("content")
    };
    let mut h1 = None;
    if let Ok(list) = doc.query_selector_all("h1") {
        for i in 0..list.length() {
            let Some(n) = list.item(i) else { continue };
            if !article.contains(Some(&n)) {
                h1 = n.text_content();
                break;
            }
        }
    }
    // A title set just above the article's container outside it, else the page's <h1>.
    let above = doc.document_element().and_then(|root| {
        let before = page::Before::new(&Dom, article.unchecked_ref::<Node>().clone());
        let before = page::read(&before, root.unchecked_ref::<Node>(), &mut Vec::new(), &mut Vec::new());
        let before: Vec<&str> = before.lines.iter().map(String::as_str).collect();
        title_above(&before)
    });
    let mut hints = page::hints(meta, above.or(h1), Some(doc.title()));
    // The page's own metadata table (信息公开属性), wherever it stands outside the article.
    if let Some(root) = doc.document_element() {
        let outside = page::Outside { tree: &Dom, skip: article.unchecked_ref::<Node>().clone() };
        let whole = page::read(&outside, root.unchecked_ref::<Node>(), &mut Vec::new(), &mut Vec::new());
        let whole: Vec<&str> = whole.lines.iter().map(String::as_str).collect();
        page_table(&mut hints, &whole);
    }
    hints
}

/// An article read: its text with the way back to its nodes, and the reply in it.
pub struct ReadArticle {
    pub text: PageText,
    pub texts: Vec<Node>,
    pub elements: Vec<Node>,
    pub parsed: Parsed,
}

/// Reads the reply an element of the page shows.
pub fn read_article(doc: &Document, article: &Element) -> ReadArticle {
    let mut texts = Vec::new();
    let mut elements = Vec::new();
    let text = page::read(&Dom, article.unchecked_ref::<Node>(), &mut texts, &mut elements);
    let lines: Vec<&str> = text.lines.iter().map(String::as_str).collect();
    let mut hints = hints(doc, article);
    hints.lines = text.styles.clone();
    let parsed = parse_lines(&lines, &hints);
    ReadArticle { text, texts, elements, parsed }
}
