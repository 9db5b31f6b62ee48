//! reply-widget: an official reply (答复) to a CPPCC proposal made readable at a glance.
//!
//! The pure core (`model`, `parse`, `filter`, `outline`, `panel`) has no I/O and is tested
//! natively; `dom` turns state into DOM with web-sys; this file is only the `#[wasm_bindgen]`
//! surface: it validates arguments and turns every failure into a JS `Error` naming the
//! argument, so nothing panics across the boundary.

mod bundled;
mod dom;
pub mod export;
pub mod filter;
mod interop;
pub mod model;
pub mod outline;
pub mod panel;
pub mod parse;

// Talc instead of the default dlmalloc: about 2 KB gzip less wasm, and faster (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use bundled::{bundled_reply, BUNDLED_TEXT};
pub use model::{Figure, FigureKind, Paragraph, Qualifier, Reply, Section};
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
    JsError::new(&format!("{context}: {msg}"))
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

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A paragraph of the reply. */
export interface Paragraph { id: string; text: string }
/** A heading (一、 / (一) / 1. / (1)) with its paragraphs and subsections. */
export interface Section { id: string; number: string; title: string; paragraphs: Paragraph[]; children: Section[] }
export type FigureKind = "money" | "percent" | "count" | "multiple" | "year" | "date";
export type Qualifier = "nearly" | "over" | "at_least" | "about" | "under" | "since" | "end";
/** A figure of the reply: value normalised (money in 元, percent in points), offsets in chars. */
export interface Figure {
  id: string; text: string; kind: FigureKind; value: number; high: number | null; date: string | null;
  unit: string | null; qualifier: Qualifier | null; section: string; paragraph: string;
  start: number; end: number; context: string;
}
/** The structured reply (see DESIGN.md); `meta`, `salutation`, `preamble`, `signature` extend it. */
export interface Reply {
  title: string; published: string | null; source: string | null; sections: Section[];
  closing: Paragraph[]; figures: Figure[]; meta?: string[]; salutation?: Paragraph | null;
  preamble?: Paragraph[]; signature?: Paragraph[];
}
/** Options of a single-part mount. */
export interface PartOptions { reply?: Reply; hash?: boolean; elder?: boolean }
/** Options of `mount`: each part an Element or a CSS selector; every part optional. */
export interface MountOptions extends PartOptions {
  outline?: Element | string | null; figures?: Element | string | null; article?: Element | string | null;
}
"#;

/// A mounted widget. Parts mounted together are linked: filtering narrows all of them.
#[wasm_bindgen]
pub struct Widget {
    mount: Option<dom::Mount>,
}

#[wasm_bindgen]
impl Widget {
    /// Filters the outline, the figure panel and the article: a text query (`科技金融`) or a
    /// figure comparison (`>=100亿元`, `<20%`, `2022年`). An empty string clears the filter.
    pub fn filter(&self, #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue) -> Result<(), JsError> {
        let Some(q) = query.as_string() else {
            return Err(JsError::new("filter(query): query must be a string"));
        };
        let m = self.mount.as_ref().ok_or_else(|| JsError::new("filter: this widget was destroyed"))?;
        m.filter(&q).map_err(|e| error("filter", e))
    }

    /// Selects a figure by id (`f13`), marking it in the article and scrolling to it, or goes to
    /// a section by id (`s2-1`).
    pub fn select(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<(), JsError> {
        let Some(id) = id.as_string() else {
            return Err(JsError::new("select(id): id must be a string such as \"f13\" or \"s2-1\""));
        };
        let m = self.mount.as_ref().ok_or_else(|| JsError::new("select: this widget was destroyed"))?;
        match m.select(&id) {
            Ok(true) => Ok(()),
            Ok(false) => Err(JsError::new(&format!("select(id): no figure or section with id \"{id}\""))),
            Err(e) => Err(error("select", e)),
        }
    }

    /// Ids of the figures the current filter leaves visible, in document order.
    #[wasm_bindgen(js_name = visibleFigures)]
    pub fn visible_figures(&self) -> Vec<String> {
        self.mount.as_ref().map(|m| m.visible_figures()).unwrap_or_default()
    }

    /// Removes every listener and observer this widget added and gives the host elements their
    /// own content back. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(m) = self.mount.take() {
            m.destroy();
        }
    }
}

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
                if x == y {
                    return Err(JsError::new(&format!("{} is the same element as {}", parts[b].0, parts[a].0)));
                }
            }
        }
    }
    let reply_v = if options.is_undefined() { JsValue::UNDEFINED } else { get(options, "reply") };
    let reply = if reply_v.is_undefined() || reply_v.is_null() {
        std::rc::Rc::new(bundled_reply())
    } else {
        match interop::remembered(&reply_v) {
            Some(r) => r,
            None => std::rc::Rc::new(reply_from("options.reply", &reply_v)?),
        }
    };
    let hash_v = if options.is_undefined() { JsValue::UNDEFINED } else { get(options, "hash") };
    let hash = match hash_v.as_bool() {
        Some(b) => b,
        None if hash_v.is_undefined() => true,
        None => return Err(JsError::new("options.hash must be true or false")),
    };
    let elder_v = if options.is_undefined() { JsValue::UNDEFINED } else { get(options, "elder") };
    let elder = match elder_v.as_bool() {
        Some(b) => Some(b),
        None if elder_v.is_undefined() => None,
        None => return Err(JsError::new("options.elder must be true or false")),
    };
    let [outline, figures, article] = found;
    let options = dom::Options { outline, figures, article, reply, hash, elder };
    let mount = dom::Mount::new(doc, options).map_err(|e| error(name, e))?;
    Ok(Widget { mount: Some(mount) })
}

/// Mounts the widget: `mount({ outline, figures, article, reply?, hash?, elder? })`. Each part is an
/// Element or a CSS selector; every part is optional, parts mounted together are linked.
/// `reply` defaults to the bundled reply; `hash: false` leaves `location.hash` alone;
/// `elder: true` starts in large-text mode (适老化), otherwise the reader's stored choice.
#[wasm_bindgen]
pub fn mount(#[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<Widget, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new("mount(options): options must be an object such as { outline: \"#outline\" }"));
    }
    let parts = [
        ("options.outline", get(&options, "outline")),
        ("options.figures", get(&options, "figures")),
        ("options.article", get(&options, "article")),
    ];
    mount_parts("mount", &options, parts)
}

fn single_part(name: &str, el: JsValue, options: JsValue, slot: usize) -> Result<Widget, JsError> {
    if !options.is_undefined() && !options.is_null() && !is_plain_object(&options) {
        return Err(JsError::new(&format!("{name}(el, options): options must be an object")));
    }
    let options = if options.is_null() { JsValue::UNDEFINED } else { options };
    let mut parts = [
        ("options.outline", JsValue::UNDEFINED),
        ("options.figures", JsValue::UNDEFINED),
        ("options.article", JsValue::UNDEFINED),
    ];
    if el.is_undefined() || el.is_null() {
        return Err(JsError::new(&format!("{name}(el): el must be an Element or a CSS selector string")));
    }
    parts[slot] = ("el", el);
    mount_parts(name, &options, parts)
}

/// Mounts the outline alone (with its searchbox): `renderOutline(el, { reply?, hash? })`.
#[wasm_bindgen(js_name = renderOutline)]
pub fn render_outline(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartOptions | undefined")] options: JsValue,
) -> Result<Widget, JsError> {
    single_part("renderOutline", el, options, 0)
}

/// Mounts the figure panel alone (with its own searchbox): `renderFigurePanel(el, { reply?, hash? })`.
#[wasm_bindgen(js_name = renderFigurePanel)]
pub fn render_figure_panel(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartOptions | undefined")] options: JsValue,
) -> Result<Widget, JsError> {
    single_part("renderFigurePanel", el, options, 1)
}

/// Parses the plain text of a reply into the structured reply (title, sections, closing,
/// figures): a frozen plain object (copy it with `structuredClone` to edit). Any text is
/// accepted; a non-string throws.
#[wasm_bindgen(js_name = parseReply, unchecked_return_type = "Readonly<Reply>")]
pub fn parse_reply(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new("parseReply(text): text must be a string"));
    };
    to_js(parse(&text))
}

/// The reply bundled with the widget, structured.
#[wasm_bindgen(js_name = bundledReply, unchecked_return_type = "Readonly<Reply>")]
pub fn bundled_reply_js() -> Result<JsValue, JsError> {
    to_js(bundled_reply())
}

fn to_js(reply: Reply) -> Result<JsValue, JsError> {
    interop::reply_to_js(reply).map_err(|e| error("cannot convert the reply", e))
}
