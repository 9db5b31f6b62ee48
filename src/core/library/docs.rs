//! The doc table, `docs.bin`: one bit-packed row per reply (doc id = row, newest first), each
//! the index of its value in every facet of the manifest — the writer and the reader side by
//! side.
//!
//! ```text
//! payload  = replies (varint), one width per facet (varint, bits, ≤ 16), the rows: every
//!            facet's value index in its width, low bits first, rows back to back, the last
//!            byte padded with zeros
//! ```

use super::format::{put_varint, seal, Cursor, FACETS, TYPE_DOCS};

/// How many facets a row holds.
pub(crate) const F: usize = FACETS.len();
/// One reply's row: its value index in each facet.
pub(crate) type Row = [u16; F];

/// The bits a facet of `values` values needs.
pub(crate) fn bits_for(values: usize) -> u32 {
    let mut bits = 0;
    while (1usize << bits) < values {
        bits += 1;
    }
    bits
}

/// The table's file, sealed: `rows[d][f]` is doc d's value in facet f, which has `values[f]`
/// values.
pub(crate) fn write(rows: &[Row], values: &[usize; F], build: u64) -> Vec<u8> {
    let mut table = Vec::new();
    put_varint(&mut table, rows.len() as u64);
    let widths: Vec<u32> = values.iter().map(|v| bits_for(*v)).collect();
    for w in &widths {
        put_varint(&mut table, u64::from(*w));
    }
    let mut acc = 0u64;
    let mut filled = 0;
    for row in rows {
        for (v, w) in row.iter().zip(&widths) {
            acc |= u64::from(*v) << filled;
            filled += w;
            while filled >= 8 {
                table.push(acc as u8);
                acc >>= 8;
                filled -= 8;
            }
        }
    }
    if filled > 0 {
        table.push(acc as u8);
    }
    seal(TYPE_DOCS, build, &table)
}

/// Reads the table of `n` replies whose facets have `values[f]` values; `None` if damaged. The
/// rows' bytes are checked before the rows are allocated.
pub(crate) fn read(payload: &[u8], n: usize, values: &[usize; F]) -> Option<Vec<Row>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != n as u64 {
        return None;
    }
    let mut widths = [0usize; F];
    for (k, w) in widths.iter_mut().enumerate() {
        *w = c.small(16)?;
        if (1usize << *w) < values[k] {
            return None;
        }
    }
    let bits: usize = widths.iter().sum();
    if c.left() != (n.checked_mul(bits)?).div_ceil(8) {
        return None;
    }
    let rest = &payload[c.at..];
    let mut rows = Vec::with_capacity(n);
    let mut at = 0usize;
    for _ in 0..n {
        let mut row = [0u16; F];
        for k in 0..F {
            let mut v = 0usize;
            for b in 0..widths[k] {
                v |= usize::from((rest[(at + b) / 8] >> ((at + b) % 8)) & 1) << b;
            }
            at += widths[k];
            if v >= values[k] {
                return None;
            }
            row[k] = v as u16;
        }
        rows.push(row);
    }
    Some(rows)
}
