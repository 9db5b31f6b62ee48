//! The corpus's held-out rule (tests/corpus/README.md), one copy for every report that reads the
//! corpus (`corpus`, `promise`, `pages`, `robust`, `robust_html`): a page is held out when the
//! FNV-1a 32-bit hash of its path below tests/corpus (`govcn/25.html`) is divisible by 3.

use std::path::{Path, PathBuf};

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

/// Every plain-text tune page below tests/corpus (path relative to it), sorted: what the
/// metamorphic reports (`robust`, `robust_dates`, `robust_html`) change. (Not every report that
/// reads this file uses it.)
#[allow(dead_code)]
pub fn tune_pages(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else { return out };
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
        for f in files.flatten() {
            let path = f.path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let rel = format!("{}/{}", dir.file_name().to_string_lossy(), f.file_name().to_string_lossy());
            if !held_out(&rel) {
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}
