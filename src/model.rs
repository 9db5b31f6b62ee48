//! The structured reply of `DESIGN.md`: the JSON contract shared by `parseReply`, `bundledReply`
//! and the command line. Field names are the contract; extend, never rename.

use serde::{Deserialize, Serialize};

/// One parsed reply (答复).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub title: String,
    /// Publication date and time as written on the page (`2023-08-22 19:35`), if any.
    pub published: Option<String>,
    /// The publishing office (来源, falling back to 发布单位), if any.
    pub source: Option<String>,
    pub sections: Vec<Section>,
    /// Paragraphs after the last section: 下一步…, thanks, 特此答复.
    pub closing: Vec<Paragraph>,
    pub figures: Vec<Figure>,
    /// Extension: every metadata line of the page header, as written (发布时间…, 索引号…, 文号).
    #[serde(default)]
    pub meta: Vec<String>,
    /// Extension: the salutation line (`张三代表:`), if any.
    #[serde(default)]
    pub salutation: Option<Paragraph>,
    /// Extension: body paragraphs before the first heading (提案收悉，现答复如下).
    #[serde(default)]
    pub preamble: Vec<Paragraph>,
    /// Extension: the signature block at the end: issuing office, date line, contact lines.
    #[serde(default)]
    pub signature: Vec<Paragraph>,
}

/// A heading (一、 / (一) / 1. / (1)) with its paragraphs and subsections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    /// The number as written, without the trailing 、/. delimiter: `一`, `(一)`, `（二）`, `1`.
    pub number: String,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub children: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Money,
    Percent,
    Count,
    Multiple,
    Year,
    Date,
}

impl FigureKind {
    pub const ALL: [FigureKind; 6] = [
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::Count,
        FigureKind::Multiple,
        FigureKind::Year,
        FigureKind::Date,
    ];

    /// The contract's name (`money`, `percent` …).
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Count => "count",
            FigureKind::Multiple => "multiple",
            FigureKind::Year => "year",
            FigureKind::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<FigureKind> {
        FigureKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The reader-facing group label of the figure panel. Years and dates share 时间.
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Money => "金额",
            FigureKind::Percent => "比例",
            FigureKind::Count => "数量",
            FigureKind::Multiple => "倍数",
            FigureKind::Year | FigureKind::Date => "时间",
        }
    }

    pub fn is_time(self) -> bool {
        matches!(self, FigureKind::Year | FigureKind::Date)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 近, 将近, 接近
    Nearly,
    /// 余, 多, 超过, 超, 以上, 突破, 逾
    Over,
    /// 不少于, 不低于, 至少
    AtLeast,
    /// 约, 大约, 左右
    About,
    /// 不足, 不到, 低于, 少于
    Under,
    /// 以来
    Since,
    /// 底, 末
    End,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::Under => "under",
            Qualifier::Since => "since",
            Qualifier::End => "end",
        }
    }
}

/// One quantitative figure of the reply, linked to the paragraph it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    /// The exact source substring, qualifier included (`300余项`, `近4倍`).
    pub text: String,
    pub kind: FigureKind,
    /// Normalised: money in 元, percent in points, years and dates as the year; a range's lower bound.
    pub value: f64,
    /// Upper bound of a range (6%-10%, 8至10家), else null.
    pub high: Option<f64>,
    /// For kind date: `2023-04`, `2023-Q1`, `2025-03-12`.
    pub date: Option<String>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Id of the innermost section holding the paragraph (`preamble` / `closing` outside sections).
    pub section: String,
    pub paragraph: String,
    /// Offsets in chars (Unicode scalar values) of the paragraph text.
    pub start: u32,
    pub end: u32,
    /// The clause the figure stands in.
    pub context: String,
}

impl Reply {
    /// Every section, depth first in reading order, with its depth (1 = top level).
    pub fn walk_sections(&self) -> Vec<(usize, &Section)> {
        fn go<'a>(out: &mut Vec<(usize, &'a Section)>, list: &'a [Section], depth: usize) {
            for s in list {
                out.push((depth, s));
                go(out, &s.children, depth + 1);
            }
        }
        let mut out = Vec::new();
        go(&mut out, &self.sections, 1);
        out
    }

    /// Every paragraph in reading order with the id of the section (or block) it belongs to.
    pub fn paragraphs(&self) -> Vec<(&str, &Paragraph)> {
        let mut out: Vec<(&str, &Paragraph)> = Vec::new();
        if let Some(s) = &self.salutation {
            out.push(("salutation", s));
        }
        out.extend(self.preamble.iter().map(|p| ("preamble", p)));
        for (_, s) in self.walk_sections() {
            out.extend(s.paragraphs.iter().map(|p| (s.id.as_str(), p)));
        }
        out.extend(self.closing.iter().map(|p| ("closing", p)));
        out.extend(self.signature.iter().map(|p| ("signature", p)));
        out
    }
}

/// Checks what the widget relies on in a reply that came from outside (`mount({ reply })`):
/// unique ids, and every figure pointing inside an existing paragraph. The error names the path
/// of the bad field (`figures[3].end`).
pub fn validate(reply: &Reply) -> Result<(), String> {
    let mut ids = IdMap::default();
    for (_, s) in reply.walk_sections() {
        if s.id.is_empty() || ids.insert(s.id.clone(), 0).is_some() {
            return Err(format!("sections: section id \"{}\" is empty or not unique", s.id));
        }
    }
    let paragraphs = reply.paragraphs();
    let mut paragraph_at = IdMap::default();
    for (k, (_, p)) in paragraphs.iter().enumerate() {
        if p.id.is_empty() || ids.insert(p.id.clone(), 0).is_some() {
            return Err(format!("paragraph id \"{}\" is empty or not unique", p.id));
        }
        paragraph_at.insert(p.id.clone(), k);
    }
    let mut figure_ids = IdMap::default();
    for (k, f) in reply.figures.iter().enumerate() {
        if f.id.is_empty() || ids.contains_key(&f.id) || figure_ids.insert(f.id.clone(), k).is_some() {
            return Err(format!("figures[{k}].id: \"{}\" is empty or not unique", f.id));
        }
        let Some(&at) = paragraph_at.get(&f.paragraph) else {
            return Err(format!("figures[{k}].paragraph: no paragraph \"{}\"", f.paragraph));
        };
        let p = paragraphs[at].1;
        let len = p.text.chars().count() as u32;
        if f.start > f.end || f.end > len {
            return Err(format!(
                "figures[{k}].end: {}..{} is outside paragraph \"{}\" ({len} chars)",
                f.start, f.end, p.id
            ));
        }
        if !f.value.is_finite() {
            return Err(format!("figures[{k}].value: not a finite number"));
        }
    }
    Ok(())
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
    fn validate_names_the_bad_field() {
        let mut r = crate::bundled_reply();
        assert_eq!(validate(&r), Ok(()));
        r.figures[3].end = 10_000;
        assert!(validate(&r).is_err_and(|e| e.starts_with("figures[3].end")));
        let mut r = crate::bundled_reply();
        r.figures[0].paragraph = "nope".into();
        assert!(validate(&r).is_err_and(|e| e.starts_with("figures[0].paragraph")));
        let mut r = crate::bundled_reply();
        r.sections[1].id = "s1".into();
        assert!(validate(&r).is_err_and(|e| e.contains("not unique")));
    }

    #[test]
    fn json_round_trip_uses_contract_names() {
        let r = crate::bundled_reply();
        let f = &r.figures[0];
        assert_eq!(f.kind.as_str(), "year");
        assert_eq!(Qualifier::AtLeast.as_str(), "at_least");
    }
}

/// JSON of the contract's shape, written by hand: the browser turns it into objects with one
/// `JSON.parse`, far faster than building each object across the wasm boundary, and without
/// serde_json's or core's float formatting in the wasm.
pub mod json {
    use super::{Figure, Paragraph, Reply, Section};

    pub fn string(out: &mut String, s: &str) {
        // A byte scan that copies unescaped runs whole: most text is Chinese and needs nothing.
        // Everything escaped is ASCII except U+2028/U+2029 (E2 80 A8/A9), which some JSON
        // consumers treat as line ends.
        out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let width = match b {
                b'"' | b'\\' => 1,
                0..0x20 => 1,
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&s[start..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => {
                    let n = if width == 3 { 0x2028 + u32::from(bytes[i + 2] - 0xA8) } else { u32::from(b) };
                    out.push_str("\\u");
                    let hex = b"0123456789abcdef";
                    for shift in [12, 8, 4, 0] {
                        out.push(hex[((n >> shift) & 0xf) as usize] as char);
                    }
                }
            }
            i += width;
            start = i;
        }
        out.push_str(&s[start..]);
        out.push('"');
    }

    /// The shortest decimal that reads back as exactly `v` (values here have few decimals).
    pub fn number(out: &mut String, v: f64) {
        if !v.is_finite() {
            out.push_str("null");
            return;
        }
        let neg = v < 0.0;
        let a = v.abs();
        let mut scale = 1.0f64;
        for decimals in 0..=15u32 {
            let m = (a * scale).round();
            if m < 9.0e15 && m / scale == a {
                if neg {
                    out.push('-');
                }
                let digits = (m as u64).to_string();
                let d = decimals as usize;
                if d == 0 {
                    out.push_str(&digits);
                } else {
                    let padded = format!("{digits:0>width$}", width = d + 1);
                    let (int, frac) = padded.split_at(padded.len() - d);
                    out.push_str(int);
                    out.push('.');
                    out.push_str(frac);
                }
                return;
            }
            scale *= 10.0;
        }
        // Beyond 15 decimals or 2^53: integers as such, the rest rounded to 15 places.
        if neg {
            out.push('-');
        }
        out.push_str(&(a.round() as u64).to_string());
    }

    fn opt_string(out: &mut String, v: &Option<String>) {
        match v {
            Some(s) => string(out, s),
            None => out.push_str("null"),
        }
    }

    fn key(out: &mut String, k: &str, first: bool) {
        if !first {
            out.push(',');
        }
        string(out, k);
        out.push(':');
    }

    fn list<T>(out: &mut String, items: &[T], f: impl Fn(&mut String, &T)) {
        out.push('[');
        for (k, item) in items.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            f(out, item);
        }
        out.push(']');
    }

    fn paragraph(out: &mut String, p: &Paragraph) {
        out.push('{');
        key(out, "id", true);
        string(out, &p.id);
        key(out, "text", false);
        string(out, &p.text);
        out.push('}');
    }

    fn section(out: &mut String, s: &Section) {
        out.push('{');
        key(out, "id", true);
        string(out, &s.id);
        key(out, "number", false);
        string(out, &s.number);
        key(out, "title", false);
        string(out, &s.title);
        key(out, "paragraphs", false);
        list(out, &s.paragraphs, paragraph);
        key(out, "children", false);
        list(out, &s.children, section);
        out.push('}');
    }

    fn write_figure(out: &mut String, f: &Figure) {
        out.push('{');
        key(out, "id", true);
        string(out, &f.id);
        key(out, "text", false);
        string(out, &f.text);
        key(out, "kind", false);
        string(out, f.kind.as_str());
        key(out, "value", false);
        number(out, f.value);
        key(out, "high", false);
        match f.high {
            Some(h) => number(out, h),
            None => out.push_str("null"),
        }
        key(out, "date", false);
        opt_string(out, &f.date);
        key(out, "unit", false);
        opt_string(out, &f.unit);
        key(out, "qualifier", false);
        match f.qualifier {
            Some(q) => string(out, q.as_str()),
            None => out.push_str("null"),
        }
        key(out, "section", false);
        string(out, &f.section);
        key(out, "paragraph", false);
        string(out, &f.paragraph);
        key(out, "start", false);
        out.push_str(&f.start.to_string());
        key(out, "end", false);
        out.push_str(&f.end.to_string());
        key(out, "context", false);
        string(out, &f.context);
        out.push('}');
    }

    /// One figure as compact JSON.
    pub fn figure(f: &Figure) -> String {
        let mut out = String::with_capacity(256);
        write_figure(&mut out, f);
        out
    }

    /// The reply as compact JSON.
    pub fn reply(r: &Reply) -> String {
        let mut out = String::with_capacity(r.figures.len() * 256 + 4096);
        out.push('{');
        key(&mut out, "title", true);
        string(&mut out, &r.title);
        key(&mut out, "published", false);
        opt_string(&mut out, &r.published);
        key(&mut out, "source", false);
        opt_string(&mut out, &r.source);
        key(&mut out, "sections", false);
        list(&mut out, &r.sections, section);
        key(&mut out, "closing", false);
        list(&mut out, &r.closing, paragraph);
        key(&mut out, "figures", false);
        list(&mut out, &r.figures, write_figure);
        key(&mut out, "meta", false);
        list(&mut out, &r.meta, |o, m| string(o, m));
        key(&mut out, "salutation", false);
        match &r.salutation {
            Some(p) => paragraph(&mut out, p),
            None => out.push_str("null"),
        }
        key(&mut out, "preamble", false);
        list(&mut out, &r.preamble, paragraph);
        key(&mut out, "signature", false);
        list(&mut out, &r.signature, paragraph);
        out.push('}');
        out
    }
}

/// FNV-1a, for id → index maps: std's SipHash costs several KB of wasm and buys nothing here
/// (the keys are section and paragraph ids, looked up once per figure).
#[derive(Default)]
pub struct Fnv(u64);

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
