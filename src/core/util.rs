//! Collections the crate uses everywhere, written for size (see "Size rules" in the crate
//! docs): one hasher, one id map type, one sort.

/// FNV-1a, for id → index maps: std's SipHash costs several KB of wasm and buys nothing here
/// (the keys are section and paragraph ids, looked up once per figure).
#[derive(Default)]
pub struct Fnv(u64);

impl Fnv {
    /// Mixes a number in: for signatures of small records (what a block of the article is drawn
    /// with), so that the crate has one hash function.
    pub fn mix(&mut self, v: u32) {
        std::hash::Hasher::write(self, &v.to_le_bytes());
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Id → index. One map type for the whole crate keeps the wasm small.
pub type IdMap = std::collections::HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>;

/// Stable merge sort by `less`, O(n log n): a long reply sorts thousands of figures by value.
/// Hand-written because each of core's sort instantiations costs kilobytes of wasm; the merging
/// is not generic, so it is compiled once.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| less(&v[a], &v[b]));
    // Place item order[i] at i by following each cycle of the permutation once.
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let k = order[i];
            if k == start {
                break;
            }
            v.swap(i, k);
            i = k;
        }
    }
}

/// The positions 0..n in stable sorted order, by a bottom-up merge sort.
fn sorted_positions(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut next = order.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut a, mut b) = (start, mid);
            for slot in &mut next[start..end] {
                // The right run goes first only when strictly less: equal items keep their order.
                if b < end && (a >= mid || less(order[b], order[a])) {
                    *slot = order[b];
                    b += 1;
                } else {
                    *slot = order[a];
                    a += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut next);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_is_stable_and_sorts() {
        // A deterministic scramble of (key, original position) pairs, many equal keys.
        let mut seed = 12345u32;
        for n in [0usize, 1, 2, 3, 7, 64, 1000] {
            let mut v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 17, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0); // std's sort is stable
            sort_by(&mut v, |a, b| a.0 < b.0);
            assert_eq!(v, want, "n = {n}");
        }
    }
}
