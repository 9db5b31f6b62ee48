//! Phones first: a part in a narrow container (the outline, the figure panel) collapses into a
//! one-line summary (提纲 · 16 节, 数据 · 48 项, with the searchbox) that opens the part as a
//! modal sheet. The widget cannot know the page's layout, so each part decides by the width of
//! its own host (a ResizeObserver; container queries need newer browsers than the widget
//! supports).
//!
//! The sheet is a `<dialog>` opened with `showModal()`: the rest of the page is inert while it
//! is open, focus moves in, Escape and the 关闭 button close it, and focus goes back to what
//! opened it. The part's own content is moved, not copied: one tree, one figure list.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRoot};

use reply_web::html::Html;

use super::action::Action;

/// How a part shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// In its host, as on a desktop page.
    Wide,
    /// A summary that opens a sheet.
    Compact,
}

/// Below this width (CSS px) a part's host is a phone's column.
pub const COMPACT_BELOW: f64 = 560.0;

pub struct Sheet {
    pub layout: Layout,
    /// A layout the page asked for (`layout: "compact"`), else the host's width decides.
    pub forced: Option<Layout>,
    pub summary: Element,
    slot: Element,
    inline: Element,
    pub dialog: Element,
    body: Element,
    /// The part's content, and the searchbox when it lives in this part.
    wrap: Option<Element>,
    find: Option<(Element, Element)>,
    /// Where focus goes back when the sheet closes.
    pub opener: Option<Element>,
}

impl Sheet {
    /// Draws the summary, the inline box and the sheet in a part's shadow root. `title` names
    /// the sheet; `label` is the summary's button (`提纲 · 16 节`).
    pub fn new(doc: &Document, root: &ShadowRoot, title: &str, label: &str) -> Result<Sheet, JsValue> {
        let shell = doc.create_element("div")?;
        root.append_child(&shell)?;
        let mut h = Html::new();
        h.open("div", "rw rw-summary", &[("hidden", "")]);
        h.open(
            "button",
            "rw-open",
            &[("type", "button"), ("data-action", Action::OpenSheet.name()), ("aria-haspopup", "dialog")],
        );
        h.text(label).close("button");
        h.leaf("div", "rw-summary-find", &[], "").close("div");
        h.leaf("div", "rw-inline", &[], "");
        h.open("dialog", "rw rw-sheet", &[("aria-labelledby", "rw-sheet-title")]);
        h.open("div", "rw-sheet-head", &[]).leaf("h2", "rw-part-title", &[("id", "rw-sheet-title")], title);
        h.leaf("button", "rw-close", &[("type", "button"), ("data-action", Action::CloseSheet.name())], "关闭");
        h.close("div").leaf("div", "rw-sheet-body", &[], "").close("dialog");
        h.append_to(&shell)?;
        let get = |sel: &str| -> Result<Element, JsValue> {
            shell.query_selector(sel)?.ok_or_else(|| JsError::new("reply-widget: the sheet lost its markup").into())
        };
        Ok(Sheet {
            layout: Layout::Wide,
            forced: None,
            summary: get(".rw-summary")?,
            slot: get(".rw-summary-find")?,
            inline: get(".rw-inline")?,
            dialog: get(".rw-sheet")?,
            body: get(".rw-sheet-body")?,
            wrap: None,
            find: None,
            opener: None,
        })
    }

    /// Where the part draws its content.
    pub fn inline(&self) -> &Element {
        &self.inline
    }

    /// Tells the sheet the part's content and its searchbox (with the element the searchbox
    /// goes back in front of in the wide layout).
    pub fn hold(&mut self, wrap: &Element, find: Option<(Element, Element)>) {
        self.wrap = Some(wrap.clone());
        self.find = find;
    }

    pub fn is_open(&self) -> bool {
        self.dialog.has_attribute("open")
    }

    /// Puts the part in `layout`: content inline (wide) or in the sheet behind the summary.
    pub fn set_layout(&mut self, layout: Layout) -> Result<(), JsValue> {
        if layout == self.layout {
            return Ok(());
        }
        self.layout = layout;
        let Some(wrap) = self.wrap.clone() else { return Ok(()) };
        match layout {
            Layout::Wide => {
                self.close();
                self.summary.toggle_attribute_with_force("hidden", true)?;
                self.inline.append_child(&wrap)?;
                if let Some((find, before)) = &self.find {
                    wrap.insert_before(find, Some(before))?;
                }
            }
            Layout::Compact => {
                self.body.append_child(&wrap)?;
                self.summary.toggle_attribute_with_force("hidden", false)?;
                if let Some((find, _)) = &self.find {
                    self.slot.append_child(find)?;
                }
            }
        }
        Ok(())
    }

    /// Readies the sheet to open (the searchbox moves in with the content); the caller queues
    /// `showModal` as an effect. Returns the dialog.
    pub fn prepare_open(&mut self, opener: Option<Element>) -> Result<Element, JsValue> {
        self.opener = opener;
        if let (Some((find, _)), Some(wrap)) = (&self.find, &self.wrap) {
            self.body.insert_before(find, Some(wrap))?;
        }
        Ok(self.dialog.clone())
    }

    /// After the sheet closed: the searchbox goes back to the summary. Returns where focus goes.
    pub fn closed(&mut self) -> Result<Option<Element>, JsValue> {
        if self.layout == Layout::Compact {
            if let Some((find, _)) = &self.find {
                self.slot.append_child(find)?;
            }
        }
        Ok(self.opener.take())
    }

    /// Closes the sheet if it is open (its `close` event follows).
    pub fn close(&self) {
        if self.is_open() {
            if let Some(d) = self.dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        }
    }
}

use wasm_bindgen::JsCast;
