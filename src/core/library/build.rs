//! The index writer: many `(file name, Reply)` → the index's files as `(name, bytes)`, the
//! manifest last. Pure and deterministic: the same replies give the same bytes, whatever order
//! they were added in (doc order is newest first, then by URL). What goes where is decided
//! here; each file's bytes are written by its format's module (`docs.rs`, `words.rs`,
//! `figures.rs`, `card.rs`, `manifest.rs`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::card;
use super::docs::{self, Row, F};
use super::figures::{self, chunk_file, Group, Range, CHUNK};
use super::format::{DOCS, FACETS, MANIFEST, VERSION};
use super::indicators::{self, in_time_order, indicator_file, IndicatorValue};
use super::manifest::{Facet, FacetValue, Manifest, Sizes};
use super::meta::{fingerprint, genre, is_reply, meta, DocKind, Genre, Meta};
use super::titles::{self, titles_file, DocTitle, TITLES};
use super::words::{self, index_keys_of};
use crate::filter::interval;
use crate::model::{Amount, FigureKind, Reply};
use crate::util::{sort_by, Fnv};

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
/// Name → index over the whole archive (many thousands of keys): a hash map, where one reply's
/// ids use the smaller [`crate::util::IdMap`].
type IdMap = HashMap<String, usize, BuildHasherDefault<Fnv>>;

/// Why a reply was not indexed.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    /// Not a reply to a proposal or a suggestion, with [`Builder::replies_only`]: why (see
    /// [`is_reply`]).
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

/// A reply waiting for its doc id.
struct Pending {
    name: String,
    url: String,
    meta: Meta,
    genre: Genre,
    /// The card's JSON after `"doc":D` (starts with `,"url":`).
    card: String,
    /// The texts indexed for words.
    texts: Vec<String>,
    /// The amount of every figure, in reading order (the figure index names a figure by its
    /// position here).
    figures: Vec<Amount>,
    /// The figures that measure an indicator (`Figure::indicator`, after `parse::annotate`):
    /// key and value, the doc id set at build.
    indicators: Vec<(String, IndicatorValue)>,
    /// The reply's publication month (the title table's).
    reported: String,
}

/// Collects replies, then writes the index.
pub struct Builder {
    prefix: String,
    replies_only: bool,
    docs: Vec<Pending>,
    prints: U64Map<usize>,
    names: IdMap,
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

impl Builder {
    /// A builder whose cards link to `url_prefix` + the file's name. It indexes every page it
    /// is given, each with its genre (a reply, a plan, a summary, news …).
    pub fn new(url_prefix: &str) -> Builder {
        Builder {
            prefix: url_prefix.to_string(),
            replies_only: false,
            docs: Vec::new(),
            prints: U64Map::default(),
            names: IdMap::default(),
        }
    }

    /// Indexes replies only: a page that is not a reply ([`is_reply`]) is refused
    /// ([`Skip::NotAReply`]).
    pub fn replies_only(mut self, yes: bool) -> Builder {
        self.replies_only = yes;
        self
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Adds a page read from the file `name` (its URL is the prefix + `name`). Refused: the
    /// same text as a file already added, the same name, and with [`Builder::replies_only`] a
    /// text that is not a reply.
    pub fn add(&mut self, name: &str, reply: &Reply) -> Result<Genre, Skip> {
        let m = meta(reply);
        if self.replies_only {
            is_reply(reply, &m).map_err(Skip::NotAReply)?;
        }
        if let Some(&k) = self.names.get(name) {
            return Err(Skip::SameName(self.docs[k].name.clone()));
        }
        let print = fingerprint(reply);
        if let Some(&k) = self.prints.get(&print) {
            return Err(Skip::Duplicate(self.docs[k].name.clone()));
        }
        let genre = genre(reply, &m);
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
        let figures = reply.figures.iter().map(|f| f.amount.clone()).collect();
        let card = card::body(&url, &m, genre, reply);
        let mut measured = Vec::new();
        let reported = crate::export::reported(reply);
        for (k, f) in reply.figures.iter().enumerate() {
            let Some(key) = &f.indicator else { continue };
            let value = IndicatorValue {
                doc: 0,
                index: k as u32,
                kind: f.amount.kind,
                stance: f.stance,
                value: f.amount.value,
                high: f.amount.high,
                unit: f.amount.unit.clone(),
                by: f.by.clone(),
                reported: reported.clone(),
                text: f.text.clone(),
                context: f.context.clone(),
                title: m.title.clone(),
                url: url.clone(),
            };
            measured.push((key.clone(), value));
        }
        self.docs.push(Pending {
            name: name.to_string(),
            url,
            meta: m,
            genre,
            card,
            texts,
            figures,
            indicators: measured,
            reported,
        });
        Ok(genre)
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
            for (key, v) in &d.indicators {
                for s in [key.as_str(), v.stance_label(), v.when()] {
                    h.write(s.as_bytes());
                    h.write(b"\x02");
                }
            }
        }
        let build = h.finish();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();

        // Facets and the doc table.
        let by_label = |x: &(String, usize, usize), y: &(String, usize, usize)| x.0 > y.0;
        let first_seen = |x: &(String, usize, usize), y: &(String, usize, usize)| x.2 < y.2;
        let by_count = |x: &(String, usize, usize), y: &(String, usize, usize)| x.1 > y.1 || (x.1 == y.1 && x.0 < y.0);
        let kind_order = |x: &(String, usize, usize), y: &(String, usize, usize)| {
            let rank = |s: &str| DocKind::ALL.iter().position(|k| k.as_str() == s).unwrap_or(3);
            rank(&x.0) < rank(&y.0)
        };
        let genre_order = |x: &(String, usize, usize), y: &(String, usize, usize)| {
            let rank = |s: &str| Genre::ALL.iter().position(|g| g.as_str() == s).unwrap_or(Genre::ALL.len());
            rank(&x.0) < rank(&y.0)
        };
        let facets: [FacetValues; F] = [
            facet(&docs, |d| d.meta.year().map_or_else(String::new, |y| y.to_string()), by_label),
            facet(&docs, |d| d.meta.kind.as_str().to_string(), kind_order),
            facet(&docs, |d| d.meta.session_label().unwrap_or_default(), first_seen),
            facet(&docs, |d| d.meta.source.clone().unwrap_or_default(), by_count),
            facet(&docs, |d| d.genre.as_str().to_string(), genre_order),
        ];
        let rows: Vec<Row> = (0..n).map(|d| std::array::from_fn(|f| facets[f].of_doc[d] as u16)).collect();
        let values: [usize; F] = std::array::from_fn(|f| facets[f].labels.len());
        let table = docs::write(&rows, &values, build);
        let mut sizes = Sizes { docs: table.len(), ..Sizes::default() };
        files.push((DOCS.to_string(), table));

        // Words: key → the docs whose text has it.
        // A doc's keys are gathered without repeats in a small set first (it stays in cache),
        // so that a key repeated in a doc does not touch the list (a cache miss per key was
        // most of the build's time).
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
        let shards = words::write(&keys, build);
        drop(keys);
        let shard_count = shards.len();
        for (name, bytes) in shards {
            sizes.words = sizes.words.max(bytes.len());
            files.push((name, bytes));
        }

        // Figures: grouped by kind and unit, sorted by value, in chunks.
        struct Item {
            entry: figures::Entry,
            low: f64,
            top: f64,
        }
        let mut groups: Vec<((usize, String, bool), Vec<Item>)> = Vec::new();
        let mut group_at = IdMap::default();
        for (d, doc) in docs.iter().enumerate() {
            for (index, f) in doc.figures.iter().enumerate() {
                let kind = FigureKind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0);
                let unit = f.unit.clone().unwrap_or_default();
                let key = format!("{kind}\u{1}{unit}\u{1}{}", f.unit.is_some());
                let g = *group_at.entry(key).or_insert_with(|| {
                    groups.push(((kind, unit, f.unit.is_some()), Vec::new()));
                    groups.len() - 1
                });
                let (low, _, top, _) = interval(f);
                // The unit is the group's: a chunk does not repeat it.
                let amount = Amount { kind: f.kind, value: f.value, high: f.high, unit: None, qualifier: f.qualifier };
                let entry = figures::Entry { doc: d as u32, index: index as u32, amount };
                groups[g].1.push(Item { entry, low, top });
            }
        }
        sort_by(&mut groups, |a, b| a.0 .0 < b.0 .0 || (a.0 .0 == b.0 .0 && a.0 .1 < b.0 .1));
        let mut directory: Vec<Group> = Vec::with_capacity(groups.len());
        for (g, ((kind, unit, has_unit), mut items)) in groups.into_iter().enumerate() {
            // By value; figures whose interval spans more than a factor of two (不足10%: 0 to 10)
            // go after the others, by upper bound, so that they widen the value range of as few
            // chunks as possible. Items were pushed in doc order: the stable sort keeps ties so.
            let wide = |e: &Item| e.low < e.top / 2.0;
            sort_by(&mut items, |a, b| match (wide(a), wide(b)) {
                (false, true) => true,
                (true, false) => false,
                (false, false) => a.low < b.low || (a.low == b.low && a.top < b.top),
                (true, true) => a.top < b.top,
            });
            let narrow = items.iter().filter(|e| !wide(e)).count();
            let mut cuts = Vec::new();
            for (from, to) in [(0, narrow), (narrow, items.len())] {
                let mut at = from;
                while at < to {
                    cuts.push((at, (at + CHUNK).min(to)));
                    at += CHUNK;
                }
            }
            let mut chunks = Vec::with_capacity(cuts.len());
            for (c, &(from, to)) in cuts.iter().enumerate() {
                let chunk = &items[from..to];
                let (mut low, mut top) = (f64::INFINITY, f64::NEG_INFINITY);
                let mut entries = Vec::with_capacity(chunk.len());
                for e in chunk {
                    low = low.min(e.low);
                    top = top.max(e.top);
                    entries.push(e.entry.clone());
                }
                chunks.push(Range { low, high: top, count: chunk.len() });
                let bytes = figures::write_chunk(&entries, build);
                sizes.figures = sizes.figures.max(bytes.len());
                files.push((chunk_file(g, c), bytes));
            }
            directory.push(Group { kind: FigureKind::ALL[kind], unit: has_unit.then_some(unit), chunks });
        }

        // Cards.
        for (d, doc) in docs.iter().enumerate() {
            let bytes = card::write(build, d as u32, &doc.card);
            sizes.cards = sizes.cards.max(bytes.len());
            files.push((card::card_file(d as u32), bytes));
        }

        // Indicators: key → every value, in time order, one file per key (keys in order).
        let mut by_key: Vec<(String, Vec<IndicatorValue>)> = Vec::new();
        let mut key_at = IdMap::default();
        for (d, doc) in docs.iter_mut().enumerate() {
            for (key, mut v) in std::mem::take(&mut doc.indicators) {
                v.doc = d as u32;
                let k = *key_at.entry(key.clone()).or_insert_with(|| {
                    by_key.push((key, Vec::new()));
                    by_key.len() - 1
                });
                by_key[k].1.push(v);
            }
        }
        sort_by(&mut by_key, |a, b| a.0 < b.0);
        let mut listed = Vec::with_capacity(by_key.len());
        for (k, (key, mut values)) in by_key.into_iter().enumerate() {
            in_time_order(&mut values);
            let bytes = indicators::write(&values, build);
            sizes.indicators = sizes.indicators.max(bytes.len());
            files.push((indicator_file(k), bytes));
            listed.push((key, values.len()));
        }
        // The title table: what an indicator's row shows of its reply, once per reply.
        for (c, chunk) in docs.chunks(TITLES).enumerate() {
            let titles: Vec<DocTitle> = chunk
                .iter()
                .map(|d| DocTitle { title: d.meta.title.clone(), url: d.url.clone(), reported: d.reported.clone() })
                .collect();
            let bytes = titles::write_titles(&titles, build);
            sizes.titles = sizes.titles.max(bytes.len());
            files.push((titles_file(c), bytes));
        }
        // Docs are newest first: the first dated one is the newest.
        let newest = docs.iter().find_map(|d| d.meta.date.as_deref().and_then(indicators::end_month));

        // The manifest, last.
        let facets = facets
            .into_iter()
            .enumerate()
            .map(|(f, v)| Facet {
                name: FACETS[f],
                values: v.labels.into_iter().zip(v.counts).map(|(label, total)| FacetValue { label, total }).collect(),
            })
            .collect();
        let manifest = Manifest {
            build,
            replies: n,
            shards: shard_count,
            sizes,
            facets,
            groups: directory,
            newest,
            indicators: listed,
        };
        files.push((MANIFEST.to_string(), manifest.write().into_bytes()));
        files
    }
}
