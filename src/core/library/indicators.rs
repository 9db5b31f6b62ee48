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
//! value   = flags (1 byte: STANCE_MASK, HAS_HIGH, VALUE_WHOLE, HIGH_WHOLE), kind (1 byte,
//!           FigureKind::ALL), doc (varint), index of the figure in its reply (varint), value,
//!           upper bound if HAS_HIGH, then 7 strings (varint length, UTF-8): unit, by,
//!           reported, text, context, title, url
//! number  = a varint when whole (the flag says), else the f64's 8 bytes LE
//! ```
//!
//! A value carries what its table row and its CSV row show (the reply's title and address too),
//! so the view needs no card.

use super::format::{put_varint, seal, Cursor, TYPE_INDICATORS};
use crate::json::number;
use crate::model::{FigureKind, Stance};
use crate::util::sort_by;

/// The flags byte: the stance (0 none, 1 target, 2 result) …
const STANCE_MASK: u8 = 0b0000_0011;
/// … the value has an upper bound …
const HAS_HIGH: u8 = 0b0000_0100;
/// … its value is a whole number (a varint) …
const VALUE_WHOLE: u8 = 0b0000_1000;
/// … its upper bound is.
const HIGH_WHOLE: u8 = 0b0001_0000;
/// Flags at or above this are not ours.
const FLAGS_END: u8 = 0b0010_0000;

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
    /// The reply's title and address.
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
    for (t, target) in values.iter().enumerate() {
        if target.stance != Some(Stance::Target) {
            continue;
        }
        let Some(deadline) = target.by.as_deref().and_then(end_month) else { continue };
        if deadline >= now {
            continue;
        }
        let mut latest: Option<(usize, String)> = None;
        for (r, v) in values.iter().enumerate() {
            if v.stance != Some(Stance::Result) || v.kind != target.kind || v.unit != target.unit {
                continue;
            }
            let Some(month) = end_month(&v.reported) else { continue };
            if month > deadline && month <= now && latest.as_ref().is_none_or(|(_, m)| month > *m) {
                latest = Some((r, month));
            }
        }
        let result = latest.map(|(r, _)| r);
        let verdict = match result {
            None => Verdict::Unreported,
            Some(r) if values[r].high.unwrap_or(values[r].value) >= target.value => Verdict::Reached,
            Some(_) => Verdict::Missed,
        };
        out.push(Promise { target: t, result, verdict });
    }
    out
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

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// An indicator's file, sealed with the build id.
pub(crate) fn write(values: &[IndicatorValue], build: u64) -> Vec<u8> {
    let mut payload = Vec::new();
    put_varint(&mut payload, values.len() as u64);
    for v in values {
        let mut flags = match v.stance {
            None => 0,
            Some(Stance::Target) => 1,
            Some(Stance::Result) => 2,
        };
        if v.high.is_some() {
            flags |= HAS_HIGH;
        }
        if is_whole(v.value) {
            flags |= VALUE_WHOLE;
        }
        if v.high.is_some_and(is_whole) {
            flags |= HIGH_WHOLE;
        }
        payload.push(flags);
        payload.push(FigureKind::ALL.iter().position(|k| *k == v.kind).unwrap_or(0) as u8);
        put_varint(&mut payload, u64::from(v.doc));
        put_varint(&mut payload, u64::from(v.index));
        put_value(&mut payload, v.value);
        if let Some(h) = v.high {
            put_value(&mut payload, h);
        }
        for s in [
            v.unit.as_deref().unwrap_or(""),
            v.by.as_deref().unwrap_or(""),
            &v.reported,
            &v.text,
            &v.context,
            &v.title,
            &v.url,
        ] {
            put_str(&mut payload, s);
        }
    }
    seal(TYPE_INDICATORS, build, &payload)
}

fn take_str(c: &mut Cursor) -> Option<String> {
    let n = c.small(c.left())?;
    String::from_utf8(c.take(n)?.to_vec()).ok()
}

/// Reads an indicator's payload of `count` values (the manifest's) of docs below `n`; `None`
/// if damaged. A value takes 11 bytes at least: the count is checked against the bytes first.
pub(crate) fn read(payload: &[u8], count: usize, n: usize) -> Option<Vec<IndicatorValue>> {
    let mut c = Cursor::new(payload);
    if c.varint()? != count as u64 || count > c.left() / 11 {
        return None;
    }
    let value = |c: &mut Cursor, whole: bool| if whole { c.varint().map(|v| v as f64) } else { c.f64() };
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let head = c.take(2)?;
        let (flags, kind) = (head[0], *FigureKind::ALL.get(usize::from(head[1]))?);
        if flags >= FLAGS_END {
            return None;
        }
        let stance = match flags & STANCE_MASK {
            0 => None,
            1 => Some(Stance::Target),
            2 => Some(Stance::Result),
            _ => return None,
        };
        let doc = c.small(n.checked_sub(1)?)? as u32;
        let index = c.small(u32::MAX as usize)? as u32;
        let v = value(&mut c, flags & VALUE_WHOLE != 0)?;
        let high = if flags & HAS_HIGH != 0 { Some(value(&mut c, flags & HIGH_WHOLE != 0)?) } else { None };
        let some = |s: String| (!s.is_empty()).then_some(s);
        let unit = some(take_str(&mut c)?);
        let by = some(take_str(&mut c)?);
        let (reported, text, context, title, url) =
            (take_str(&mut c)?, take_str(&mut c)?, take_str(&mut c)?, take_str(&mut c)?, take_str(&mut c)?);
        out.push(IndicatorValue {
            doc,
            index,
            kind,
            stance,
            value: v,
            high,
            unit,
            by,
            reported,
            text,
            context,
            title,
            url,
        });
    }
    (c.left() == 0).then_some(out)
}

#[cfg(test)]
mod tests;
