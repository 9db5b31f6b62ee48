//! Navigation — going to a section (a tap or Enter in the outline, `select("s2-1")`, `#s2-1`) or
//! to a figure (the panel, a tap in the text, `select("f13")`, `#f13`): the article scrolls
//! there, the outline shows where it is, and the address bar says it (`hash` option).

use wasm_bindgen::prelude::*;
use web_sys::ScrollLogicalPosition;

use reply_core::util::cat;
use reply_web::reading;

use super::{scroll_to, Mount, State};

impl State {
    /// Writes `#key` into the address bar: relative to the document's own URL, not to a
    /// `<base href>` the page may set (which would move a reload to another page).
    pub(super) fn set_hash(&self, key: &str) {
        if !self.hash {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let href = w.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&cat(&[base, "#", key])));
        }
    }

    /// Navigates to an outline node: the article scrolls to it and, when asked, takes focus.
    pub(super) fn go_to(&mut self, k: usize, focus_article: bool) -> Result<(), JsValue> {
        if k >= self.index.outline.len() {
            return Ok(());
        }
        if !self.outcome.node_visible.get(k).copied().unwrap_or(true) {
            self.filter("")?;
        }
        self.close_sheets();
        if let Some(o) = &mut self.outline {
            o.reveal(&self.index.outline, &self.outcome.node_visible, k)?;
            o.pin_current(k)?;
            o.move_focus(k, false)?;
        }
        if let Some(t) = self.article.as_ref().and_then(|a| a.target(k)).cloned() {
            scroll_to(&t, ScrollLogicalPosition::Start);
            if focus_article {
                self.focus(Some(t));
            }
        }
        let key = self.index.outline.nodes[k].key.clone();
        self.set_hash(&key);
        self.speak_node(k);
        Ok(())
    }

    /// Selects a figure: marked in the article, scrolled to, its section revealed in the outline.
    pub(super) fn select(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(f) = self.reply.figures.get(i) else { return Ok(()) };
        let node = self.index.figure_node(i).unwrap_or(0);
        let id = f.id.clone();
        if !self.outcome.node_visible.get(node).copied().unwrap_or(true) {
            self.filter("")?;
        }
        let old = self.selected.replace(i);
        self.close_sheets();
        if let Some(p) = &mut self.figures {
            p.select(&self.reply, &self.index, old, i)?;
        }
        self.paint()?;
        if let Some(o) = &mut self.outline {
            o.reveal(&self.index.outline, &self.outcome.node_visible, node)?;
            o.pin_current(node)?;
            o.move_focus(node, false)?;
        }
        if let Some(m) = self.article.as_ref().and_then(|a| a.figure_mark(&id)) {
            scroll_to(&m, ScrollLogicalPosition::Center);
        }
        self.set_hash(&id);
        if self.prefs.speak {
            let f = &self.reply.figures[i];
            reading::speak(&reply_core::panel::spoken(f, &self.index.outline.label_of(&f.section)));
        }
        Ok(())
    }

    /// Applies `#s2-1` or `#f13` from the page URL.
    pub(super) fn apply_hash(&mut self) -> Result<(), JsValue> {
        if !self.hash {
            return Ok(());
        }
        let Some(raw) = web_sys::window().and_then(|w| w.location().hash().ok()) else { return Ok(()) };
        let key = js_sys::decode_uri_component(raw.trim_start_matches('#')).map(String::from).unwrap_or_default();
        if key.is_empty() {
            return Ok(());
        }
        if let Some(i) = self.reply.figures.iter().position(|f| f.id == key) {
            self.select(i)?;
        } else if let Some(k) = self.index.outline.node(&key) {
            self.go_to(k, false)?;
        }
        Ok(())
    }
}

impl Mount {
    /// Selects a figure (`f13`) or an outline node (`s2-1`). False when no such id exists.
    pub fn select(&self, id: &str) -> Result<bool, JsValue> {
        self.enter("select", |st| {
            if let Some(i) = st.reply.figures.iter().position(|f| f.id == id) {
                st.select(i)?;
                return Ok(true);
            }
            if let Some(k) = st.index.outline.node(id) {
                st.go_to(k, false)?;
                return Ok(true);
            }
            Ok(false)
        })
    }
}
