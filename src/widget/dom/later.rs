//! A task run after the browser painted, as a value cancelled on `Drop` (like the listeners of
//! `reply_web::listener`). Its JS snippet is the widget's own: the library module does not
//! import it, so it does not ship it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
export function after_paint(cb) {
  const h = { raf: 0, timer: 0, cb };
  h.raf = requestAnimationFrame(() => {
    h.timer = setTimeout(() => { const f = h.cb; h.cb = null; if (f) f(); }, 0);
  });
  return h;
}
export function cancel_paint(h) { cancelAnimationFrame(h.raf); clearTimeout(h.timer); h.cb = null; }
"#)]
extern "C" {
    fn after_paint(cb: &js_sys::Function) -> JsValue;
    fn cancel_paint(handle: &JsValue);
}

/// A task run once the browser has painted (a frame, then a task); cancelled when dropped.
#[must_use = "a Later is cancelled when dropped"]
pub struct Later {
    handle: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Later {
    pub fn new(f: impl FnMut() + 'static) -> Later {
        let closure = Closure::<dyn FnMut()>::new(f);
        let handle = after_paint(closure.as_ref().unchecked_ref());
        Later { handle, _closure: closure }
    }
}

impl Drop for Later {
    fn drop(&mut self) {
        cancel_paint(&self.handle);
    }
}
