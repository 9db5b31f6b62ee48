//! Replies to JS: the reply as a deep-frozen plain object, made with one `JSON.parse` of the
//! contract's JSON (`reply_core::json`). The other way, a reply object given from JS is checked
//! by the extras module (`reply_web::reply`: every field, named in errors), which gives back a
//! fresh object of the contract's shape: [`reply_from_checked`] reads that one.

use std::rc::Rc;

use js_sys::{Array, Reflect};
use reply_core::model::{Amount, Figure, FigureKind, Paragraph, Qualifier, Section, Stance, MAX_DEPTH};

use reply_core::Reply;
use wasm_bindgen::prelude::*;

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
    static LAST: std::cell::RefCell<Option<(JsValue, Rc<Reply>, bool)>> = const { std::cell::RefCell::new(None) };
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn string(o: &JsValue, key: &str) -> String {
    get(o, key).as_string().unwrap_or_default()
}

fn list<T>(o: &JsValue, key: &str, depth: usize, f: fn(&JsValue, usize) -> T) -> Vec<T> {
    let v = get(o, key);
    let mut out = Vec::new();
    if let (true, Some(arr)) = (depth < MAX_DEPTH, v.dyn_ref::<Array>()) {
        for k in 0..arr.length() {
            out.push(f(&arr.get(k), depth + 1));
        }
    }
    out
}

fn paragraph(v: &JsValue, _: usize) -> Paragraph {
    Paragraph { id: string(v, "id"), text: string(v, "text") }
}

fn section(v: &JsValue, depth: usize) -> Section {
    Section {
        id: string(v, "id"),
        number: string(v, "number"),
        title: string(v, "title"),
        paragraphs: list(v, "paragraphs", depth, paragraph),
        children: list(v, "children", depth, section),
    }
}

fn line(v: &JsValue, _: usize) -> String {
    v.as_string().unwrap_or_default()
}

fn figure(v: &JsValue, _: usize) -> Figure {
    let named = |key| get(v, key).as_string();
    Figure {
        id: string(v, "id"),
        text: string(v, "text"),
        amount: Amount {
            kind: named("kind").and_then(|k| FigureKind::from_name(&k)).unwrap_or(FigureKind::Count),
            value: get(v, "value").as_f64().unwrap_or(0.0),
            high: get(v, "high").as_f64(),
            unit: named("unit"),
            qualifier: named("qualifier").and_then(|q| Qualifier::from_name(&q)),
        },
        date: named("date"),
        section: string(v, "section"),
        paragraph: string(v, "paragraph"),
        start: get(v, "start").as_f64().unwrap_or(0.0) as u32,
        end: get(v, "end").as_f64().unwrap_or(0.0) as u32,
        context: string(v, "context"),
        stance: named("stance").and_then(|s| Stance::from_name(&s)),
        by: named("by"),
        indicator: named("indicator"),
    }
}

/// A reply object the extras module checked, validated and made afresh (`readReply`): read
/// without checking again (every field is there, of its type; sections nest at most
/// [`MAX_DEPTH`] deep). Whatever it holds, nothing panics: an odd field reads as empty.
pub fn reply_from_checked(v: &JsValue) -> Reply {
    let salutation = get(v, "salutation");
    Reply {
        title: string(v, "title"),
        published: get(v, "published").as_string(),
        source: get(v, "source").as_string(),
        published_date: get(v, "publishedDate").as_string(),
        document_number: get(v, "documentNumber").as_string(),
        signed: get(v, "signed").as_string(),
        sections: list(v, "sections", 0, section),
        closing: list(v, "closing", 0, paragraph),
        figures: list(v, "figures", 0, figure),
        meta: list(v, "meta", 0, line),
        salutation: if salutation.is_object() { Some(paragraph(&salutation, 0)) } else { None },
        preamble: list(v, "preamble", 0, paragraph),
        signature: list(v, "signature", 0, paragraph),
    }
}

/// The reply as a deep-frozen plain object of the contract's shape, made with one `JSON.parse`.
/// Remembered for `mount({ reply })`, with whether the extras module `annotated` it (if not,
/// the mount asks for the stances once it is loaded).
pub fn reply_to_js(reply: Reply, annotated: bool) -> Result<JsValue, JsValue> {
    let obj = parse_frozen(&reply_core::json::reply(&reply))?;
    LAST.with(|l| *l.borrow_mut() = Some((obj.clone(), Rc::new(reply), annotated)));
    Ok(obj)
}

/// The reply behind an object made by [`reply_to_js`], if `v` is that very object. Shared, not
/// copied: the mounts of one reply read the same data. With whether it has its stances.
pub fn remembered(v: &JsValue) -> Option<(Rc<Reply>, bool)> {
    LAST.with(|last| {
        last.borrow().as_ref().filter(|(obj, ..)| js_sys::Object::is(obj, v)).map(|(_, r, a)| (r.clone(), *a))
    })
}
