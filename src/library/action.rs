//! The library's vocabulary between its markup, its fetches and its state: every control
//! carries a `data-action` written from [`Action::name`] and read back by [`Action::of`]; a
//! file that arrives is an [`Action`] too; one dispatcher (`LibraryState::dispatch` in
//! `state.rs`) applies them all. What may run the page's own code synchronously (focus moves
//! fire the page's focus listeners, a download clicks a link) or starts a fetch is an
//! [`Effect`], run by the mount (`mount.rs`) once the state is released (so is a question to
//! the second module, whose answer comes back as an [`Action`] too) — the widget's
//! re-entrancy rule (`src/widget/dom/mod.rs`).

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent};

use reply_core::library::Order;
use reply_web::reading;

/// What happens to the library: what the reader does, and what the network brings.
#[derive(Debug)]
pub(crate) enum Action {
    /// The mount's first step: say the index is loading, ask for its manifest and documents.
    Start,
    /// The searchbox's text changed (typed, or `search()`).
    Query(String),
    /// Escape in the searchbox: the query cleared.
    Clear,
    /// An indicator of the list chosen: its view, as the query `指标:KEY`.
    Indicator(String),
    /// A facet value chosen or not.
    Facet {
        facet: usize,
        value: u16,
        on: bool,
    },
    /// The order of results (最新发布, 数值从大到小).
    Order(Order),
    /// 显示更多: the next page of results, or of the indicator view's rows.
    More,
    /// Reading aids: 大字, 高对比度.
    Elder,
    Contrast,
    /// The indicator view's downloads: every value, 承诺追踪.
    ExportValues,
    ExportPromises,
    /// A file of the index arrived: its name, its bytes, or why it did not.
    Arrived {
        name: String,
        bytes: Option<Vec<u8>>,
        error: String,
    },
    /// The second module answered the indicator view asked (the question's number): `[status,
    /// element, why]`, or null when it could not load (`indicators.rs`).
    Viewed {
        gen: u32,
        answer: wasm_bindgen::JsValue,
    },
}

/// The `data-action` of the searchbox.
pub(crate) const QUERY: &str = "query";
/// The `data-action` of an indicator of the list (its key in `data-key`).
const INDICATOR: &str = "indicator";

impl Action {
    /// The `data-action` a control of this action carries (the reading aids use `reading`'s
    /// names; a facet's checkbox carries `data-facet` instead, and arrivals have no control).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Action::Query(_) | Action::Clear => QUERY,
            Action::Indicator(_) => INDICATOR,
            Action::Order(Order::Newest) => "sort-doc",
            Action::Order(Order::Largest) => "sort-value",
            Action::More => "more",
            Action::Elder => reading::ELDER,
            Action::Contrast => reading::CONTRAST,
            Action::ExportValues => "csv-values",
            Action::ExportPromises => "csv-promises",
            Action::Start | Action::Facet { .. } | Action::Arrived { .. } | Action::Viewed { .. } => "",
        }
    }

    /// The action of a clicked control (by its `data-action`).
    fn clicked(control: &Element) -> Option<Action> {
        let name = control.get_attribute("data-action")?;
        if name == INDICATOR {
            return control.get_attribute("data-key").map(Action::Indicator);
        }
        Action::named(&name)
    }

    /// The action of a button named `name` (the actions a control carries with no data).
    pub(crate) fn named(name: &str) -> Option<Action> {
        Some(match name {
            "sort-doc" => Action::Order(Order::Newest),
            "sort-value" => Action::Order(Order::Largest),
            "more" => Action::More,
            reading::ELDER => Action::Elder,
            reading::CONTRAST => Action::Contrast,
            "csv-values" => Action::ExportValues,
            "csv-promises" => Action::ExportPromises,
            _ => return None,
        })
    }

    /// The action of an event of the part (the searchbox, the order, the facets, 显示更多,
    /// the reading aids, the indicator view), if it has one. Escape's default is prevented.
    pub(crate) fn of(e: &Event) -> Option<Action> {
        let t = e.target().and_then(|t| t.dyn_into::<Element>().ok())?;
        let query = t.get_attribute("data-action").as_deref() == Some(QUERY);
        let typed = || t.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value).unwrap_or_default();
        match e.type_().as_str() {
            "input" if query => Some(Action::Query(typed())),
            "keydown" if query => {
                let escape = e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape");
                (escape && !typed().is_empty()).then(|| {
                    e.prevent_default();
                    Action::Clear
                })
            }
            "change" if t.has_attribute("data-facet") => {
                let facet: usize = t.get_attribute("data-facet").and_then(|v| v.parse().ok())?;
                let value: u16 = t.get_attribute("data-value").and_then(|v| v.parse().ok())?;
                let on = t.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
                Some(Action::Facet { facet, value, on })
            }
            "click" => Action::clicked(&t.closest("[data-action]").ok()??),
            _ => None,
        }
    }
}

/// What the state asks for once it is released.
pub(crate) enum Effect {
    /// Moves focus (the page's focus listeners run).
    Focus(web_sys::HtmlElement),
    /// A file: its URL, its name in the index, the most bytes it may have, and whether it
    /// waits for the next paint.
    Fetch { url: String, name: String, max: usize, later: bool },
    /// The indicator view asked of the second module: the question's number, its options.
    View(u32, wasm_bindgen::JsValue),
    /// The indicator view's CSV download, by the second module: its options.
    Csv(wasm_bindgen::JsValue),
    /// The second module loaded once the browser is idle.
    Prefetch,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_has_one_distinct_name_read_back_as_itself() {
        let names = ["sort-doc", "sort-value", "more", reading::ELDER, reading::CONTRAST, "csv-values", "csv-promises"];
        for (k, n) in names.iter().enumerate() {
            let a = Action::named(n).unwrap_or_else(|| panic!("{n} names no action"));
            assert_eq!(a.name(), *n);
            assert!(!names[..k].contains(n), "{n} listed twice");
        }
        assert!(Action::named(QUERY).is_none(), "the searchbox is read from its events, not clicked");
        assert!(Action::named("").is_none() && Action::named("nope").is_none());
    }
}
