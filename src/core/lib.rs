//! reply-core: the pure core of reply-widget — an official reply (答复) to a CPPCC proposal or
//! an NPC suggestion read into a structured reply, and everything the widget shows of it, as
//! data. No I/O and no browser here: the WebAssembly modules (`reply-widget`, `reply-library`)
//! and the command line (`reply-widget-cli`) are built on it, and it is tested natively:
//!
//! ```
//! use reply_core::filter::{parse_query, Index};
//! use reply_core::model::FigureKind;
//!
//! let reply = reply_core::parse("关于科技金融的答复\n一、基金\n累计出资361亿元，参与母子基金145支。\n二、贷款\n发放贷款15.97亿元。");
//! assert_eq!(reply.sections.len(), 2);
//! let texts: Vec<&str> = reply.figures.iter().map(|f| f.text.as_str()).collect();
//! assert_eq!(texts, ["361亿元", "145支", "15.97亿元"]);
//!
//! // Filtering: words, or comparisons on the figures' values.
//! let index = Index::drawn(&reply);
//! let outcome = index.run(&reply.figures, &parse_query(">=100亿元"), &FigureKind::ALL);
//! assert_eq!(outcome.figure_visible, [true, false, false]);
//! ```
//!
//! Modules, as the architecture reads:
//! - [`model`] the structured reply (the JSON contract, `docs/contract.md`) and its validation;
//!   [`json`] writes it;
//! - [`parse()`] text → reply (headings, figures, numerals); [`page`] a page's article, walked
//!   through an abstract tree (the browser's DOM in the widget, html5ever's on the command
//!   line) → the lines the parser reads, and where each char came from;
//! - [`outline`], [`panel`], [`filter`], [`export`]: what the parts show, as data;
//! - [`library`]: the archive's index (its files, written and read) and its search engine;
//! - [`text`] folding, [`util`] the id map, hasher and sort;
//! - [`bundled_reply`]: the reply the widget ships with (its text is `data/`).
//!
//! # Size rules
//! This code is shipped to every reader inside the wasm, most on phones. These habits keep it
//! small; each was measured (README, "Size"), and each looks like something to clean up — do
//! not. They hold in every crate that goes into a wasm (this one, `reply-web`, `reply-widget`,
//! `reply-library`); the command line is free of them.
//! - no float formatting (`{:.1}`, `f64::to_string`): integer tenths and `json::number`; no
//!   float parsing (`str::parse::<f64>`): a digit loop (`parse::read_arabic`);
//! - no core sorts (`sort`, `sort_by_key`): [`util::sort_by`], one merge sort compiled once;
//! - one hasher (FNV, [`util::Fnv`]) and one map type for a reply's ids ([`util::IdMap`], a sorted
//!   vector: no hash table in the wasm); no SipHash, no BTreeMap;
//! - no `format!` or integer `to_string` on the page module's paths: [`util::cat`],
//!   [`util::uint`], [`util::push_uint`] (`core::fmt` is kept out of the first screen);
//! - plain loops that push, rather than iterators collected into `Result` (about a kilobyte
//!   of wasm per item type), and no `str::join`;
//! - markup as one escaped string parsed by the browser (`reply_web::html`), not node by node;
//! - no serde in the wasm's paths: [`json`] writes, the widget's `interop` reads;
//! - ASCII-only case folding (Unicode tables cost about 10 KB).

mod bundled;
pub mod export;
pub mod filter;
pub mod json;
pub mod library;
pub mod model;
pub mod outline;
pub mod page;
pub mod panel;
pub mod parse;
pub mod text;
pub mod util;

pub use bundled::{bundled_reply, BUNDLED_TEXT};
pub use model::{Figure, FigureKind, Paragraph, Qualifier, Reply, Section, Stance};
pub use parse::parse;
