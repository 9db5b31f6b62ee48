//! The library part on the page: its shadow root and markup, the one way into its state
//! ([`Entry::enter`]), its listeners and its fetch callback, and `destroy()`.
//!
//! **Re-entrancy, the widget's rule** (`src/widget/dom/mod.rs`): every entry point — the
//! delegated listener of each kind of event, the fetch callback, `search()` — turns what
//! happened into an [`Action`], borrows the state once to dispatch it, and releases it; what
//! can run the page's own code synchronously (moving focus fires the page's focus listeners, a
//! download clicks a link) or starts a fetch comes back as an [`Effect`] and runs after the
//! borrow ends, and not at all once the mount is gone. So a page listener may call `destroy()`
//! from a focus event of the widget: the page's own list comes back and a fetch still under way
//! lands nowhere. `destroy()` itself needs no borrow.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, ShadowRoot};

use reply_web::html::{self, Html};
use reply_web::listener::Listener;
use reply_web::{reading, styles};

use crate::action::{Action, Effect};
use crate::fetch::{fetch_file, kill_sink, new_sink};
use crate::indicators;
use crate::state::LibraryState;

/// The part's fixed markup: title, searchbox, live region, order, facets, the indicator view,
/// results, the more button, the page's own list.
const MARKUP: &str = concat!(
    r#"<h2 class="rw-part-title" id="rw-library-title">答复检索</h2>"#,
    r#"<div class="rw-search" role="search"><input type="search" role="searchbox" aria-label="检索全部答复" "#,
    r#"placeholder="如 中试平台、&gt;=100亿元、2022年" autocomplete="off" enterkeyhint="search" data-action="query"></div>"#,
    r#"<p class="rw-status" role="status" aria-live="polite" aria-atomic="true"></p>"#,
    r#"<div class="rw-tools" role="group" aria-label="排序方式">"#,
    r#"<button type="button" data-action="sort-doc" aria-pressed="true">最新发布</button>"#,
    r#"<button type="button" data-action="sort-value" aria-pressed="false">数值从大到小</button></div>"#,
    r#"<div class="rw-lib-facets"></div>"#,
    r#"<div class="rw-indicator" hidden></div>"#,
    r#"<ol class="rw-results" aria-labelledby="rw-library-title" hidden></ol>"#,
    r#"<button type="button" class="rw-link rw-more" data-action="more" hidden></button>"#,
    r#"<div class="rw-own"><slot></slot></div>"#,
);

/// The kinds of event the part listens to, each with one listener on its shadow root.
const EVENTS: [&str; 4] = ["input", "keydown", "change", "click"];

/// The fetch callback: the file's name, its bytes (a Uint8Array, or null), the error.
type Arrival = Closure<dyn FnMut(String, JsValue, String)>;
/// The second module's answer: the question's number, the answer (or null).
type Answer = Closure<dyn FnMut(u32, JsValue)>;

/// The way into the state, shared by the listeners, the fetch callback and the mount.
#[derive(Clone)]
struct Entry {
    state: Rc<RefCell<LibraryState>>,
    /// False once destroyed: effects do not run.
    alive: Rc<Cell<bool>>,
    /// The fetch snippet's sink (set once the callback exists).
    sink: Rc<OnceCell<JsValue>>,
    /// The sink of the second module's answers (`indicators.rs`), turned off alike.
    views: Rc<OnceCell<JsValue>>,
}

impl Entry {
    /// Borrows the state once, dispatches `action`, releases it, then runs the effects it
    /// returned — none once the mount is gone (a page listener may destroy it from a focus
    /// effect). An action while the state is borrowed is skipped (`false`), never a panic.
    fn enter(&self, action: Action) -> bool {
        let effects = {
            let Ok(mut st) = self.state.try_borrow_mut() else { return false };
            st.dispatch(action)
        };
        for effect in effects {
            if !self.alive.get() {
                break;
            }
            match effect {
                Effect::Focus(e) => {
                    let _ = e.focus();
                }
                Effect::Fetch { url, name, max, later } => {
                    if let Some(sink) = self.sink.get() {
                        fetch_file(sink, &url, &name, max as f64, later);
                    }
                }
                Effect::View(gen, opts) => {
                    if let Some(sink) = self.views.get() {
                        indicators::view(sink, gen, &opts);
                    }
                }
                Effect::Csv(opts) => {
                    indicators::csv(&opts);
                }
                Effect::Prefetch => indicators::prefetch(),
            }
        }
        true
    }
}

/// A mounted library part: owns its state, listeners and the fetch callback.
pub struct LibraryMount {
    doc: Document,
    host: Element,
    root: ShadowRoot,
    entry: Entry,
    listeners: Vec<Listener>,
    callback: Option<Arrival>,
    answered: Option<Answer>,
}

impl LibraryMount {
    /// Mounts the search on `host`, reading the index at `base` (a folder URL).
    pub fn new(doc: Document, host: Element, base: String, elder: Option<bool>) -> Result<LibraryMount, JsValue> {
        if host.has_attribute("data-reply-widget-mounted") {
            return Err(JsError::new("options.element is already mounted; call destroy() on its widget first").into());
        }
        if let Some(why) = html::refusal() {
            return Err(JsError::new(&format!("{why}; the page's own list stays")).into());
        }
        if !styles::supported() {
            return Err(JsError::new(
                "reply-widget: this browser has no constructable stylesheets (Chrome 73, Firefox 101, Safari 16.4 have them); the page's own list stays",
            )
            .into());
        }
        let root = styles::shadow_with(&host, styles::LIBRARY_CSS)?;
        let wrap = doc.create_element("section")?;
        wrap.set_class_name("rw rw-library");
        wrap.set_attribute("aria-labelledby", "rw-library-title")?;
        root.append_child(&wrap)?;
        Html::new().markup(MARKUP).append_to(&wrap)?;
        let toolbar = reading::toolbar(&doc)?;
        // Reading aloud belongs to a reply, not to a list of them.
        for a in [reading::SPEAK, reading::STOP] {
            if let Some(b) = toolbar.query_selector(&format!("[data-action={a}]"))? {
                b.remove();
            }
        }
        wrap.insert_before(&toolbar, wrap.children().item(1).as_ref().map(|e| e.as_ref()))?;
        let prefs = reading::load(elder);
        reading::apply(&prefs, &[&wrap], Some(&toolbar))?;
        let entry = Entry {
            state: Rc::new(RefCell::new(LibraryState::new(base, wrap)?)),
            alive: Rc::new(Cell::new(true)),
            sink: Rc::new(OnceCell::new()),
            views: Rc::new(OnceCell::new()),
        };
        let inbox = entry.clone();
        let callback = Arrival::new(move |name: String, bytes: JsValue, error: String| {
            let bytes = bytes.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec);
            if !inbox.enter(Action::Arrived { name, bytes, error }) {
                web_sys::console::warn_1(&JsValue::from_str("reply-widget: a file arrived while busy"));
            }
        });
        let _ = entry.sink.set(new_sink(callback.as_ref().unchecked_ref()));
        let inbox = entry.clone();
        let answered = Answer::new(move |gen: u32, answer: JsValue| {
            inbox.enter(Action::Viewed { gen, answer });
        });
        let _ = entry.views.set(new_sink(answered.as_ref().unchecked_ref()));
        host.set_attribute("data-reply-widget-mounted", "library")?;
        let mut mount = LibraryMount {
            doc,
            host,
            root,
            entry,
            listeners: Vec::new(),
            callback: Some(callback),
            answered: Some(answered),
        };
        for kind in EVENTS {
            let entry = mount.entry.clone();
            let target: &web_sys::EventTarget = mount.root.as_ref();
            mount.listeners.push(Listener::new(target, kind, move |e: Event| {
                if let Some(action) = Action::of(&e) {
                    entry.enter(action);
                }
            })?);
        }
        mount.entry.enter(Action::Start);
        Ok(mount)
    }

    /// Searches as if typed.
    pub fn search(&self, query: &str) -> Result<(), JsValue> {
        if self.entry.enter(Action::Query(query.to_string())) {
            Ok(())
        } else {
            Err(JsError::new("search: reply-widget is busy").into())
        }
    }

    /// Turns off the fetch callback (fetches under way land nowhere) and the effects still
    /// queued, removes the listeners and gives the host its own content back. It borrows
    /// nothing: a page listener may call it from within the widget's own event.
    pub fn destroy(&mut self) {
        self.entry.alive.set(false);
        for sink in [self.entry.sink.get(), self.entry.views.get()].into_iter().flatten() {
            kill_sink(sink);
        }
        self.callback = None;
        self.answered = None;
        self.listeners.clear();
        self.root.set_text_content(None);
        let _ = js_sys::Reflect::set(&self.root, &JsValue::from_str("adoptedStyleSheets"), &js_sys::Array::new());
        if let Ok(slot) = self.doc.create_element("slot") {
            let _ = self.root.append_child(&slot);
        }
        let _ = self.host.remove_attribute("data-reply-widget-mounted");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A control of the fixed markup whose `data-action` no [`Action`] reads would do nothing
    /// when pressed.
    #[test]
    fn every_control_of_the_markup_does_something() {
        let mut found = 0;
        for (k, _) in MARKUP.match_indices("data-action=\"") {
            let rest = &MARKUP[k + "data-action=\"".len()..];
            let name = &rest[..rest.find('"').unwrap_or(0)];
            assert!(name == crate::action::QUERY || Action::named(name).is_some(), "{name} does nothing");
            found += 1;
        }
        assert_eq!(found, 4, "the searchbox, two orders, 显示更多");
    }
}
