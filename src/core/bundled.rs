//! The reply the widget ships with, parsed by the same parser as any other.

use crate::model::Reply;

/// The published text, byte for byte (its flaws included: see `tests/fixtures/README.md`).
pub const BUNDLED_TEXT: &str = include_str!("data/reply-20230314.txt");

/// The bundled reply, parsed.
pub fn bundled_reply() -> Reply {
    crate::parse::parse(BUNDLED_TEXT)
}
