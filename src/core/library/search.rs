//! The search engine, sans-IO: fed the index's files, it says which files a query still needs
//! and answers it once they are there. Queries are the single-page widget's
//! ([`crate::filter::parse_query`]): words, or comparisons on figure values.

use super::build::CHUNK;
use super::card::{qualifier_of_code, Card};
use super::format::{open, Cursor, DOCS, FIGURES, WORDS};
use super::read::{self, Value};
use super::{runs, Error, FACETS, FORMAT, MANIFEST, VERSION};
use crate::filter::{compare_matches, parse_query, Compare, Op, Query};
use crate::model::{Figure, FigureKind, Qualifier};
use crate::util::sort_by;

/// Results a page of the result list shows.
pub const PAGE: usize = 20;
/// Results of a page drawn first: their cards are fetched alone, the page's others after they show.
pub const LEAD: usize = 5;

/// One value of a facet: its label (empty: not known, e.g. a reply without a date) and how many
/// replies of the whole archive have it.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    /// `2023`; `proposal` / `suggestion`; `政协十四届二次`; `武汉市科学技术局`; empty = unknown.
    pub label: String,
    pub total: usize,
}

/// A facet: `year`, `kind`, `session` or `source` (see [`FACETS`]), with its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    pub name: &'static str,
    pub values: Vec<FacetValue>,
}

/// The chosen values of each facet, by index into [`Facet::values`], in the order of
/// [`FACETS`]; an empty list does not narrow.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub values: [Vec<u16>; 4],
}

/// The order of results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Newest,
    /// By the largest matching figure (its upper bound for a range), for comparisons; newest
    /// first otherwise and between equal figures.
    Largest,
}

/// Why a query gives no results without looking: the reader should be told.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A word of one char (every word needs two): the word.
    TooShort(String),
    /// Looks like a comparison but cannot be read (`>=`, `>5栋楼`): the query.
    Malformed(String),
}

impl Problem {
    /// The reader's message, in the widget's language.
    pub fn message(&self) -> String {
        match self {
            Problem::TooShort(w) => format!("“{w}”太短：每个词请至少输入两个字"),
            Problem::Malformed(q) => format!("无法理解的数值条件“{q}”，请写成 >=100亿元、<20%、2022年 等形式"),
        }
    }
}

/// One word of a query: its runs (split at punctuation, folded) and their keys.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub runs: Vec<String>,
    pub keys: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Terms {
    /// Nothing to look up (a problem).
    Nothing,
    All,
    Words(Vec<Word>),
    Figures,
}

/// A query read and ready to look up.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub query: Query,
    pub problem: Option<Problem>,
    pub(crate) terms: Terms,
}

impl Plan {
    /// Reads what the reader typed: the single-page widget's query language. Words are split
    /// at spaces and punctuation and all required.
    pub fn new(raw: &str) -> Plan {
        let query = parse_query(raw);
        let (terms, problem) = match &query {
            Query::All => (Terms::All, None),
            Query::Compare(_) => (Terms::Figures, None),
            Query::Malformed(q) => (Terms::Nothing, Some(Problem::Malformed(q.clone()))),
            Query::Text(q) => {
                let mut words = Vec::new();
                let mut problem = None;
                for w in q.split(' ') {
                    let rs = runs(w);
                    let mut word = Word { runs: Vec::new(), keys: Vec::new() };
                    for r in &rs {
                        if r.len() < 2 {
                            problem = Some(Problem::TooShort(r.iter().collect()));
                        }
                        super::run_keys(r, &mut word.keys);
                        word.runs.push(r.iter().collect());
                    }
                    if !word.runs.is_empty() {
                        words.push(word);
                    }
                }
                match problem {
                    Some(p) => (Terms::Nothing, Some(p)),
                    None if words.is_empty() => (Terms::All, None),
                    None => (Terms::Words(words), None),
                }
            }
        };
        Plan { query, problem, terms }
    }
}

/// The answer to a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Every matching reply that the facet selection keeps, in order.
    pub docs: Vec<u32>,
    /// For a comparison, per entry of `docs`, the indexes of its matching figures (in reading
    /// order); empty otherwise (a word query's figures come from the card, [`Card::matching`]).
    pub figures: Vec<Vec<u32>>,
    /// Replies matching the query before the facet selection.
    pub matched: usize,
    /// Per facet (order of [`FACETS`]), per value: the replies matching the query and every
    /// other facet's selection that have this value.
    pub counts: [Vec<usize>; 4],
    pub problem: Option<Problem>,
}

impl Outcome {
    pub fn total(&self) -> usize {
        self.docs.len()
    }

    /// The doc ids of result page `k` (0-based, [`PAGE`] each).
    pub fn page(&self, k: usize) -> &[u32] {
        let from = (k * PAGE).min(self.docs.len());
        &self.docs[from..(from + PAGE).min(self.docs.len())]
    }

    /// The matching figures of result `i` (an index into `docs`): see `figures`.
    pub fn figures_of(&self, i: usize) -> &[u32] {
        self.figures.get(i).map_or(&[], Vec::as_slice)
    }
}

struct Chunk {
    low: f64,
    high: f64,
    count: usize,
    entries: Option<Vec<Entry>>,
}

struct Group {
    kind: FigureKind,
    unit: Option<String>,
    chunks: Vec<Chunk>,
}

struct Entry {
    doc: u32,
    index: u32,
    value: f64,
    high: Option<f64>,
    qualifier: Option<Qualifier>,
}

struct Shard {
    tags: Vec<u32>,
    /// Where each tag's list starts in `body`; one more at the end.
    offsets: Vec<usize>,
    body: Vec<u8>,
}

/// A loaded index: the manifest, and whatever files were added since.
pub struct Library {
    build: u64,
    build_hex: String,
    n: usize,
    shards: usize,
    facets: Vec<Facet>,
    groups: Vec<Group>,
    /// Per doc, its value index in each facet.
    docs: Option<Vec<[u16; 4]>>,
    words: Vec<Option<Shard>>,
    cards: Vec<Option<Box<Card>>>,
}

/// Whether a chunk spanning values `low..=high` can hold a figure satisfying `c` (widened a
/// little: the manifest's bounds went through decimal text).
fn chunk_may_match(c: &Compare, low: f64, high: f64) -> bool {
    let x = c.value;
    let eps = x.abs() * 1e-9 + 1e-9;
    match c.op {
        Op::Gt | Op::Ge => high >= x - eps,
        Op::Lt | Op::Le => low <= x + eps,
        Op::Eq => low <= x + eps && high >= x - eps,
    }
}

fn group_matches(c: &Compare, g: &Group) -> bool {
    c.kinds.contains(&g.kind) && c.unit.as_ref().is_none_or(|u| g.unit.as_ref() == Some(u))
}

/// The number in a file name: `words/12.bin` with prefix `words/` and suffix `.bin` → 12.
fn file_number(name: &str, prefix: &str, suffix: &str) -> Option<usize> {
    let digits = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
    if digits.is_empty() || digits.len() > 9 || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    let mut v = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + usize::from(b - b'0');
    }
    Some(v)
}

/// Decodes a posting list; `None` if damaged or naming a doc past `n`.
pub(crate) fn decode_list(bytes: &[u8], n: usize) -> Option<Vec<u32>> {
    let mut c = Cursor::new(bytes);
    let head = c.varint()?;
    let mut out = Vec::new();
    if head & 1 == 0 {
        let count = (head >> 1) as usize;
        if count == 0 || count > n {
            return None;
        }
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

fn corrupt(file: &str, why: &str) -> Error {
    Error::Corrupt(file.to_string(), why.to_string())
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

/// The manifest's facets: `{"year": [[label, total], …], …}`.
fn read_facets(v: &Value) -> Option<Vec<Facet>> {
    let mut facets = Vec::new();
    for name in FACETS {
        let mut values = Vec::new();
        for item in v.get(name)?.arr()? {
            let [label, total] = item.arr()? else { return None };
            let (label, total) = (label.str()?, total.u64()?);
            values.push(FacetValue { label: label.to_string(), total: total as usize });
        }
        if values.len() > usize::from(u16::MAX) {
            return None;
        }
        facets.push(Facet { name, values });
    }
    Some(facets)
}

/// The manifest's figure groups: `[{"kind", "unit", "chunks": [[low, high(, count)], …]}, …]`;
/// a chunk holds [`CHUNK`] figures unless it says.
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
            if !(1..=1 << 20).contains(&count) {
                return None;
            }
            chunks.push(Chunk { low: low.f64()?, high: high.f64()?, count: count as usize, entries: None });
        }
        groups.push(Group { kind, unit, chunks });
    }
    Some(groups)
}

/// `docs.bin`: the replies' count, four column widths, then the bit-packed rows.
fn read_docs(payload: &[u8], n: usize, facets: &[Facet]) -> Option<Vec<[u16; 4]>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != n as u64 {
        return None;
    }
    let mut widths = [0usize; 4];
    for (k, w) in widths.iter_mut().enumerate() {
        *w = c.small(16)?;
        if (1usize << *w) < facets[k].values.len() {
            return None;
        }
    }
    let bits: usize = widths.iter().sum();
    if c.left() != (n * bits).div_ceil(8) {
        return None;
    }
    let rest = &payload[c.at..];
    let mut rows = Vec::with_capacity(n);
    let mut at = 0usize;
    for _ in 0..n {
        let mut row = [0u16; 4];
        for k in 0..4 {
            let mut v = 0usize;
            for b in 0..widths[k] {
                v |= usize::from((rest[(at + b) / 8] >> ((at + b) % 8)) & 1) << b;
            }
            at += widths[k];
            if v >= facets[k].values.len() {
                return None;
            }
            row[k] = v as u16;
        }
        rows.push(row);
    }
    Some(rows)
}

/// A word shard: the key count, the keys' tags (ascending), the lists' lengths, the lists.
fn read_shard(payload: &[u8], n: usize) -> Option<Shard> {
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

/// A figure chunk: the count, then per figure its flags (qualifier, which values are whole),
/// doc, index, value and upper bound.
fn read_chunk(payload: &[u8], count: usize, n: usize) -> Option<Vec<Entry>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != count as u64 {
        return None;
    }
    let value = |c: &mut Cursor, whole: bool| if whole { c.varint().map(|v| v as f64) } else { c.f64() };
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = c.take(1)?[0];
        if flags >= 64 {
            return None;
        }
        let doc = c.small(n.checked_sub(1)?)? as u32;
        let index = c.small(u32::MAX as usize)? as u32;
        let v = value(&mut c, flags & 16 != 0)?;
        let high = if flags & 8 != 0 { Some(value(&mut c, flags & 32 != 0)?) } else { None };
        entries.push(Entry { doc, index, value: v, high, qualifier: qualifier_of_code(flags & 7) });
    }
    (c.left() == 0).then_some(entries)
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            i += 1;
        } else if b[j] < a[i] {
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
            j += 1;
        }
    }
    out
}

impl Library {
    /// Reads the manifest. Refuses what is not an index of ours, and another version of ours.
    pub fn from_manifest(bytes: &[u8]) -> Result<Library, Error> {
        let v = read::parse(bytes).map_err(|why| Error::NotAnIndex(why.to_string()))?;
        if v.get("format").and_then(Value::str) != Some(FORMAT) {
            return Err(Error::NotAnIndex("no \"format\": \"reply-widget-library\"".into()));
        }
        match v.get("version").and_then(Value::u64) {
            Some(version) if version == u64::from(VERSION) => {}
            Some(version) => return Err(Error::Version(version)),
            None => return Err(Error::NotAnIndex("no version".into())),
        }
        let number = |key: &str, max: u64| v.get(key).and_then(Value::u64).filter(|x| *x <= max);
        let build_hex = v.get("build").and_then(Value::str).unwrap_or("");
        let (Some(build), Some(n), Some(shards)) =
            (hex_build(build_hex), number("replies", 1 << 24), number("shards", 1 << 20))
        else {
            return Err(corrupt(MANIFEST, "bad build, replies or shards"));
        };
        let (n, shards) = (n as usize, shards.max(1) as usize);
        let facets = v.get("facets").and_then(read_facets).ok_or_else(|| corrupt(MANIFEST, "bad facets"))?;
        let groups = v.get("figures").and_then(read_groups).ok_or_else(|| corrupt(MANIFEST, "bad figures"))?;
        let mut words = Vec::with_capacity(shards);
        words.resize_with(shards, || None);
        let mut cards = Vec::with_capacity(n);
        cards.resize_with(n, || None);
        Ok(Library { build, build_hex: build_hex.to_string(), n, shards, facets, groups, docs: None, words, cards })
    }

    /// How many replies the index holds.
    pub fn replies(&self) -> usize {
        self.n
    }

    /// The facets, their values and totals over the whole archive (before any query).
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// The index of a facet's value by its label.
    pub fn facet_value(&self, facet: usize, label: &str) -> Option<u16> {
        self.facets.get(facet)?.values.iter().position(|v| v.label == label).map(|k| k as u16)
    }

    /// The card of a doc, once added.
    pub fn card(&self, doc: u32) -> Option<&Card> {
        self.cards.get(doc as usize)?.as_deref()
    }

    /// The file of a doc's card.
    pub fn card_file(doc: u32) -> String {
        format!("replies/{doc}.json")
    }

    /// The card files of these docs that are not added yet.
    pub fn cards_needed(&self, docs: &[u32]) -> Vec<String> {
        let mut out = Vec::new();
        for &d in docs {
            if self.cards.get(d as usize).is_some_and(Option::is_none) {
                out.push(Library::card_file(d));
            }
        }
        out
    }

    /// The files a query needs that were not added yet (the doc table first). Empty when the
    /// query can be answered.
    pub fn needs(&self, plan: &Plan) -> Vec<String> {
        let mut out = Vec::new();
        if plan.terms == Terms::Nothing {
            return out;
        }
        if self.docs.is_none() {
            out.push(super::DOCS.to_string());
        }
        match (&plan.terms, &plan.query) {
            (Terms::Words(words), _) => {
                for w in words {
                    for key in &w.keys {
                        let s = (key % self.shards as u64) as usize;
                        let name = format!("words/{s}.bin");
                        if self.words[s].is_none() && !out.contains(&name) {
                            out.push(name);
                        }
                    }
                }
            }
            (Terms::Figures, Query::Compare(c)) => {
                for (g, group) in self.groups.iter().enumerate() {
                    if !group_matches(c, group) {
                        continue;
                    }
                    for (k, chunk) in group.chunks.iter().enumerate() {
                        if chunk.entries.is_none() && chunk_may_match(c, chunk.low, chunk.high) {
                            out.push(format!("figures/{g}-{k}.bin"));
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// Adds a fetched file by its name relative to the index folder. Refuses a file that is
    /// truncated, damaged, of another build, or not of this index.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        let unknown = || Error::UnknownFile(name.to_string());
        if name == super::DOCS {
            let payload = open(name, bytes, DOCS, self.build)?;
            let rows = read_docs(payload, self.n, &self.facets).ok_or_else(|| corrupt(name, "bad doc table"))?;
            self.docs = Some(rows);
        } else if let Some(s) = file_number(name, "words/", ".bin") {
            if s >= self.shards {
                return Err(unknown());
            }
            let payload = open(name, bytes, WORDS, self.build)?;
            self.words[s] = Some(read_shard(payload, self.n).ok_or_else(|| corrupt(name, "bad word shard"))?);
        } else if let Some(rest) = name.strip_prefix("figures/") {
            let (g, k) = rest.split_once('-').ok_or_else(unknown)?;
            let (g, k) = (file_number(g, "", "").ok_or_else(unknown)?, file_number(k, "", ".bin").ok_or_else(unknown)?);
            let n = self.n;
            let chunk = self.groups.get_mut(g).and_then(|group| group.chunks.get_mut(k)).ok_or_else(unknown)?;
            let payload = open(name, bytes, FIGURES, self.build)?;
            chunk.entries = Some(read_chunk(payload, chunk.count, n).ok_or_else(|| corrupt(name, "bad figure chunk"))?);
        } else if let Some(d) = file_number(name, "replies/", ".json") {
            if d >= self.n {
                return Err(unknown());
            }
            let v = read::parse(bytes).map_err(|why| corrupt(name, why))?;
            if v.get("build").and_then(Value::str) != Some(self.build_hex.as_str()) {
                return Err(Error::OtherBuild(name.to_string()));
            }
            let card = Card::read(&v, d as u32).ok_or_else(|| corrupt(name, "bad card"))?;
            self.cards[d] = Some(Box::new(card));
        } else if name == MANIFEST {
            if Library::from_manifest(bytes)?.build != self.build {
                return Err(Error::OtherBuild(name.to_string()));
            }
        } else {
            return Err(unknown());
        }
        Ok(())
    }

    /// The docs whose text has a key (sorted).
    fn lookup(&self, key: u64) -> Vec<u32> {
        let Some(shard) = &self.words[(key % self.shards as u64) as usize] else { return Vec::new() };
        let tag = (key >> 32) as u32;
        match shard.tags.binary_search(&tag) {
            Ok(k) => decode_list(&shard.body[shard.offsets[k]..shard.offsets[k + 1]], self.n).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// Answers a query once [`Library::needs`] is empty for it (else `Err(Missing)`), narrowed by
    /// the facet selection, in the order asked.
    pub fn search(&self, plan: &Plan, selection: &Selection, order: Order) -> Result<Outcome, Error> {
        let mut out = Outcome {
            counts: std::array::from_fn(|k| vec![0; self.facets[k].values.len()]),
            problem: plan.problem.clone(),
            ..Outcome::default()
        };
        if plan.terms == Terms::Nothing {
            return Ok(out);
        }
        let missing = self.needs(plan);
        if !missing.is_empty() {
            return Err(Error::Missing(missing));
        }
        let Some(rows) = &self.docs else { return Err(Error::Missing(vec![super::DOCS.to_string()])) };
        // The matching docs (sorted), with their figures and best value for comparisons.
        let mut matches: Vec<u32> = Vec::new();
        let mut figures: Vec<Vec<u32>> = Vec::new();
        let mut best: Vec<f64> = Vec::new();
        match (&plan.terms, &plan.query) {
            (Terms::All, _) => matches = (0..self.n as u32).collect(),
            (Terms::Words(words), _) => {
                let mut first = true;
                'words: for w in words {
                    for key in &w.keys {
                        let list = self.lookup(*key);
                        matches = if first { list } else { intersect(&matches, &list) };
                        first = false;
                        if matches.is_empty() {
                            break 'words;
                        }
                    }
                }
            }
            (Terms::Figures, Query::Compare(c)) => {
                let any_unit = Compare { unit: None, ..c.clone() };
                // Per doc, its matching figures in reading order and its largest value: no sort
                // of all the hits (a query such as <20% matches most figures of the archive).
                let mut per_doc: Vec<Vec<u32>> = Vec::new();
                per_doc.resize_with(self.n, Vec::new);
                let mut top = vec![f64::NEG_INFINITY; self.n];
                for group in &self.groups {
                    if !group_matches(c, group) {
                        continue;
                    }
                    for chunk in &group.chunks {
                        let Some(entries) = &chunk.entries else { continue };
                        if !chunk_may_match(c, chunk.low, chunk.high) {
                            continue;
                        }
                        for e in entries {
                            let f = Figure::bare(group.kind, e.value, e.high, None, e.qualifier);
                            if compare_matches(&any_unit, &f) {
                                let d = e.doc as usize;
                                let list = &mut per_doc[d];
                                let at = list.partition_point(|k| *k < e.index);
                                list.insert(at, e.index);
                                top[d] = top[d].max(e.high.unwrap_or(e.value));
                            }
                        }
                    }
                }
                for (d, list) in per_doc.into_iter().enumerate() {
                    if !list.is_empty() {
                        matches.push(d as u32);
                        figures.push(list);
                        best.push(top[d]);
                    }
                }
            }
            _ => {}
        }
        out.matched = matches.len();
        // Facets: a doc counts for a facet's value when it passes every other facet.
        let chosen = &selection.values;
        let mut kept: Vec<usize> = Vec::new();
        for (i, &d) in matches.iter().enumerate() {
            let row = &rows[d as usize];
            let mut pass = [true; 4];
            let mut fails = 0;
            for f in 0..4 {
                pass[f] = chosen[f].is_empty() || chosen[f].contains(&row[f]);
                if !pass[f] {
                    fails += 1;
                }
            }
            for f in 0..4 {
                if fails == 0 || (fails == 1 && !pass[f]) {
                    out.counts[f][usize::from(row[f])] += 1;
                }
            }
            if fails == 0 {
                kept.push(i);
            }
        }
        if order == Order::Largest && !best.is_empty() {
            sort_by(&mut kept, |a, b| best[*a] > best[*b]);
        }
        for i in kept {
            out.docs.push(matches[i]);
            if !figures.is_empty() {
                out.figures.push(std::mem::take(&mut figures[i]));
            }
        }
        Ok(out)
    }
}
