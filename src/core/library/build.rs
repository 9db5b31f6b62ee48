//! The index writer: many `(file name, Reply)` → the index's files as `(name, bytes)`, the
//! manifest last. Pure and deterministic: the same replies give the same bytes, whatever order
//! they were added in (doc order is newest first, then by URL).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::format::{put_varint, seal, DOCS, FIGURES, WORDS};
use super::meta::{fingerprint, is_reply, meta, DocKind, Meta};
use super::{index_keys_of, FORMAT, MANIFEST, VERSION};
use crate::filter::interval;
use crate::json::{number, string};
use crate::model::{FigureKind, Qualifier, Reply};
use crate::outline::Outline;
use crate::util::{sort_by, Fnv, IdMap};

/// Keys here are already hashes (well mixed): the map uses them as they are.
#[derive(Default)]
struct Pass(u64);

impl Hasher for Pass {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type U64Map<V> = HashMap<u64, V, BuildHasherDefault<Pass>>;

/// About how many bytes a word shard holds: a word query fetches one shard per key.
pub(crate) const SHARD_BYTES: usize = 16 * 1024;
/// Figures per chunk of a figure group (the manifest writes a chunk's count only when it has
/// fewer).
pub(crate) const CHUNK: usize = 1024;

/// Why a reply was not indexed.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    /// Not a reply to a proposal or a suggestion: why (see [`is_reply`]).
    NotAReply(String),
    /// The same reply text as the file named.
    Duplicate(String),
    /// The same file name (hence the same URL) as a file already added.
    SameName(String),
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::NotAReply(why) => write!(f, "not a reply: {why}"),
            Skip::Duplicate(other) => write!(f, "duplicate of {other} (the same reply text), not indexed again"),
            Skip::SameName(other) => write!(f, "same file name as {other}, so the same URL: not indexed"),
        }
    }
}

/// A figure as the figure index keeps it.
struct FigRec {
    index: u32,
    kind: FigureKind,
    unit: Option<String>,
    value: f64,
    high: Option<f64>,
    qualifier: Option<Qualifier>,
}

/// A reply waiting for its doc id.
struct Pending {
    name: String,
    url: String,
    meta: Meta,
    /// The card's JSON after `"doc":D` (starts with `,"url":`).
    card: String,
    /// The texts indexed for words.
    texts: Vec<String>,
    figures: Vec<FigRec>,
}

/// Collects replies, then writes the index.
pub struct Builder {
    prefix: String,
    docs: Vec<Pending>,
    prints: U64Map<usize>,
    names: IdMap,
}

fn opt(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

fn card_body(url: &str, m: &Meta, reply: &Reply) -> String {
    let mut out = String::with_capacity(reply.figures.len() * 120 + 1024);
    out.push_str(",\"url\":");
    string(&mut out, url);
    out.push_str(",\"title\":");
    string(&mut out, &m.title);
    out.push_str(",\"kind\":");
    string(&mut out, m.kind.as_str());
    for (key, v) in [
        ("session", m.session.as_deref()),
        ("body", m.body),
        ("number", m.number.as_deref()),
        ("proposer", m.proposer.as_deref()),
        ("role", m.role),
        ("date", m.date.as_deref()),
        ("source", m.source.as_deref()),
    ] {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        opt(&mut out, v);
    }
    let outline = Outline::new(reply);
    out.push_str(",\"outline\":[");
    for (k, (_, s)) in reply.walk_sections().into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        string(&mut out, &s.id);
        out.push(',');
        string(&mut out, &outline.label_of(&s.id));
        out.push(',');
        string(&mut out, &s.title);
        out.push(']');
    }
    out.push_str("],\"figures\":[");
    for (k, f) in reply.figures.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        string(&mut out, &f.id);
        out.push(',');
        string(&mut out, &f.text);
        out.push(',');
        string(&mut out, f.kind.as_str());
        out.push(',');
        number(&mut out, f.value);
        out.push(',');
        match f.high {
            Some(h) => number(&mut out, h),
            None => out.push_str("null"),
        }
        out.push(',');
        opt(&mut out, f.unit.as_deref());
        out.push(',');
        opt(&mut out, f.qualifier.map(Qualifier::as_str));
        out.push(',');
        string(&mut out, &f.section);
        out.push(',');
        string(&mut out, &f.context);
        out.push(']');
    }
    out.push_str("]}");
    out
}

/// A facet's values: label → index, with counts, in the order the manifest lists them.
struct FacetValues {
    labels: Vec<String>,
    counts: Vec<usize>,
    of_doc: Vec<u32>,
}

/// Orders the distinct labels of a facet (`key(doc)`; empty = unknown, always last) by `less`
/// and gives every doc its value's index.
fn facet(
    docs: &[Pending],
    key: impl Fn(&Pending) -> String,
    less: impl Fn(&(String, usize, usize), &(String, usize, usize)) -> bool,
) -> FacetValues {
    // (label, count, first doc)
    let mut values: Vec<(String, usize, usize)> = Vec::new();
    let mut at = IdMap::default();
    let mut raw = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let label = key(doc);
        let k = *at.entry(label.clone()).or_insert_with(|| {
            values.push((label, 0, d));
            values.len() - 1
        });
        values[k].1 += 1;
        raw.push(k);
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    sort_by(&mut order, |a, b| {
        let (x, y) = (&values[*a], &values[*b]);
        match (x.0.is_empty(), y.0.is_empty()) {
            (false, true) => true,
            (true, false) => false,
            _ => less(x, y),
        }
    });
    let mut rank = vec![0u32; values.len()];
    for (r, &k) in order.iter().enumerate() {
        rank[k] = r as u32;
    }
    FacetValues {
        labels: order.iter().map(|&k| values[k].0.clone()).collect(),
        counts: order.iter().map(|&k| values[k].1).collect(),
        of_doc: raw.iter().map(|&k| rank[k]).collect(),
    }
}

fn bits_for(values: usize) -> u32 {
    let mut bits = 0;
    while (1usize << bits) < values {
        bits += 1;
    }
    bits
}

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
        put_varint(out, (u64::from(first) << 1) | 1);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        for &d in docs {
            out[start + (d / 8 - first) as usize] |= 1 << (d % 8);
        }
    } else {
        out.extend_from_slice(&sparse);
    }
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

fn qualifier_code(q: Option<Qualifier>) -> u8 {
    match q {
        None => 0,
        Some(q) => super::card::qualifier_code(q),
    }
}

/// A value as the chunks store it: a varint when it is a whole number, else its 8 bytes.
fn is_whole(v: f64) -> bool {
    v >= 0.0 && v.fract() == 0.0 && v < 9.0e15
}

fn put_value(out: &mut Vec<u8>, v: f64) {
    if is_whole(v) {
        put_varint(out, v as u64);
    } else {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

impl Builder {
    /// A builder whose cards link to `url_prefix` + the file's name.
    pub fn new(url_prefix: &str) -> Builder {
        Builder { prefix: url_prefix.to_string(), docs: Vec::new(), prints: U64Map::default(), names: IdMap::default() }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds a reply read from the file `name` (its URL is the prefix + `name`). Refused: a text
    /// that is not a reply, the same reply text as a file already added, the same name.
    pub fn add(&mut self, name: &str, reply: &Reply) -> Result<(), Skip> {
        let m = meta(reply);
        is_reply(reply, &m).map_err(Skip::NotAReply)?;
        if let Some(&k) = self.names.get(name) {
            return Err(Skip::SameName(self.docs[k].name.clone()));
        }
        let print = fingerprint(reply);
        if let Some(&k) = self.prints.get(&print) {
            return Err(Skip::Duplicate(self.docs[k].name.clone()));
        }
        self.prints.insert(print, self.docs.len());
        self.names.insert(name.to_string(), self.docs.len());
        let url = format!("{}{}", self.prefix, name);
        let mut texts = vec![reply.title.clone()];
        if m.title != reply.title {
            texts.push(m.title.clone());
        }
        for (_, s) in reply.walk_sections() {
            texts.push(s.title.clone());
        }
        for (_, p) in reply.paragraphs() {
            texts.push(p.text.clone());
        }
        let figures = reply
            .figures
            .iter()
            .enumerate()
            .map(|(k, f)| FigRec {
                index: k as u32,
                kind: f.kind,
                unit: f.unit.clone(),
                value: f.value,
                high: f.high,
                qualifier: f.qualifier,
            })
            .collect();
        let card = card_body(&url, &m, reply);
        self.docs.push(Pending { name: name.to_string(), url, meta: m, card, texts, figures });
        Ok(())
    }

    /// The index's files, the manifest last.
    pub fn build(self) -> Vec<(String, Vec<u8>)> {
        let mut docs = self.docs;
        // Newest first; undated last; then by URL.
        sort_by(&mut docs, |a, b| a.meta.date > b.meta.date || (a.meta.date == b.meta.date && a.url < b.url));
        let n = docs.len();

        // The build id: everything that goes into the files.
        let mut h = Fnv::default();
        h.write(&VERSION.to_le_bytes());
        for d in &docs {
            h.write(d.card.as_bytes());
            for t in &d.texts {
                h.write(t.as_bytes());
                h.write(b"\x01");
            }
        }
        let build = h.finish();
        let build_hex = format!("{build:016x}");
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();

        // Facets and the doc table.
        let by_label = |x: &(String, usize, usize), y: &(String, usize, usize)| x.0 > y.0;
        let first_seen = |x: &(String, usize, usize), y: &(String, usize, usize)| x.2 < y.2;
        let by_count = |x: &(String, usize, usize), y: &(String, usize, usize)| x.1 > y.1 || (x.1 == y.1 && x.0 < y.0);
        let kind_order = |x: &(String, usize, usize), y: &(String, usize, usize)| {
            let rank = |s: &str| DocKind::ALL.iter().position(|k| k.as_str() == s).unwrap_or(3);
            rank(&x.0) < rank(&y.0)
        };
        let facets = [
            facet(&docs, |d| d.meta.year().map_or_else(String::new, |y| y.to_string()), by_label),
            facet(&docs, |d| d.meta.kind.as_str().to_string(), kind_order),
            facet(&docs, |d| d.meta.session_label().unwrap_or_default(), first_seen),
            facet(&docs, |d| d.meta.source.clone().unwrap_or_default(), by_count),
        ];
        let mut table = Vec::new();
        put_varint(&mut table, n as u64);
        let widths: Vec<u32> = facets.iter().map(|f| bits_for(f.labels.len())).collect();
        for w in &widths {
            put_varint(&mut table, u64::from(*w));
        }
        let mut acc = 0u64;
        let mut filled = 0;
        for d in 0..n {
            for (f, w) in facets.iter().zip(&widths) {
                acc |= u64::from(f.of_doc[d]) << filled;
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
        files.push((super::DOCS.to_string(), seal(DOCS, build, &table)));

        // Words: key → the docs whose text has it.
        // Each entry keeps the last doc it has next to the list, so that a key repeated in a
        // doc does not touch the list (a cache miss per key was most of the build's time).
        // A doc's keys are gathered without repeats in a small set first (it stays in cache).
        let mut postings: U64Map<Vec<u32>> = U64Map::default();
        let mut seen: U64Map<()> = U64Map::default();
        let mut unique: Vec<u64> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            seen.clear();
            unique.clear();
            for t in &doc.texts {
                index_keys_of(t, &mut |key| {
                    if seen.insert(key, ()).is_none() {
                        unique.push(key);
                    }
                });
            }
            for key in &unique {
                postings.entry(*key).or_default().push(d as u32);
            }
        }
        let mut keys: Vec<(u64, Vec<u32>)> = postings.into_iter().collect();
        sort_by(&mut keys, |a, b| a.0 < b.0);
        let mut scratch = Vec::new();
        let mut total = 0;
        for (_, list) in &keys {
            scratch.clear();
            encode_list(list, &mut scratch);
            total += scratch.len() + 6;
        }
        let shards = total.div_ceil(SHARD_BYTES).max(1);
        let mut by_shard: Vec<Vec<(u32, usize)>> = vec![Vec::new(); shards];
        for (k, (key, _)) in keys.iter().enumerate() {
            by_shard[(key % shards as u64) as usize].push(((key >> 32) as u32, k));
        }
        for (s, mut entries) in by_shard.into_iter().enumerate() {
            sort_by(&mut entries, |a, b| a.0 < b.0);
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
            let mut body = Vec::new();
            let mut lens = Vec::new();
            for list in &lists {
                let at = body.len();
                encode_list(list, &mut body);
                put_varint(&mut lens, (body.len() - at) as u64);
            }
            let mut payload = Vec::with_capacity(body.len() + lens.len() + tags.len() * 4 + 4);
            put_varint(&mut payload, tags.len() as u64);
            for t in &tags {
                payload.extend_from_slice(&t.to_le_bytes());
            }
            payload.extend_from_slice(&lens);
            payload.extend_from_slice(&body);
            files.push((format!("words/{s}.bin"), seal(WORDS, build, &payload)));
        }
        drop(keys);

        // Figures: grouped by kind and unit, sorted by value, in chunks.
        struct Entry {
            doc: u32,
            index: u32,
            value: f64,
            high: Option<f64>,
            qualifier: Option<Qualifier>,
            low: f64,
            top: f64,
        }
        let mut groups: Vec<((usize, String, bool), Vec<Entry>)> = Vec::new();
        let mut group_at = IdMap::default();
        for (d, doc) in docs.iter().enumerate() {
            for f in &doc.figures {
                let kind = FigureKind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0);
                let unit = f.unit.clone().unwrap_or_default();
                let key = format!("{kind}\u{1}{unit}\u{1}{}", f.unit.is_some());
                let g = *group_at.entry(key).or_insert_with(|| {
                    groups.push(((kind, unit, f.unit.is_some()), Vec::new()));
                    groups.len() - 1
                });
                let figure = crate::model::Figure::bare(f.kind, f.value, f.high, None, f.qualifier);
                let (low, _, top, _) = interval(&figure);
                groups[g].1.push(Entry {
                    doc: d as u32,
                    index: f.index,
                    value: f.value,
                    high: f.high,
                    qualifier: f.qualifier,
                    low,
                    top,
                });
            }
        }
        sort_by(&mut groups, |a, b| a.0 .0 < b.0 .0 || (a.0 .0 == b.0 .0 && a.0 .1 < b.0 .1));
        let mut directory = String::new();
        for (g, ((kind, unit, has_unit), mut entries)) in groups.into_iter().enumerate() {
            // By value; figures whose interval spans more than a factor of two (不足10%: 0 to 10)
            // go after the others, by upper bound, so that they widen the value range of as few
            // chunks as possible. Entries were pushed in doc order: the stable sort keeps ties so.
            let wide = |e: &Entry| e.low < e.top / 2.0;
            sort_by(&mut entries, |a, b| match (wide(a), wide(b)) {
                (false, true) => true,
                (true, false) => false,
                (false, false) => a.low < b.low || (a.low == b.low && a.top < b.top),
                (true, true) => a.top < b.top,
            });
            let narrow = entries.iter().filter(|e| !wide(e)).count();
            let mut cuts = Vec::new();
            for (from, to) in [(0, narrow), (narrow, entries.len())] {
                let mut at = from;
                while at < to {
                    cuts.push((at, (at + CHUNK).min(to)));
                    at += CHUNK;
                }
            }
            if g > 0 {
                directory.push(',');
            }
            directory.push_str("{\"kind\":");
            string(&mut directory, FigureKind::ALL[kind].as_str());
            directory.push_str(",\"unit\":");
            opt(&mut directory, has_unit.then_some(unit.as_str()));
            directory.push_str(",\"chunks\":[");
            for (c, &(from, to)) in cuts.iter().enumerate() {
                let chunk = &entries[from..to];
                let mut payload = Vec::new();
                put_varint(&mut payload, chunk.len() as u64);
                let (mut low, mut top) = (f64::INFINITY, f64::NEG_INFINITY);
                for e in chunk {
                    low = low.min(e.low);
                    top = top.max(e.top);
                    let mut flags = qualifier_code(e.qualifier);
                    if e.high.is_some() {
                        flags |= 8;
                    }
                    if is_whole(e.value) {
                        flags |= 16;
                    }
                    if e.high.is_some_and(is_whole) {
                        flags |= 32;
                    }
                    payload.push(flags);
                    put_varint(&mut payload, u64::from(e.doc));
                    put_varint(&mut payload, u64::from(e.index));
                    put_value(&mut payload, e.value);
                    if let Some(h) = e.high {
                        put_value(&mut payload, h);
                    }
                }
                if c > 0 {
                    directory.push(',');
                }
                directory.push('[');
                number(&mut directory, low);
                directory.push(',');
                number(&mut directory, top);
                if chunk.len() != CHUNK {
                    directory.push(',');
                    directory.push_str(&chunk.len().to_string());
                }
                directory.push(']');
                files.push((format!("figures/{g}-{c}.bin"), seal(FIGURES, build, &payload)));
            }
            directory.push_str("]}");
        }

        // Cards.
        for (d, doc) in docs.iter().enumerate() {
            let mut card = String::with_capacity(doc.card.len() + 40);
            card.push_str("{\"build\":\"");
            card.push_str(&build_hex);
            card.push_str("\",\"doc\":");
            card.push_str(&d.to_string());
            card.push_str(&doc.card);
            files.push((format!("replies/{d}.json"), card.into_bytes()));
        }

        // The manifest, last.
        let mut m = String::new();
        m.push_str("{\"format\":");
        string(&mut m, FORMAT);
        m.push_str(&format!(",\"version\":{VERSION},\"build\":\"{build_hex}\",\"replies\":{n},\"shards\":{shards}"));
        m.push_str(",\"facets\":{");
        for (k, f) in facets.iter().enumerate() {
            if k > 0 {
                m.push(',');
            }
            string(&mut m, super::FACETS[k]);
            m.push_str(":[");
            for (v, (label, count)) in f.labels.iter().zip(&f.counts).enumerate() {
                if v > 0 {
                    m.push(',');
                }
                m.push('[');
                string(&mut m, label);
                m.push(',');
                m.push_str(&count.to_string());
                m.push(']');
            }
            m.push(']');
        }
        m.push_str("},\"figures\":[");
        m.push_str(&directory);
        m.push_str("]}\n");
        files.push((MANIFEST.to_string(), m.into_bytes()));
        files
    }
}
