//! `destroy()`: the page gets back exactly what it had — the article its own DOM, each host
//! its own content — and focus that was inside the widget goes to the page's nearest control.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use reply_web::styles;

use super::phones::Side;
use super::{State, MOUNTED_ATTR};

/// Gives the page back what it had once the state is free: at once, else in a microtask (the
/// event that holds it is over by then), else on later tasks.
pub(super) fn teardown_when_free(state: Rc<RefCell<State>>, tries: u32) {
    let done = state.try_borrow_mut().map(|mut st| st.teardown());
    let back = match done {
        Ok(back) => back,
        Err(_) => {
            if tries > 100 {
                return;
            }
            let again = Closure::once_into_js(move || teardown_when_free(state, tries + 1));
            let queue = if tries == 0 { "queueMicrotask" } else { "setTimeout" };
            let global = js_sys::global();
            if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str(queue)) {
                let _ = f.unchecked_into::<js_sys::Function>().call1(&global, &again);
            }
            return;
        }
    };
    // Focus was inside the widget: it goes to the page's nearest control, not to <body>.
    if let Some(h) = back.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

/// What a keyboard can reach, for focus that has to go somewhere when the widget goes.
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), \
     textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1']), [contenteditable=true]";

impl State {
    /// Where focus goes when the widget it was in is gone: the opener of the open sheet if it
    /// is the page's, else the first control inside `anchor` (a host whose own content shows
    /// again), after it in the document, or else the nearest one before it.
    fn focus_after(&self, opener: Option<Element>, anchor: Option<Element>) -> Option<Element> {
        if let Some(o) = opener.filter(|o| o.is_connected()) {
            return Some(o);
        }
        let anchor = anchor.filter(|a| a.is_connected())?;
        if let Ok(Some(inside)) = anchor.query_selector(FOCUSABLE) {
            return Some(inside);
        }
        // The first shown control after the anchor, else the last one before it.
        let all = self.doc.query_selector_all(FOCUSABLE).ok()?;
        let mut before = None;
        for i in 0..all.length() {
            let Some(e) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let r = e.get_bounding_client_rect();
            if (r.width() == 0.0 && r.height() == 0.0) || anchor.contains(Some(&e)) {
                continue;
            }
            if anchor.compare_document_position(&e) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0 {
                return Some(e);
            }
            before = Some(e);
        }
        before
    }

    /// Takes everything away (see [`Mount::destroy`]); returns where focus should go, when it
    /// was inside the widget.
    pub(super) fn teardown(&mut self) -> Option<Element> {
        // Where focus is: a shadow root's host, the bar's host, or the article (its marks).
        let active = self.doc.active_element();
        let mut ours: Vec<Element> = Vec::new();
        ours.extend(self.hosts.iter().map(|(h, _)| h.clone()));
        ours.extend(self.made.iter().cloned());
        ours.extend(self.bar.as_ref().map(|b| b.host.clone()));
        let inside = active.as_ref().is_some_and(|a| ours.iter().any(|h| h.contains(Some(a))));
        let mut opener = None;
        for side in Side::BOTH {
            if let Some(sheet) = self.sheet_of(side) {
                if sheet.is_open() {
                    opener = opener.or(sheet.opener.take());
                }
            }
        }
        // The host focus was in, if the page keeps it; else the article.
        let anchor = active
            .as_ref()
            .filter(|a| self.hosts.iter().any(|(h, _)| h == *a) && !self.made.iter().any(|m| m.contains(Some(a))))
            .cloned()
            .or_else(|| self.article.as_ref().map(|a| a.host.clone()));
        self.close_sheets();
        self.bar = None;
        if let Some(a) = self.article.take() {
            let _ = a.host.remove_attribute(MOUNTED_ATTR);
            a.restore();
        }
        if std::mem::take(&mut self.document_sheet) {
            styles::release_document(&self.doc);
        }
        for (host, root) in std::mem::take(&mut self.hosts) {
            root.set_text_content(None);
            let _ = js_sys::Reflect::set(&root, &JsValue::from_str("adoptedStyleSheets"), &js_sys::Array::new());
            // A slot shows the host's own (static) content again.
            if let Ok(slot) = self.doc.create_element("slot") {
                let _ = root.append_child(&slot);
            }
            let _ = host.remove_attribute(MOUNTED_ATTR);
        }
        for e in std::mem::take(&mut self.made) {
            e.remove();
        }
        self.outline = None;
        self.figures = None;
        self.search = None;
        self.effects.clear();
        self.extras.end();
        let lost = self
            .doc
            .active_element()
            .is_none_or(|a| self.doc.body().is_some_and(|b| a == *b.unchecked_ref::<Element>()));
        if inside && lost {
            self.focus_after(opener, anchor)
        } else {
            None
        }
    }
}
