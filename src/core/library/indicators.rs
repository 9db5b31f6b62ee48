//! The indicator index, `indicators/K.bin`: every value of indicator K across the archive
//! (issue 22: 技术合同成交额 from every reply that reports or promises it), so the indicator
//! view fetches one file — the writer and the reader side by side — and the pure logic the view
//! shows: the time line, the 承诺追踪 rows (a target whose deadline has passed beside the latest
//! result reported after it), and both as CSV.
//!
//! The manifest lists the indicators in key order with their counts (`"indicators":[[key,
//! count], …]`); K is the position. A file holds its values in time order ([`in_time_order`]):
//!
//! ```text
//! payload = count (varint), count × value
//! value   = flags (1 byte, `format::value_flags`: the stance's code — 0 none, 1 target, 2
//!           result — then how the numbers are stored), kind (1 byte, FigureKind::ALL), doc
//!           (varint), index of the figure in its reply (varint), value, upper bound if it has
//!           one, then 4 strings (varint length, UTF-8): unit, by, text, clause (at most
//!           [`CLAUSE`] chars around the figure)
//! number  = a varint when whole (the flag says), else the f64's 8 bytes LE
//! ```
//!
//! A value names its reply by doc id: the reply's title, address and month are in the index's
//! title table (`titles.rs`), shared by every indicator and fetched once per chunk.

use super::format::{put_numbers, put_str, put_varint, seal, value_flags, Cursor, CODE_MASK, TYPE_INDICATORS};
use super::titles::DocTitle;
use crate::json::number;
use crate::model::{FigureKind, Stance};
use crate::util::sort_by;

/// The most chars of a value's clause an indicator file keeps (cut around the figure, `…` where
/// it was cut).
pub const CLAUSE: usize = 40;

/// The file of indicator `k` (its position in the manifest's list).
pub(crate) fn indicator_file(k: usize) -> String {
    format!("indicators/{k}.bin")
}

/// One value of an indicator: a figure of one reply, with what its row shows.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorValue {
    /// The reply (doc id of the index; 0 in a hand-made list).
    pub doc: u32,
    /// The figure's index in its reply.
    pub index: u32,
    pub kind: FigureKind,
    pub stance: Option<Stance>,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<String>,
    /// A target's deadline: `2025`, `2025-12`.
    pub by: Option<String>,
    /// The reply's publication month (`2024-03`) or year, empty when undated.
    pub reported: String,
    /// The figure as written (`361亿元`).
    pub text: String,
    /// The clause it stands in.
    pub context: String,
    /// The reply's title and address (from the title table: empty until its chunk is read).
    pub title: String,
    pub url: String,
}

impl IndicatorValue {
    /// When the value speaks of: a target its deadline, anything else the reply's month.
    pub fn when(&self) -> &str {
        self.by.as_deref().unwrap_or(&self.reported)
    }

    /// The stance as the table says it: 目标, 成果, or empty.
    pub fn stance_label(&self) -> &'static str {
        match self.stance {
            Some(Stance::Target) => "目标",
            Some(Stance::Result) => "成果",
            None => "",
        }
    }
}

/// The month a date string reaches at its end, as `YYYY-MM`: `2025` → `2025-12`, `2025-06` →
/// `2025-06`, `2025-06-30` → `2025-06`; `None` for anything else.
pub fn end_month(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    match b.len() {
        4 => Some(format!("{s}-12")),
        7 | 10 if b[4] == b'-' && digits(5..7) => Some(s[..7].to_string()),
        _ => None,
    }
}

/// The month a date string starts in: `2026` → `2026-01`, `2026-03-05` → `2026-03`.
fn start_month(s: &str) -> Option<String> {
    let end = end_month(s)?;
    Some(if s.len() == 4 { format!("{s}-01") } else { end })
}

/// Sorts values in time order ([`IndicatorValue::when`], a year at its end: a deadline `2025`
/// stands at 2025-12; undated last), results before targets of the same month, then by reply
/// (the index's doc ids: newest first) and reading order.
pub fn in_time_order(values: &mut [IndicatorValue]) {
    let key = |v: &IndicatorValue| (v.when().is_empty(), end_month(v.when()).unwrap_or_default());
    sort_by(values, |a, b| {
        let (ka, kb) = (key(a), key(b));
        if ka != kb {
            return ka < kb;
        }
        let rank = |v: &IndicatorValue| v.stance != Some(Stance::Result);
        if rank(a) != rank(b) {
            return !rank(a);
        }
        (a.doc, a.index) < (b.doc, b.index)
    });
}

/// What became of a target whose deadline has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The latest result reported after the deadline reaches the target: 已达成.
    Reached,
    /// It stays below: 未达成.
    Missed,
    /// No result of the indicator was reported after the deadline: 未见报告.
    Unreported,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Reached => "已达成",
            Verdict::Missed => "未达成",
            Verdict::Unreported => "未见报告",
        }
    }
}

/// A row of 承诺追踪: a target (an index into the values), the result it is judged by, the
/// verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Promise {
    pub target: usize,
    pub result: Option<usize>,
    pub verdict: Verdict,
}

/// The newest month of the values' replies (`2026-03`): the archive's "now" for [`track`] when
/// the caller gives none.
pub fn newest_month(values: &[IndicatorValue]) -> Option<String> {
    let mut best: Option<String> = None;
    for v in values {
        if let Some(m) = end_month(&v.reported) {
            if best.as_ref().is_none_or(|b| m > *b) {
                best = Some(m);
            }
        }
    }
    best
}

/// 承诺追踪: every target whose deadline has passed by `now` (a month `2026-03`, a day, or a
/// year, read as its first month), in the values' order, beside the latest result of the same
/// kind and unit reported after the deadline's end (and by `now`): its value (a range's upper bound) at least
/// the target's (a range's lower bound) → [`Verdict::Reached`], below → [`Verdict::Missed`],
/// none → [`Verdict::Unreported`]. Targets without a deadline are not listed.
pub fn track(values: &[IndicatorValue], now: &str) -> Vec<Promise> {
    let mut out = Vec::new();
    let Some(now) = start_month(now) else { return out };
    // The latest result reported by `now` is the one a passed deadline is judged by, if it came
    // after the deadline: one per kind and unit (the first of its month), found in one pass —
    // linear, where comparing every target with every result took 1 s for 8,000 values.
    let mut latest: Vec<(usize, String)> = Vec::new();
    for (r, v) in values.iter().enumerate() {
        if v.stance != Some(Stance::Result) {
            continue;
        }
        let Some(month) = end_month(&v.reported) else { continue };
        if month > now {
            continue;
        }
        let same = latest.iter().position(|(k, _)| values[*k].kind == v.kind && values[*k].unit == v.unit);
        match same {
            Some(i) if month > latest[i].1 => latest[i] = (r, month),
            Some(_) => {}
            None => latest.push((r, month)),
        }
    }
    for (t, target) in values.iter().enumerate() {
        if target.stance != Some(Stance::Target) {
            continue;
        }
        let Some(deadline) = target.by.as_deref().and_then(end_month) else { continue };
        if deadline >= now {
            continue;
        }
        let result = latest
            .iter()
            .find(|(k, m)| values[*k].kind == target.kind && values[*k].unit == target.unit && *m > deadline)
            .map(|(k, _)| *k);
        let verdict = match result {
            None => Verdict::Unreported,
            Some(r) if values[r].high.unwrap_or(values[r].value) >= target.value => Verdict::Reached,
            Some(_) => Verdict::Missed,
        };
        out.push(Promise { target: t, result, verdict });
    }
    out
}

/// A figure whose card asks for its indicator's values in other replies (issue 22): its
/// kind and unit (values of another kind or unit measure something else), and where it stands
/// in its reply, to know this reply's own values in the index.
#[derive(Clone, Debug, PartialEq)]
pub struct Asking {
    pub kind: FigureKind,
    pub unit: Option<String>,
    /// Its index in its reply's figures.
    pub position: u32,
    /// As written (empty: not known).
    pub text: String,
}

impl Asking {
    fn measures_as(&self, v: &IndicatorValue) -> bool {
        v.kind == self.kind && v.unit == self.unit
    }
}

/// The docs that may be the card's own reply: those holding a value at the figure's position
/// (with its text, when given; a few, the page's address tells which).
pub fn own_candidates(values: &[IndicatorValue], figure: &Asking) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for v in values {
        let text = figure.text.is_empty() || v.text == figure.text;
        if figure.measures_as(v) && v.index == figure.position && text && !out.contains(&v.doc) {
            out.push(v.doc);
        }
    }
    out
}

/// The values a card shows (indexes into `values`): of the figure's kind and unit, of replies
/// other than `own`, the newest reply first (doc ids are newest first), in reading order
/// within a reply; at most `limit`. Also how many such values there are in all.
pub fn other_values(values: &[IndicatorValue], figure: &Asking, own: Option<u32>, limit: usize) -> (Vec<usize>, usize) {
    let mut all: Vec<usize> =
        (0..values.len()).filter(|&k| figure.measures_as(&values[k]) && Some(values[k].doc) != own).collect();
    sort_by(&mut all, |&a, &b| (values[a].doc, values[a].index) < (values[b].doc, values[b].index));
    let total = all.len();
    all.truncate(limit);
    (all, total)
}

/// Whether a reply's stored address is the page at `page` (an absolute URL, its query and hash
/// ignored; a folder's URL `…/www/` is its `index.html`, as servers give it): the prefix of the
/// page's URL it is relative to, `None` when it is not this page. `page.html` and
/// `archive/r1.html` are relative to the folder of the index's column page, which a reply page
/// does not know: a reply page finds it by finding itself.
pub fn base_of(page: &str, url: &str) -> Option<String> {
    let mut page = page.split(['#', '?']).next().unwrap_or(page).to_string();
    if page.ends_with('/') {
        page.push_str("index.html");
    }
    let url = url.strip_prefix("./").unwrap_or(url);
    if url.is_empty() {
        return None;
    }
    if url.contains("://") {
        return (page == url).then(String::new);
    }
    let rest = page.strip_suffix(url)?;
    // At a path boundary: `r1.html` is not the page `xr1.html`.
    rest.ends_with('/').then(|| rest.to_string())
}

/// A link to a value in its reply's page: an absolute or root-relative address as stored, a
/// relative one on `base` (none known: no link), with the figure's anchor (`#f13`: ids are
/// `f1` … in reading order).
pub fn value_link(url: &str, base: Option<&str>, index: u32) -> Option<String> {
    let url = url.strip_prefix("./").unwrap_or(url);
    if url.is_empty() {
        return None;
    }
    let absolute = url.starts_with('/') || url.contains("://");
    let mut out = if absolute { String::new() } else { base?.to_string() };
    out.push_str(url);
    out.push_str("#f");
    out.push_str(&(index + 1).to_string());
    Some(out)
}

fn num(v: f64) -> String {
    let mut s = String::new();
    number(&mut s, v);
    s
}

fn row(out: &mut String, fields: &[&str]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        crate::export::csv_cell(out, f);
    }
    out.push_str("\r\n");
}

/// The indicator's values as CSV, in the columns of the command line's `indicators`
/// ([`crate::export::indicators_csv`]): 指标, 日期, 立场, 数值, 上限, 单位, 类型, 期限, 数据, 答复,
/// 发布, 来源, 上下文.
pub fn values_csv(key: &str, values: &[IndicatorValue]) -> String {
    let mut out = String::from("\u{feff}指标,日期,立场,数值,上限,单位,类型,期限,数据,答复,发布,来源,上下文\r\n");
    for v in values {
        let high = v.high.map(num).unwrap_or_default();
        row(
            &mut out,
            &[
                key,
                v.when(),
                v.stance_label(),
                &num(v.value),
                &high,
                v.unit.as_deref().unwrap_or(""),
                v.kind.label(),
                v.by.as_deref().unwrap_or(""),
                &v.text,
                &v.title,
                &v.reported,
                &v.url,
                &v.context,
            ],
        );
    }
    out
}

/// 承诺追踪 as CSV: 指标, 期限, 目标, 目标答复, 目标发布, 成果, 成果发布, 成果答复, 结论.
pub fn promises_csv(key: &str, values: &[IndicatorValue], promises: &[Promise]) -> String {
    let mut out = String::from("\u{feff}指标,期限,目标,目标答复,目标发布,成果,成果发布,成果答复,结论\r\n");
    for p in promises {
        let t = &values[p.target];
        let r = p.result.map(|r| &values[r]);
        row(
            &mut out,
            &[
                key,
                t.by.as_deref().unwrap_or(""),
                &t.text,
                &t.title,
                &t.reported,
                r.map_or("", |r| &r.text),
                r.map_or("", |r| &r.reported),
                r.map_or("", |r| &r.title),
                p.verdict.label(),
            ],
        );
    }
    out
}

/// The clause as an indicator file keeps it: at most [`CLAUSE`] chars around the figure's text
/// (its start when the text is not in it), `…` where it was cut.
pub fn short_clause(context: &str, text: &str) -> String {
    let chars: Vec<char> = context.chars().collect();
    if chars.len() <= CLAUSE {
        return context.to_string();
    }
    let (at, len) = match context.find(text) {
        Some(b) if !text.is_empty() => (context[..b].chars().count(), text.chars().count()),
        _ => (0, 0),
    };
    // The figure in the middle of the window, the window inside the clause.
    let start = at.saturating_sub((CLAUSE - len.min(CLAUSE)) / 2).min(chars.len() - CLAUSE);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..start + CLAUSE]);
    if start + CLAUSE < chars.len() {
        out.push('…');
    }
    out
}

/// A value's stance as its flags store it (the low bits, `format::CODE_MASK`).
const STANCE_NONE: u8 = 0;
const STANCE_TARGET: u8 = 1;
const STANCE_RESULT: u8 = 2;

/// An indicator's file, sealed with the build id: each value names its reply by doc id (the
/// title table holds the rest), its clause cut short ([`short_clause`]).
pub(crate) fn write(values: &[IndicatorValue], build: u64) -> Vec<u8> {
    let mut payload = Vec::new();
    put_varint(&mut payload, values.len() as u64);
    for v in values {
        let code = match v.stance {
            None => STANCE_NONE,
            Some(Stance::Target) => STANCE_TARGET,
            Some(Stance::Result) => STANCE_RESULT,
        };
        payload.push(value_flags(code, v.value, v.high));
        payload.push(FigureKind::ALL.iter().position(|k| *k == v.kind).unwrap_or(0) as u8);
        put_varint(&mut payload, u64::from(v.doc));
        put_varint(&mut payload, u64::from(v.index));
        put_numbers(&mut payload, v.value, v.high);
        for s in [v.unit.as_deref().unwrap_or(""), v.by.as_deref().unwrap_or(""), &v.text] {
            put_str(&mut payload, s);
        }
        put_str(&mut payload, &short_clause(&v.context, &v.text));
    }
    seal(TYPE_INDICATORS, build, &payload)
}

/// Reads an indicator's payload of `count` values (the manifest's) of docs below `n`; `None`
/// if damaged. Title, address and month stay empty (the title table has them). A value takes
/// 9 bytes at least: the count is checked against the bytes first.
pub(crate) fn read(payload: &[u8], count: usize, n: usize) -> Option<Vec<IndicatorValue>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != count as u64 || count > c.left() / 9 {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = c.flags()?;
        let kind = *FigureKind::ALL.get(usize::from(c.take(1)?[0]))?;
        let stance = match flags & CODE_MASK {
            STANCE_NONE => None,
            STANCE_TARGET => Some(Stance::Target),
            STANCE_RESULT => Some(Stance::Result),
            _ => return None,
        };
        let doc = c.small(n.checked_sub(1)?)? as u32;
        let index = c.small(u32::MAX as usize)? as u32;
        let (value, high) = c.numbers(flags)?;
        let some = |s: String| (!s.is_empty()).then_some(s);
        let unit = some(c.string()?);
        let by = some(c.string()?);
        let (text, context) = (c.string()?, c.string()?);
        out.push(IndicatorValue {
            doc,
            index,
            kind,
            stance,
            value,
            high,
            unit,
            by,
            reported: String::new(),
            text,
            context,
            title: String::new(),
            url: String::new(),
        });
    }
    (c.left() == 0).then_some(out)
}

/// Gives values of docs `first ..` the title, address and month the chunk `titles` holds.
pub(crate) fn fill(values: &mut [IndicatorValue], first: usize, titles: &[DocTitle]) {
    for v in values {
        if let Some(t) = (v.doc as usize).checked_sub(first).and_then(|k| titles.get(k)) {
            v.title.clone_from(&t.title);
            v.url.clone_from(&t.url);
            v.reported.clone_from(&t.reported);
        }
    }
}

#[cfg(test)]
mod tests;
