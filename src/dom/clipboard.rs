//! Copying text for a citation: the async Clipboard API, with the old `execCommand("copy")`
//! as the fallback for browsers and contexts without it. The callback reports success.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function copy_text(text, done) {
  const fallback = () => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    done(ok);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(() => done(true), fallback);
  } else {
    fallback();
  }
}
"#)]
extern "C" {
    /// Copies `text`, then calls `done(true|false)`.
    pub fn copy_text(text: &str, done: &js_sys::Function);
}
