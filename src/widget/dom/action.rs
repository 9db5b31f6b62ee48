//! The widget's vocabulary between its markup and its state: every control carries a
//! `data-action` written from [`Action`] and read back by the one dispatcher
//! (`State::act` in `mod.rs`); handlers answer [`Handled`]; and what may run the page's own
//! code synchronously (focus, a click, a modal, the clipboard) is queued as an [`Effect`] and
//! run after the state is released (the re-entrancy rule in `mod.rs`).

use reply_web::reading;
use web_sys::Element;

/// What a control does. Written into the markup with [`Action::name`], read with
/// [`Action::of`]; one `match` (the dispatcher) handles them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The searchbox (its `input` and keys).
    Query,
    /// The previous / next match in the article.
    PrevHit,
    NextHit,
    /// Reading aids: large text, high contrast, reading aloud, stop reading.
    Elder,
    Contrast,
    Speak,
    StopSpeaking,
    /// The outline's skip link to the article.
    Skip,
    /// The figure panel's grouping and order.
    GroupByKind,
    GroupBySection,
    /// 按承诺: targets (承诺) first, then results (成果), then the rest.
    GroupByStance,
    SortByDocument,
    SortByValue,
    /// The value controls (比较, 数值, 单位) → a comparison query.
    Range,
    ExportCsv,
    ExportJson,
    Cite,
    /// Shows or hides the chart's data table.
    ChartTable,
    /// Opens or closes a figure group (`data-group`).
    ToggleGroup,
    /// 显示更多: the next chunk of a long group (`data-group`).
    More,
    /// Compact layout: opens the part's sheet, closes it.
    OpenSheet,
    CloseSheet,
    /// The sticky bar: open the outline's sheet, the figures' sheet, or the search.
    BarOutline,
    BarFigures,
    BarSearch,
    /// A figure's card (tapped in the article): copy its citation, show it in the panel, close.
    CardCite,
    CardClose,
}

/// Every action with its name in the markup.
const NAMES: [(Action, &str); 27] = [
    (Action::Query, "query"),
    (Action::PrevHit, "prev"),
    (Action::NextHit, "next"),
    (Action::Elder, reading::ELDER),
    (Action::Contrast, reading::CONTRAST),
    (Action::Speak, reading::SPEAK),
    (Action::StopSpeaking, reading::STOP),
    (Action::Skip, "skip"),
    (Action::GroupByKind, "group-kind"),
    (Action::GroupBySection, "group-section"),
    (Action::GroupByStance, "group-stance"),
    (Action::SortByDocument, "sort-doc"),
    (Action::SortByValue, "sort-value"),
    (Action::Range, "range"),
    (Action::ExportCsv, "export-csv"),
    (Action::ExportJson, "export-json"),
    (Action::Cite, "cite"),
    (Action::ChartTable, reply_web::chart::TABLE_ACTION),
    (Action::ToggleGroup, "toggle-group"),
    (Action::More, "more"),
    (Action::OpenSheet, "open-sheet"),
    (Action::CloseSheet, "close-sheet"),
    (Action::BarOutline, "bar-outline"),
    (Action::BarFigures, "bar-figures"),
    (Action::BarSearch, "bar-search"),
    (Action::CardCite, "card-cite"),
    (Action::CardClose, "card-close"),
];

impl Action {
    /// The `data-action` value.
    pub fn name(self) -> &'static str {
        NAMES.iter().find(|(a, _)| *a == self).map_or("", |(_, n)| n)
    }

    /// The action a `data-action` value names.
    pub fn from_name(name: &str) -> Option<Action> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    /// The control an event landed in, and its action.
    pub fn of(target: &Element) -> Option<(Element, Action)> {
        let control = target.closest("[data-action]").ok()??;
        let action = Action::from_name(&control.get_attribute("data-action")?)?;
        Some((control, action))
    }
}

/// What a handler did with an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handled {
    /// Not ours: the browser's default action goes ahead.
    No,
    /// Done; the browser's default action (scrolling on arrows, following `href="#"`) is
    /// prevented.
    Yes,
}

impl Handled {
    pub fn prevents_default(self) -> bool {
        self == Handled::Yes
    }
}

/// Something the state asks for that can run the page's own code synchronously (focus moves
/// fire the page's focus listeners; a click fires its click listeners; `showModal` moves
/// focus; the clipboard fallback focuses a text area). Run after the state is released.
pub enum Effect {
    Focus(Element),
    /// Hands text to the browser as a download: file name, MIME type, text.
    Download(&'static str, &'static str, String),
    /// Copies a citation; the outcome is announced.
    Copy(String),
    /// Opens a `<dialog>` as a modal sheet.
    ShowModal(Element),
    /// Calls a function of the page (`onCard`) with an element.
    Call(js_sys::Function, Element),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_distinct_name() {
        for (k, (a, n)) in NAMES.iter().enumerate() {
            assert_eq!(Action::from_name(n), Some(*a));
            assert_eq!(a.name(), *n);
            assert!(NAMES[..k].iter().all(|(b, m)| b != a && m != n), "{n} listed twice");
        }
        assert_eq!(Action::from_name("nope"), None);
    }
}
