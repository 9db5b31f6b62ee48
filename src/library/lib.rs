//! reply-library: the archive's search on the column page (`mountLibrary`), the WebAssembly
//! module `pkg/library/reply_library*` — its own module, so that a reply page, mostly read on
//! a phone, does not download the search engine of the whole archive.
//!
//! - `dom` (private): the part — the searchbox, facets and results, fetching the index's files
//!   as queries need them; the engine is `reply_core::library`, the DOM helpers `reply_web`'s;
//! - this file: the `#[wasm_bindgen]` surface, nothing else.
//!
//! The size rules of `reply_core`'s crate docs hold here.

mod dom;
mod indicators;

// Talc instead of the default dlmalloc: about 2 KB gzip less wasm, and faster (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use reply_web::js::{document, element, error, flag, get, is_plain_object};
use wasm_bindgen::prelude::*;

use dom::LibraryMount;

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
