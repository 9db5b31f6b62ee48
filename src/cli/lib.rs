//! reply-widget-cli: the command line's library — saved pages read as a browser reads them
//! ([`html`]: html5ever's tree walked by `reply_core::page`). The commands themselves (`parse`,
//! `index`: file reading, the index folder's writing) are the binary's, `main.rs` and
//! `index.rs`. Native only: none of this goes into a wasm, so the size rules of `reply_core`
//! do not bind it.

pub mod html;
