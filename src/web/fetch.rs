//! The index's files fetched by the column page's two modules (the library's search and its
//! indicator view): one JS snippet, written once here and expanded into each module's crate by
//! [`index_fetch!`] — a snippet of this crate itself would ship with the reply page's modules
//! too (see the crate's docs).

/// Declares, in the crate that calls it, the snippet that fetches an index's files:
/// `new_sink(cb)` a callback's holder, `kill_sink(sink)` turns it off (a fetch under way when
/// its mount goes then calls nothing), `fetch_file(sink, url, name, max, later)` fetches one
/// file with the same origin's credentials, refused by its Content-Length and stopped while it
/// downloads once past `max` bytes (`later`: after the next paint), then calls
/// `cb(name, bytes | null, error)`.
#[macro_export]
macro_rules! index_fetch {
    () => {
        #[::wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function new_sink(cb) { return { alive: true, cb }; }
export function kill_sink(sink) { sink.alive = false; sink.cb = null; }
export function fetch_file(sink, url, name, max, later) {
  if (later) {
    requestAnimationFrame(() => setTimeout(() => { if (sink.alive) fetch_file(sink, url, name, max, false); }, 0));
    return;
  }
  const ctrl = typeof AbortController === "function" ? new AbortController() : null;
  const big = (n) => new Error("too-large " + n);
  fetch(url, { credentials: "same-origin", signal: ctrl ? ctrl.signal : undefined })
    .then(async (r) => {
      if (!r.ok) throw new Error(r.status + " " + r.statusText);
      // Content-Length may be the compressed length: allow a compressor's overhead.
      const said = Number(r.headers.get("Content-Length"));
      if (said > max + (max >> 6) + 1024) { if (ctrl) ctrl.abort(); throw big(said); }
      if (!r.body || !r.body.getReader) {
        const b = new Uint8Array(await r.arrayBuffer());
        if (b.length > max) throw big(b.length);
        return b;
      }
      const reader = r.body.getReader();
      const parts = [];
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.length;
        if (n > max) { reader.cancel().catch(() => {}); if (ctrl) ctrl.abort(); throw big(n); }
        parts.push(value);
      }
      if (parts.length === 1) return parts[0];
      const out = new Uint8Array(n);
      let at = 0;
      for (const p of parts) { out.set(p, at); at += p.length; }
      return out;
    })
    .then((bytes) => { if (sink.alive) sink.cb(name, bytes, ""); },
          (e) => { if (sink.alive) sink.cb(name, null, String((e && e.message) || e)); });
}
"#)]
        extern "C" {
            pub(crate) fn new_sink(cb: &::js_sys::Function) -> ::wasm_bindgen::JsValue;
            #[allow(dead_code)]
            pub(crate) fn kill_sink(sink: &::wasm_bindgen::JsValue);
            pub(crate) fn fetch_file(sink: &::wasm_bindgen::JsValue, url: &str, name: &str, max: f64, later: bool);
        }
    };
}
