//! The reading aids (适老化): large text, high contrast, reading aloud — the reader's choice,
//! kept between pages, applied to every part the widget draws and to the page's own article.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use reply_core::util::cat;
use reply_web::reading;

use super::action::Action;
use super::State;

impl State {
    /// The reading toolbar, first in the outline (else in the figure panel), and the reader's
    /// stored choice (or `elder`) applied.
    pub(super) fn mount_toolbar(&mut self, doc: &Document, elder: Option<bool>) -> Result<(), JsValue> {
        let place = self
            .outline
            .as_ref()
            .map(|p| (p.wrap.clone(), p.wrap.first_element_child()))
            .or_else(|| self.figures.as_ref().map(|p| (p.wrap.clone(), p.wrap.children().item(1))));
        if let Some((parent, before)) = place {
            let bar = reading::toolbar(doc)?;
            parent.insert_before(&bar, before.as_ref().map(|e| e.as_ref()))?;
            self.toolbar = Some(bar);
        }
        self.prefs = reading::load(elder);
        self.apply_prefs()
    }

    /// A reading aid pressed (大字, 高对比, 朗读): turned over, kept for the reader's next page,
    /// applied to every part.
    pub(super) fn toggle_aid(&mut self, action: Action) -> Result<(), JsValue> {
        match action {
            Action::Elder => self.prefs.elder = !self.prefs.elder,
            Action::Contrast => self.prefs.contrast = !self.prefs.contrast,
            _ => {
                self.prefs.speak = !self.prefs.speak;
                if self.prefs.speak {
                    reading::speak("朗读已开启，选择章节或数据即可收听");
                } else {
                    reading::stop();
                }
            }
        }
        reading::save(&self.prefs);
        self.apply_prefs()
    }

    pub(super) fn apply_prefs(&mut self) -> Result<(), JsValue> {
        let mut roots: Vec<&Element> = Vec::new();
        for (_, f) in self.frames() {
            roots.extend([f.wrap, &f.sheet.summary, &f.sheet.dialog]);
        }
        roots.extend(self.bar.as_ref().map(|b| &b.boxed));
        if let Some(d) = self.article.as_ref().and_then(|a| a.drawn.as_ref()) {
            roots.push(&d.wrap);
        }
        reading::apply(&self.prefs, &roots, self.toolbar.as_ref())?;
        // The page's own article, enhanced: the document's sheet scales and contrasts it.
        if let Some(a) = self.article.as_mut().filter(|a| a.drawn.is_none()) {
            let host = a.host.clone();
            for (name, on) in [("data-rw-elder", self.prefs.elder), ("data-rw-contrast", self.prefs.contrast)] {
                if on {
                    a.additions.set(&host, name, "")?;
                } else {
                    a.additions.unset(&host, name)?;
                }
            }
        }
        Ok(())
    }

    /// Reads a section aloud: its heading, then its own paragraphs.
    pub(super) fn speak_node(&self, k: usize) {
        if !self.prefs.speak {
            return;
        }
        let Some(n) = self.index.outline.nodes.get(k) else { return };
        let mut text = cat(&[&n.number, &n.title, "。"]);
        for p in &n.paragraphs {
            if let Some(b) = self.index.block_of(p) {
                text.push_str(&self.index.blocks[b].text);
            }
        }
        reading::speak(&text);
    }
}
