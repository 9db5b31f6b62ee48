//! reply-indicators: the column page's second module (`pkg/library/extras/reply_indicators*`,
//! issue 21 round six) — what the archive's search does not need for its first results:
//!
//! - `view`: the view of one indicator (`指标:KEY`): chart, values, 承诺追踪, its CSV downloads;
//! - `others`: `indicatorValues`, an indicator's values in other replies, for a figure's card
//!   on a reply page (the embed script loads this module, not the search, for it), and the
//!   lookup both share: the index's files fetched with the index's limits, one index kept per
//!   URL for the next card or view.
//!
//! The library module (`src/library/`) loads it on first use or once the column page is idle,
//! and asks it through plain JS values (`indicatorView`, `indicatorCsv`): neither crate imports
//! the other. It hands over the manifest it read, so the view does not fetch it again.
//! The size rules of `reply_core`'s crate docs hold here.

mod others;
mod view;

// Talc instead of the default dlmalloc (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use reply_web::js::is_plain_object;
use wasm_bindgen::prelude::*;

// The index's fetch, the library module's own snippet (one text: reply_web::fetch).
reply_web::index_fetch!();

/// An indicator's values in other replies of the archive, for a figure's card on a reply page:
/// `indicatorValues({ index, indicator, kind, unit?, position?, text?, page?, element? })` →
/// a Promise of at most 8 values (`{ text, value, high, unit, kind, stance, by, reported, title,
/// url, link, context }`, the newest reply first; `link` goes to the figure in its reply's page),
/// of the same kind and unit, not of the page's own reply (the value at `position` with `text`
/// whose address is `page`, by default `location.href`). An option missing is read from the
/// element's `data-…` attributes (the card's block of the widget's `onCard` carries
/// `data-indicator`, `data-kind`, `data-unit`, `data-position`). With `element`, they are drawn into it
/// (同一指标在其他答复中), or one quiet line when the index cannot answer; the Promise then
/// resolves with no values, it never rejects for a missing or unreadable index. The library
/// module's `indicatorValues` is this one, loaded on first call.
#[wasm_bindgen(js_name = indicatorValues, unchecked_return_type = "Promise<object[]>")]
pub fn indicator_values(
    #[wasm_bindgen(
        unchecked_param_type = "{ index: string; indicator: string; kind?: string; unit?: string | null; position?: number; text?: string; page?: string; element?: Element }"
    )]
    options: JsValue,
) -> Result<js_sys::Promise, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new(
            "indicatorValues(options): options must be an object such as { index: \"library/\", indicator: \"技术合同成交额\" }",
        ));
    }
    others::start(&options)
}

/// The library module's indicator view (not a public API): `indicatorView({ index, key, limit,
/// manifest? })` → a Promise of `[status, element, why]`: the status line and a detached
/// element holding the view (its first `limit` rows), or `["", null, why]` when the index cannot
/// be read (the library then says why, as for its own files). `manifest`: the bytes of the
/// manifest the library read (not fetched again).
#[wasm_bindgen(js_name = indicatorView, unchecked_return_type = "Promise<[string, Element | null, string | null]>")]
pub fn indicator_view(options: JsValue) -> Result<js_sys::Promise, JsError> {
    others::start_view(&options)
}

/// The library module's CSV downloads of the view shown (not a public API):
/// `indicatorCsv({ index, key, promises })` downloads every value of the indicator, or its
/// 承诺追踪 (`promises: true`), from the files the view read; false if they are not here.
#[wasm_bindgen(js_name = indicatorCsv)]
pub fn indicator_csv(options: JsValue) -> bool {
    others::csv(&options)
}
