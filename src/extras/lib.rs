//! reply-extras: the second module of a reply page (`pkg/extras/`), holding what the first
//! screen can do without, so that the page module (`reply-widget`) is smaller and the outline
//! answers sooner on a slow phone (README, "Size"). The page module loads it when the browser
//! is idle after the first paint, or at once when a page calls `init()` of `reply_widget.js`
//! itself (then every call of the JS API behaves as before the split).
//!
//! The two modules share no memory: they talk in the contract's JSON (`docs/contract.md`). The
//! page module hands over the reply as JSON; this module answers with plain JS values.
//!
//! Today it holds the targets and results of issue 22 (`reply_core::parse::annotate`: each
//! figure's stance, deadline and indicator), about a tenth of the page module's code, and the
//! text of the bundled reply (`bundledReply()`; a reply page reads its own article), and the
//! reader of reply objects given from JS (`mount({ reply })`: the checks that name a bad field). The page
//! module imports nothing of this crate, and this crate nothing of it: no import circle.
//!
//! The size rules of `reply_core`'s crate docs hold here.

// Talc instead of the default dlmalloc, as in the page module.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Each figure's stance, deadline and indicator, for a reply given as the contract's JSON (the
/// page module's `reply_core::json::reply`): an array with one `[stance, by, indicator]` per
/// figure, in the reply's order, each a string or null (`["target", "2025", "技术合同成交额"]`).
/// A reply that cannot be read throws an `Error` naming the field.
#[wasm_bindgen]
pub fn annotate(#[wasm_bindgen(unchecked_param_type = "string")] json: JsValue) -> Result<Array, JsError> {
    let Some(text) = json.as_string() else {
        return Err(JsError::new("annotate(json): json must be a string"));
    };
    let value = js_sys::JSON::parse(&text).map_err(|_| JsError::new("annotate(json): json is not JSON"))?;
    let mut reply = reply_web::reply::reply_from_js(&value, "reply").map_err(|e| JsError::new(&e))?;
    reply_core::parse::annotate(&mut reply);
    let out = Array::new();
    for f in &reply.figures {
        let stance = f.stance.map_or(JsValue::NULL, |s| JsValue::from_str(s.as_str()));
        let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        out.push(&Array::of3(&stance, &text(&f.by), &text(&f.indicator)));
    }
    Ok(out)
}

/// The text of the reply bundled with the widget (`reply_core::BUNDLED_TEXT`): the page
/// module's `bundledReply()` parses it.
#[wasm_bindgen(js_name = bundledText)]
pub fn bundled_text() -> String {
    reply_core::BUNDLED_TEXT.to_string()
}

/// Reads a reply object given from JS (`mount({ reply })`), as the page module did before the
/// split: every field checked and a bad one named by its path (`options.reply.figures[3].end:
/// expected a whole number of chars`), nesting limited and cycles refused, then validated
/// (`reply_core::model::validate`) and annotated. Returns the reply as a fresh plain object of
/// the contract's shape (one `JSON.parse` of `reply_core::json`), which the page module reads
/// without checking again.
#[wasm_bindgen(js_name = readReply)]
pub fn read_reply(
    reply: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
) -> Result<JsValue, JsError> {
    let path = path.as_string().unwrap_or_default();
    let mut r = reply_web::reply::reply_from_js(&reply, &path).map_err(|e| JsError::new(&e))?;
    reply_core::model::validate(&r).map_err(|e| JsError::new(&format!("{path}.{e}")))?;
    reply_core::parse::annotate(&mut r);
    js_sys::JSON::parse(&reply_core::json::reply(&r))
        .map_err(|_| JsError::new("readReply: the reply could not be written"))
}

/// A reply the page module handed over for one mount ([`hold`]), with its outline: what the
/// chart, the exports and the citations of that mount are written from.
struct Held {
    reply: reply_core::Reply,
    outline: reply_core::outline::Outline,
}

thread_local! {
    /// The replies held, by id (an index; a released one leaves its place free for the next).
    static HELD: std::cell::RefCell<Vec<Option<Held>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a mount's reply (the contract's JSON, with its stances) for what a tap asks of this
/// module: the chart, the exports, the citations. Returns its id; the page module gives it
/// back with [`release`] when the mount goes or its reply changes.
#[wasm_bindgen]
pub fn hold(#[wasm_bindgen(unchecked_param_type = "string")] json: JsValue) -> Result<u32, JsError> {
    let Some(text) = json.as_string() else {
        return Err(JsError::new("hold(json): json must be a string"));
    };
    let value = js_sys::JSON::parse(&text).map_err(|_| JsError::new("hold(json): json is not JSON"))?;
    let reply = reply_web::reply::reply_from_js(&value, "reply").map_err(|e| JsError::new(&e))?;
    let outline = reply_core::outline::Outline::new(&reply);
    let held = Held { reply, outline };
    Ok(HELD.with(|h| {
        let mut h = h.borrow_mut();
        match h.iter().position(Option::is_none) {
            Some(free) => {
                h[free] = Some(held);
                free as u32
            }
            None => {
                h.push(Some(held));
                (h.len() - 1) as u32
            }
        }
    }))
}

/// Forgets a reply [`hold`] kept.
#[wasm_bindgen]
pub fn release(id: u32) {
    HELD.with(|h| {
        if let Some(slot) = h.borrow_mut().get_mut(id as usize) {
            *slot = None;
        }
    });
}

/// Runs `f` on the held reply `id`.
fn with_held<R>(id: u32, f: impl FnOnce(&Held) -> R) -> Result<R, JsError> {
    HELD.with(|h| match h.borrow().get(id as usize) {
        Some(Some(held)) => Ok(f(held)),
        _ => Err(JsError::new("reply-extras: no reply held by that id")),
    })
}

/// Which figures of `reply` the list of indices `shown` names.
fn visible(reply: &reply_core::Reply, shown: &[u32]) -> Vec<bool> {
    let mut v = vec![false; reply.figures.len()];
    for &i in shown {
        if let Some(slot) = v.get_mut(i as usize) {
            *slot = true;
        }
    }
    v
}

/// The money chart's markup (`reply_web::chart::draw`) of the held reply `id`, for the figures
/// the filter leaves (`shown`: their indices), `selected` (-1: none) marked; `badges`: the
/// panel shows targets and results.
#[wasm_bindgen]
pub fn chart(id: u32, shown: Vec<u32>, selected: i32, badges: bool) -> Result<String, JsError> {
    with_held(id, |h| {
        let selected = usize::try_from(selected).ok();
        reply_web::chart::draw(&h.reply, &h.outline, &visible(&h.reply, &shown), selected, badges).into_string()
    })
}

/// The export of the figures `shown` (indices) of the held reply `id`: CSV (inert in a
/// spreadsheet, `reply_core::export::csv`) or JSON.
#[wasm_bindgen(js_name = exportFigures)]
pub fn export_figures(id: u32, shown: Vec<u32>, csv: bool) -> Result<String, JsError> {
    with_held(id, |h| {
        let figures: Vec<usize> = shown.iter().map(|&i| i as usize).filter(|&i| i < h.reply.figures.len()).collect();
        if csv {
            reply_core::export::csv(&h.reply, &h.outline, &figures)
        } else {
            reply_core::export::figures_json(&h.reply, &h.outline, &figures)
        }
    })
}

/// The citation of figure `figure` of the held reply `id` (`reply_core::export::citation`).
#[wasm_bindgen]
pub fn cite(id: u32, figure: u32) -> Result<String, JsError> {
    with_held(id, |h| {
        h.reply.figures.get(figure as usize).map(|f| reply_core::export::citation(&h.reply, &h.outline, f))
    })?
    .ok_or_else(|| JsError::new("cite: no such figure"))
}
