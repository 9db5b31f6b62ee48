//! reply-library: the archive's search on the column page (`mountLibrary`), the WebAssembly
//! module `pkg/library/reply_library*` — its own module, so that a reply page, mostly read on
//! a phone, does not download the search engine of the whole archive.
//!
//! The part (`mountLibrary`), as the widget's parts are built (`src/widget/dom/`): what the
//! reader does and what the network brings is an [`action::Action`], applied by one dispatcher
//! that returns the [`action::Effect`]s to run once the state is released. The engine is
//! `reply_core::library`, the DOM helpers `reply_web`'s. Where to look (all private):
//!
//! - `mount`: the shadow root and its markup, the delegated listeners, the fetch callback, the
//!   one way into the state and the effects run after it, `destroy()`;
//! - `action`: [`action::Action`] (query typed, facet, order, 显示更多, indicator chosen,
//!   export asked, reading aids, a file arrived) and [`action::Effect`] (focus, fetch, download);
//! - `state`: what the library shows and waits for, and the dispatcher;
//! - `fetch`: the fetch snippet and its queue (six at once; a new query drops what waited);
//! - `results`: the result list (title, what the reply is, matching figures as deep links),
//!   the status line; `facets`: the facets' checkboxes and counts;
//! - `indicators`: the loader of the second module (`src/indicators/`, `pkg/library/extras/`),
//!   which holds the view of one indicator (`指标:KEY`: chart, values, 承诺追踪, downloads) and
//!   `indicatorValues` (an indicator's values in other replies, for a figure's card);
//! - this file: the `#[wasm_bindgen]` surface, nothing else.
//!
//! The size rules of `reply_core`'s crate docs hold here.

mod action;
mod facets;
mod fetch;
mod indicators;
mod mount;
mod results;
mod state;

// Talc instead of the default dlmalloc: about 2 KB gzip less wasm, and faster (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use reply_web::js::{document, element, error, flag, get, is_plain_object};
use wasm_bindgen::prelude::*;

use mount::LibraryMount;

/// The archive's search, mounted on the column page (`mountLibrary`).
#[wasm_bindgen(js_name = LibraryWidget)]
pub struct LibraryWidget {
    mount: Option<LibraryMount>,
}

#[wasm_bindgen(js_class = LibraryWidget)]
impl LibraryWidget {
    /// Searches the archive as if the reader typed `query` (words, or `>=100亿元`, `2022年`).
    pub fn search(&self, #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue) -> Result<(), JsError> {
        let Some(q) = query.as_string() else { return Err(JsError::new("search(query): query must be a string")) };
        let m = self.mount.as_ref().ok_or_else(|| JsError::new("search: this widget was destroyed"))?;
        m.search(&q).map_err(|e| error("search", e))
    }

    /// Removes the search and gives the host its own list back; fetches under way land nowhere.
    pub fn destroy(&mut self) {
        if let Some(mut m) = self.mount.take() {
            m.destroy();
        }
    }
}

/// Mounts the archive's search: `mountLibrary({ element, index, elder? })`. `element` (an
/// Element or a CSS selector) holds the page's own list of replies, which stays as the fallback;
/// `index` is the URL of the folder `reply-widget index` wrote.
#[wasm_bindgen(js_name = mountLibrary)]
pub fn mount_library(
    #[wasm_bindgen(unchecked_param_type = "{ element: Element | string; index: string; elder?: boolean }")]
    options: JsValue,
) -> Result<LibraryWidget, JsError> {
    if !is_plain_object(&options) {
        return Err(JsError::new(
            "mountLibrary(options): options must be an object such as { element: \"#list\", index: \"library/\" }",
        ));
    }
    let doc = document()?;
    let Some(element) = element(&doc, "options.element", &get(&options, "element"))? else {
        return Err(JsError::new("options.element: mountLibrary needs the element that holds the page's list"));
    };
    let Some(mut index) = get(&options, "index").as_string().filter(|s| !s.trim().is_empty()) else {
        return Err(JsError::new("options.index must be the URL of the index folder, such as \"library/\""));
    };
    if !index.ends_with('/') {
        index.push('/');
    }
    let elder = flag(&options, "elder")?;
    let mount = LibraryMount::new(doc, element, index, elder).map_err(|e| error("mountLibrary", e))?;
    Ok(LibraryWidget { mount: Some(mount) })
}

/// An indicator's values in other replies of the archive, for a figure's card on a reply page:
/// `indicatorValues({ index, indicator, kind, unit?, position?, text?, page?, element? })` →
/// a Promise of at most 8 values (docs/contract.md). The lookup lives in the second module
/// (`pkg/library/extras/`), loaded on the first call: a wrong option rejects the Promise with
/// the `Error` naming it (options that are not an object throw at once).
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
    Ok(indicators::values(&options))
}
