//! Copying text for a citation: the async Clipboard API, with the old `execCommand("copy")`
//! as the fallback for browsers and contexts without it. The outcome is written into the live
//! region by the snippet itself: no callback into the widget waits for the promise, so a widget
//! destroyed while the copy is pending leaves nothing behind to fail when it settles.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
export function copy_text(text, status, ok, fail) {
  const say = (good) => { if (status) status.textContent = good ? ok : fail; };
  const fallback = () => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let good = false;
    try { good = document.execCommand("copy"); } catch (e) { good = false; }
    area.remove();
    say(good);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(() => say(true), fallback);
  } else {
    fallback();
  }
}
"#)]
extern "C" {
    /// Copies `text`, then writes `ok` or `fail` into `status` (if any).
    pub fn copy_text(text: &str, status: Option<&Element>, ok: &str, fail: &str);
}
