//! The reply page's second module (`pkg/extras/`, the `reply-extras` crate): what the first
//! screen can do without — today the targets and results of a reply's figures (stance, deadline,
//! indicator: `reply_core::parse::annotate`, issue 22), the text of the bundled reply and the
//! checks of a reply object given from JS, and what a tap asks for: the money chart's drawing,
//! the exports and the citations (of a reply this module hands over once per mount, [`hold`]).
//! This module does not contain them; it loads the
//! extras module and asks it.
//!
//! When: `init()` of `reply_widget.js` loads it before it resolves (a page calling the API
//! itself sees every result as before the split); the embed script's `init` does not wait for
//! it (`extras: "later"`), and a mount asks for it once the browser is idle after the first
//! paint ([`Waiting`]): the panel's 按承诺 grouping, badges and 立场 facet appear then.
//!
//! How: the two modules share no memory; this one hands over the reply as the contract's JSON
//! and reads back one `[stance, by, indicator]` per figure. The snippet finds the extras module
//! beside the page module in `pkg/` (`extras/reply_extras.js`) and loads it with the embed
//! script's loader (its wasm gzipped where the browser can unzip a stream), where the embed
//! script started the widget; else it fetches the plain file.

use js_sys::Array;
use reply_core::model::Stance;
use reply_core::util::cat;
use reply_core::Reply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
let loading = null;
let ready = null;
const base = new URL("../../extras/", import.meta.url);
const at = (name) => new URL(name, base);
export function extras_load() {
  if (!loading) {
    const glue = at("reply_extras.js").href;
    const wasm = at("reply_extras_bg.wasm");
    // The embed script's loader (src/widget/embed.js: the gzipped wasm where the browser can
    // unzip a stream); on a page that called init() itself, the plain file.
    const start = globalThis[Symbol.for("reply-widget.load")];
    loading = (start ? start(glue, wasm) : import(glue).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    })).then((m) => {
      ready = m;
      return m;
    });
    // A failure (offline, pkg/ copied without extras/) leaves the first screen as it is; a
    // later call tries again.
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export function extras_ready() {
  return ready !== null;
}
export function extras_bundled() {
  return ready ? ready.bundledText() : null;
}
export function extras_read(reply, path) {
  return ready.readReply(reply, path);
}
export function extras_annotate(json) {
  return ready ? ready.annotate(json) : null;
}
export function extras_hold(json) {
  return ready.hold(json);
}
export function extras_release(id) {
  if (ready) ready.release(id);
}
export function extras_chart(id, visible, selected, badges) {
  return ready.chart(id, visible, selected, badges);
}
export function extras_export(id, visible, csv) {
  return ready.exportFigures(id, visible, csv);
}
export function extras_cite(id, i) {
  return ready.cite(id, i);
}
export function extras_when_idle(cb, now) {
  const h = { cb, idle: 0 };
  // Called back loaded or not (offline: a tap that waited is told); a later call tries again.
  const done = () => { const f = h.cb; h.cb = null; if (f) f(); };
  const go = () => extras_load().then(done, done);
  if (now) go();
  else h.idle = typeof requestIdleCallback === "function" ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 0);
  return h;
}
export function extras_cancel(h) {
  h.cb = null;
  if (typeof cancelIdleCallback === "function") cancelIdleCallback(h.idle); else clearTimeout(h.idle);
}
"#)]
extern "C" {
    fn extras_load() -> js_sys::Promise;
    fn extras_ready() -> bool;
    fn extras_bundled() -> Option<String>;
    #[wasm_bindgen(catch)]
    fn extras_read(reply: &JsValue, path: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn extras_annotate(json: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn extras_hold(json: &str) -> Result<JsValue, JsValue>;
    fn extras_release(id: u32);
    #[wasm_bindgen(catch)]
    fn extras_chart(id: u32, visible: &[u32], selected: i32, badges: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn extras_export(id: u32, visible: &[u32], csv: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn extras_cite(id: u32, figure: u32) -> Result<JsValue, JsValue>;
    fn extras_when_idle(cb: &js_sys::Function, now: bool) -> JsValue;
    fn extras_cancel(handle: &JsValue);
}

/// Loads the extras module (once); resolves when it can answer. `init()` awaits it.
pub fn load() -> js_sys::Promise {
    extras_load()
}

/// The extras module is loaded: [`annotate`] answers at once.
pub fn ready() -> bool {
    extras_ready()
}

/// The text of the reply bundled with the widget (`bundledReply()`), if the extras module is
/// loaded: a reply page reads its own article and never needs it.
pub fn bundled_text() -> Option<String> {
    extras_bundled()
}

/// Reads a reply object given from JS (`mount({ reply })`) in the extras module, which checks
/// every field (an `Error` naming a bad one), validates and annotates it, and gives back a fresh
/// plain object that [`crate::interop::reply_from_checked`] reads.
pub fn read_reply(reply: &JsValue, path: &str) -> Result<Reply, JsError> {
    if !ready() {
        return Err(JsError::new(&cat(&[
            path,
            ": reading a reply object needs the extras module, not loaded yet; await loadExtras() first (init() does)",
        ])));
    }
    match extras_read(reply, path) {
        Ok(checked) => Ok(crate::interop::reply_from_checked(&checked)),
        Err(e) => Err(JsError::new(
            &e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| path.to_string()),
        )),
    }
}

/// Gives each figure of `reply` its stance, deadline and indicator, if the extras module is
/// loaded; false (the reply unchanged) if it is not yet, or could not read the reply.
pub fn annotate(reply: &mut Reply) -> bool {
    let Ok(answer) = extras_annotate(&reply_core::json::reply(reply)) else { return false };
    let Ok(rows) = answer.dyn_into::<Array>() else { return false };
    if rows.length() as usize != reply.figures.len() {
        return false;
    }
    for (k, f) in reply.figures.iter_mut().enumerate() {
        let row = Array::from(&rows.get(k as u32));
        f.stance = row.get(0).as_string().and_then(|s| Stance::from_name(&s));
        f.by = row.get(1).as_string();
        f.indicator = row.get(2).as_string();
    }
    true
}

/// Hands a mount's reply to the extras module, which keeps it (with its outline) for what it
/// writes for that mount: the chart, the exports, the citations. Its id there, or None if the
/// module is not loaded (or could not read it). Give it back with [`release`].
pub fn hold(reply: &Reply) -> Option<u32> {
    let id = extras_hold(&reply_core::json::reply(reply)).ok()?.as_f64()?;
    Some(id as u32)
}

/// The extras module forgets a reply [`hold`] gave it.
pub fn release(id: u32) {
    extras_release(id);
}

/// The indices of the figures `visible` leaves, as the extras module reads them.
fn shown(visible: &[bool]) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, v) in visible.iter().enumerate() {
        if *v {
            out.push(i as u32);
        }
    }
    out
}

/// The money chart's markup (`reply_web::chart::draw`) for the held reply `id`.
pub fn chart(id: u32, visible: &[bool], selected: Option<usize>, badges: bool) -> Option<String> {
    let selected = selected.map_or(-1, |i| i as i32);
    extras_chart(id, &shown(visible), selected, badges).ok()?.as_string()
}

/// The export of the figures `visible` leaves, as CSV (inert in a spreadsheet) or JSON.
pub fn export(id: u32, visible: &[bool], csv: bool) -> Option<String> {
    extras_export(id, &shown(visible), csv).ok()?.as_string()
}

/// The citation of figure `i` of the held reply `id`.
pub fn citation(id: u32, i: usize) -> Option<String> {
    extras_cite(id, i as u32).ok()?.as_string()
}

/// A wait for the extras module, started when the browser is idle (or at once: a tap that
/// needs it); `f` runs once it is loaded, or could not be. Cancelled when dropped (a destroyed
/// mount is never called back).
#[must_use = "a Waiting is cancelled when dropped"]
pub struct Waiting {
    handle: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Waiting {
    pub fn new(now: bool, f: impl FnMut() + 'static) -> Waiting {
        let closure = Closure::<dyn FnMut()>::new(f);
        let handle = extras_when_idle(closure.as_ref().unchecked_ref(), now);
        Waiting { handle, _closure: closure }
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        extras_cancel(&self.handle);
    }
}
