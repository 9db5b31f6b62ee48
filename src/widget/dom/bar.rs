//! Phones first: from anywhere in the article the outline and the search are one tap away.
//! The bar is an element the widget puts just before the article (and takes away on
//! `destroy()`): sticky at the top of the viewport — below the page's own fixed header, inside
//! the safe area — while the reader is inside the article and the parts are in their compact
//! layout. It takes no room in the page (it is zero high and draws over the text already read),
//! so showing it never moves the text; headings the reader goes to land below it.
//!
//! It also holds the card of a figure tapped in the article: value, clause, section and
//! 复制引用, without leaving the text.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use reply_core::model::Figure;
use reply_core::util::uint;
use reply_web::html::Html;

use super::action::Action;

pub struct Bar {
    pub host: Element,
    pub root: ShadowRoot,
    /// The box of the bar and the card (it carries the reading aids' attributes).
    pub boxed: Element,
    bar: Element,
    card: Element,
    /// The figure the card shows.
    pub card_figure: Option<usize>,
    /// Shown: the reader is inside the article and the parts are compact.
    shown: bool,
    /// The reader is inside the article (its box spans the top of the viewport).
    pub inside_article: bool,
    /// A compact part's summary is on screen (the bar is not needed then).
    pub summary_in_view: bool,
}

impl Bar {
    /// Puts the bar before the article. `sections` and `figures` are the counts on its buttons;
    /// a part that is not mounted has no button.
    pub fn new(
        doc: &Document,
        article: &Element,
        sections: Option<usize>,
        figures: Option<usize>,
    ) -> Result<Bar, JsValue> {
        let host = doc.create_element("div")?;
        host.set_attribute("data-reply-widget-bar", "")?;
        let parent = article.parent_node().ok_or_else(|| JsError::new("reply-widget: the article has no parent"))?;
        parent.insert_before(&host, Some(article))?;
        let root = match reply_web::styles::shadow(&host) {
            Ok(r) => r,
            Err(e) => {
                host.remove();
                return Err(e);
            }
        };
        let wrap = doc.create_element("div")?;
        wrap.set_class_name("rw rw-barbox");
        root.append_child(&wrap)?;
        let mut h = Html::new();
        h.open("nav", "rw-bar", &[("aria-label", "答复导航"), ("hidden", "")]);
        if let Some(n) = sections {
            h.open(
                "button",
                "",
                &[("type", "button"), ("data-action", Action::BarOutline.name()), ("aria-haspopup", "dialog")],
            );
            h.text("提纲").leaf("span", "rw-badge", &[], &uint(n)).close("button");
        }
        if let Some(n) = figures {
            h.open(
                "button",
                "",
                &[("type", "button"), ("data-action", Action::BarFigures.name()), ("aria-haspopup", "dialog")],
            );
            h.text("数据").leaf("span", "rw-badge", &[], &uint(n)).close("button");
        }
        h.leaf(
            "button",
            "",
            &[("type", "button"), ("data-action", Action::BarSearch.name()), ("aria-haspopup", "dialog")],
            "查找",
        );
        h.close("nav");
        h.open("div", "rw-card", &[("role", "dialog"), ("aria-labelledby", "rw-card-value"), ("hidden", "")]);
        h.leaf("p", "rw-card-value", &[("id", "rw-card-value"), ("tabindex", "-1")], "");
        h.leaf("p", "rw-card-context", &[], "").leaf("p", "rw-card-section", &[], "").leaf(
            "div",
            "rw-card-more",
            &[],
            "",
        );
        h.open("div", "rw-tools", &[]);
        h.leaf("button", "", &[("type", "button"), ("data-action", Action::CardCite.name())], "复制引用");
        h.leaf("button", "", &[("type", "button"), ("data-action", Action::CardClose.name())], "关闭");
        h.close("div").close("div");
        h.append_to(&wrap)?;
        let get = |sel: &str| -> Result<Element, JsValue> {
            wrap.query_selector(sel)?.ok_or_else(|| JsError::new("reply-widget: the bar lost its markup").into())
        };
        Ok(Bar {
            bar: get(".rw-bar")?,
            card: get(".rw-card")?,
            host,
            root,
            boxed: wrap,
            card_figure: None,
            shown: false,
            inside_article: false,
            summary_in_view: false,
        })
    }

    /// Shows or hides the bar.
    pub fn show(&mut self, shown: bool) -> Result<(), JsValue> {
        if shown == self.shown {
            return Ok(());
        }
        self.shown = shown;
        if shown {
            self.place();
        }
        self.bar.toggle_attribute_with_force("hidden", !shown).map(|_| ())
    }

    /// Below the page's own fixed or sticky header, if it has one at the top of the viewport.
    fn place(&self) {
        let Some(w) = web_sys::window() else { return };
        let Some(doc) = w.document() else { return };
        let width = w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let mut below = 0.0f64;
        for x in [width * 0.25, width * 0.5, width * 0.75] {
            let mut at = doc.element_from_point(x as f32, 1.0);
            while let Some(e) = at {
                if e == self.host {
                    break;
                }
                let fixed = w
                    .get_computed_style(&e)
                    .ok()
                    .flatten()
                    .and_then(|s| s.get_property_value("position").ok())
                    .is_some_and(|p| p == "fixed" || p == "sticky");
                if fixed {
                    below = below.max(e.get_bounding_client_rect().bottom());
                    break;
                }
                at = e.parent_element();
            }
        }
        if let Some(h) = self.host.dyn_ref::<web_sys::HtmlElement>() {
            let top = uint(below.max(0.0) as u32 as usize) + "px";
            let _ = h.style().set_property("--rw-bar-top", &top);
        }
    }

    /// Shows the card of figure `i` (its text, clause, section label).
    pub fn show_card(&mut self, i: usize, f: &Figure, section: &str) -> Result<Element, JsValue> {
        self.card_figure = Some(i);
        let set = |sel: &str, text: &str| -> Result<(), JsValue> {
            if let Some(e) = self.card.query_selector(sel)? {
                e.set_text_content(Some(text));
            }
            Ok(())
        };
        set(".rw-card-value", &f.text)?;
        set(".rw-card-context", &reply_core::panel::context_without(f))?;
        set(".rw-card-section", section)?;
        set(".rw-card-more", "")?;
        self.card.toggle_attribute_with_force("hidden", false)?;
        self.card
            .query_selector(".rw-card-value")?
            .ok_or_else(|| JsError::new("reply-widget: the card lost its markup").into())
    }

    /// The card's block for the page's `onCard`: emptied each time the card shows a figure.
    pub fn card_block(&self) -> Result<Option<Element>, JsValue> {
        self.card.query_selector(".rw-card-more")
    }

    pub fn hide_card(&mut self) -> Result<(), JsValue> {
        self.card_figure = None;
        self.card.toggle_attribute_with_force("hidden", true).map(|_| ())
    }
}
