//! The archive: every reply of a bureau, searchable by words and by figures, from a static index
//! that the command line builds (`reply-widget index`) and the browser reads in pieces. Pure: no
//! I/O here. [`Builder`] makes the index's files as `(name, bytes)` pairs, the command line
//! writes them; [`Library`] is fed the files the browser fetched and answers queries (sans-IO:
//! it says which files a query needs, the caller fetches them).
//!
//! # The files
//!
//! ```text
//! manifest.json        format, version, build id, counts, facet values with totals, the
//!                      figure groups and the value range of each of their chunks
//! docs.bin             one bit-packed row per reply: year, kind, session, source (indexes into
//!                      the manifest's facet values); row = doc id, newest first
//! words/K.bin          word index shard K: bigram, trigram and 4-gram keys → doc ids
//! figures/G-C.bin      chunk C of figure group G (one group per kind and unit, sorted by value):
//!                      doc, figure index, value, upper bound, qualifier of each figure
//! replies/D.json       the card of doc D: title, kind, session, number, proposer, date, source,
//!                      URL, outline, figures with clause and section (see `card.rs`)
//! ```
//!
//! Binary files share a 24-byte header: `RWLB`, the format version, the file type, the build id
//! (a hash of everything indexed, so a file of another build — a half-written folder — is
//! refused), the payload length (a truncated file is refused) and an FNV checksum (a damaged one
//! is refused). Numbers are LEB128 varints. Cards carry the build id too. Nothing depends on the
//! time or on the order of the input files: building twice gives the same bytes. The command
//! line writes the manifest last, through a temporary name and a rename.
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
//! # Calling it (the browser part)
//!
//! ```text
//! let mut lib = Library::from_manifest(&fetch(MANIFEST))?;     // Err: not ours, other version
//! let plan = Plan::new(input);                                  // parse_query + keys
//! if let Some(p) = &plan.problem { say(p.message()) }           // one char, malformed comparison
//! loop {                                                        // at most one round today
//!     let need = lib.needs(&plan);
//!     if need.is_empty() { break }
//!     for f in need { lib.add(&f, &fetch(&f))? }                // in parallel; Err: damaged …
//! }
//! let out = lib.search(&plan, &selection, Order::Newest)?;      // docs, counts, figures
//! let page = out.page(0);                                       // the first 20 doc ids
//! for f in lib.cards_needed(page) { lib.add(&f, &fetch(&f))? }
//! for (i, &d) in page.iter().enumerate() {
//!     let card = lib.card(d).unwrap();                          // title, date, url …
//!     let figures = card.matching(&plan);                       // = out.figures_of(i) for comparisons
//! }
//! ```

mod build;
mod card;
mod format;
mod meta;
mod read;
mod search;

pub use build::{Builder, Skip};
pub use card::{Card, CardFigure, CardSection};
pub use meta::{fingerprint, is_reply, meta, DocKind, Meta};
pub use search::{Facet, FacetValue, Library, Order, Outcome, Plan, Problem, Selection, LEAD, PAGE};

/// The index format this code writes and reads. A manifest of another version is refused.
pub const VERSION: u32 = 1;
/// The `format` field of the manifest.
pub const FORMAT: &str = "reply-widget-library";
/// The manifest's file name, relative to the index folder.
pub const MANIFEST: &str = "manifest.json";
/// The doc table's file name.
pub const DOCS: &str = "docs.bin";

/// The four facets, in the order of [`Selection`] and [`Outcome::counts`].
pub const FACETS: [&str; 4] = ["year", "kind", "session", "source"];

/// Why the library cannot use a file. Display gives one line naming the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The manifest is not one of ours (not JSON, another format).
    NotAnIndex(String),
    /// Our manifest, another version.
    Version(u64),
    /// A file of ours that is truncated or damaged: the file, and what is wrong.
    Corrupt(String, String),
    /// A file written by another build of the index than the manifest's.
    OtherBuild(String),
    /// A name that is not a file of this index.
    UnknownFile(String),
    /// `search` before every file the query needs was added.
    Missing(Vec<String>),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotAnIndex(why) => write!(f, "not a reply-widget index ({MANIFEST}: {why})"),
            Error::Version(v) => write!(f, "index version {v}, this widget reads version {VERSION}"),
            Error::Corrupt(file, why) => write!(f, "{file}: damaged index file ({why})"),
            Error::OtherBuild(file) => write!(
                f,
                "{file}: belongs to another build of the index than {MANIFEST} (the folder is half written or mixes two builds)"
            ),
            Error::UnknownFile(file) => write!(f, "{file}: not a file of this index"),
            Error::Missing(files) => {
                write!(f, "index files not loaded yet:")?;
                for file in files {
                    write!(f, " {file}")?;
                }
                Ok(())
            }
        }
    }
}

/// Whether a folded char separates word runs: white space and punctuation (ASCII except
/// `. % - +`, which stand inside figures and codes; CJK and general punctuation). Listed by
/// range rather than with Unicode tables (see "Size rules").
pub(crate) fn is_separator(c: char) -> bool {
    match c {
        '0'..='9' | 'a'..='z' | 'A'..='Z' | '.' | '%' | '-' | '+' => false,
        '\0'..='\u{7f}' => true,
        '\u{80}'..='\u{bf}'
        | '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301f}'
        | '\u{fe10}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ff65}' => true,
        _ => false,
    }
}

/// The hash of an n-gram: FNV-1a of its UTF-8, then a finalizer (murmur3's) so that the low
/// bits, which pick the shard, depend on every byte.
pub(crate) fn key_hash(gram: &[char]) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::util::Fnv::default();
    let mut buf = [0u8; 4];
    for c in gram {
        h.write(c.encode_utf8(&mut buf).as_bytes());
    }
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// The keys of one run of word chars (already folded): its bigram if it has two chars, its
/// trigram if three, its 4-grams if more, nothing if one.
pub(crate) fn run_keys(run: &[char], out: &mut Vec<u64>) {
    match run.len() {
        0 | 1 => {}
        2 | 3 => out.push(key_hash(run)),
        n => {
            for k in 0..n - 3 {
                out.push(key_hash(&run[k..k + 4]));
            }
        }
    }
}

/// Every key a text is indexed under: all bigrams, trigrams and 4-grams of its runs.
pub(crate) fn index_keys_of(text: &str, f: &mut dyn FnMut(u64)) {
    for run in runs(text) {
        for k in 0..run.len().saturating_sub(1) {
            for n in 2..=4 {
                if k + n <= run.len() {
                    f(key_hash(&run[k..k + n]));
                }
            }
        }
    }
}

/// The runs of word chars of a text, folded.
pub(crate) fn runs(text: &str) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for c in text.chars() {
        let c = crate::text::fold_char(c);
        if is_separator(c) {
            if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

#[cfg(test)]
mod tests;
