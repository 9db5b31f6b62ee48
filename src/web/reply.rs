//! A structured reply read from a plain JS object, by hand rather than through
//! serde-wasm-bindgen: that saves about 16 KB of wasm and the float formatting it pulls in for
//! error messages, and lets a bad field be named by its path
//! (`options.reply.figures[3].end: expected a whole number`). The other way, replies go out as
//! JSON (`json`) and one `JSON.parse`.
//!
//! Whatever the object: sections nested deeper than [`MAX_DEPTH`] or nested in themselves (a
//! cycle) are refused with the path of the offending field, before any deep walk could overflow
//! the stack; strings that are not valid UTF-16 (a lone surrogate) are refused, never silently
//! changed.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use reply_core::model::{
    is_deadline, Amount, Figure, FigureKind, Paragraph, Qualifier, Reply, Section, Stance, MAX_DEPTH,
};

/// Reads fields of one JS object, naming each by its path in errors.
struct Reader<'a> {
    obj: JsValue,
    path: &'a str,
}

fn type_name(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "nothing"
    } else if v.as_string().is_some() {
        "a string"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if Array::is_array(v) {
        "an array"
    } else {
        "an object"
    }
}

fn expected(path: &str, what: &str, got: &JsValue) -> String {
    let mut s = String::with_capacity(path.len() + what.len() + 24);
    s.push_str(path);
    s.push_str(": expected ");
    s.push_str(what);
    s.push_str(", got ");
    s.push_str(type_name(got));
    s
}

fn join(path: &str, key: &str) -> String {
    let mut s = String::with_capacity(path.len() + key.len() + 1);
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s
}

fn index(path: &str, k: usize) -> String {
    let mut s = String::with_capacity(path.len() + 6);
    s.push_str(path);
    s.push('[');
    reply_core::util::push_uint(&mut s, k as u64);
    s.push(']');
    s
}

impl<'a> Reader<'a> {
    fn new(v: &JsValue, path: &'a str) -> Result<Reader<'a>, String> {
        if !v.is_object() || Array::is_array(v) {
            return Err(expected(path, "an object", v));
        }
        Ok(Reader { obj: v.clone(), path })
    }

    fn get(&self, key: &str) -> JsValue {
        Reflect::get(&self.obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn string(&self, key: &str) -> Result<String, String> {
        let v = self.get(key);
        text(&v, &join(self.path, key), "a string")
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>, String> {
        let v = self.get(key);
        if v.is_null() || v.is_undefined() {
            return Ok(None);
        }
        text(&v, &join(self.path, key), "a string or null").map(Some)
    }

    fn number(&self, key: &str) -> Result<f64, String> {
        let v = self.get(key);
        v.as_f64().filter(|n| n.is_finite()).ok_or_else(|| expected(&join(self.path, key), "a finite number", &v))
    }

    fn opt_number(&self, key: &str) -> Result<Option<f64>, String> {
        let v = self.get(key);
        if v.is_null() || v.is_undefined() {
            return Ok(None);
        }
        v.as_f64()
            .filter(|n| n.is_finite())
            .map(Some)
            .ok_or_else(|| expected(&join(self.path, key), "a number or null", &v))
    }

    fn offset(&self, key: &str) -> Result<u32, String> {
        let v = self.get(key);
        v.as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
            .ok_or_else(|| expected(&join(self.path, key), "a whole number of chars", &v))
    }

    /// An array field; `optional` ones may be missing (the extension fields). A plain loop and
    /// a function pointer: an iterator collected into a `Result` costs about a kilobyte of
    /// wasm per item type.
    fn list<T>(&self, key: &str, optional: bool, f: fn(&JsValue, &str) -> Result<T, String>) -> Result<Vec<T>, String> {
        let v = self.get(key);
        let path = join(self.path, key);
        if optional && (v.is_undefined() || v.is_null()) {
            return Ok(Vec::new());
        }
        if !Array::is_array(&v) {
            return Err(expected(&path, "an array", &v));
        }
        let arr: Array = v.unchecked_into();
        let n = arr.length();
        let mut out = Vec::with_capacity(n as usize);
        for k in 0..n {
            out.push(f(&arr.get(k), &index(&path, k as usize))?);
        }
        Ok(out)
    }
}

/// A JS string as Rust text. A string with a lone surrogate (broken UTF-16) would come out
/// changed (each one replaced by U+FFFD): refused instead, naming the field.
fn text(v: &JsValue, path: &str, what: &str) -> Result<String, String> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else { return Err(expected(path, what, v)) };
    if !s.is_valid_utf16() {
        let mut e = path.to_string();
        e.push_str(": the string holds a lone surrogate (broken UTF-16 text)");
        return Err(e);
    }
    Ok(String::from(s))
}

fn meta_line(v: &JsValue, path: &str) -> Result<String, String> {
    text(v, path, "a string")
}

fn paragraph_from(v: &JsValue, path: &str) -> Result<Paragraph, String> {
    let r = Reader::new(v, path)?;
    Ok(Paragraph { id: r.string("id")?, text: r.string("text")? })
}

/// Reads a section and its children, refusing nesting deeper than [`MAX_DEPTH`] and cycles.
/// Recursive, but never deeper than [`MAX_DEPTH`]: `ancestors` holds the objects on the path.
fn section_at(v: &JsValue, path: &str, ancestors: &mut Vec<JsValue>) -> Result<Section, String> {
    if ancestors.iter().any(|a| js_sys::Object::is(a, v)) {
        let mut e = path.to_string();
        e.push_str(": cycle (this section contains itself)");
        return Err(e);
    }
    if ancestors.len() >= MAX_DEPTH {
        let mut e = path.to_string();
        e.push_str(": nested too deep (sections nest at most 16 levels)");
        return Err(e);
    }
    let r = Reader::new(v, path)?;
    let id = r.string("id")?;
    let number = r.string("number")?;
    let title = r.string("title")?;
    let paragraphs = r.list("paragraphs", false, paragraph_from)?;
    let mut children = Vec::new();
    let kids = r.get("children");
    if !kids.is_undefined() && !kids.is_null() {
        let list_path = join(path, "children");
        if !Array::is_array(&kids) {
            return Err(expected(&list_path, "an array", &kids));
        }
        let arr: Array = kids.unchecked_into();
        ancestors.push(v.clone());
        for k in 0..arr.length() {
            let child = section_at(&arr.get(k), &index(&list_path, k as usize), ancestors);
            match child {
                Ok(c) => children.push(c),
                Err(e) => {
                    ancestors.pop();
                    return Err(e);
                }
            }
        }
        ancestors.pop();
    }
    Ok(Section { id, number, title, paragraphs, children })
}

fn section_from(v: &JsValue, path: &str) -> Result<Section, String> {
    section_at(v, path, &mut Vec::new())
}

fn figure_from(v: &JsValue, path: &str) -> Result<Figure, String> {
    let r = Reader::new(v, path)?;
    let kind = r.string("kind")?;
    let kind = FigureKind::from_name(&kind).ok_or_else(|| {
        let mut s = join(path, "kind");
        s.push_str(": expected money, percent, count, multiple, year or date");
        s
    })?;
    let qualifier = match r.opt_string("qualifier")?.as_deref() {
        None => None,
        Some(q) => Some(Qualifier::from_name(q).ok_or_else(|| {
            let mut s = join(path, "qualifier");
            s.push_str(": expected null or one of nearly, over, at_least, about, under, since, end");
            s
        })?),
    };
    // Issue 22: optional, null when none; a bad value is refused naming its field.
    let stance = match r.opt_string("stance")?.as_deref() {
        None => None,
        Some(v) => Some(Stance::from_name(v).ok_or_else(|| {
            let mut s = join(path, "stance");
            s.push_str(": expected null, target or result");
            s
        })?),
    };
    let by = r.opt_string("by")?;
    if by.as_deref().is_some_and(|b| !is_deadline(b)) {
        let mut s = join(path, "by");
        s.push_str(": expected null or a deadline such as 2025 or 2025-12");
        return Err(s);
    }
    let indicator = r.opt_string("indicator")?;
    if indicator.as_deref().is_some_and(|k| !(2..=16).contains(&k.chars().count()) || k.contains(char::is_whitespace)) {
        let mut s = join(path, "indicator");
        s.push_str(": expected null or a key of 2 to 16 chars without spaces");
        return Err(s);
    }
    // Read in the contract's order, so that the first bad field named is the same as ever.
    let (id, text) = (r.string("id")?, r.string("text")?);
    let (value, high) = (r.number("value")?, r.opt_number("high")?);
    let date = r.opt_string("date")?;
    let unit = r.opt_string("unit")?;
    Ok(Figure {
        id,
        text,
        amount: Amount { kind, value, high, unit, qualifier },
        date,
        section: r.string("section")?,
        paragraph: r.string("paragraph")?,
        start: r.offset("start")?,
        end: r.offset("end")?,
        context: r.opt_string("context")?.unwrap_or_default(),
        stance,
        by,
        indicator,
    })
}

/// Reads a reply object given from JS. `path` names it in errors (`options.reply`).
pub fn reply_from_js(v: &JsValue, path: &str) -> Result<Reply, String> {
    let r = Reader::new(v, path)?;
    let salutation = r.get("salutation");
    Ok(Reply {
        title: r.string("title")?,
        published: r.opt_string("published")?,
        source: r.opt_string("source")?,
        published_date: r.opt_string("publishedDate")?,
        document_number: r.opt_string("documentNumber")?,
        signed: r.opt_string("signed")?,
        sections: r.list("sections", false, section_from)?,
        closing: r.list("closing", false, paragraph_from)?,
        figures: r.list("figures", false, figure_from)?,
        meta: r.list("meta", true, meta_line)?,
        salutation: if salutation.is_null() || salutation.is_undefined() {
            None
        } else {
            Some(paragraph_from(&salutation, &join(path, "salutation"))?)
        },
        preamble: r.list("preamble", true, paragraph_from)?,
        signature: r.list("signature", true, paragraph_from)?,
    })
}
