//! Reading aids (适老化): large-text mode, high contrast, and reading aloud with the browser's
//! `speechSynthesis`. Preferences live in localStorage so a reader sets them once per site.

use reply_core::util::cat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::html::Html;

/// The `data-action` of the toolbar's buttons: 大字, 高对比度, 朗读, 停止朗读 (the widget's
/// actions of the same names).
pub const ELDER: &str = "elder";
pub const CONTRAST: &str = "contrast";
pub const SPEAK: &str = "speak";
pub const STOP: &str = "stop";

const KEY_ELDER: &str = "reply-widget.elder";
const KEY_CONTRAST: &str = "reply-widget.contrast";

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prefs {
    pub elder: bool,
    pub contrast: bool,
    pub speak: bool,
}

fn storage() -> Option<web_sys::Storage> {
    // Sandboxed frames and strict privacy modes throw here: then nothing is remembered.
    web_sys::window()?.local_storage().ok()?
}

pub fn load(elder_option: Option<bool>) -> Prefs {
    let stored = |k: &str| storage().and_then(|s| s.get_item(k).ok().flatten()).as_deref() == Some("1");
    Prefs { elder: elder_option.unwrap_or_else(|| stored(KEY_ELDER)), contrast: stored(KEY_CONTRAST), speak: false }
}

pub fn save(p: &Prefs) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_ELDER, if p.elder { "1" } else { "0" });
        let _ = s.set_item(KEY_CONTRAST, if p.contrast { "1" } else { "0" });
    }
}

/// Whether this browser can read aloud at all.
pub fn can_speak() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("speechSynthesis")).ok())
        .is_some_and(|s| s.is_object())
}

/// Reads text aloud in Chinese, replacing whatever was being read.
pub fn speak(text: &str) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    u.set_lang("zh-CN");
    u.set_rate(0.9);
    let voices = synth.get_voices();
    let zh = voices
        .iter()
        .map(|v| v.unchecked_into::<web_sys::SpeechSynthesisVoice>())
        .find(|v| v.lang().replace('_', "-").starts_with("zh-CN"))
        .or_else(|| {
            voices
                .iter()
                .map(|v| v.unchecked_into::<web_sys::SpeechSynthesisVoice>())
                .find(|v| v.lang().starts_with("zh"))
        });
    if let Some(v) = zh {
        u.set_voice(Some(&v));
    }
    synth.speak(&u);
}

pub fn stop() {
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synth.cancel();
    }
}

/// The toolbar: 大字 (elder mode), 高对比度, 朗读 on/off and 停止.
pub fn toolbar(doc: &Document) -> Result<Element, JsValue> {
    let bar = doc.create_element("div")?;
    bar.set_class_name("rw-tools rw-reading");
    bar.set_attribute("role", "group")?;
    bar.set_attribute("aria-label", "阅读辅助")?;
    let speech = can_speak();
    let mut h = Html::new();
    for (action, label, title, shown) in [
        (ELDER, "大字模式", "放大文字和按钮（适老化）", true),
        (CONTRAST, "高对比度", "黑白高对比度显示", true),
        (SPEAK, "朗读", "选中章节或数据时朗读出来", speech),
        (STOP, "停止朗读", "停止朗读", speech),
    ] {
        let mut attrs = vec![("type", "button"), ("data-action", action), ("title", title)];
        if action != STOP {
            attrs.push(("aria-pressed", "false"));
        }
        if !shown {
            attrs.push(("hidden", ""));
        }
        h.leaf("button", "", &attrs, label);
    }
    h.append_to(&bar)?;
    Ok(bar)
}

/// Shows the preferences on every part's root and on the toolbar buttons.
pub fn apply(p: &Prefs, roots: &[&Element], bar: Option<&Element>) -> Result<(), JsValue> {
    for r in roots {
        r.toggle_attribute_with_force("data-elder", p.elder)?;
        r.toggle_attribute_with_force("data-contrast", p.contrast)?;
    }
    if let Some(bar) = bar {
        for (action, on) in [(ELDER, p.elder), (CONTRAST, p.contrast), (SPEAK, p.speak)] {
            if let Some(b) = bar.query_selector(&cat(&["[data-action=", action, "]"]))? {
                b.set_attribute("aria-pressed", if on { "true" } else { "false" })?;
            }
        }
    }
    Ok(())
}
