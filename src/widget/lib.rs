//! reply-widget: an official reply (答复) to a CPPCC proposal or an NPC suggestion made
//! readable at a glance — an outline, a panel of every figure, filtering by words and by value —
//! inside the bureau's own web pages, compiled to WebAssembly. This crate is the module every
//! reply page loads (`pkg/reply_widget*`); the archive's search is another (`reply-library`),
//! so that a reply page does not download it.
//!
//! The logic is `reply_core`'s (pure, tested natively); here, the browser's side of it:
//! - `dom` (private): web-sys rendering of the parts — turns state into DOM and events into
//!   state; what it shares with the library module is `reply_web`'s;
//! - `interop` (private): reply objects from JS and to JS;
//! - `extras` (private): the second module (`pkg/extras/`, the `reply-extras` crate): targets
//!   and results of the figures, loaded after the first screen;
//! - this file: the `#[wasm_bindgen]` surface, nothing else;
//! - `embed.js`: the embed script (copied to `pkg/`), which finds the article and mounts.
//!
//! The size rules of `reply_core`'s crate docs hold here.

mod dom;
mod extras;
mod interop;

// Talc instead of the default dlmalloc: about 2 KB gzip less wasm, and faster (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use reply_core::util::cat;
use reply_core::{parse, Reply};
use reply_web::js::{document, element, error, flag, get, is_plain_object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a reply object given from JS, naming the bad field when it has the wrong shape.
/// Checked, validated and annotated (stances, deadlines and indicators, whether the object had
/// them or not) by the extras module, which `init()` loads.
fn reply_from(name: &str, v: &JsValue) -> Result<Reply, JsError> {
    if !is_plain_object(v) {
        return Err(JsError::new(&cat(&[name, " must be a reply object (from parseReply or bundledReply)"])));
    }
    extras::read_reply(v, name)
}

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
  title: string; published: string | null; source: string | null;
  publishedDate?: string | null; documentNumber?: string | null; signed?: string | null; sections: Section[];
  closing: Paragraph[]; figures: Figure[]; meta?: string[]; salutation?: Paragraph | null;
  preamble?: Paragraph[]; signature?: Paragraph[];
}
/** Options of a single-part mount: the reply to show is required (there is no article to read). */
export interface PartOptions { reply?: Reply; hash?: boolean; elder?: boolean; layout?: "auto" | "wide" | "compact"; onCard?: (card: FigureCard) => void }
/** A figure's card opened (`onCard`): an empty block at the card's end for the page to fill,
 * naming the figure in `data-indicator`, `data-kind`, `data-unit`, `data-position`. */
export type FigureCard = HTMLElement;
/** Options of `mount`: each part an Element or a CSS selector; every part optional. Without
 * `reply`, the article's own content is the reply (read and enhanced in place); with it, the
 * widget draws that reply in the article's place. */
export interface MountOptions extends PartOptions {
  outline?: Element | string | null; figures?: Element | string | null; article?: Element | string | null;
}
"#;

/// What a widget was mounted with, to mount it again (`refresh()`).
struct Mounted {
    outline: Option<web_sys::Element>,
    figures: Option<web_sys::Element>,
    article: Option<web_sys::Element>,
    reply: Option<std::rc::Rc<Reply>>,
    /// The given reply has its stances (from the extras module).
    annotated: bool,
    hash: bool,
    elder: Option<bool>,
    layout: Option<dom::PartLayout>,
    own_hosts: bool,
    on_card: Option<js_sys::Function>,
}

impl Mounted {
    fn again(&self) -> Mounted {
        Mounted {
            outline: if self.own_hosts { None } else { self.outline.clone() },
            figures: if self.own_hosts { None } else { self.figures.clone() },
            article: self.article.clone(),
            reply: self.reply.clone(),
            annotated: self.annotated,
            hash: false,
            elder: self.elder,
            layout: self.layout,
            own_hosts: self.own_hosts,
            on_card: self.on_card.clone(),
        }
    }
}

/// A mounted widget. Parts mounted together are linked: filtering narrows all of them.
#[wasm_bindgen]
pub struct Widget {
    mount: Option<dom::Mount>,
    how: Mounted,
}

fn start(name: &str, how: Mounted) -> Result<Widget, JsError> {
    let doc = document()?;
    let source = match &how.reply {
        Some(r) => dom::Source::Given(r.clone(), how.annotated),
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
        on_card: how.on_card.clone(),
    };
    let mount = dom::Mount::new(doc, options).map_err(|e| error(name, e))?;
    Ok(Widget { mount: Some(mount), how })
}

#[wasm_bindgen]
impl Widget {
    fn live(&self, name: &str) -> Result<&dom::Mount, JsError> {
        self.mount.as_ref().ok_or_else(|| JsError::new(&cat(&[name, ": this widget was destroyed"])))
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
            Ok(false) => Err(JsError::new(&cat(&["select(id): no figure or section with id \"", &id, "\""]))),
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
        let (query, kinds, stances) = self.live("refresh")?.query();
        if let Some(mut m) = self.mount.take() {
            m.destroy();
        }
        let fresh = start("refresh", self.how.again())?;
        self.mount = fresh.mount;
        let changed = !query.is_empty()
            || kinds.len() != reply_core::model::FigureKind::ALL.len()
            || stances.len() != reply_core::filter::ALL_STANCES.len();
        if let (true, Some(m)) = (changed, &self.mount) {
            m.restore_query(&query, &kinds, &stances).map_err(|e| error("refresh", e))?;
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

fn mount_parts(name: &str, options: &JsValue, parts: [(&str, JsValue); 3]) -> Result<Widget, JsError> {
    let doc = document()?;
    let mut found: [Option<web_sys::Element>; 3] = [None, None, None];
    for (k, (part, v)) in parts.iter().enumerate() {
        found[k] = element(&doc, part, v)?;
    }
    if found.iter().all(Option::is_none) {
        return Err(JsError::new(&cat(&[name, ": options needs at least one of outline, figures, article"])));
    }
    for a in 0..3 {
        for b in a + 1..3 {
            if let (Some(x), Some(y)) = (&found[a], &found[b]) {
                if x == y || x.contains(Some(y)) || y.contains(Some(x)) {
                    return Err(JsError::new(&cat(&[
                        parts[b].0,
                        " is the same element as ",
                        parts[a].0,
                        " or inside it",
                    ])));
                }
            }
        }
    }
    let reply_v = get(options, "reply");
    let (reply, annotated) = if reply_v.is_undefined() || reply_v.is_null() {
        (None, false)
    } else {
        let (r, annotated) = match interop::remembered(&reply_v) {
            Some(known) => known,
            None => (std::rc::Rc::new(reply_from("options.reply", &reply_v)?), true),
        };
        (Some(r), annotated)
    };
    let hash = flag(options, "hash")?.unwrap_or(true);
    let elder = flag(options, "elder")?;
    let layout = layout_option(options)?;
    let on_card = card_option(options)?;
    let [outline, figures, article] = found;
    start(name, Mounted { outline, figures, article, reply, annotated, hash, elder, layout, own_hosts: false, on_card })
}

/// `onCard`: called when the card of a figure that measures an indicator opens, with an empty
/// block of the card the page may fill, which says the figure: `data-indicator`, `data-kind`,
/// `data-unit`, `data-position` (the embed script lists the indicator's values in other
/// replies there).
#[inline(never)]
fn card_option(options: &JsValue) -> Result<Option<js_sys::Function>, JsError> {
    let v = get(options, "onCard");
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !v.is_function() {
        return Err(JsError::new("options.onCard must be a function"));
    }
    Ok(Some(v.unchecked_into()))
}

/// `layout: "auto" | "wide" | "compact"`: the outline's and the figure panel's layout.
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
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(
    #[wasm_bindgen(
        unchecked_param_type = "{ article: Element | string; hash?: boolean; elder?: boolean; onCard?: (card: FigureCard) => void }"
    )]
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
        annotated: false,
        hash,
        elder,
        layout: Some(dom::PartLayout::Compact),
        own_hosts: true,
        on_card: card_option(&options)?,
    };
    start("mountPage", how)
}

/// Mounts the widget: `mount({ outline, figures, article, reply?, hash?, elder? })`. Each part is
/// an Element or a CSS selector; every part is optional, parts mounted together are linked.
/// Without `reply` the article's own content is read as the reply and enhanced in place; with
/// it (`bundledReply()`, `parseReply(text)`) the widget draws that reply in the article's place.
/// `hash: false` leaves `location.hash` alone; `elder: true` starts in large-text mode (适老化),
/// otherwise the reader's stored choice.
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

fn single_part(name: &str, el: JsValue, options: JsValue, slot: usize) -> Result<Widget, JsError> {
    if !options.is_undefined() && !options.is_null() && !is_plain_object(&options) {
        return Err(JsError::new(&cat(&[name, "(el, options): options must be an object"])));
    }
    if el.is_undefined() || el.is_null() {
        return Err(JsError::new(&cat(&[name, "(el): el must be an Element or a CSS selector string"])));
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
#[wasm_bindgen(js_name = renderOutline)]
pub fn render_outline(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] el: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PartOptions | undefined")] options: JsValue,
) -> Result<Widget, JsError> {
    single_part("renderOutline", el, options, 0)
}

/// Mounts the figure panel alone (with its own searchbox): `renderFigurePanel(el, { reply, hash? })`.
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

/// Reads the reply an element of the page shows, as `mount` does without a `reply` (and as
/// `reply-widget parse page.html` does on the command line): a frozen plain object.
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

/// Where the article is on a page whose body container is none of the known ones (the embed
/// script asks when its list finds nothing): the block of `document.body` with the page's
/// running text — sentence paragraphs, not navigation, link lists, footers or addresses — as the
/// command line finds it; `undefined` on a page without prose.
#[wasm_bindgen(js_name = findArticle)]
pub fn find_article() -> Result<Option<web_sys::Element>, JsError> {
    Ok(dom::find_article(&document()?))
}

/// The reply bundled with the widget, structured. Its text is in the extras module (which
/// `init()` loads): after the embed script's start, `await loadExtras()` first.
#[wasm_bindgen(js_name = bundledReply, unchecked_return_type = "Readonly<Reply>")]
pub fn bundled_reply_js() -> Result<JsValue, JsError> {
    let Some(text) = extras::bundled_text() else {
        return Err(JsError::new(
            "bundledReply(): the bundled reply is in the extras module, not loaded yet; await loadExtras() first (init() does)",
        ));
    };
    to_js(parse(&text))
}

/// The structured reply of the JSON contract, as the command line gives it: with each figure's
/// stance, deadline and indicator (`reply_core::parse::annotate`, issue 22, in the extras
/// module, which `init()` loads). Called before the extras module is loaded (a page that let
/// the embed script start it), they are null.
fn to_js(mut reply: Reply) -> Result<JsValue, JsError> {
    let annotated = extras::annotate(&mut reply);
    interop::reply_to_js(reply, annotated).map_err(|e| error("cannot convert the reply", e))
}

/// Loads the reply page's second module (`pkg/extras/`: targets and results of the figures),
/// once. `init()` resolves after it (unless given `extras: "later"`, as the embed script does:
/// then a mount loads it when the browser is idle after the first paint).
#[wasm_bindgen(js_name = loadExtras)]
pub fn load_extras() -> js_sys::Promise {
    extras::load()
}
