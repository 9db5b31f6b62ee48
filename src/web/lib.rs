//! reply-web: what both WebAssembly modules of reply-widget need of the browser — the reply
//! pages' widget (`reply-widget`) and the column page's archive search (`reply-library`).
//!
//! - [`html`]: markup written as one escaped string and parsed by the browser, through the
//!   widget's Trusted Types policy;
//! - [`listener`]: listeners and observers that remove themselves when dropped;
//! - [`styles`]: the one stylesheet every part adopts into its shadow root (and the article's);
//! - [`reading`]: the reading aids (适老化): large text, high contrast, reading aloud;
//! - [`js`]: the boundary with JavaScript: parts and options read from JS values, errors thrown;
//! - [`chart`]: the figure panel's money chart (its frame in the page module, the chart in
//!   the extras module);
//! - [`download`]: text handed to the browser as a file download (exports, CSVs).
//! - [`fetch`]: the index's fetch snippet, expanded into the column page's two modules.
//! - [`reply`]: a structured reply read from a plain JS object (the page module's `mount({ reply })`,
//!   the extras module's input).
//!
//! No `#[wasm_bindgen]` exports here: a dependency's exports would be exports of both modules.
//! Imports are fine, but each `inline_js` snippet of this crate ships with both modules, so a
//! snippet only one module imports lives in that module's crate. The size rules of
//! `reply_core` hold here too.

pub mod chart;
pub mod download;
pub mod fetch;
pub mod html;
pub mod js;
pub mod listener;
pub mod reading;
pub mod reply;
pub mod styles;
