//! The title table, `titles/C.bin`: the title, address and month of every reply, in doc order,
//! [`TITLES`] replies a chunk (chunk C holds docs C × [`TITLES`] … (C + 1) × [`TITLES`] − 1) — the
//! writer and the reader side by side. An indicator's values (`indicators.rs`) name their reply
//! by doc id and the indicator view fetches the chunks of the replies it shows, once each: at
//! 10,000 replies a value of index version 3, which carried them itself, spent 66 bytes on the
//! title, 11 on the address and 7 on the month, most of its file.
//!
//! ```text
//! payload = count (varint), count × (title, url, reported: 3 strings)
//! string  = length (varint), UTF-8
//! ```

use super::format::{put_str, put_varint, seal, Cursor, TYPE_TITLES};

/// Docs per chunk of the title table.
pub const TITLES: usize = 512;

/// The file of chunk `c` of the title table.
pub(crate) fn titles_file(c: usize) -> String {
    format!("titles/{c}.bin")
}

/// What the title table holds of a reply: what an indicator's row shows of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocTitle {
    pub title: String,
    pub url: String,
    /// The reply's publication month (`2024-03`) or year, empty when undated.
    pub reported: String,
}

/// A chunk of the title table (docs in doc order), sealed with the build id.
pub(crate) fn write_titles(docs: &[DocTitle], build: u64) -> Vec<u8> {
    let mut payload = Vec::new();
    put_varint(&mut payload, docs.len() as u64);
    for d in docs {
        for s in [&d.title, &d.url, &d.reported] {
            put_str(&mut payload, s);
        }
    }
    seal(TYPE_TITLES, build, &payload)
}

/// Reads a chunk of the title table of `count` docs; `None` if damaged. A doc takes 3 bytes at
/// least: the count is checked against the bytes first.
pub(crate) fn read_titles(payload: &[u8], count: usize) -> Option<Vec<DocTitle>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != count as u64 || count > c.left() / 3 {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let (title, url, reported) = (c.string()?, c.string()?, c.string()?);
        out.push(DocTitle { title, url, reported });
    }
    (c.left() == 0).then_some(out)
}
