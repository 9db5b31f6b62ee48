//! The search engine, sans-IO: fed the index's files, it says which files a query still needs
//! and answers it once they are there. Queries are the single-page widget's
//! ([`crate::filter::parse_query`]): words, or comparisons on figure values.

use super::card::{card_file, Card};
use super::docs::{self, Row, F};
use super::figures::{chunk_file, read_chunk, Entry, Group};
use super::format::{
    build_of, open, within, Error, DOCS, MANIFEST, MAX_MANIFEST, TYPE_DOCS, TYPE_FIGURES, TYPE_INDICATORS, TYPE_TITLES,
    TYPE_WORDS,
};
use super::indicators::{self, indicator_file, IndicatorValue};
use super::manifest::{build_hex, Facet, Manifest, Sizes};
use super::query::{Plan, Terms};
use super::read::{self, Value};
use super::titles::{self, titles_file, DocTitle, TITLES};
use super::words::{shard_file, shard_of, Shard};
use crate::filter::{compare_matches, Compare, Op, Query};
use crate::util::sort_by;

/// Results a page of the result list shows.
pub const PAGE: usize = 20;
/// Results of a page drawn first: their cards are fetched alone, the page's others after they show.
pub const LEAD: usize = 5;

/// The chosen values of each facet, by index into [`Facet::values`], in the order of
/// [`super::FACETS`]; an empty list does not narrow.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub values: [Vec<u16>; F],
}

/// The order of results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Newest,
    /// By the largest matching figure (its upper bound for a range), for comparisons; newest
    /// first otherwise and between equal figures.
    Largest,
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
    /// Per facet (order of [`super::FACETS`]), per value: the replies matching the query and every
    /// other facet's selection that have this value.
    pub counts: [Vec<usize>; F],
    pub problem: Option<super::query::Problem>,
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

/// A loaded index: the manifest, and whatever files were added since. Nothing is allocated
/// for the replies, shards or chunks the manifest announces until their files arrive (within
/// the manifest's sizes).
pub struct Library {
    build: u64,
    build_hex: String,
    n: usize,
    shards: usize,
    sizes: Sizes,
    facets: Vec<Facet>,
    groups: Vec<Group>,
    /// Per group, per chunk: its figures, once added.
    chunks: Vec<Vec<Option<Vec<Entry>>>>,
    /// Per doc, its value index in each facet.
    docs: Option<Vec<Row>>,
    /// The shards added, by number (ascending).
    words: Vec<(u32, Shard)>,
    /// The cards added, by doc (ascending).
    cards: Vec<(u32, Box<Card>)>,
    /// The newest reply's month.
    newest: Option<String>,
    /// The indicator keys with their counts, and each one's values once added.
    indicators: Vec<(String, usize)>,
    indicator_values: Vec<Option<Vec<IndicatorValue>>>,
    /// The title table's chunks, once added.
    titles: Vec<Option<Vec<DocTitle>>>,
}

/// The entry of `k` in a list sorted by key.
fn find<T>(list: &[(u32, T)], k: u32) -> Option<&T> {
    list.binary_search_by(|(x, _)| x.cmp(&k)).ok().map(|at| &list[at].1)
}

/// Puts `(k, v)` in a list sorted by key (replacing `k`'s entry).
fn put<T>(list: &mut Vec<(u32, T)>, k: u32, v: T) {
    match list.binary_search_by(|(x, _)| x.cmp(&k)) {
        Ok(at) => list[at].1 = v,
        Err(at) => list.insert(at, (k, v)),
    }
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

fn corrupt(file: &str, why: &str) -> Error {
    Error::Corrupt(file.to_string(), why.to_string())
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

/// Which files [`Library::add_only`] reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Files {
    /// Every file of the index.
    All,
    /// The search's: the doc table, word shards, figure chunks, reply cards.
    Search,
    /// The indicator view's and the cards' other replies: indicator files, title chunks.
    Values,
}

impl Library {
    /// Reads the manifest. Refuses one over [`MAX_MANIFEST`], what is not an index of ours,
    /// another version of ours, and counts the format does not allow.
    pub fn from_manifest(bytes: &[u8]) -> Result<Library, Error> {
        let m = Manifest::read(bytes)?;
        let chunks = m.groups.iter().map(|g| g.chunks.iter().map(|_| None).collect()).collect();
        let indicator_values = m.indicators.iter().map(|_| None).collect();
        let titles = (0..m.replies.div_ceil(TITLES)).map(|_| None).collect();
        Ok(Library {
            build: m.build,
            build_hex: build_hex(m.build),
            n: m.replies,
            shards: m.shards,
            sizes: m.sizes,
            facets: m.facets,
            groups: m.groups,
            chunks,
            docs: None,
            words: Vec::new(),
            cards: Vec::new(),
            newest: m.newest,
            indicators: m.indicators,
            indicator_values,
            titles,
        })
    }

    /// How many replies (pages) the index holds.
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

    /// The indicators of the archive (keys in order) and how many values each has.
    pub fn indicators(&self) -> &[(String, usize)] {
        &self.indicators
    }

    /// The newest reply's month (`2026-03`): the archive's "now" for [`super::track`].
    pub fn newest(&self) -> Option<&str> {
        self.newest.as_deref()
    }

    fn indicator_at(&self, key: &str) -> Option<usize> {
        self.indicators.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()
    }

    /// The files an indicator's view needs that were not added yet — its file, then the title
    /// table's chunks of its replies (empty when it can be shown); `None`: the archive has no
    /// such indicator.
    pub fn indicator_needs(&self, key: &str) -> Option<Vec<String>> {
        let k = self.indicator_at(key)?;
        Some(match &self.indicator_values[k] {
            None => vec![indicator_file(k)],
            Some(values) => {
                let docs: Vec<u32> = values.iter().map(|v| v.doc).collect();
                self.titles_needed(&docs)
            }
        })
    }

    /// Every value of an indicator in time order, once its file and the title table's chunks
    /// of its replies were added.
    pub fn indicator(&self, key: &str) -> Option<&[IndicatorValue]> {
        let values = self.indicator_values(key)?;
        values.iter().all(|v| self.title(v.doc).is_some()).then_some(values)
    }

    /// Every value of an indicator in time order once its file was added, its replies' titles
    /// filled where their chunk was added (a view that shows a few of them fetches only
    /// theirs: [`Library::titles_needed`]).
    pub fn indicator_values(&self, key: &str) -> Option<&[IndicatorValue]> {
        self.indicator_values[self.indicator_at(key)?].as_deref()
    }

    /// The title table's chunks these docs need that were not added yet.
    pub fn titles_needed(&self, docs: &[u32]) -> Vec<String> {
        let mut out = Vec::new();
        for &d in docs {
            let c = d as usize / TITLES;
            if c < self.titles.len() && self.titles[c].is_none() && !out.contains(&titles_file(c)) {
                out.push(titles_file(c));
            }
        }
        out
    }

    /// A reply's title, address and month, once its chunk of the title table was added.
    pub fn title(&self, doc: u32) -> Option<&DocTitle> {
        let d = doc as usize;
        self.titles.get(d / TITLES)?.as_ref()?.get(d % TITLES)
    }

    /// The card of a doc, once added.
    pub fn card(&self, doc: u32) -> Option<&Card> {
        find(&self.cards, doc).map(|c| &**c)
    }

    /// The file of a doc's card.
    pub fn card_file(doc: u32) -> String {
        card_file(doc)
    }

    /// The most bytes a file of this index may have (the manifest's sizes; the manifest's own
    /// limit for [`MANIFEST`]): a reader refuses a longer one before downloading it (its
    /// Content-Length) and while downloading it. `None`: not a file of this index.
    pub fn limit(&self, name: &str) -> Option<usize> {
        if name == MANIFEST {
            Some(MAX_MANIFEST)
        } else if name == DOCS {
            Some(self.sizes.docs)
        } else if name.starts_with("words/") {
            Some(self.sizes.words)
        } else if name.starts_with("figures/") {
            Some(self.sizes.figures)
        } else if name.starts_with("replies/") {
            Some(self.sizes.cards)
        } else if name.starts_with("indicators/") {
            Some(self.sizes.indicators)
        } else if name.starts_with("titles/") {
            Some(self.sizes.titles)
        } else {
            None
        }
    }

    /// The card files of these docs that are not added yet.
    pub fn cards_needed(&self, docs: &[u32]) -> Vec<String> {
        let mut out = Vec::new();
        for &d in docs {
            if (d as usize) < self.n && self.card(d).is_none() {
                out.push(card_file(d));
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
            out.push(DOCS.to_string());
        }
        match (&plan.terms, &plan.query) {
            (Terms::Words(words), _) => {
                for w in words {
                    for key in &w.keys {
                        let s = shard_of(*key, self.shards);
                        let name = shard_file(s);
                        if find(&self.words, s as u32).is_none() && !out.contains(&name) {
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
                        if self.chunks[g][k].is_none() && chunk_may_match(c, chunk.low, chunk.high) {
                            out.push(chunk_file(g, k));
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// Adds a fetched file by its name relative to the index folder. Refuses a file that is
    /// larger than the manifest allows, truncated, damaged, of another build, or not of this
    /// index.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.add_only(name, bytes, Files::All)
    }

    /// [`Library::add`] for one kind of files only, the others refused as unknown: each wasm
    /// module reads only its own (the search's module, the indicator view's), so the other's
    /// readers are not compiled into it.
    pub fn add_only(&mut self, name: &str, bytes: &[u8], files: Files) -> Result<(), Error> {
        let (search, values) = (files != Files::Values, files != Files::Search);
        let unknown = || Error::UnknownFile(name.to_string());
        if let Some(max) = self.limit(name) {
            // A binary file of another build says so first (a half-written folder), whatever
            // its size.
            if build_of(bytes).is_some_and(|b| b != self.build) && name.ends_with(".bin") {
                return Err(Error::OtherBuild(name.to_string()));
            }
            within(name, bytes.len(), max)?;
        }
        if search && name == DOCS {
            let payload = open(name, bytes, TYPE_DOCS, self.build)?;
            let values = std::array::from_fn(|f| self.facets[f].values.len());
            let rows = docs::read(payload, self.n, &values).ok_or_else(|| corrupt(name, "bad doc table"))?;
            self.docs = Some(rows);
        } else if let (true, Some(s)) = (search, file_number(name, "words/", ".bin")) {
            if s >= self.shards {
                return Err(unknown());
            }
            let payload = open(name, bytes, TYPE_WORDS, self.build)?;
            let shard = Shard::read(payload, self.n).ok_or_else(|| corrupt(name, "bad word shard"))?;
            put(&mut self.words, s as u32, shard);
        } else if let (true, Some(rest)) = (search, name.strip_prefix("figures/")) {
            let (g, k) = rest.split_once('-').ok_or_else(unknown)?;
            let (g, k) = (file_number(g, "", "").ok_or_else(unknown)?, file_number(k, "", ".bin").ok_or_else(unknown)?);
            let group = self.groups.get(g).ok_or_else(unknown)?;
            let count = group.chunks.get(k).ok_or_else(unknown)?.count;
            let payload = open(name, bytes, TYPE_FIGURES, self.build)?;
            let entries =
                read_chunk(payload, group.kind, count, self.n).ok_or_else(|| corrupt(name, "bad figure chunk"))?;
            self.chunks[g][k] = Some(entries);
        } else if let (true, Some(k)) = (values, file_number(name, "indicators/", ".bin")) {
            let count = self.indicators.get(k).ok_or_else(unknown)?.1;
            let payload = open(name, bytes, TYPE_INDICATORS, self.build)?;
            let mut values =
                indicators::read(payload, count, self.n).ok_or_else(|| corrupt(name, "bad indicator file"))?;
            for (c, titles) in self.titles.iter().enumerate() {
                if let Some(t) = titles {
                    indicators::fill(&mut values, c * TITLES, t);
                }
            }
            self.indicator_values[k] = Some(values);
        } else if let (true, Some(c)) = (values, file_number(name, "titles/", ".bin")) {
            if c >= self.titles.len() {
                return Err(unknown());
            }
            let count = (self.n - c * TITLES).min(TITLES);
            let payload = open(name, bytes, TYPE_TITLES, self.build)?;
            let titles = titles::read_titles(payload, count).ok_or_else(|| corrupt(name, "bad title table"))?;
            for values in self.indicator_values.iter_mut().flatten() {
                indicators::fill(values, c * TITLES, &titles);
            }
            self.titles[c] = Some(titles);
        } else if let (true, Some(d)) = (search, file_number(name, "replies/", ".json")) {
            if d >= self.n {
                return Err(unknown());
            }
            let v = read::parse(bytes).map_err(|why| corrupt(name, why))?;
            if v.get("build").and_then(Value::str) != Some(self.build_hex.as_str()) {
                return Err(Error::OtherBuild(name.to_string()));
            }
            let card = Card::read(&v, d as u32).ok_or_else(|| corrupt(name, "bad card"))?;
            put(&mut self.cards, d as u32, Box::new(card));
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
        match find(&self.words, shard_of(key, self.shards) as u32) {
            Some(shard) => shard.lookup(key, self.n),
            None => Vec::new(),
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
        let Some(rows) = &self.docs else { return Err(Error::Missing(vec![DOCS.to_string()])) };
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
                for (g, group) in self.groups.iter().enumerate() {
                    if !group_matches(c, group) {
                        continue;
                    }
                    for (k, chunk) in group.chunks.iter().enumerate() {
                        let Some(entries) = &self.chunks[g][k] else { continue };
                        if !chunk_may_match(c, chunk.low, chunk.high) {
                            continue;
                        }
                        for e in entries {
                            if compare_matches(&any_unit, &e.amount) {
                                let d = e.doc as usize;
                                let list = &mut per_doc[d];
                                let at = list.partition_point(|k| *k < e.index);
                                list.insert(at, e.index);
                                top[d] = top[d].max(e.amount.high.unwrap_or(e.amount.value));
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
            let mut pass = [true; F];
            let mut fails = 0;
            for f in 0..F {
                pass[f] = chosen[f].is_empty() || chosen[f].contains(&row[f]);
                if !pass[f] {
                    fails += 1;
                }
            }
            for f in 0..F {
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
