//! The corpus's held-out rule (tests/corpus/README.md), one copy for every report that reads the
//! corpus (`corpus`, `promise`, `pages`, `robust`, `robust_html`): a page is held out when the
//! FNV-1a 32-bit hash of its path below tests/corpus (`govcn/25.html`) is divisible by 3.

/// FNV-1a, 32 bits.
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Whether the page at `rel` (its path below tests/corpus) is held out.
pub fn held_out(rel: &str) -> bool {
    fnv1a32(rel.as_bytes()).is_multiple_of(3)
}
