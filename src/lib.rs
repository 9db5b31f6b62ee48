//! reply-widget: an official reply (答复) to a CPPCC proposal made readable at a glance.
//!
//! The pure core (`model`, `parse`, `filter`) has no I/O and is tested natively; `dom` turns
//! state into DOM with web-sys; this file is only the `#[wasm_bindgen]` surface.

mod bundled;
pub mod model;
pub mod parse;

pub use bundled::{bundled_reply, BUNDLED_TEXT};
pub use model::{Figure, FigureKind, Paragraph, Qualifier, Reply, Section};
pub use parse::parse;
pub mod filter;
pub mod outline;
