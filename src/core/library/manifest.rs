//! The manifest, `manifest.json`: what a reader fetches first — the writer and the reader side
//! by side.
//!
//! ```text
//! {"format":"reply-widget-library","version":4,"build":"<16 hex>","replies":N,"shards":S,
//!  "sizes":{"docs":B,"words":B,"figures":B,"cards":B,"indicators":B,"titles":B},
//!  "facets":{"year":[[label,total],…],"kind":[…],"session":[…],"source":[…],"genre":[…]},
//!  "figures":[{"kind":…,"unit":…|null,"chunks":[[low,high(,count)],…]},…],
//!  "newest":"2026-03"|null,"indicators":[[key,count],…]}
//! ```
//!
//! `newest` is the newest reply's month (what 承诺追踪 counts a deadline as passed against);
//! `indicators` the keys of the indicator files in order (`indicators/K.bin` is the K-th), with
//! how many values each holds.
//!
//! ```text
//! ```
//!
//! `sizes` are the limits a reader holds the other files to: the exact size of `docs.bin`, and
//! the largest word shard, figure chunk and card of this build, in bytes. A reader checks a
//! file's announced length (Content-Length) against them before it downloads it, and its bytes
//! before it reads them. The manifest itself is at most [`MAX_MANIFEST`]; `replies` at most
//! [`MAX_REPLIES`]; every facet's totals add up to `replies`. A chunk holds [`CHUNK`] figures
//! unless it says.

use super::figures::{Group, Range, CHUNK};
use super::format::{within, Error, FACETS, FORMAT, MANIFEST, MAX_FILE, MAX_MANIFEST, MAX_REPLIES, VERSION};
use super::read::{self, Value};
use crate::json::{number, string};
use crate::model::FigureKind;

/// One value of a facet: its label (empty: not known, e.g. a reply without a date) and how many
/// replies of the whole archive have it.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    /// `2023`; `proposal` / `suggestion`; `政协十四届二次`; `武汉市科学技术局`; `reply` /
    /// `plan` …; empty = unknown.
    pub label: String,
    pub total: usize,
}

/// A facet (see [`FACETS`]), with its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    pub name: &'static str,
    pub values: Vec<FacetValue>,
}

/// The most bytes each kind of file of a build has: what a reader allows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sizes {
    /// `docs.bin`, exactly.
    pub docs: usize,
    /// The largest `words/K.bin`.
    pub words: usize,
    /// The largest `figures/G-C.bin`.
    pub figures: usize,
    /// The largest `replies/D.json`.
    pub cards: usize,
    /// The largest `indicators/K.bin`.
    pub indicators: usize,
    /// The largest `titles/C.bin` (version 4).
    pub titles: usize,
}

const SIZE_KEYS: [&str; 6] = ["docs", "words", "figures", "cards", "indicators", "titles"];

impl Sizes {
    fn all(&self) -> [usize; 6] {
        [self.docs, self.words, self.figures, self.cards, self.indicators, self.titles]
    }
}

/// Everything the manifest says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Manifest {
    pub build: u64,
    pub replies: usize,
    pub shards: usize,
    pub sizes: Sizes,
    pub facets: Vec<Facet>,
    pub groups: Vec<Group>,
    /// The newest reply's month, `2026-03`.
    pub newest: Option<String>,
    /// The indicator keys, in file order, with their counts.
    pub indicators: Vec<(String, usize)>,
}

/// The build id as the manifest and the cards write it: 16 hex digits (a loop, not `format!`:
/// the wasm reads it too, see "Size rules").
pub(crate) fn build_hex(build: u64) -> String {
    let mut out = String::with_capacity(16);
    for k in (0..16).rev() {
        let d = ((build >> (k * 4)) & 0xf) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    out
}

/// The build id, written as 16 hex digits.
fn hex_build(s: &str) -> Option<u64> {
    if s.len() != 16 {
        return None;
    }
    let mut build = 0u64;
    for b in s.bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        build = build << 4 | u64::from(d);
    }
    Some(build)
}

fn opt(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

impl Manifest {
    /// The manifest's text.
    pub(crate) fn write(&self) -> String {
        let mut m = String::new();
        m.push_str("{\"format\":");
        string(&mut m, FORMAT);
        m.push_str(&format!(
            ",\"version\":{VERSION},\"build\":\"{}\",\"replies\":{},\"shards\":{}",
            build_hex(self.build),
            self.replies,
            self.shards
        ));
        m.push_str(",\"sizes\":{");
        for (k, (key, v)) in SIZE_KEYS.iter().zip(self.sizes.all()).enumerate() {
            if k > 0 {
                m.push(',');
            }
            string(&mut m, key);
            m.push(':');
            m.push_str(&v.to_string());
        }
        m.push_str("},\"facets\":{");
        for (k, f) in self.facets.iter().enumerate() {
            if k > 0 {
                m.push(',');
            }
            string(&mut m, f.name);
            m.push_str(":[");
            for (v, value) in f.values.iter().enumerate() {
                if v > 0 {
                    m.push(',');
                }
                m.push('[');
                string(&mut m, &value.label);
                m.push(',');
                m.push_str(&value.total.to_string());
                m.push(']');
            }
            m.push(']');
        }
        m.push_str("},\"figures\":[");
        for (g, group) in self.groups.iter().enumerate() {
            if g > 0 {
                m.push(',');
            }
            m.push_str("{\"kind\":");
            string(&mut m, group.kind.as_str());
            m.push_str(",\"unit\":");
            opt(&mut m, group.unit.as_deref());
            m.push_str(",\"chunks\":[");
            for (c, r) in group.chunks.iter().enumerate() {
                if c > 0 {
                    m.push(',');
                }
                m.push('[');
                number(&mut m, r.low);
                m.push(',');
                number(&mut m, r.high);
                if r.count != CHUNK {
                    m.push(',');
                    m.push_str(&r.count.to_string());
                }
                m.push(']');
            }
            m.push_str("]}");
        }
        m.push_str("],\"newest\":");
        opt(&mut m, self.newest.as_deref());
        m.push_str(",\"indicators\":[");
        for (k, (key, count)) in self.indicators.iter().enumerate() {
            if k > 0 {
                m.push(',');
            }
            m.push('[');
            string(&mut m, key);
            m.push(',');
            m.push_str(&count.to_string());
            m.push(']');
        }
        m.push_str("]}\n");
        m
    }

    /// Reads a manifest. Refuses one too large to read, what is not an index of ours, another
    /// version of ours, and counts the format does not allow; nothing is allocated for the
    /// replies, shards or chunks it announces but what its own bytes hold.
    pub(crate) fn read(bytes: &[u8]) -> Result<Manifest, Error> {
        within(MANIFEST, bytes.len(), MAX_MANIFEST)?;
        let v = read::parse(bytes).map_err(|why| Error::NotAnIndex(why.to_string()))?;
        if v.get("format").and_then(Value::str) != Some(FORMAT) {
            return Err(Error::NotAnIndex("no \"format\": \"reply-widget-library\"".into()));
        }
        match v.get("version").and_then(Value::u64) {
            Some(version) if version == u64::from(VERSION) => {}
            Some(version) => return Err(Error::Version(version)),
            None => return Err(Error::NotAnIndex("no version".into())),
        }
        let corrupt = |why: &str| Error::Corrupt(MANIFEST.to_string(), why.to_string());
        let number = |key: &str| v.get(key).and_then(Value::u64);
        let (Some(build), Some(replies), Some(shards)) =
            (v.get("build").and_then(Value::str).and_then(hex_build), number("replies"), number("shards"))
        else {
            return Err(corrupt("bad build, replies or shards"));
        };
        if replies > MAX_REPLIES as u64 {
            return Err(corrupt(&format!("{replies} replies, more than an index may hold ({MAX_REPLIES})")));
        }
        if !(1..=MAX_REPLIES as u64).contains(&shards) {
            return Err(corrupt("bad shard count"));
        }
        let mut sizes = [0usize; 6];
        let Some(given) = v.get("sizes") else { return Err(corrupt("no file sizes")) };
        for (k, key) in SIZE_KEYS.iter().enumerate() {
            let Some(s) = given.get(key).and_then(Value::u64) else { return Err(corrupt("bad file sizes")) };
            if s > MAX_FILE as u64 {
                return Err(Error::TooLarge(format!("{MANIFEST}: sizes.{key}"), s, MAX_FILE as u64));
            }
            sizes[k] = s as usize;
        }
        let sizes = Sizes {
            docs: sizes[0],
            words: sizes[1],
            figures: sizes[2],
            cards: sizes[3],
            indicators: sizes[4],
            titles: sizes[5],
        };
        let replies = replies as usize;
        let facets = v.get("facets").and_then(|f| read_facets(f, replies)).ok_or_else(|| corrupt("bad facets"))?;
        let groups = v.get("figures").and_then(read_groups).ok_or_else(|| corrupt("bad figures"))?;
        let newest = v.get("newest").unwrap_or(&Value::Null).opt_str().map_err(|_| corrupt("bad newest"))?;
        let newest = newest.map(str::to_string);
        let indicators = v.get("indicators").and_then(read_indicators).ok_or_else(|| corrupt("bad indicators"))?;
        Ok(Manifest { build, replies, shards: shards as usize, sizes, facets, groups, newest, indicators })
    }
}

/// The manifest's facets: `{"year": [[label, total], …], …}`, each adding up to `replies`.
fn read_facets(v: &Value, replies: usize) -> Option<Vec<Facet>> {
    let mut facets = Vec::new();
    for name in FACETS {
        let mut values = Vec::new();
        let mut sum = 0u64;
        for item in v.get(name)?.arr()? {
            let [label, total] = item.arr()? else { return None };
            let (label, total) = (label.str()?, total.u64()?);
            sum = sum.saturating_add(total);
            values.push(FacetValue { label: label.to_string(), total: total as usize });
        }
        if values.len() > usize::from(u16::MAX) || sum != replies as u64 {
            return None;
        }
        facets.push(Facet { name, values });
    }
    Some(facets)
}

/// The manifest's figure groups.
fn read_groups(v: &Value) -> Option<Vec<Group>> {
    let mut groups = Vec::new();
    for g in v.arr()? {
        let kind = g.get("kind")?.str().and_then(FigureKind::from_name)?;
        let unit = g.get("unit").unwrap_or(&Value::Null).opt_str().ok()?.map(str::to_string);
        let mut chunks = Vec::new();
        for c in g.get("chunks")?.arr()? {
            let (low, high, count) = match c.arr()? {
                [low, high] => (low, high, CHUNK as u64),
                [low, high, count] => (low, high, count.u64()?),
                _ => return None,
            };
            if !(1..=CHUNK as u64).contains(&count) {
                return None;
            }
            chunks.push(Range { low: low.f64()?, high: high.f64()?, count: count as usize });
        }
        groups.push(Group { kind, unit, chunks });
    }
    Some(groups)
}

/// The manifest's indicator keys: `[[key, count], …]`, each count at least 1.
fn read_indicators(v: &Value) -> Option<Vec<(String, usize)>> {
    let mut out = Vec::new();
    for item in v.arr()? {
        let [key, count] = item.arr()? else { return None };
        let count = count.u64().filter(|c| *c >= 1 && *c <= MAX_FILE as u64)?;
        out.push((key.str()?.to_string(), count as usize));
    }
    Some(out)
}
