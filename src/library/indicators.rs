//! The indicator view and a card's other replies live in the column page's second module
//! (`pkg/library/extras/`, the `reply-indicators` crate, issue 21 round six): this file loads
//! it and asks it. The two share no memory: the library hands over the index's URL, the
//! indicator's key, the rows to show and the manifest it read (bytes), and gets back the
//! status line and a detached element holding the view (drawn there with the same escaping
//! writer and Trusted Types policy), which it moves into its own view.
//!
//! When: once the manifest is here and the browser is idle ([`prefetch`]), or at once when the
//! reader asks for an indicator first; the view says `aria-busy` and the status 正在载入指标
//! until the module answers. If it cannot load, the search works as before and the view says
//! it cannot now; the next indicator query tries again.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const KEY = Symbol.for("reply-widget.indicators");
const base = new URL("../../extras/", import.meta.url);
let ready = null;
// One load per page (the embed script's card path shares it), with the embed script's loader
// (the gzipped wasm where the browser can unzip a stream) where it started the widget.
export function ind_load() {
  let p = globalThis[KEY];
  if (!p) {
    const glue = new URL("reply_indicators.js", base).href;
    const wasm = new URL("reply_indicators_bg.wasm", base);
    const start = globalThis[Symbol.for("reply-widget.load")];
    p = start ? start(glue, wasm) : import(glue).then(async (m) => { await m.default({ module_or_path: wasm }); return m; });
    globalThis[KEY] = p;
    // A failure (offline, pkg/ copied without it) is told to who waits; a later call tries again.
    p.catch(() => { if (globalThis[KEY] === p) globalThis[KEY] = undefined; });
  }
  return p.then((m) => (ready = m));
}
export function ind_idle() {
  const go = () => ind_load().catch(() => {});
  if (typeof requestIdleCallback === "function") requestIdleCallback(go, { timeout: 3000 }); else setTimeout(go, 0);
}
export function ind_view(sink, gen, opts) {
  ind_load().then((m) => m.indicatorView(opts)).then((a) => { if (sink.alive) sink.cb(gen, a); },
    () => { if (sink.alive) sink.cb(gen, null); });
}
export function ind_csv(opts) { return ready ? ready.indicatorCsv(opts) : false; }
export function ind_values(opts) { return ind_load().then((m) => m.indicatorValues(opts)); }
"#)]
extern "C" {
    /// Loads the second module once the browser is idle (a prefetch; nothing is shown).
    #[wasm_bindgen(js_name = ind_idle)]
    pub(crate) fn prefetch();
    /// Asks for the view (`indicatorView(opts)`), loading the module first if need be; the
    /// answer, or null when the module could not load, comes to `sink.cb(gen, answer)`.
    #[wasm_bindgen(js_name = ind_view)]
    pub(crate) fn view(sink: &JsValue, gen: u32, opts: &JsValue);
    /// The view's CSV downloads (`indicatorCsv(opts)`); false before the module is here.
    #[wasm_bindgen(js_name = ind_csv)]
    pub(crate) fn csv(opts: &JsValue) -> bool;
    /// `indicatorValues(opts)` of the second module, loaded on first call.
    #[wasm_bindgen(js_name = ind_values)]
    pub(crate) fn values(opts: &JsValue) -> js_sys::Promise;
}

/// A plain object of the question's fields for the second module.
pub(crate) fn options(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}
