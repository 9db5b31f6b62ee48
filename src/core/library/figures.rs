//! The figure index, `figures/G-C.bin`: chunk C of figure group G (one group per kind and unit,
//! sorted by value) — the writer and the reader side by side. The manifest lists each group's
//! kind and unit and each chunk's value range and count ([`Group`], [`Range`]); a chunk file
//! holds its figures:
//!
//! ```text
//! payload  = count (varint), count × figure
//! figure   = flags (1 byte, `format::value_flags`: the qualifier's code, then how the numbers
//!            are stored), doc (varint), index of the figure in its reply (varint), value,
//!            upper bound if it has one
//! value    = a varint when whole (the flag says), else the f64's 8 bytes LE
//! ```

use super::format::{put_numbers, put_varint, seal, value_flags, Cursor, CODE_MASK, TYPE_FIGURES};
use crate::model::{Amount, FigureKind, Qualifier};

/// Figures per chunk of a figure group (the manifest writes a chunk's count only when it has
/// fewer).
pub(crate) const CHUNK: usize = 1024;

/// The file of chunk `c` of group `g`.
pub(crate) fn chunk_file(g: usize, c: usize) -> String {
    format!("figures/{g}-{c}.bin")
}

/// A qualifier as the flags store it: 1 … 7 (0 is none).
pub(crate) fn qualifier_code(q: Option<Qualifier>) -> u8 {
    q.and_then(|q| Qualifier::ALL.iter().position(|x| *x == q)).map_or(0, |k| k as u8 + 1)
}

pub(crate) fn qualifier_of_code(code: u8) -> Option<Qualifier> {
    Qualifier::ALL.get(usize::from(code).wrapping_sub(1)).copied()
}

/// A figure as a chunk keeps it: its reply, its index there, its amount. The amount's kind is
/// its group's, its unit `None`: a chunk stores neither (the manifest names them once per
/// group), and comparisons read the group's unit before they read a chunk.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub doc: u32,
    pub index: u32,
    pub amount: Amount,
}

/// A chunk as the manifest describes it: the values its figures span, how many it holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Range {
    pub low: f64,
    pub high: f64,
    pub count: usize,
}

/// A figure group as the manifest describes it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Group {
    pub kind: FigureKind,
    pub unit: Option<String>,
    pub chunks: Vec<Range>,
}

/// A chunk's file, sealed with the build id.
pub(crate) fn write_chunk(entries: &[Entry], build: u64) -> Vec<u8> {
    let mut payload = Vec::new();
    put_varint(&mut payload, entries.len() as u64);
    for e in entries {
        let a = &e.amount;
        payload.push(value_flags(qualifier_code(a.qualifier), a.value, a.high));
        put_varint(&mut payload, u64::from(e.doc));
        put_varint(&mut payload, u64::from(e.index));
        put_numbers(&mut payload, a.value, a.high);
    }
    seal(TYPE_FIGURES, build, &payload)
}

/// Reads a chunk's payload of `count` figures (the manifest's) of docs below `n`, amounts of
/// `kind` (their group's); `None` if damaged. A figure takes 4 bytes at least: the count is
/// checked against the bytes before anything is allocated.
pub(crate) fn read_chunk(payload: &[u8], kind: FigureKind, count: usize, n: usize) -> Option<Vec<Entry>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != count as u64 || count > c.left() / 4 {
        return None;
    }
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = c.flags()?;
        let doc = c.small(n.checked_sub(1)?)? as u32;
        let index = c.small(u32::MAX as usize)? as u32;
        let (value, high) = c.numbers(flags)?;
        let qualifier = qualifier_of_code(flags & CODE_MASK);
        entries.push(Entry { doc, index, amount: Amount { kind, value, high, unit: None, qualifier } });
    }
    (c.left() == 0).then_some(entries)
}
