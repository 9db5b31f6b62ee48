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

/// Id → index, for the ids of one reply (its sections, paragraphs and figures: hundreds, a few
/// thousand on the longest pages): a vector kept sorted by id, looked up by binary search.
/// Smaller in the wasm than a hash map (hashbrown's table and its growth: about 1.5 KB gzip, see
/// README, "Size"); the command line's archive index, which maps many thousands of keys, keeps a
/// hash map of its own ([`crate::library`]).
#[derive(Default, Debug, Clone)]
pub struct IdMap(Vec<(String, usize)>);

impl IdMap {
    /// Where `id` is, or where it would go.
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// Sets `id`'s index; gives back the one it had.
    pub fn insert(&mut self, id: String, value: usize) -> Option<usize> {
        match self.find(&id) {
            Ok(k) => Some(std::mem::replace(&mut self.0[k].1, value)),
            Err(k) => {
                self.0.insert(k, (id, value));
                None
            }
        }
    }

    /// `id`'s index, if it has one.
    pub fn get(&self, id: &str) -> Option<&usize> {
        self.find(id).ok().map(|k| &self.0[k].1)
    }

    /// Whether `id` has an index.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// `id`'s index, given it first by `make` if it has none.
    pub fn get_or_insert_with(&mut self, id: &str, make: impl FnOnce() -> usize) -> usize {
        match self.find(id) {
            Ok(k) => self.0[k].1,
            Err(k) => {
                let value = make();
                self.0.insert(k, (id.to_string(), value));
                value
            }
        }
    }
}

/// `n` in decimal, appended to `out`: the wasm's writer of whole numbers, in place of
/// `to_string` and `format!`, which pull `core::fmt` (about 1.2 KB gzip) into the page module.
pub fn push_uint(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// `n` in decimal (see [`push_uint`]).
pub fn uint(n: usize) -> String {
    let mut out = String::new();
    push_uint(&mut out, n as u64);
    out
}

/// `n` in decimal, with its sign (see [`push_uint`]).
pub fn int(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_uint(&mut out, n.unsigned_abs());
    out
}

/// The pieces one after another: `cat(&["s", &uint(k)])` for `format!("s{k}")` without
/// `core::fmt` (see [`push_uint`]).
pub fn cat(pieces: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces {
        out.push_str(p);
    }
    out
}

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

    #[test]
    fn whole_numbers_are_written_in_decimal() {
        for n in [0u64, 7, 10, 99, 100, 2023, 4_294_967_296, u64::MAX] {
            let mut out = String::from("x");
            push_uint(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
        assert_eq!(uint(120), "120");
        assert_eq!((int(2023), int(-45), int(0)), ("2023".to_string(), "-45".to_string(), "0".to_string()));
        assert_eq!(cat(&["s", &uint(3), "-p", &uint(12)]), "s3-p12");
        assert_eq!(cat(&[]), "");
    }

    #[test]
    fn id_map_finds_what_was_put_whatever_the_order() {
        let mut m = IdMap::default();
        let ids = ["p10", "p2", "s1", "p1", "fig-3", "p100", "一"];
        for (k, id) in ids.iter().enumerate() {
            assert_eq!(m.insert(id.to_string(), k), None, "{id}");
        }
        for (k, id) in ids.iter().enumerate() {
            assert_eq!(m.get(id), Some(&k), "{id}");
            assert!(m.contains_key(id));
        }
        assert_eq!(m.get("p3"), None);
        assert!(!m.contains_key(""));
        // A second insert replaces and tells the old index (how validation finds duplicates).
        assert_eq!(m.insert("p2".to_string(), 9), Some(1));
        assert_eq!(m.get("p2"), Some(&9));
        assert_eq!(m.get_or_insert_with("p2", || 0), 9);
        assert_eq!(m.get_or_insert_with("p4", || 7), 7);
        assert_eq!(m.get("p4"), Some(&7));
    }
}
