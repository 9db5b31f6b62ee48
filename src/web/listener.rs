//! Event listeners and observers as values that remove themselves on `Drop` (after gloo-events):
//! a mount owns them, so `destroy()` — or dropping the handle — leaves nothing behind.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, IntersectionObserver};

/// One listener on one target; removed when dropped.
#[must_use = "a Listener removes itself when dropped"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, kind: &'static str, f: impl FnMut(Event) + 'static) -> Result<Listener, JsValue> {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        Ok(Listener { target: target.clone(), kind, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// An IntersectionObserver with its callback; disconnected when dropped.
#[must_use = "an Observer disconnects itself when dropped"]
pub struct Observer {
    pub observer: IntersectionObserver,
    _closure: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Observer {
    pub fn new(
        f: impl FnMut(js_sys::Array, IntersectionObserver) + 'static,
        init: &web_sys::IntersectionObserverInit,
    ) -> Result<Observer, JsValue> {
        let closure = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(f);
        let observer = IntersectionObserver::new_with_options(closure.as_ref().unchecked_ref(), init)?;
        Ok(Observer { observer, _closure: closure })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A ResizeObserver with its callback; disconnected when dropped.
#[must_use = "a Resizer disconnects itself when dropped"]
pub struct Resizer {
    pub observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>,
}

impl Resizer {
    pub fn new(f: impl FnMut(js_sys::Array, web_sys::ResizeObserver) + 'static) -> Result<Resizer, JsValue> {
        let closure = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(f);
        let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        Ok(Resizer { observer, _closure: closure })
    }
}

impl Drop for Resizer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
