//! The word index, `words/K.bin`: its keys (n-grams of the folded text), its posting lists, and
//! its shards — the writer and the reader side by side.
//!
//! ```text
//! payload  = count (varint), count × tag (u32 LE, ascending), count × list length (varint),
//!            the lists one after another
//! list     = varint head: (docs << 1) then the gaps between sorted doc ids (varints), or
//!            ((first doc / 8) << 1 | 1) then a bitmap from that byte to the payload's end
//! key      = a 64-bit hash of an n-gram: its low bits modulo the shard count pick the shard
//!            ([`shard_of`]), its high 32 bits are the tag ([`tag_of`])
//! ```

use super::format::{put_varint, seal, Cursor, TYPE_WORDS};

/// About how many bytes a word shard holds: a word query fetches one shard per key.
pub(crate) const SHARD_BYTES: usize = 16 * 1024;
/// A posting list's head: the low bit says a bitmap follows (else gaps).
pub(crate) const LIST_BITMAP: u64 = 1;

/// The file of shard `s`.
pub(crate) fn shard_file(s: usize) -> String {
    format!("words/{s}.bin")
}

/// The shard a key is in.
pub(crate) fn shard_of(key: u64, shards: usize) -> usize {
    (key % shards.max(1) as u64) as usize
}

/// The tag a shard keeps of a key.
pub(crate) fn tag_of(key: u64) -> u32 {
    (key >> 32) as u32
}

// ---------- keys ----------

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

// ---------- posting lists ----------

/// A posting list: sorted doc ids as gaps, or a bitmap from a base byte when that is smaller.
pub(crate) fn encode_list(docs: &[u32], out: &mut Vec<u8>) {
    let mut sparse = Vec::with_capacity(docs.len() + 2);
    put_varint(&mut sparse, (docs.len() as u64) << 1);
    let mut prev = 0;
    for &d in docs {
        put_varint(&mut sparse, u64::from(d - prev));
        prev = d;
    }
    let (first, last) = (docs[0] / 8, docs[docs.len() - 1] / 8);
    let bitmap_len = (last - first + 1) as usize;
    if bitmap_len + 4 < sparse.len() {
        put_varint(out, (u64::from(first) << 1) | LIST_BITMAP);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &d in docs {
            out[start + (d / 8 - first) as usize] |= 1 << (d % 8);
        }
    } else {
        out.extend_from_slice(&sparse);
    }
}

/// Decodes a posting list; `None` if damaged or naming a doc past `n`. The count is checked
/// against the bytes before anything is allocated.
pub(crate) fn decode_list(bytes: &[u8], n: usize) -> Option<Vec<u32>> {
    let mut c = Cursor::new(bytes);
    let head = c.varint()?;
    let mut out = Vec::new();
    if head & LIST_BITMAP == 0 {
        let count = (head >> 1) as usize;
        // A gap takes a byte at least.
        if count == 0 || count > n || count > c.left() {
            return None;
        }
        out.reserve(count);
        let mut d = 0u64;
        for k in 0..count {
            let gap = c.varint()?;
            if k > 0 && gap == 0 {
                return None;
            }
            d += gap;
            if d >= n as u64 {
                return None;
            }
            out.push(d as u32);
        }
        if c.left() != 0 {
            return None;
        }
    } else {
        let base = (head >> 1).checked_mul(8)?;
        for (k, byte) in bytes[c.at..].iter().enumerate() {
            for bit in 0..8 {
                if byte & (1 << bit) != 0 {
                    let d = base + (k as u64) * 8 + bit;
                    if d >= n as u64 {
                        return None;
                    }
                    out.push(d as u32);
                }
            }
        }
        if out.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// Two sorted lists as one (keys whose tags collide share a list).
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else if b[j] < a[i] {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

// ---------- shards ----------

/// Writes the shards of every key (sorted by key, each with its sorted docs): the shard count
/// grows with the index ([`SHARD_BYTES`] each). The files, sealed with the build id.
pub(crate) fn write(keys: &[(u64, Vec<u32>)], build: u64) -> Vec<(String, Vec<u8>)> {
    let mut scratch = Vec::new();
    let mut total = 0;
    for (_, list) in keys {
        scratch.clear();
        encode_list(list, &mut scratch);
        total += scratch.len() + 6;
    }
    let shards = total.div_ceil(SHARD_BYTES).max(1);
    let mut by_shard: Vec<Vec<(u32, usize)>> = vec![Vec::new(); shards];
    for (k, (key, _)) in keys.iter().enumerate() {
        by_shard[shard_of(*key, shards)].push((tag_of(*key), k));
    }
    let mut files = Vec::with_capacity(shards);
    for (s, mut entries) in by_shard.into_iter().enumerate() {
        crate::util::sort_by(&mut entries, |a, b| a.0 < b.0);
        let mut tags: Vec<u32> = Vec::with_capacity(entries.len());
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(entries.len());
        for (tag, k) in entries {
            match (tags.last(), lists.last_mut()) {
                (Some(&t), Some(last)) if t == tag => *last = union(last, &keys[k].1),
                _ => {
                    tags.push(tag);
                    lists.push(keys[k].1.clone());
                }
            }
        }
        files.push((shard_file(s), seal(TYPE_WORDS, build, &write_shard(&tags, &lists))));
    }
    files
}

/// One shard's payload: its tags (ascending) and their lists.
pub(crate) fn write_shard(tags: &[u32], lists: &[Vec<u32>]) -> Vec<u8> {
    let mut body = Vec::new();
    let mut lens = Vec::new();
    for list in lists {
        let at = body.len();
        encode_list(list, &mut body);
        put_varint(&mut lens, (body.len() - at) as u64);
    }
    let mut payload = Vec::with_capacity(body.len() + lens.len() + tags.len() * 4 + 4);
    put_varint(&mut payload, tags.len() as u64);
    for t in tags {
        payload.extend_from_slice(&t.to_le_bytes());
    }
    payload.extend_from_slice(&lens);
    payload.extend_from_slice(&body);
    payload
}

/// A shard as read: its tags, where each list starts, the lists' bytes.
pub(crate) struct Shard {
    tags: Vec<u32>,
    /// Where each tag's list starts in `body`; one more at the end.
    offsets: Vec<usize>,
    body: Vec<u8>,
}

impl Shard {
    /// Reads a shard's payload, every list checked (docs below `n`); `None` if damaged. Counts
    /// are checked against the bytes before anything is allocated.
    pub(crate) fn read(payload: &[u8], n: usize) -> Option<Shard> {
        let mut c = Cursor::new(payload);
        let count = c.small(payload.len() / 4)?;
        let mut tags = Vec::with_capacity(count);
        for _ in 0..count {
            let t = c.u32()?;
            if tags.last().is_some_and(|l| *l >= t) {
                return None;
            }
            tags.push(t);
        }
        if c.left() < count {
            return None;
        }
        let mut offsets = Vec::with_capacity(count + 1);
        let mut end = 0usize;
        offsets.push(0);
        for _ in 0..count {
            end += c.small(payload.len())?;
            offsets.push(end);
        }
        let body = payload[c.at..].to_vec();
        if end != body.len() {
            return None;
        }
        for k in 0..count {
            decode_list(&body[offsets[k]..offsets[k + 1]], n)?;
        }
        Some(Shard { tags, offsets, body })
    }

    /// The docs of a key (sorted; empty if the shard has none).
    pub(crate) fn lookup(&self, key: u64, n: usize) -> Vec<u32> {
        match self.tags.binary_search(&tag_of(key)) {
            Ok(k) => decode_list(&self.body[self.offsets[k]..self.offsets[k + 1]], n).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }
}
