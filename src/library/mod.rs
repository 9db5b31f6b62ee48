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
//! words/K.bin          word index shard K: bigram and trigram keys → doc ids
//! figures/G-C.bin      chunk C of figure group G (one group per kind and unit, sorted by value):
//!                      doc, figure index, value, upper bound, qualifier of each figure
//! replies/D.json       the card of doc D: title, kind, session, number, proposer, date, source,
//!                      URL, outline, figures with clause and section
//! ```
//!
//! Binary files share a 24-byte header: `RWLB`, the format version, the file type, the build id
//! (a hash of everything indexed, so a shard of another build — a half-written folder — is
//! refused), the payload length (a truncated file is refused) and an FNV checksum (a damaged one
//! is refused). Numbers are LEB128 varints. Cards carry the build id too. Nothing depends on the
//! time: building twice from the same files gives the same bytes.
//!
//! # Why this layout
//!
//! A first query fetches the manifest, `docs.bin` and only the pieces its terms point to, then
//! the cards of the results it shows:
//! - doc ids are ranks, newest first: "newest first" costs nothing, and a posting list of a
//!   common word is a short run of small deltas (or a bitmap when denser than one doc in eight);
//! - facet counts need every reply's year, kind, session and source: about 2 bytes a reply,
//!   bit-packed, in one file every query shares;
//! - words: Chinese has no spaces, so the index keys are the bigrams and trigrams of the folded
//!   text (titles, headings, paragraphs; split at punctuation and spaces). A query word of two
//!   chars looks up its bigram, a longer one intersects its trigrams. Keys are stored as 32-bit
//!   tags of a 64-bit hash; the rest of the hash picks the shard, so a word of n chars fetches at
//!   most n − 2 shards. Shards are sized to about 16 KB (their number grows with the archive);
//! - figures: grouped by kind and unit, sorted by value, cut into chunks of 1,024 whose value
//!   ranges the manifest lists, so `>=100亿元` fetches only the money chunks that reach 100亿;
//!   matching reuses `filter::compare_matches` on the stored value, bound and qualifier;
//! - cards: a result list fetches the cards it shows, 20 at a time, nothing else.
//!
//! # How exact
//!
//! A word of 2 or 3 chars is exact (its one key is in a reply's text exactly when the word is,
//! within one run between punctuation). A longer word matches replies holding all its trigrams,
//! which almost always means holding the word: on generated archives, measured over every topic
//! word and hundreds of random 4–8 char substrings, no false positive (the integration test
//! `word_search_is_exact_on_a_generated_archive` checks it). Key tags can collide (two keys of one
//! shard with the same 32 bits: their lists are merged), adding at most a false positive per
//! about 10^6 lookups. Words are split at punctuation and spaces and every piece is required, so
//! `科技 金融` finds replies with both words anywhere. A word of one char is refused
//! ([`Problem::TooShort`]), never silently empty.
//!
//! # Measured (generated archives, `node tests/archive/generate.mjs`, release build)
//!
//! (filled in below by measurement; see the report)
//!
//! # Calling it (the browser part)
//!
//! ```text
//! let lib = Library::from_manifest(&fetch("manifest.json"))?;
//! let plan = lib.plan(input);                       // parse_query + keys
//! loop { let need = lib.needs(&plan); if need.is_empty() { break } for f in need { lib.add(&f, &fetch(&f))? } }
//! let out = lib.search(&plan, &selection, Order::Newest)?;
//! let page = out.page(0);                          // first 20 doc ids
//! for f in lib.cards_needed(page) { lib.add(&f, &fetch(&f))? }
//! for &d in page { let card = lib.card(d); let figures = card.matching(&plan); … }
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
pub use search::{Facet, FacetValue, Library, Order, Outcome, Plan, Problem, Selection, PAGE};

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
/// trigrams if more, nothing if one.
pub(crate) fn run_keys(run: &[char], out: &mut Vec<u64>) {
    if run.len() == 2 {
        out.push(key_hash(run));
    } else if run.len() > 2 {
        for k in 0..run.len() - 2 {
            out.push(key_hash(&run[k..k + 3]));
        }
    }
}

/// Every key a text is indexed under: all bigrams and all trigrams of its runs.
pub(crate) fn index_keys_of(text: &str, f: &mut dyn FnMut(u64)) {
    for run in runs(text) {
        for k in 0..run.len().saturating_sub(1) {
            f(key_hash(&run[k..k + 2]));
            if k + 3 <= run.len() {
                f(key_hash(&run[k..k + 3]));
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
