//! reply-widget: an official reply (答复) to a CPPCC proposal or an NPC suggestion made
//! readable at a glance — an outline, a panel of every figure, filtering by words and by value —
//! inside the bureau's own web pages, compiled to WebAssembly.
//!
//! The pure core reads replies and answers queries; it has no I/O and is tested natively:
//!
//! ```
//! use reply_widget::filter::{parse_query, Index};
//! use reply_widget::model::FigureKind;
//!
//! let reply = reply_widget::parse("关于科技金融的答复\n一、基金\n累计出资361亿元，参与母子基金145支。\n二、贷款\n发放贷款15.97亿元。");
//! assert_eq!(reply.sections.len(), 2);
//! let texts: Vec<&str> = reply.figures.iter().map(|f| f.text.as_str()).collect();
//! assert_eq!(texts, ["361亿元", "145支", "15.97亿元"]);
//!
//! // Filtering: words, or comparisons on the figures' values.
//! let index = Index::drawn(&reply);
//! let outcome = index.run(&reply.figures, &parse_query(">=100亿元"), &FigureKind::ALL);
//! assert_eq!(outcome.figure_visible, [true, false, false]);
//! ```
//!
//! Modules, as the architecture reads:
//! - [`model`] the structured reply (the JSON contract, `docs/contract.md`) and its validation;
//!   [`json`] writes it;
//! - [`parse`] text → reply (headings, figures, numerals); [`page`] a page's article → the
//!   lines the parser reads, and where each char came from;
//! - [`outline`], [`panel`], [`filter`], [`export`]: what the parts show, as data;
//! - [`text`] folding, [`util`] the id map, hasher and sort;
//! - `dom` (private): web-sys rendering of the parts; `interop` (private): reply objects from
//!   JS; this file: the `#[wasm_bindgen]` surface, nothing else.
//!
//! # Size rules
//! The wasm is shipped to every reader, most on phones. These habits keep it small; each was
//! measured (README, "Size"), and each looks like something to clean up — do not:
//! - no float formatting (`{:.1}`, `f64::to_string`): integer tenths and `json::number`; no
//!   float parsing (`str::parse::<f64>`): a digit loop (`parse::read_arabic`);
//! - no core sorts (`sort`, `sort_by_key`): [`util::sort_by`], one merge sort compiled once;
//! - one hasher (FNV, [`util::Fnv`]) and one map type ([`util::IdMap`]): no SipHash, no BTreeMap;
//! - plain loops that push, rather than iterators collected into `Result` (about a kilobyte
//!   of wasm per item type), and no `str::join`;
//! - markup as one escaped string parsed by the browser (`dom/html.rs`), not node by node;
//! - no serde in the wasm's paths: `json` writes, `interop` reads;
//! - ASCII-only case folding (Unicode tables cost about 10 KB).

// The page widget and the archive's search are two modules built from this crate (the
// `library` feature picks the second): each keeps only its own exports, and the code the other
// needs is dead in it.
#![cfg_attr(feature = "library", allow(dead_code, unused_imports))]

mod bundled;
mod dom;
pub mod export;
pub mod filter;
mod interop;
pub mod json;
pub mod library;
pub mod model;
pub mod outline;
pub mod page;
pub mod panel;
pub mod parse;
pub mod text;
pub mod util;

// Talc instead of the default dlmalloc: about 2 KB gzip less wasm, and faster (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use bundled::{bundled_reply, BUNDLED_TEXT};
pub use model::{Figure, FigureKind, Paragraph, Qualifier, Reply, Section, Stance};
pub use parse::parse;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS `Error` with the message of whatever was thrown inside, prefixed with where it happened.
fn error(context: &str, e: JsValue) -> JsError {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unexpected error".into());
    if msg.starts_with(context) || msg.starts_with("options.") || msg.starts_with("reply-widget") {
        JsError::new(&msg)
    } else {
        JsError::new(&format!("{context}: {msg}"))
    }
}

fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("reply-widget needs a browser document"))
}

/// Resolves a part: an Element, a CSS selector string, or nothing.
fn element(doc: &web_sys::Document, name: &str, v: &JsValue) -> Result<Option<web_sys::Element>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(e) = v.dyn_ref::<web_sys::Element>() {
        return Ok(Some(e.clone()));
    }
    let Some(selector) = v.as_string() else {
        return Err(JsError::new(&format!("{name} must be an Element or a CSS selector string")));
    };
    match doc.query_selector(&selector) {
        Ok(Some(e)) => Ok(Some(e)),
        Ok(None) => Err(JsError::new(&format!("{name}: selector \"{selector}\" matches no element"))),
        Err(_) => Err(JsError::new(&format!("{name}: \"{selector}\" is not a valid CSS selector"))),
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_undefined() || obj.is_null() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_function() && !js_sys::Array::is_array(v) && v.dyn_ref::<web_sys::Element>().is_none()
}

/// Reads a reply object given from JS, naming the bad field when it has the wrong shape.
fn reply_from(name: &str, v: &JsValue) -> Result<Reply, JsError> {
    if !is_plain_object(v) {
        return Err(JsError::new(&format!("{name} must be a reply object (from parseReply or bundledReply)")));
    }
    let reply = interop::reply_from_js(v, name).map_err(|e| JsError::new(&e))?;
    model::validate(&reply).map_err(|e| JsError::new(&format!("{name}.{e}")))?;
    Ok(reply)
}

fn flag(options: &JsValue, key: &str) -> Result<Option<bool>, JsError> {
    let v = get(options, key);
    match v.as_bool() {
        Some(b) => Ok(Some(b)),
        None if v.is_undefined() => Ok(None),
        None => Err(JsError::new(&format!("options.{key} must be true or false"))),
    }
}

#[cfg(not(feature = "library"))]
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A paragraph of the reply. */
export interface Paragraph { id: string; text: string }
/** A heading (一、 / (一) / 1. / (1)) with its paragraphs and subsections. */
export interface Section { id: string; number: string; title: string; paragraphs: Paragraph[]; children: Section[] }
export type FigureKind = "money" | "percent" | "count" | "multiple" | "year" | "date";
export type Qualifier = "nearly" | "over" | "at_least" | "about" | "under" | "since" | "end";
/** A promise (with its deadline in `by`: "2025", "2025-12") or a reported result; null when neither. */
export type Stance = "target" | "result";
/** A figure of the reply: value normalised (money in 元, percent in points), offsets in chars.
 * `paragraph` is a paragraph's id, a section's id for a figure in its heading (offsets in its
 * title), or "title" for one in the reply's title. */
export interface Figure {
  id: string; text: string; kind: FigureKind; value: number; high: number | null; date: string | null;
  unit: string | null; qualifier: Qualifier | null; section: string; paragraph: string;
  start: number; end: number; context: string;
  /** Optional in a reply given to `mount`; `indicator` and `kind` together name what is measured. */
  stance?: Stance | null; by?: string | null; indicator?: string | null;
}
/** The structured reply (docs/contract.md); `meta`, `salutation`, `preamble`, `signature` extend it. */
export interface Reply {
  title: string; published: string | null; source: string | null; sections: Section[];
  closing: Paragraph[]; figures: Figure[]; meta?: string[]; salutation?: Paragraph | null;
  preamble?: Paragraph[]; signature?: Paragraph[];
}
/** Options of a single-part mount: the reply to show is required (there is no article to read). */
export interface PartOptions { reply?: Reply; hash?: boolean; elder?: boolean; layout?: "auto" | "wide" | "compact" }
/** Options of `mount`: each part an Element or a CSS selector; every part optional. Without
 * `reply`, the article's own content is the reply (read and enhanced in place); with it, the
 * widget draws that reply in the article's place. */
export interface MountOptions extends PartOptions {
  outline?: Element | string | null; figures?: Element | string | null; article?: Element | string | null;
}
"#;

/// What a widget was mounted with, to mount it again (`refresh()`).
#[cfg(not(feature = "library"))]
struct Mounted {
    outline: Option<web_sys::Element>,
    figures: Option<web_sys::Element>,
    article: Option<web_sys::Element>,
    reply: Option<std::rc::Rc<Reply>>,
    hash: bool,
    elder: Option<bool>,
    layout: Option<dom::PartLayout>,
    own_hosts: bool,
}

#[cfg(not(feature = "library"))]
impl Mounted {
    fn again(&self) -> Mounted {
        Mounted {
            outline: if self.own_hosts { None } else { self.outline.clone() },
            figures: if self.own_hosts { None } else { self.figures.clone() },
            article: self.article.clone(),
            reply: self.reply.clone(),
            hash: false,
            elder: self.elder,
            layout: self.layout,
            own_hosts: self.own_hosts,
        }
    }
}

/// A mounted widget. Parts mounted together are linked: filtering narrows all of them.
#[cfg(not(feature = "library"))]
#[wasm_bindgen]
pub struct Widget {
    mount: Option<dom::Mount>,
    how: Mounted,
}

#[cfg(not(feature = "library"))]
fn start(name: &str, how: Mounted) -> Result<Widget, JsError> {
    let doc = document()?;
    let source = match &how.reply {
        Some(r) => dom::Source::Given(r.clone()),
        None => dom::Source::Article,
    };
    let options = dom::Options {
        outline: how.outline.clone(),
        figures: how.figures.clone(),
        article: how.article.clone(),
        source,
        hash: how.hash,
        elder: how.elder,
        layout: how.layout,
        own_hosts: how.own_hosts,
    };
    let mount = dom::Mount::new(doc, options).map_err(|e| error(name, e))?;
    Ok(Widget { mount: Some(mount), how })
}

#[cfg(not(feature = "library"))]
#[wasm_bindgen]
impl Widget {
    fn live(&self, name: &str) -> Result<&dom::Mount, JsError> {
        self.mount.as_ref().ok_or_else(|| JsError::new(&format!("{name}: this widget was destroyed")))
    }

    /// Filters the outline, the figure panel and the article: a text query (`科技金融`) or a
    /// figure comparison (`>=100亿元`, `<20%`, `2022年`). An empty string clears the filter.
    pub fn filter(&self, #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue) -> Result<(), JsError> {
        let Some(q) = query.as_string() else {
            return Err(JsError::new("filter(query): query must be a string"));
        };
        self.live("filter")?.filter(&q).map_err(|e| error("filter", e))
    }

    /// Selects a figure by id (`f13`), marking it in the article and scrolling to it, or goes to
    /// a section by id (`s2-1`).
    pub fn select(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<(), JsError> {
        let Some(id) = id.as_string() else {
            return Err(JsError::new("select(id): id must be a string such as \"f13\" or \"s2-1\""));
        };
        match self.live("select")?.select(&id) {
            Ok(true) => Ok(()),
            Ok(false) => Err(JsError::new(&format!("select(id): no figure or section with id \"{id}\""))),
            Err(e) => Err(error("select", e)),
        }
    }

    /// Ids of the figures the current filter leaves visible, in document order.
    #[wasm_bindgen(js_name = visibleFigures)]
    pub fn visible_figures(&self) -> Result<Vec<String>, JsError> {
        self.live("visibleFigures")?.visible_figures().map_err(|e| error("visibleFigures", e))
    }

    /// Reads the article again (its content changed: a CMS that fills it late, a page script)
    /// and mounts again with it, keeping the query. A widget given a reply just redraws it.
    pub fn refresh(&mut self) -> Result<(), JsError> {
        let query = self.live("refresh")?.query();
        if let Some(mut m) = self.mount.take() {
            m.destroy();
        }
        let fresh = start("refresh", self.how.again())?;
        self.mount = fresh.mount;
        if !query.is_empty() {
            self.filter(JsValue::from_str(&query))?;
        }
        Ok(())
    }

    /// Removes every listener and observer this widget added and gives the page back exactly
    /// what it had: the article its own DOM, the other hosts their own content. Calling it
    /// twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(mut m) = self.mount.take() {
            m.destroy();
        }
    }
}

#[cfg(not(feature = "library"))]
fn mount_parts(name: &str, options: &JsValue, parts: [(&str, JsValue); 3]) -> Result<Widget, JsError> {
    let doc = document()?;
    let mut found: [Option<web_sys::Element>; 3] = [None, None, None];
    for (k, (part, v)) in parts.iter().enumerate() {
        found[k] = element(&doc, part, v)?;
    }
    if found.iter().all(Option::is_none) {
        return Err(JsError::new(&format!("{name}: options needs at least one of outline, figures, article")));
    }
    for a in 0..3 {
        for b in a + 1..3 {
            if let (Some(x), Some(y)) = (&found[a], &found[b]) {
                if x == y || x.contains(Some(y)) || y.contains(Some(x)) {
                    return Err(JsError::new(&format!(
                        "{} is the same element as {} or inside it",
                        parts[b].0, parts[a].0
                    )));
                }
            }
        }
    }
    let reply_v = get(options, "reply");
    let reply = if reply_v.is_undefined() || reply_v.is_null() {
        None
    } else {
        Some(match interop::remembered(&reply_v) {
            Some(r) => r,
            None => std::rc::Rc::new(reply_from("options.reply", &reply_v)?),
        })
    };
    let hash = flag(options, "hash")?.unwrap_or(true);
    let elder = flag(options, "elder")?;
    let layout = layout_option(options)?;
    let [outline, figures, article] = found;
    start(name, Mounted { outline, figures, article, reply, hash, elder, layout, own_hosts: false })
}

/// `layout: "auto" | "wide" | "compact"`: the outline's and the figure panel's layout.
#[cfg(not(feature = "library"))]
fn layout_option(options: &JsValue) -> Result<Option<dom::PartLayout>, JsError> {
    let v = get(options, "layout");
    match v.as_string().as_deref() {
        None if v.is_undefined() => Ok(None),
        Some("auto") => Ok(None),
        Some("wide") => Ok(Some(dom::PartLayout::Wide)),
        Some("compact") => Ok(Some(dom::PartLayout::Compact)),
        _ => Err(JsError::new("options.layout must be \"auto\", \"wide\" or \"compact\"")),
    }
}

/// The page marked nothing (the embed script's one-line mode): mounts on its article and puts
/// a compact outline-and-figures bar just before it. `mountPage({ article, hash?, elder? })`;
/// what it adds, `destroy()` removes.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(
    #[wasm_bindgen(unchecked_param_type = "{ article: Element | string; hash?: boolean; elder?: boolean }")]
    options: JsValue,
) -> Result<Widget, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new("mountPage(options): options must be an object such as { article: \"#zoom\" }"));
    }
    let doc = document()?;
    let Some(article) = element(&doc, "options.article", &get(&options, "article"))? else {
        return Err(JsError::new("options.article: mountPage needs the article (an Element or a CSS selector)"));
    };
    let hash = flag(&options, "hash")?.unwrap_or(true);
    let elder = flag(&options, "elder")?;
    let how = Mounted {
        outline: None,
        figures: None,
        article: Some(article),
        reply: None,
        hash,
        elder,
        layout: Some(dom::PartLayout::Compact),
        own_hosts: true,
    };
    start("mountPage", how)
}

/// Mounts the widget: `mount({ outline, figures, article, reply?, hash?, elder? })`. Each part is
/// an Element or a CSS selector; every part is optional, parts mounted together are linked.
/// Without `reply` the article's own content is read as the reply and enhanced in place; with
/// it (`bundledReply()`, `parseReply(text)`) the widget draws that reply in the article's place.
/// `hash: false` leaves `location.hash` alone; `elder: true` starts in large-text mode (适老化),
/// otherwise the reader's stored choice.
#[cfg(not(feature = "library"))]
#[wasm_bindgen]
pub fn mount(#[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<Widget, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new("mount(options): options must be an object such as { article: \"#zoom\" }"));
    }
    let parts = [
        ("options.outline", get(&options, "outline")),
        ("options.figures", get(&options, "figures")),
        ("options.article", get(&options, "article")),
    ];
    mount_parts("mount", &options, parts)
}

#[cfg(not(feature = "library"))]
fn single_part(name: &str, el: JsValue, options: JsValue, slot: usize) -> Result<Widget, JsError> {
    if !options.is_undefined() && !options.is_null() && !is_plain_object(&options) {
        return Err(JsError::new(&format!("{name}(el, options): options must be an object")));
    }
    if el.is_undefined() || el.is_null() {
        return Err(JsError::new(&format!("{name}(el): el must be an Element or a CSS selector string")));
    }
    let mut parts = [
        ("options.outline", JsValue::UNDEFINED),
        ("options.figures", JsValue::UNDEFINED),
        ("options.article", JsValue::UNDEFINED),
    ];
    parts[slot] = ("el", el);
    mount_parts(name, &options, parts)
}

/// Mounts the outline alone (with its searchbox): `renderOutline(el, { reply, hash? })`.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = renderOutline)]
pub fn render_outline(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartOptions | undefined")] options: JsValue,
) -> Result<Widget, JsError> {
    single_part("renderOutline", el, options, 0)
}

/// Mounts the figure panel alone (with its own searchbox): `renderFigurePanel(el, { reply, hash? })`.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = renderFigurePanel)]
pub fn render_figure_panel(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartOptions | undefined")] options: JsValue,
) -> Result<Widget, JsError> {
    single_part("renderFigurePanel", el, options, 1)
}

/// The archive's search, mounted on the column page (`mountLibrary`): its own module
/// (`pkg/library/`, the `library` feature), so that reply pages do not download it.
#[cfg(feature = "library")]
#[wasm_bindgen(js_name = LibraryWidget)]
pub struct LibraryWidget {
    mount: Option<dom::LibraryMount>,
}

#[cfg(feature = "library")]
#[wasm_bindgen(js_class = LibraryWidget)]
impl LibraryWidget {
    /// Searches the archive as if the reader typed `query` (words, or `>=100亿元`, `2022年`).
    pub fn search(&self, #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue) -> Result<(), JsError> {
        let Some(q) = query.as_string() else { return Err(JsError::new("search(query): query must be a string")) };
        let m = self.mount.as_ref().ok_or_else(|| JsError::new("search: this widget was destroyed"))?;
        m.search(&q).map_err(|e| error("search", e))
    }

    /// Removes the search and gives the host its own list back; fetches under way land nowhere.
    pub fn destroy(&mut self) {
        if let Some(mut m) = self.mount.take() {
            m.destroy();
        }
    }
}

/// Mounts the archive's search: `mountLibrary({ element, index, elder? })`. `element` (an
/// Element or a CSS selector) holds the page's own list of replies, which stays as the fallback;
/// `index` is the URL of the folder `reply-widget index` wrote.
#[cfg(feature = "library")]
#[wasm_bindgen(js_name = mountLibrary)]
pub fn mount_library(
    #[wasm_bindgen(unchecked_param_type = "{ element: Element | string; index: string; elder?: boolean }")]
    options: JsValue,
) -> Result<LibraryWidget, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new(
            "mountLibrary(options): options must be an object such as { element: \"#list\", index: \"library/\" }",
        ));
    }
    let doc = document()?;
    let Some(element) = element(&doc, "options.element", &get(&options, "element"))? else {
        return Err(JsError::new("options.element: mountLibrary needs the element that holds the page's list"));
    };
    let Some(mut index) = get(&options, "index").as_string().filter(|s| !s.trim().is_empty()) else {
        return Err(JsError::new("options.index must be the URL of the index folder, such as \"library/\""));
    };
    if !index.ends_with('/') {
        index.push('/');
    }
    let elder = flag(&options, "elder")?;
    let mount = dom::LibraryMount::new(doc, element, index, elder).map_err(|e| error("mountLibrary", e))?;
    Ok(LibraryWidget { mount: Some(mount) })
}

/// Parses the plain text of a reply into the structured reply (title, sections, closing,
/// figures): a frozen plain object (copy it with `structuredClone` to edit). Any text is
/// accepted; a non-string throws.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = parseReply, unchecked_return_type = "Readonly<Reply>")]
pub fn parse_reply(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new("parseReply(text): text must be a string"));
    };
    to_js(parse(&text))
}

/// Reads the reply an element of the page shows, as `mount` does without a `reply` (and as
/// `reply-widget parse page.html` does on the command line): a frozen plain object.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = parseArticle, unchecked_return_type = "Readonly<Reply>")]
pub fn parse_article(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
) -> Result<JsValue, JsError> {
    let doc = document()?;
    let Some(article) = element(&doc, "parseArticle(el)", &el)? else {
        return Err(JsError::new("parseArticle(el): el must be an Element or a CSS selector string"));
    };
    to_js(dom::read_article(&doc, &article).parsed.reply)
}

/// The reply bundled with the widget, structured.
#[cfg(not(feature = "library"))]
#[wasm_bindgen(js_name = bundledReply, unchecked_return_type = "Readonly<Reply>")]
pub fn bundled_reply_js() -> Result<JsValue, JsError> {
    to_js(bundled_reply())
}

#[cfg(not(feature = "library"))]
fn to_js(reply: Reply) -> Result<JsValue, JsError> {
    interop::reply_to_js(reply).map_err(|e| error("cannot convert the reply", e))
}
