//! The structured reply: the JSON contract shared by `parseReply`, `bundledReply`, the command
//! line and the library index (see `docs/contract.md`). Field names are the contract; extend,
//! never rename. Validation of replies that come from outside lives here too.

use serde::{Deserialize, Serialize};

use crate::util::IdMap;

/// One parsed reply (答复).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub title: String,
    /// Publication date and time as written on the page (`2023-08-22 19:35`), if any.
    pub published: Option<String>,
    /// Extension: the publication date as `YYYY-MM-DD`, if any: the page's PubDate / 发布日期
    /// (its meta tags, the header lines, the 信息公开属性 table), else its 成文日期, else the
    /// date under the signature.
    #[serde(default, rename = "publishedDate")]
    pub published_date: Option<String>,
    /// The publishing office (来源, falling back to 发布单位), if any.
    pub source: Option<String>,
    /// Extension: the document number (发文字号: `国办函〔2005〕69号`), if any.
    #[serde(default, rename = "documentNumber")]
    pub document_number: Option<String>,
    /// Extension: the date the document bears, `YYYY-MM-DD` (the page's 成文日期, else the date
    /// under the signature), if any.
    #[serde(default)]
    pub signed: Option<String>,
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
    /// Every qualifier, in the order of their codes in the archive's cards.
    pub const ALL: [Qualifier; 7] = [
        Qualifier::Nearly,
        Qualifier::Over,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::Under,
        Qualifier::Since,
        Qualifier::End,
    ];

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

    /// The qualifier of a contract name (`over` …), `None` for anything else.
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == name)
    }
}

/// What a figure says about time (issue 22): a promise or a reported result. Decided by
/// `parse::annotate` (rules and their precedence in `src/parse/promise.rs`); a figure that is
/// neither (a year that is no deadline, the rate of a rule) has no stance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Promised, planned or expected for later, with its deadline in `by` where the text gives
    /// one: 力争到2025年达到200家.
    Target,
    /// Reported as reached or standing at the time of the reply: 截至2023年底备案128家.
    Result,
}

impl Stance {
    pub const ALL: [Stance; 2] = [Stance::Target, Stance::Result];

    /// The contract's name: `target`, `result`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Target => "target",
            Stance::Result => "result",
        }
    }

    pub fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Whether `s` is a deadline as `Figure::by` writes it: `2025` or `2025-12` (year 1900–2100,
/// month 01–12).
pub fn is_deadline(s: &str) -> bool {
    let b = s.as_bytes();
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut n = 0;
        for &c in b.get(r)? {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    let year = number(0..4).is_some_and(|y| (1900..=2100).contains(&y));
    match b.len() {
        4 => year,
        7 => year && b[4] == b'-' && number(5..7).is_some_and(|m| (1..=12).contains(&m)),
        _ => false,
    }
}

/// What a figure says as a quantity: its kind, its normalised value (a range's two bounds), its
/// unit and its qualifier — what comparisons (`>=100亿元`, [`crate::filter::compare_matches`]),
/// value intervals, the figure index and the archive's cards read, without the text it was
/// written in. A [`Figure`] holds one; so do the parser's raw figures, the cards' figures
/// ([`crate::library::CardFigure`]) and the figure index's entries.
///
/// ```
/// use reply_core::filter::interval;
/// use reply_core::model::{Amount, FigureKind, Qualifier};
/// // 300余项: more than 300, less than 400 (a step of its last written digit).
/// let over = Amount {
///     kind: FigureKind::Count,
///     value: 300.0,
///     high: None,
///     unit: Some("项".into()),
///     qualifier: Some(Qualifier::Over),
/// };
/// assert_eq!(interval(&over), (300.0, false, 400.0, false));
/// // 6%-10%: a range, its lower bound the value, both bounds included.
/// let range = Amount { kind: FigureKind::Percent, value: 6.0, high: Some(10.0), unit: Some("%".into()), qualifier: None };
/// assert_eq!(interval(&range), (6.0, true, 10.0, true));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Amount {
    pub kind: FigureKind,
    /// Normalised: money in 元, percent in points, years and dates as the year; a range's lower bound.
    pub value: f64,
    /// Upper bound of a range (6%-10%, 8至10家), else null.
    pub high: Option<f64>,
    /// 元 % 项 家 倍 年 …; null when the text gives none (超过100万, dates).
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
}

/// One quantitative figure of the reply, linked to the paragraph it came from. Its JSON is flat:
/// the amount's fields stand among the figure's own, in the contract's order (`id`, `text`,
/// `kind`, `value`, `high`, `date`, `unit`, `qualifier`, `section` …).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Figure {
    pub id: String,
    /// The exact source substring, qualifier included (`300余项`, `近4倍`).
    pub text: String,
    /// Its kind, value, upper bound, unit and qualifier.
    #[serde(flatten)]
    pub amount: Amount,
    /// For kind date: `2023-04`, `2023-Q1`, `2025-03-12`.
    pub date: Option<String>,
    /// Key of the outline node holding the figure: the innermost section's id, or `top` (the
    /// title), `preamble`, `closing` (closing and signature) outside sections.
    pub section: String,
    /// Id of the paragraph holding the figure; a section's own id for a figure in its heading
    /// (offsets in its `title`), [`TITLE`] for one in the reply's title.
    pub paragraph: String,
    /// Offsets in chars (Unicode scalar values) of the paragraph text.
    pub start: u32,
    pub end: u32,
    /// The clause the figure stands in.
    pub context: String,
    /// Extension (issue 22): a target or a result; null when neither, or not yet decided
    /// (`parse::annotate` decides; the page's first screen does not).
    #[serde(default)]
    pub stance: Option<Stance>,
    /// A target's deadline: `2025` or `2025-12` ([`is_deadline`]); null for a target without
    /// one and for every other figure.
    #[serde(default)]
    pub by: Option<String>,
    /// What the figure measures, a key shared across replies (`技术合同成交额`): two figures
    /// measure the same thing only when both their `indicator` and their `kind` agree (and, for
    /// percent, their unit: `%` or `百分点`). Null when no noun phrase is found.
    #[serde(default)]
    pub indicator: Option<String>,
}

/// Written by hand so that the JSON stays flat and in the contract's order, `date` between the
/// amount's `high` and `unit` (as `json::figure` writes it); `#[serde(flatten)]` would move it.
/// Native only in effect: the wasm writes JSON with [`crate::json`].
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let a = &self.amount;
        let mut s = serializer.serialize_struct("Figure", 16)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("kind", &a.kind)?;
        s.serialize_field("value", &a.value)?;
        s.serialize_field("high", &a.high)?;
        s.serialize_field("date", &self.date)?;
        s.serialize_field("unit", &a.unit)?;
        s.serialize_field("qualifier", &a.qualifier)?;
        s.serialize_field("section", &self.section)?;
        s.serialize_field("paragraph", &self.paragraph)?;
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        s.serialize_field("context", &self.context)?;
        s.serialize_field("stance", &self.stance)?;
        s.serialize_field("by", &self.by)?;
        s.serialize_field("indicator", &self.indicator)?;
        s.end()
    }
}

/// The `paragraph` of a figure in the reply's title (its `section` is [`TOP`]).
pub const TITLE: &str = "title";
/// The outline key of the title node, which also holds the salutation.
pub const TOP: &str = "top";
/// The outline key of the paragraphs before the first heading.
pub const PREAMBLE: &str = "preamble";
/// The outline key of the closing and the signature.
pub const CLOSING: &str = "closing";

/// Sections nest at most this deep. The parser makes at most four levels (one per heading
/// style); a reply given from JS deeper than this is refused, so that no walk over sections can
/// overflow the stack, whatever the input.
pub const MAX_DEPTH: usize = 16;

impl Reply {
    /// Every section, depth first in reading order, with its depth (1 = top level). Iterative:
    /// no recursion over input that may come from outside.
    pub fn walk_sections(&self) -> Vec<(usize, &Section)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &[Section])> = vec![(1, &self.sections)];
        while let Some((depth, list)) = stack.pop() {
            let Some((first, rest)) = list.split_first() else { continue };
            out.push((depth, first));
            stack.push((depth, rest));
            stack.push((depth + 1, &first.children));
        }
        out
    }

    /// Every paragraph in reading order with the key of the outline node that holds it:
    /// [`TOP`] (salutation), [`PREAMBLE`], a section id, [`CLOSING`] (closing and signature).
    pub fn paragraphs(&self) -> Vec<(&str, &Paragraph)> {
        let mut out: Vec<(&str, &Paragraph)> = Vec::new();
        if let Some(s) = &self.salutation {
            out.push((TOP, s));
        }
        out.extend(self.preamble.iter().map(|p| (PREAMBLE, p)));
        for (_, s) in self.walk_sections() {
            out.extend(s.paragraphs.iter().map(|p| (s.id.as_str(), p)));
        }
        out.extend(self.closing.iter().chain(&self.signature).map(|p| (CLOSING, p)));
        out
    }

    /// The text a figure's offsets count in: a paragraph's, a heading's title or the reply's
    /// title, with the outline key of its node. `None` for an unknown id.
    pub fn text_of(&self, paragraph: &str) -> Option<(&str, &str)> {
        if paragraph == TITLE {
            return Some((TOP, &self.title));
        }
        if let Some((_, s)) = self.walk_sections().into_iter().find(|(_, s)| s.id == paragraph) {
            return Some((s.id.as_str(), s.title.as_str()));
        }
        self.paragraphs().into_iter().find(|(_, p)| p.id == paragraph).map(|(node, p)| (node, p.text.as_str()))
    }
}

/// Checks what the widget relies on in a reply that came from outside (`mount({ reply })`):
/// sections nested at most [`MAX_DEPTH`], unique non-empty ids, and every figure's cross
/// references: its paragraph exists, its section is the node that holds that paragraph, its
/// offsets lie inside the paragraph's text and its `text` is exactly what they span. The error
/// names the path of the bad field (`figures[3].end`).
pub fn validate(reply: &Reply) -> Result<(), String> {
    let mut ids = IdMap::default();
    // Every text a figure may point into, by id: (key of the node holding it, text).
    let mut texts: Vec<(&str, &str)> = Vec::new();
    let mut text_ids = IdMap::default();
    for (depth, s) in reply.walk_sections() {
        if depth > MAX_DEPTH {
            return Err(format!("sections: nested deeper than {MAX_DEPTH} levels at section \"{}\"", s.id));
        }
        if s.id.is_empty()
            || [TITLE, TOP, PREAMBLE, CLOSING].contains(&s.id.as_str())
            || ids.insert(s.id.clone(), 0).is_some()
        {
            return Err(format!("sections: section id \"{}\" is empty, reserved or not unique", s.id));
        }
        text_ids.insert(s.id.clone(), texts.len());
        texts.push((s.id.as_str(), s.title.as_str()));
    }
    text_ids.insert(TITLE.to_string(), texts.len());
    texts.push((TOP, reply.title.as_str()));
    for (node, p) in reply.paragraphs() {
        if p.id.is_empty() || p.id == TITLE || ids.insert(p.id.clone(), 0).is_some() {
            return Err(format!("paragraph id \"{}\" is empty, reserved or not unique", p.id));
        }
        text_ids.insert(p.id.clone(), texts.len());
        texts.push((node, p.text.as_str()));
    }
    let mut figure_ids = IdMap::default();
    for (k, f) in reply.figures.iter().enumerate() {
        if f.id.is_empty() || ids.contains_key(&f.id) || figure_ids.insert(f.id.clone(), k).is_some() {
            return Err(format!("figures[{k}].id: \"{}\" is empty or not unique", f.id));
        }
        let Some(&at) = text_ids.get(&f.paragraph) else {
            return Err(format!("figures[{k}].paragraph: no paragraph or section \"{}\"", f.paragraph));
        };
        let (node, text) = texts[at];
        if f.section != node {
            return Err(format!(
                "figures[{k}].section: \"{}\" does not hold paragraph \"{}\" (it is in \"{node}\")",
                f.section, f.paragraph
            ));
        }
        let len = text.chars().count() as u32;
        if f.start > f.end || f.end > len {
            return Err(format!(
                "figures[{k}].end: {}..{} is outside paragraph \"{}\" ({len} chars)",
                f.start, f.end, f.paragraph
            ));
        }
        let spanned = text.chars().skip(f.start as usize).take((f.end - f.start) as usize);
        if !spanned.eq(f.text.chars()) {
            return Err(format!(
                "figures[{k}].text: \"{}\" is not the text at {}..{} of paragraph \"{}\"",
                f.text, f.start, f.end, f.paragraph
            ));
        }
        if !f.amount.value.is_finite() || f.amount.high.is_some_and(|h| !h.is_finite()) {
            return Err(format!("figures[{k}].value: not a finite number"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
