//! Replies to JS: the reply as a deep-frozen plain object, made with one `JSON.parse` of the
//! contract's JSON (`reply_core::json`). The other way, from a plain JS object, is
//! `reply_web::reply` (the extras module reads replies too).

use std::rc::Rc;

use reply_core::Reply;
use wasm_bindgen::prelude::*;

pub use reply_web::reply::reply_from_js;

#[wasm_bindgen(inline_js = r#"
export function parse_frozen(text) {
  const root = JSON.parse(text);
  const stack = [root];
  while (stack.length) {
    const value = Object.freeze(stack.pop());
    for (const key in value) {
      const child = value[key];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return root;
}
"#)]
extern "C" {
    /// `JSON.parse` that deep-freezes what it makes.
    #[wasm_bindgen(catch)]
    fn parse_frozen(text: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// The last reply handed to JS and its object. The object is frozen, so while it is the same
    /// object it still holds this reply, and `mount({ reply })` need not read it back field by
    /// field (about 60 ms for a reply of 250,000 characters).
    static LAST: std::cell::RefCell<Option<(JsValue, Rc<Reply>)>> = const { std::cell::RefCell::new(None) };
}

/// The reply as a deep-frozen plain object of the contract's shape, made with one `JSON.parse`.
/// Remembered (for `mount({ reply })`) only when complete, `annotated` by the extras module; a
/// reply without its stances is read back, and annotated then.
pub fn reply_to_js(reply: Reply, annotated: bool) -> Result<JsValue, JsValue> {
    let obj = parse_frozen(&reply_core::json::reply(&reply))?;
    let last = if annotated { Some((obj.clone(), Rc::new(reply))) } else { None };
    LAST.with(|l| *l.borrow_mut() = last);
    Ok(obj)
}

/// The reply behind an object made by [`reply_to_js`], if `v` is that very object. Shared, not
/// copied: the mounts of one reply read the same data.
pub fn remembered(v: &JsValue) -> Option<Rc<Reply>> {
    LAST.with(|last| last.borrow().as_ref().filter(|(obj, _)| js_sys::Object::is(obj, v)).map(|(_, r)| r.clone()))
}
