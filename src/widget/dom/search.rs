//! The searchbox (in the outline part, or in the figure panel when the outline is not
//! mounted), its previous/next buttons, and the live region that announces counts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The searchbox with its previous/next buttons, and the live region: it exists, empty,
/// before its text ever changes, so it is announced.
pub const MARKUP: &str = concat!(
    r#"<div class="rw-find"><div class="rw-search" role="search">"#,
    r#"<input type="search" role="searchbox" aria-label="在答复中查找" placeholder="查找：科技、&gt;=100亿元" autocomplete="off" enterkeyhint="search" data-action="query">"#,
    r#"<button type="button" data-action="prev" aria-label="上一处匹配" title="上一处匹配">↑</button>"#,
    r#"<button type="button" data-action="next" aria-label="下一处匹配" title="下一处匹配">↓</button>"#,
    r#"</div><p class="rw-status" role="status" aria-live="polite" aria-atomic="true"></p></div>"#,
);

/// The searchbox and the live region, once drawn.
pub struct SearchView {
    /// The box holding both (moved into a sheet on phones).
    pub find: Element,
    pub input: HtmlInputElement,
    pub status: Element,
}

impl SearchView {
    /// Finds the searchbox drawn from [`MARKUP`] inside `within`.
    pub fn find(within: &Element) -> Result<SearchView, JsValue> {
        let get = |sel: &str| {
            within
                .query_selector(sel)?
                .ok_or_else(|| JsValue::from(JsError::new("reply-widget: the searchbox is missing")))
        };
        Ok(SearchView {
            find: get(".rw-find")?,
            input: get("[data-action=query]")?.unchecked_into(),
            status: get(".rw-status")?,
        })
    }

    /// Shows `query` in the box (when the filter came from elsewhere: the API, the value controls).
    pub fn show(&self, query: &str) {
        if self.input.value() != query {
            self.input.set_value(query);
        }
    }

    pub fn announce(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }
}
