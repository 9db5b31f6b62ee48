//! The boundary with JavaScript: the parts and options a mount function is given, read and
//! checked, and the `Error` it throws (naming the argument, never a panic).

use reply_core::util::cat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS `Error` with the message of whatever was thrown inside, prefixed with where it happened.
pub fn error(context: &str, e: JsValue) -> JsError {
    let msg = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unexpected error".into());
    if msg.starts_with(context) || msg.starts_with("options.") || msg.starts_with("reply-widget") {
        JsError::new(&msg)
    } else {
        JsError::new(&cat(&[context, ": ", &msg]))
    }
}

pub fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("reply-widget needs a browser document"))
}

/// Resolves a part: an Element, a CSS selector string, or nothing.
pub fn element(doc: &web_sys::Document, name: &str, v: &JsValue) -> Result<Option<web_sys::Element>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(e) = v.dyn_ref::<web_sys::Element>() {
        return Ok(Some(e.clone()));
    }
    let Some(selector) = v.as_string() else {
        return Err(JsError::new(&cat(&[name, " must be an Element or a CSS selector string"])));
    };
    match doc.query_selector(&selector) {
        Ok(Some(e)) => Ok(Some(e)),
        Ok(None) => Err(JsError::new(&cat(&[name, ": selector \"", &selector, "\" matches no element"]))),
        Err(_) => Err(JsError::new(&cat(&[name, ": \"", &selector, "\" is not a valid CSS selector"]))),
    }
}

/// `obj[key]`, or `undefined` when `obj` is nothing.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_undefined() || obj.is_null() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An options object: an object that is no function, array or element.
pub fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_function() && !js_sys::Array::is_array(v) && v.dyn_ref::<web_sys::Element>().is_none()
}

/// A boolean option: `true`, `false` or left out.
pub fn flag(options: &JsValue, key: &str) -> Result<Option<bool>, JsError> {
    let v = get(options, key);
    match v.as_bool() {
        Some(b) => Ok(Some(b)),
        None if v.is_undefined() => Ok(None),
        None => Err(JsError::new(&cat(&["options.", key, " must be true or false"]))),
    }
}
