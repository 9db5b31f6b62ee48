//! The card of one reply (`replies/D.json`): what a result shows and links to. JSON, compact:
//!
//! ```text
//! {"build":"<16 hex>","doc":D,"url":…,"title":…,"kind":"proposal"|"suggestion"|"",
//!  "genre":"reply"|"plan"|"summary"|"policy"|"notice"|"news"|"other",
//!  "session":"十四届二次"|null,"body":"政协"|"人大"|null,"number":…|null,"proposer":…|null,
//!  "role":"委员"|"代表"|null,"date":"2023-08-22"|null,"source":…|null,
//!  "outline":[[section id, label, title], …],
//!  "figures":[[id, text, kind, value, high|null, unit|null, qualifier|null, section id, clause], …]}
//! ```
//!
//! `label` is the outline's short label (`二(一)`); a figure's index in `figures` is its index in
//! the reply (the figure chunks name figures by it), its id the page's (`f13`, for deep links).
//! The writer ([`body`], [`write()`]) and the reader ([`Card::read`]) are side by side.

use super::manifest::build_hex;
use super::meta::{DocKind, Genre, Meta};
use super::query::{Plan, Terms};
use super::read::Value;
use crate::filter::{compare_matches, Query};
use crate::json::{number, string};
use crate::model::{Amount, FigureKind, Qualifier, Reply, CLOSING, PREAMBLE, TOP};
use crate::outline::Outline;

/// The card's file name of doc `d`.
pub(crate) fn card_file(d: u32) -> String {
    format!("replies/{d}.json")
}

fn opt(out: &mut String, v: Option<&str>) {
    match v {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// The card's JSON after `"doc":D` (from `,"url":` to the end): what can be written before the
/// doc ids are known.
pub(crate) fn body(url: &str, m: &Meta, genre: Genre, reply: &Reply) -> String {
    let mut out = String::with_capacity(reply.figures.len() * 120 + 1024);
    out.push_str(",\"url\":");
    string(&mut out, url);
    out.push_str(",\"title\":");
    string(&mut out, &m.title);
    out.push_str(",\"kind\":");
    string(&mut out, m.kind.as_str());
    out.push_str(",\"genre\":");
    string(&mut out, genre.as_str());
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
        string(&mut out, f.amount.kind.as_str());
        out.push(',');
        number(&mut out, f.amount.value);
        out.push(',');
        match f.amount.high {
            Some(h) => number(&mut out, h),
            None => out.push_str("null"),
        }
        out.push(',');
        opt(&mut out, f.amount.unit.as_deref());
        out.push(',');
        opt(&mut out, f.amount.qualifier.map(Qualifier::as_str));
        out.push(',');
        string(&mut out, &f.section);
        out.push(',');
        string(&mut out, &f.context);
        out.push(']');
    }
    out.push_str("]}");
    out
}

/// The whole card of doc `d`: the build id, the doc id, then its [`body`].
pub(crate) fn write(build: u64, d: u32, body: &str) -> Vec<u8> {
    let mut card = String::with_capacity(body.len() + 40);
    card.push_str("{\"build\":\"");
    card.push_str(&build_hex(build));
    card.push_str("\",\"doc\":");
    card.push_str(&d.to_string());
    card.push_str(body);
    card.into_bytes()
}

/// A section of the reply's outline.
#[derive(Clone, Debug, PartialEq)]
pub struct CardSection {
    pub id: String,
    /// `二(一)`.
    pub label: String,
    pub title: String,
}

/// A figure of the reply, as a result shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CardFigure {
    /// The page's figure id (`f13`): the deep link is `url#f13`.
    pub id: String,
    pub text: String,
    /// Its kind, value, upper bound, unit and qualifier, as the reply's figure has them.
    pub amount: Amount,
    /// The section id (`s2-1`), or `top` / `preamble` / `closing`.
    pub section: String,
    /// The clause the figure stands in.
    pub clause: String,
}

/// One reply's card.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub doc: u32,
    pub url: String,
    pub title: String,
    pub kind: DocKind,
    /// What the page is: a reply, a plan, news …
    pub genre: Genre,
    pub session: Option<String>,
    pub body: Option<String>,
    pub number: Option<String>,
    pub proposer: Option<String>,
    pub role: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub outline: Vec<CardSection>,
    pub figures: Vec<CardFigure>,
}

impl Card {
    /// The short label of a section id: `二(一)`; 标题, 开头, 结束语 outside sections.
    pub fn label(&self, section: &str) -> &str {
        match section {
            TOP => "标题",
            PREAMBLE => "开头",
            CLOSING => "结束语",
            id => self.outline.iter().find(|s| s.id == id).map_or("", |s| s.label.as_str()),
        }
    }

    /// The figures a result shows for a query, as indexes into `figures`: for a comparison,
    /// the figures that satisfy it; for words, the figures whose clause (or text, or section
    /// title) holds every word, as the single-page filter shows them; none otherwise.
    pub fn matching(&self, plan: &Plan) -> Vec<u32> {
        let mut out = Vec::new();
        match (&plan.query, &plan.terms) {
            (Query::Compare(c), _) => {
                for (k, f) in self.figures.iter().enumerate() {
                    if compare_matches(c, &f.amount) {
                        out.push(k as u32);
                    }
                }
            }
            (_, Terms::Words(words)) => {
                for (k, f) in self.figures.iter().enumerate() {
                    let mut hay = crate::text::fold(&f.text);
                    hay.push('\u{1}');
                    hay.push_str(&crate::text::fold(&f.clause));
                    let title = self.outline.iter().find(|s| s.id == f.section).map(|s| crate::text::fold(&s.title));
                    let hit = words.iter().all(|w| {
                        w.runs
                            .iter()
                            .all(|r| hay.contains(r.as_str()) || title.as_ref().is_some_and(|t| t.contains(r.as_str())))
                    });
                    if hit {
                        out.push(k as u32);
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// Reads a card (its build id was checked by the caller). Every field is checked before
    /// anything is allocated: a struct literal with a `?` per field compiles to drop code at
    /// each one (see "Size rules").
    pub(crate) fn read(v: &Value, doc: u32) -> Option<Card> {
        if v.get("doc")?.u64()? != u64::from(doc) {
            return None;
        }
        let s = |key: &str| v.get(key)?.str();
        let o = |key: &str| v.get(key).unwrap_or(&Value::Null).opt_str().ok();
        let own = |s: Option<&str>| s.map(str::to_string);
        let (url, title, kind, genre) = (s("url")?, s("title")?, s("kind")?, s("genre")?);
        let (session, body, number, proposer) = (o("session")?, o("body")?, o("number")?, o("proposer")?);
        let (role, date, source) = (o("role")?, o("date")?, o("source")?);
        let mut outline = Vec::new();
        for item in v.get("outline")?.arr()? {
            let [id, label, title] = item.arr()? else { return None };
            let (id, label, title) = (id.str()?, label.str()?, title.str()?);
            outline.push(CardSection { id: id.into(), label: label.into(), title: title.into() });
        }
        let mut figures = Vec::new();
        for item in v.get("figures")?.arr()? {
            let [id, text, kind, value, high, unit, qualifier, section, clause] = item.arr()? else { return None };
            let (id, text, section, clause) = (id.str()?, text.str()?, section.str()?, clause.str()?);
            let kind = kind.str().and_then(FigureKind::from_name)?;
            let value = value.f64()?;
            let high = match high {
                Value::Null => None,
                h => Some(h.f64()?),
            };
            let unit = unit.opt_str().ok()?;
            let qualifier = match qualifier {
                Value::Null => None,
                q => Some(q.str().and_then(Qualifier::from_name)?),
            };
            figures.push(CardFigure {
                id: id.into(),
                text: text.into(),
                amount: Amount { kind, value, high, unit: own(unit), qualifier },
                section: section.into(),
                clause: clause.into(),
            });
        }
        Some(Card {
            doc,
            url: url.into(),
            title: title.into(),
            kind: DocKind::from_name(kind),
            genre: Genre::from_name(genre),
            session: own(session),
            body: own(body),
            number: own(number),
            proposer: own(proposer),
            role: own(role),
            date: own(date),
            source: own(source),
            outline,
            figures,
        })
    }
}
