//! The archive: every reply of a bureau, searchable by words and by figures, from a static index
//! that the command line builds (`reply-widget index`) and the browser reads in pieces. Pure: no
//! I/O here. [`Builder`] makes the index's files as `(name, bytes)` pairs, the command line
//! writes them; [`Library`] is fed the files the browser fetched and answers queries (sans-IO:
//! it says which files a query needs, the caller fetches them).
//!
//! # The files
//!
//! Each file's format lives in one module with its writer, its reader and its named flags:
//! `manifest.rs`, `docs.rs`, `words.rs` (and the keys), `figures.rs`, `card.rs`, `indicators.rs`,
//! `titles.rs`; `format.rs` holds what they share (the version, names, limits, errors, the
//! binary envelope, strings, a value's flags byte), `read.rs` the JSON reader. Each format's
//! round trip is tested (`tests.rs`, `every_format_round_trips`; `indicators/tests.rs`). The
//! builder (`build.rs`) and the search (`search.rs`) use them; no two modules import each
//! other, and no format module imports the builder or the search.
//!
//! ```text
//! manifest.json        format, version, build id, counts, the largest size of each kind of
//!                      file, facet values with totals, the figure groups and the value range
//!                      of each of their chunks
//! docs.bin             one bit-packed row per reply: year, kind, session, source, genre
//!                      (indexes into the manifest's facet values); row = doc id, newest first
//! words/K.bin          word index shard K: bigram, trigram and 4-gram keys → doc ids
//! figures/G-C.bin      chunk C of figure group G (one group per kind and unit, sorted by value):
//!                      doc, figure index, value, upper bound, qualifier of each figure
//! replies/D.json       the card of doc D: title, kind, genre, session, number, proposer, date, source,
//!                      URL, outline, figures with clause and section (see `card.rs`)
//! indicators/K.bin     every value of indicator K (the manifest lists the keys): targets and
//!                      results in time order, each naming its reply by doc id (see
//!                      `indicators.rs`)
//! titles/C.bin         the title table: title, URL and month of docs C × 512 … (see `titles.rs`)
//! ```
//!
//! Binary files share a 24-byte header: `RWLB`, the format version, the file type, the build id
//! (a hash of everything indexed, so a file of another build — a half-written folder — is
//! refused), the payload length (a truncated file is refused) and an FNV checksum (a damaged one
//! is refused). Numbers are LEB128 varints. Cards carry the build id too. Nothing depends on the
//! time or on the order of the input files: building twice gives the same bytes. The command
//! line writes the manifest last, through a temporary name and a rename.
//!
//! # Limits (a hostile or broken index)
//!
//! A reader allocates for what it received, never for what a file announces: the manifest is at
//! most [`MAX_MANIFEST`] (refused before it is parsed), announces at most [`MAX_REPLIES`]
//! replies, every facet's totals add up to them, and it names the largest file of each kind
//! of its build (`sizes`, each at most [`MAX_FILE`]); [`Library::limit`] gives them, the
//! browser part checks a file's Content-Length against it before downloading and stops a
//! download that passes it, and [`Library::add`] refuses a longer file
//! ([`Error::TooLarge`]). Shards and cards are kept as they arrive (no table sized by the
//! manifest's counts); every count inside a file is checked against the bytes left before a
//! list is allocated. The browser part has at most 6 files in flight and refuses a query that
//! needs more than 4,096 files.
//!
//! # Why this layout
//!
//! A first query takes two rounds before the cards: the manifest, then `docs.bin` with only the
//! pieces its terms point to; then the cards of the results it shows.
//! - Doc ids are ranks, newest first: "newest first" costs nothing, and the posting list of a
//!   common word is a run of small deltas, or a bitmap when denser than one doc in eight.
//! - Facet counts need every reply's year, kind, session and source: 12 bits a reply on the
//!   generated archives, bit-packed, in one file every query shares (15 KB at 10,000 replies).
//! - Words: Chinese has no spaces, so the keys are n-grams of the folded text (title, headings,
//!   paragraphs; split at punctuation and spaces). A query word of 2 chars looks up its bigram,
//!   of 3 its trigram, a longer one intersects its 4-grams: a word of n ≥ 4 chars fetches at
//!   most n − 3 shards, 中试平台 one. Keys are 32-bit tags of a 64-bit hash whose other bits pick
//!   the shard; shards hold about 16 KB, so their number grows with the archive (136 at 1,000
//!   replies, 1,095 at 10,000). Trigrams alone gave 1% false positives on the generator's
//!   templated phrases (小企业贷款 matched 中小企业 … 企业贷款); 4-grams cost twice the index
//!   (2.2 MB instead of 1.1 MB at 1,000 replies) and fetch fewer shards per word.
//! - Figures: grouped by kind and unit, sorted by value, cut into chunks of 1,024 whose value
//!   ranges the manifest lists, so `>=100亿元` fetches only the money chunks that reach 100亿.
//!   Figures whose interval spans more than a factor of two (不足10%: 0 to 10) are chunked
//!   apart, so they widen no other chunk's range. Matching is `filter::compare_matches` on the
//!   stored value, upper bound and qualifier: the single-page widget's semantics exactly.
//! - Cards: a result list fetches the cards it shows, 20 at a time, nothing else; the first 5
//!   alone, drawn as soon as they are here, the other 15 once they show.
//!
//! # How exact
//!
//! A word of 2 or 3 chars is exact: its key is in a reply's text exactly when the word is
//! (within a run between punctuation). A longer word matches the replies holding all its
//! 4-grams. Measured on a generated archive of 400 replies + the 13 fixture pages
//! (`tests/library.rs`): every topic word exact; 300 random substrings of 2–8 chars gave 31
//! false positives among 32,105 results (0.1%), all words of 5+ chars made of the generator's
//! stock phrases (我们会同市发: 我们会同市… and …会同市发改委 in one reply); never a reply
//! missed. Key tags can collide (two keys of a shard with the same 32 bits share a list): about
//! one false list per 10^6 lookups at 10,000 replies. Words are split at spaces and punctuation
//! and every piece is required, so `人工智能 人才` finds replies with both. A word of one char
//! is refused ([`Problem::TooShort`]), never silently empty.
//!
//! # Measured (generated archives, `node tests/archive/generate.mjs`, release build, 2 cores)
//!
//! ```text
//! replies  build    index total   words            figures         cards          manifest  docs.bin
//!    100   0.2 s     1.2 MB        358 KB /   24     41 KB /  46     817 KB          3.0 KB    0.2 KB
//!  1,000   2 s      10.9 MB       2.15 MB /  136    474 KB / 107     8.3 MB          3.9 KB    1.5 KB
//! 10,000   16 s    104.7 MB       17.9 MB / 1095    4.8 MB / 736    82.1 MB         11.5 KB   15.0 KB
//! ```
//! (10,000: 16 s rewriting an existing folder, 19–23 s into a new one; 445 MB peak memory.)
//! A cold first query, files and bytes before the cards (raw; the manifest, docs.bin and the
//! pieces), then with the first 5 cards (raw / gzip if the server compresses):
//!
//! ```text
//!                 1,000 replies                       10,000 replies
//! 中试平台        3 files 20.7 KB → 74.6 / 31.9 KB      3 files 39.2 KB → 88.5 / 41.7 KB
//! 科技金融        3 files 20.1 KB → 59.4 / 28.0 KB      3 files 42.2 KB → 85.8 / 43.0 KB
//! >=100亿元       3 files 11.6 KB → 58.3 / 23.0 KB      5 files 44.8 KB → 94.4 / 45.0 KB
//! 2022年          7 files 35.8 KB → 82.2 / 33.5 KB     22 files 150 KB → 189 / 92.5 KB
//! <20%            8 files 51.4 KB → 97.7 / 40.5 KB     50 files 440 KB → 479 / 223 KB
//! ```
//! Pagefind 1.6 on the same 10,000 pages fetches 401 KB for 中试平台 (its runtime 147 KB,
//! index and metadata 235 KB, 5 fragments 18 KB). A card averages 8.3 KB raw (≈ 1.9 KB gzip):
//! clauses 38%, the figures' other fields 40%, the outline 9%. A comparison matching most of
//! the archive (`<20%`: 9,745 of 10,000) must fetch most of its group. Query latency after load,
//! 16 queries × 20 rounds (words, comparisons, facets, both orders): p95 0.7 ms at 1,000
//! replies, 4–7 ms at 10,000 (slowest `<20%`, ≤ 10 ms);
//! `cargo test --release --test library -- --ignored --nocapture measure` with `RW_INDEX=DIR`.
//!
//! In the browser (`tests/bench/archive.mjs`, README "The archive") the first five results are
//! drawn from their own cards and the rest of the page (20) is fetched after that paint, so a
//! cold 中试平台 at 10,000 replies fetches 96 KB through a compressing server (Pagefind 329 KB)
//! and 203 KB from one that compresses nothing (Pagefind 392 KB; it gzips its own files). Our
//! files are compressed only by the server. The next step for raw servers: the command line
//! gzips the cards and shards (one more native crate, none in the wasm) and the library reads
//! them back with the browser's `DecompressionStream` (Chrome 80, Firefox 113, Safari 16.4:
//! above our Firefox 101 floor, so the plain files stay beside them).
//!
//! # Calling it
//!
//! The command line builds; the browser part fetches what the library asks for (at most 6 files
//! at once, each at most [`Library::limit`] bytes) and feeds it back:
//!
//! ```
//! use std::collections::HashMap;
//! use reply_core::library::{Builder, Library, Order, Plan, Selection, MANIFEST, MAX_MANIFEST};
//!
//! let mut builder = Builder::new("https://example.gov.cn/jytabl/");
//! for (name, text) in [
//!     ("r1.html", "关于科技金融的提案的答复\n一、基金\n武汉基金累计出资361亿元，投资企业300余家。"),
//!     ("r2.html", "关于中试平台的建议的答复\n一、平台\n建成中试平台12个，投入近4亿元。"),
//! ] {
//!     builder.add(name, &reply_core::parse(text)).expect("indexed");
//! }
//! // The index folder, as the command line writes it; here a map the "server" answers from.
//! let folder: HashMap<String, Vec<u8>> = builder.build().into_iter().collect();
//! let fetch = |name: &str, limit: usize| folder[name][..folder[name].len().min(limit)].to_vec();
//!
//! let mut lib = Library::from_manifest(&fetch(MANIFEST, MAX_MANIFEST))?; // Err: not ours, other version
//! let plan = Plan::new(">=100亿元"); // words (科技金融) or a comparison
//! assert_eq!(plan.problem, None); // else say `problem.message()`: one char, a malformed comparison
//! loop {
//!     // At most one round today: the doc table and the pieces the query's terms point to.
//!     let need = lib.needs(&plan);
//!     if need.is_empty() {
//!         break;
//!     }
//!     for f in need {
//!         let limit = lib.limit(&f).expect("a file of this index");
//!         lib.add(&f, &fetch(&f, limit))?; // Err: damaged, too large, another build …
//!     }
//! }
//! let out = lib.search(&plan, &Selection::default(), Order::Newest)?; // docs, counts, figures
//! let page = out.page(0); // the first 20 doc ids
//! for f in lib.cards_needed(page) {
//!     let limit = lib.limit(&f).expect("a card of this index");
//!     lib.add(&f, &fetch(&f, limit))?;
//! }
//! let card = lib.card(page[0]).expect("its card was added"); // title, date, URL, outline, figures
//! let shown: Vec<&str> = card.matching(&plan).iter().map(|&k| card.figures[k as usize].text.as_str()).collect();
//! assert_eq!((card.url.as_str(), shown), ("https://example.gov.cn/jytabl/r1.html", vec!["361亿元"]));
//! assert_eq!(card.matching(&plan), out.figures_of(0), "the card agrees with the figure index");
//! # Ok::<(), reply_core::library::Error>(())
//! ```

mod build;
mod card;
mod docs;
mod figures;
mod format;
mod indicators;
mod manifest;
mod meta;
mod query;
mod read;
mod search;
mod titles;
mod words;

pub use build::{Builder, Skip};
pub use card::{Card, CardFigure, CardSection};
pub use format::{Error, DOCS, FACETS, FORMAT, MANIFEST, MAX_FILE, MAX_MANIFEST, MAX_REPLIES, VERSION};
pub use indicators::{
    base_of, end_month, in_time_order, newest_month, other_values, own_candidates, promises_csv, short_clause, track,
    value_link, values_csv, Asking, IndicatorValue, Promise, Verdict, CLAUSE,
};
pub use manifest::{Facet, FacetValue, Sizes};
pub use meta::{fingerprint, genre, is_reply, meta, DocKind, Genre, Meta};
pub use query::{Plan, Problem};
pub use search::{Files, Library, Order, Outcome, Selection, LEAD, PAGE};
pub use titles::{DocTitle, TITLES};

#[cfg(test)]
mod tests;
