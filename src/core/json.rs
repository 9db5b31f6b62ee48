//! JSON of the contract's shape, written by hand: the browser turns it into objects with one
//! `JSON.parse`, far faster than building each object across the wasm boundary, and without
//! serde_json's or core's float formatting in the wasm (see "Size rules" in the crate docs).
use crate::model::{Figure, Paragraph, Reply, Section};
use crate::util::push_uint;

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
            let d = decimals as usize;
            if d == 0 {
                push_uint(out, m as u64);
            } else {
                // At least one digit before the point: 0.05 is 5 padded to "005".
                let mut padded = String::new();
                push_uint(&mut padded, m as u64);
                while padded.len() < d + 1 {
                    padded.insert(0, '0');
                }
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
    push_uint(out, a.round() as u64);
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
    string(out, f.amount.kind.as_str());
    key(out, "value", false);
    number(out, f.amount.value);
    key(out, "high", false);
    match f.amount.high {
        Some(h) => number(out, h),
        None => out.push_str("null"),
    }
    key(out, "date", false);
    opt_string(out, &f.date);
    key(out, "unit", false);
    opt_string(out, &f.amount.unit);
    key(out, "qualifier", false);
    match f.amount.qualifier {
        Some(q) => string(out, q.as_str()),
        None => out.push_str("null"),
    }
    key(out, "section", false);
    string(out, &f.section);
    key(out, "paragraph", false);
    string(out, &f.paragraph);
    key(out, "start", false);
    push_uint(out, u64::from(f.start));
    key(out, "end", false);
    push_uint(out, u64::from(f.end));
    key(out, "context", false);
    string(out, &f.context);
    // Issue 22: a promise or a result, its deadline, what it measures (null when none).
    key(out, "stance", false);
    match f.stance {
        Some(s) => string(out, s.as_str()),
        None => out.push_str("null"),
    }
    key(out, "by", false);
    opt_string(out, &f.by);
    key(out, "indicator", false);
    opt_string(out, &f.indicator);
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
    key(&mut out, "publishedDate", false);
    opt_string(&mut out, &r.published_date);
    key(&mut out, "source", false);
    opt_string(&mut out, &r.source);
    key(&mut out, "documentNumber", false);
    opt_string(&mut out, &r.document_number);
    key(&mut out, "signed", false);
    opt_string(&mut out, &r.signed);
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
