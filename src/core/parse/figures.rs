//! Figures in a paragraph: money, percent, counts with their measure word, multiples, years and
//! dates, with ranges, qualifiers and the clause each stands in.
//!
//! The rules (each has a test in `figures/tests.rs`):
//! - a figure is a number with a unit (元, %, 倍, a measure word, 毫米 … 个工作日), an amount in
//!   万/亿 without one (超过100万), a share (五分之一), or a year (4 digits, 1900–2100, bare or
//!   with 年) or a date (年月日, 年底, 第一季度, 今年4月底, 2025-03-12);
//! - a little white space may stand between Arabic digits and their unit (`361 亿元`, an
//!   `&nbsp;`, a full-width space, a line end: what Word-pasted HTML leaves); it is part of the
//!   figure's text, so its offsets still point into the paragraph as written;
//! - not figures: anything inside 《…》, document numbers (〔2016〕111号, 第94号, any number + 号),
//!   ordinals (第…, 十四届, 二次会议), list markers (`1.` at the start, `(1)`), section numbers
//!   opening a paragraph (`7.2　本预案`), version strings and codes (V2.0, 1.2.3, 5G,
//!   zz/2020-00676, 2019-00481), bare numbers without a unit (the `2` of `2+X`);
//! - not figures either: a span of years after 的, the period in a thing's name
//!   (`的2019-2020年乡镇寄宿制学校项目库`); numerals inside names and fixed expressions (`figures/names.rs`:
//!   五位一体, “四个全面”, 二期工程, 三年行动, 七台河市);
//! - Chinese numerals count only from 二 up (一 is almost always a word: 一批, 统一, 一揽子), except
//!   as the lower bound of a range (一至两年), and never as years (二〇二三年);
//! - 百, 千, 万, 亿 alone are a round amount only with a qualifier (`近百家`, `百余人`, `千万元以上`,
//!   `超亿元`): `百姓`, `千人计划`, `成千上万` are words;
//! - thousands apart by a full-width comma (`1，234万元`, Word-typed text) only before a unit: the
//!   comma otherwise ends a clause.

mod names;

pub(crate) use names::{in_names, names_in};

use super::numeral::{cn_digit, digit, is_cn_numeral, is_digit, read_arabic, read_cn};
use crate::model::{Amount, FigureKind, Qualifier};
use crate::text::{match_word, starts_with};
use crate::util::{cat, int, push_uint, uint};

/// A figure found in one paragraph; offsets are in chars.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawFigure {
    pub start: usize,
    pub end: usize,
    pub amount: Amount,
    /// For kind date: `2023-04`, `2023-Q1`, `2025-03-12`.
    pub date: Option<String>,
}

/// The publication date that relative dates (今年4月底) resolve against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reference {
    pub year: i32,
}

const PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("大约", Qualifier::About),
    ("不超过", Qualifier::Under),
    ("不高于", Qualifier::Under),
    ("超过", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("高于", Qualifier::Over),
    ("不足", Qualifier::Under),
    ("不到", Qualifier::Under),
    ("低于", Qualifier::Under),
    ("少于", Qualifier::Under),
    ("近", Qualifier::Nearly),
    ("约", Qualifier::About),
    ("超", Qualifier::Over),
    ("逾", Qualifier::Over),
];

const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] =
    &[("以上", Qualifier::Over), ("左右", Qualifier::About), ("以下", Qualifier::Under), ("以内", Qualifier::Under)];

/// Multipliers between a number and its unit, longest first.
/// A unit that starts with one (千米, 千瓦) wins over it.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

/// Measure words that make a count, longest first so 人次 wins over 人.
const MEASURE_WORDS: &str = concat!(
    "平方公里|",
    "平方千米|",
    "个工作日|",
    "平方米|",
    "立方米|",
    "千瓦时|",
    "个小时|",
    "个季度|",
    "工作日|",
    "人次|",
    "家次|",
    "项次|",
    "架次|",
    "车次|",
    "辆次|",
    "班次|",
    "微克|",
    "毫克|",
    "立方|",
    "个月|",
    "台套|",
    "公顷|",
    "公里|",
    "千米|",
    "毫米|",
    "厘米|",
    "平米|",
    "公斤|",
    "千克|",
    "千瓦|",
    "千伏|",
    "兆瓦|",
    // Kilometres and metres as engineers write them (`铺设管道163.2km`, `路基宽6.5m`).
    "km|",
    "m²|",
    "m³|",
    "小时|",
    "分钟|",
    "周岁|",
    "项|",
    "家|",
    "个|",
    "名|",
    "人|",
    "笔|",
    "支|",
    "期|",
    "场|",
    "件|",
    "条|",
    "次|",
    "所|",
    "座|",
    "台|",
    "套|",
    "户|",
    "位|",
    "篇|",
    "种|",
    "类|",
    "款|",
    "处|",
    "批|",
    "辆|",
    "吨|",
    "份|",
    "张|",
    "只|",
    "架|",
    "艘|",
    "部|",
    "门|",
    "本|",
    "册|",
    "间|",
    "栋|",
    "亩|",
    "米|",
    "m|",
    "根|",
    "天|",
    "周|",
    "岁|",
    // Cases and incidents: 生产安全事故31起, 立案3 起, 病例12例, 案件5宗.
    "起|",
    "例|",
    "宗|",
    "枚|",
    "头|",
    "羽|",
    "匹|",
    "片|",
    "幅|",
    "盏|",
    "棵|",
    "株|",
    "块|",
    "段|",
    "层|",
    "幢|",
    "斤|",
    "度|",
    "℃|",
    "㎡",
);

/// Words that open with a measure word but are not one: `3根据` is no count of 根.
const NOT_MEASURE: &str = concat!(
    "根据|根本|根源|起步|起点|起算|起止|起草|起来|起见|例如|宗旨|头部|片区|",
    "块状|段落|层面|层级|层次|度假|匹配|",
    // 浦东开发开放30周年: an anniversary names an occasion, it counts no weeks.
    "周年",
);

/// 度 glued to a word that goes on (`1度读书会`, `360度全景`): a name or a phrase, no degrees;
/// `100度电`, `25度角`, `30度左右`, `35度以上`, `38度高温`, `零下5度时` measure.
fn named_degrees(s: &[char], k: usize, w: &str) -> bool {
    w == "度"
        && s.get(k + 1).is_some_and(|&c| crate::text::han(c) && !"电角左以多的上下至到余及和或高低时后".contains(c))
}

/// Nouns that open with a measure word: after a number set apart by white space (`表 1 人员`,
/// `序号 2 名称`) the number is a label, not a count. Glued to the number (`5项目`) they are
/// left as they were read.
const NOUNS_AFTER_GAP: &str = "人员|人才|人民|人口|人数|名单|名称|名额|项目|家庭|家长|个人|个体|\
    次数|期间|期限|场所|场地|条件|条例|台账|支持|处理|类型|种类|户籍|\
    位置|所有|所在|部门|本地|门户|份额|座谈|间隔|天然|周边|批次|件数";

/// A plan's or a system's name, not a span of years: `三年行动`, `5年规划`, `九年义务教育`,
/// `九年一贯制`.
const NAME_AFTER_YEARS: &str = "行动|规划|计划|级|制|义务教育|免费教育|一贯制";

/// White space a page may leave between a number and its unit (`361 亿元` from Word-pasted
/// HTML, an `&nbsp;`, a full-width space, a line break): at most this many chars.
const GAP_MAX: usize = 3;

/// Where the text goes on after a gap of white space at `k` (`k` itself when there is none or
/// the gap is too long).
fn after_gap(s: &[char], k: usize) -> usize {
    let mut j = k;
    while j < s.len() && j - k < GAP_MAX && is_gap(s[j]) {
        j += 1;
    }
    if j - k >= GAP_MAX && s.get(j).is_some_and(|c| is_gap(*c)) {
        return k;
    }
    j
}

/// White space of a gap: spaces of every width (an `&ensp;`, a thin space), a line end; not
/// a tab, which separates table cells.
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '\n' | '\r' | '\u{2002}'..='\u{200a}' | '\u{202f}')
}

/// Units of measure no heading's title opens with (unlike 本, 部, 项, 人: `7.2　本预案`).
const MEASURES: &str = "平方公里|平方千米|平方米|立方米|千瓦时|公顷|公里|千米|毫米|厘米|公斤|\
    千克|亩|吨|米|km";

/// Whether what follows a number at `k` (after white space) is money, a percent or a unit of
/// measure, with or without a multiplier.
fn is_measure(s: &[char], value: f64, k: usize) -> bool {
    let q = read_quantity(s, value, k, true);
    let unit = q.unit.as_deref().unwrap_or("");
    matches!(q.kind, Some(FigureKind::Money | FigureKind::Percent)) || crate::text::listed(MEASURES, unit)
}

/// Range separators: 6%-10%, 8至10家, 8~10家, 2022—2025年.
const RANGE_SEPARATORS: &[char] = &['-', '–', '—', '~', '～', '〜', '－', '至', '到'];

/// A quantity: a number and what follows it up to (not including) range or suffix handling.
#[derive(Clone, Debug)]
pub(crate) struct Quantity {
    /// The number times its multiplier (万, 亿 …).
    pub value: f64,
    /// Where it ends, in chars.
    pub end: usize,
    /// None for a bare number (with or without a multiplier).
    pub kind: Option<FigureKind>,
    pub unit: Option<String>,
    /// 余 or 多 followed the number.
    pub over: bool,
    /// A multiplier followed the number.
    pub scaled: bool,
}

/// Reads `[余|多] [multiplier] [余|多] unit` after a number of value `value` that ends at `k`.
/// `arabic` tells which numeral system wrote the number: Chinese numerals never make years.
/// After Arabic digits, a little white space may stand before the rest (`361 亿元`). The query
/// language (`>=100亿元`) reads its units with this too.
pub(crate) fn read_quantity(s: &[char], value: f64, number_end: usize, arabic: bool) -> Quantity {
    let bare = Quantity { value, end: number_end, kind: None, unit: None, over: false, scaled: false };
    let mut k = if arabic { after_gap(s, number_end) } else { number_end };
    let gap = k > number_end;
    let mut over = false;
    // (1800多元 is money and more; 多元化 is a word.)
    if matches!(s.get(k), Some('余') | Some('多')) && !starts_with(s, k, "多元化") {
        over = true;
        k += 1;
    }
    let mut mult = 1.0;
    let unit_first = match_word(s, k, MEASURE_WORDS).is_some();
    if let Some((w, m)) = MULTIPLIERS.iter().find(|(w, _)| starts_with(s, k, w)).filter(|_| !unit_first) {
        mult = *m;
        k += w.chars().count();
        if matches!(s.get(k), Some('余') | Some('多')) {
            over = true;
            k += 1;
        }
    }
    if gap && !over && mult == 1.0 && crate::text::words(NOUNS_AFTER_GAP).any(|w| starts_with(s, k, w)) {
        return bare;
    }
    let mut q = Quantity { value: scaled(value, mult), end: k, kind: None, unit: None, over, scaled: mult != 1.0 };
    let unit = |q: &mut Quantity, kind, unit: &str, len: usize| {
        q.kind = Some(kind);
        q.unit = Some(unit.to_string());
        q.end = k + len;
    };
    if starts_with(s, k, "元") {
        unit(&mut q, FigureKind::Money, "元", 1);
    } else if starts_with(s, k, "美元") {
        unit(&mut q, FigureKind::Money, "美元", 2);
    } else if starts_with(s, k, "分钱") {
        // 2分钱: hundredths of a yuan.
        unit(&mut q, FigureKind::Money, "元", 2);
        q.value = value * mult / 100.0;
    } else if mult == 1.0 && matches!(s.get(k), Some('%') | Some('％')) {
        unit(&mut q, FigureKind::Percent, "%", 1);
    } else if mult == 1.0 && s.get(k) == Some(&'‰') {
        // Per mille (出生率7.71‰), in points of percent like every share.
        unit(&mut q, FigureKind::Percent, "‰", 1);
        q.value = value / 10.0;
    } else if mult == 1.0 && starts_with(s, k, "个百分点") {
        unit(&mut q, FigureKind::Percent, "百分点", 4);
    } else if mult == 1.0 && starts_with(s, k, "倍") {
        unit(&mut q, FigureKind::Multiple, "倍", 1);
    } else if let Some(w) =
        match_word(s, k, MEASURE_WORDS).filter(|w| match_word(s, k, NOT_MEASURE).is_none() && !named_degrees(s, k, w))
    {
        let len = w.chars().count();
        // 二次会议, 三次全会: congress ordinals, not counts.
        let ordinal = w == "次" && ["会议", "全会", "常委", "全体"].iter().any(|t| starts_with(s, k + 1, t));
        // A measure word with 次 after it counts times, one unit as 人次 is (200场次, 50户次),
        // not 次日, 次年, 次要.
        let times = !w.ends_with('次')
            && s.get(k + len) == Some(&'次')
            && !matches!(s.get(k + len + 1), Some('日' | '年' | '月' | '要' | '序' | '数'));
        if times {
            unit(&mut q, FigureKind::Count, &cat(&[w, "次"]), len + 1);
        } else if !ordinal {
            unit(&mut q, FigureKind::Count, w, len);
        }
    } else if arabic
        && s.get(k) == Some(&'方')
        && !matches!(s.get(k + 1), Some('面' | '案' | '式' | '向' | '法' | '针' | '位' | '可' | '能' | '便'))
    {
        // Cubic metres as spoken (清运垃圾1385方, 土方5万方); after Arabic digits only (三方: parties).
        unit(&mut q, FigureKind::Count, "方", 1);
    } else if mult == 1.0
        && starts_with(s, k, "年")
        && value < if arabic { 1000.0 } else { 100.0 }
        && match_word(s, k + 1, NAME_AFTER_YEARS).is_none()
    {
        // A duration (连续3年, 三到五年): a count of years, not a year; not a plan (三年行动).
        unit(&mut q, FigureKind::Count, "年", 1);
    }
    if q.kind.is_none() && !q.over && !q.scaled {
        return bare; // nothing read: the white space is not the figure's
    }
    q
}

/// `value × mult` without binary noise (4457.56亿 is 445756000000, not …000.00006): amounts
/// are kept to the fen (0.01), which is all a reply ever writes.
fn scaled(value: f64, mult: f64) -> f64 {
    let v = value * mult;
    if mult == 1.0 {
        v
    } else if v.abs() < 1e13 {
        (v * 100.0).round() / 100.0
    } else {
        v.round()
    }
}

fn is_year(value: f64, len: usize) -> bool {
    len == 4 && value.fract() == 0.0 && (1900.0..=2100.0).contains(&value)
}

/// A month (1–12) written with digits or Chinese numerals, followed by 月.
fn month_at(s: &[char], k: usize) -> Option<(u32, usize)> {
    let (v, len) = if let Some((v, len)) = read_arabic(&s[k..]) {
        (v, len)
    } else {
        let (v, len) = read_cn(&s[k..])?;
        (v as f64, len)
    };
    if len > 2 || v.fract() != 0.0 || !(1.0..=12.0).contains(&v) || s.get(k + len) != Some(&'月') {
        return None;
    }
    Some((v as u32, k + len + 1))
}

fn day_at(s: &[char], k: usize) -> Option<(u32, usize)> {
    let (v, len) = read_arabic(&s[k..]).or_else(|| read_cn(&s[k..]).map(|(v, l)| (v as f64, l)))?;
    if len > 3 || v.fract() != 0.0 || !(1.0..=31.0).contains(&v) {
        return None;
    }
    match s.get(k + len) {
        Some('日') | Some('号') => Some((v as u32, k + len + 1)),
        _ => None,
    }
}

fn two(n: u32) -> String {
    let mut out = String::with_capacity(2);
    if n < 10 {
        out.push('0');
    }
    push_uint(&mut out, u64::from(n));
    out
}

/// What follows `<year>年` (k is just after 年): a quarter, a half, a month (and day), 底, 以来.
fn after_year(s: &[char], start: usize, year: i32, k: usize) -> RawFigure {
    let y = int(i64::from(year));
    let fig = |end, kind, date: Option<String>, qualifier| RawFigure {
        start,
        end,
        amount: Amount {
            kind,
            value: year as f64,
            high: None,
            unit: if kind == FigureKind::Year { Some("年".into()) } else { None },
            qualifier,
        },
        date,
    };
    // 第一季度, 一季度, 四季度末
    let q_at = if starts_with(s, k, "第") { k + 1 } else { k };
    if let Some((n, len)) = read_cn(&s[q_at..]).or_else(|| read_arabic(&s[q_at..]).map(|(v, l)| (v as u64, l))) {
        if (1..=4).contains(&n) && starts_with(s, q_at + len, "季度") {
            let mut end = q_at + len + 2;
            let mut qual = None;
            if matches!(s.get(end), Some('末') | Some('底')) {
                qual = Some(Qualifier::End);
                end += 1;
            }
            return fig(end, FigureKind::Date, Some(cat(&[&y, "-Q", &uint(n as usize)])), qual);
        }
    }
    for (word, half) in [("上半年", 1), ("下半年", 2)] {
        if starts_with(s, k, word) {
            return fig(k + 3, FigureKind::Date, Some(cat(&[&y, "-H", &uint(half)])), None);
        }
    }
    if let Some((m, mut end)) = month_at(s, k) {
        if let Some((d, e)) = day_at(s, end) {
            return fig(e, FigureKind::Date, Some(cat(&[&y, "-", &two(m), "-", &two(d)])), None);
        }
        let mut qual = None;
        if matches!(s.get(end), Some('底') | Some('末')) {
            qual = Some(Qualifier::End);
            end += 1;
        } else if starts_with(s, end, "份") {
            end += 1;
        }
        if starts_with(s, end, "以来") {
            qual = Some(Qualifier::Since);
            end += 2;
        }
        return fig(end, FigureKind::Date, Some(cat(&[&y, "-", &two(m)])), qual);
    }
    // 2022年底, 2020年年底, 2020年末.
    let end_at = if s.get(k) == Some(&'年') { k + 1 } else { k };
    if matches!(s.get(end_at), Some('底') | Some('末')) {
        return fig(end_at + 1, FigureKind::Date, Some(cat(&[&y, "-12"])), Some(Qualifier::End));
    }
    if starts_with(s, k, "以来") {
        return fig(k + 2, FigureKind::Year, None, Some(Qualifier::Since));
    }
    fig(k, FigureKind::Year, None, None)
}

/// `今年4月底`, `去年底`, `今年以来`, resolved against the publication year.
fn relative_date(s: &[char], at: usize, reference: Option<Reference>) -> Option<RawFigure> {
    let offset = match (s.get(at)?, s.get(at + 1)?) {
        ('今', '年') => 0,
        ('去', '年') => -1,
        ('明', '年') => 1,
        // Not the 前年 of 以前年度, 此前年份, 目前年均: a word ending in 前 goes before it.
        ('前', '年')
            if !(at > 0
                && matches!(s[at - 1], '以' | '之' | '此' | '目' | '提' | '当' | '日' | '月' | '年' | '从'))
                && s.get(at + 2) != Some(&'度') =>
        {
            -2
        }
        _ => return None,
    };
    let year = reference?.year + offset;
    Some(after_year(s, at, year, at + 2))
}

/// Prefix qualifier ending exactly at `at`, if any: returns its start and kind.
fn prefix_qualifier(s: &[char], at: usize) -> Option<(usize, Qualifier)> {
    for (word, q) in PREFIX_QUALIFIERS {
        let len = word.chars().count();
        if at < len || !starts_with(s, at - len, word) {
            continue;
        }
        let before = if at > len { s.get(at - len - 1).copied() } else { None };
        // 最近3年, 附近: 近 is part of a word there; 高超 likewise.
        if len == 1 && matches!(before, Some('最') | Some('附') | Some('将') | Some('接') | Some('高')) {
            continue;
        }
        return Some((at - len, *q));
    }
    None
}

fn suffix_qualifier(s: &[char], at: usize) -> Option<(usize, Qualifier)> {
    SUFFIX_QUALIFIERS.iter().find(|(w, _)| starts_with(s, at, w)).map(|(w, q)| (at + w.chars().count(), *q))
}

/// The end of the digit run at `at` (digits, separators, decimal points), to skip non-figures whole.
fn number_run_end(s: &[char], mut at: usize) -> usize {
    while s
        .get(at)
        .is_some_and(|c| is_digit(*c) || (matches!(c, '.' | ',' | '．') && s.get(at + 1).is_some_and(|d| is_digit(*d))))
    {
        at += 1;
    }
    at
}

/// The end of a standard's year at `i` (`LB/T 065—2017`, `GB14886—2006`, `GB/T 19001-2016`,
/// `DB31∕T344-2020`): four
/// digits after a dash, after the standard's code (capitals, `/T`, a space, its number). No
/// figure: the year the standard was issued in is part of its name.
fn standard_year_end(s: &[char], i: usize) -> Option<usize> {
    let year = s.get(i..i + 4)?;
    if !year.iter().all(|c| is_digit(*c)) || s.get(i + 4).is_some_and(|c| is_digit(*c)) {
        return None;
    }
    let mut k = i.checked_sub(1).filter(|&k| matches!(s[k], '—' | '-' | '－' | '–'))?;
    let digits = s[..k].iter().rev().take_while(|c| is_digit(**c) || **c == '.').count();
    k -= digits;
    k -= s[..k].iter().rev().take(1).take_while(|c| **c == ' ').count();
    // The code: capitals, a province's digits (`DB31`), `/T` with any slash (`DB31∕T`, `GB／T`).
    let code = s[..k].iter().rev().take_while(|c| c.is_ascii_uppercase() || is_digit(**c) || is_slash(**c)).count();
    let head = &s[k - code..k];
    (digits > 0 && code >= 2 && head.len() >= 2 && head[..2].iter().all(|c| c.is_ascii_uppercase())).then_some(i + 4)
}

/// A slash in any of the forms pages write one: `/`, full-width `／`, the division slash `∕`.
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '／' | '∕' | '⁄')
}

/// The end of a document number whose 号 is lost, from its bracket at `at`: a year in the
/// brackets only document numbers use and its serial after it (a page cut off after
/// `某字〔2021〕14`); in brackets of other kinds (`吐市财[2021]27`, `某政（2022）20`) only after
/// an issuer's short name (a Chinese character before the bracket) and with a serial that no
/// unit follows (not the `3个` of `规划（2021）3个`).
fn serial_without_hao_end(s: &[char], at: usize) -> Option<usize> {
    let close = super::header::closing_bracket(s[at])?;
    let year = s.get(at + 1..at + 5)?;
    if s.get(at + 5) != Some(&close) || !year.iter().all(|c| is_digit(*c)) {
        return None;
    }
    let mut end = at + 6;
    while s.get(end).is_some_and(|c| is_digit(*c)) {
        end += 1;
    }
    if s[at] == '〔' {
        return Some(end);
    }
    let issuer = at > 0 && crate::text::han(s[at - 1]);
    let serial = end > at + 6 && !s.get(end).is_some_and(|c| matches!(c, '.' | '．' | '%' | '％'));
    let (value, _) = read_arabic(&s[at + 6..end])?;
    (issuer && serial && read_quantity(s, value, end, true).kind.is_none()).then_some(end)
}

/// The end of an issue's number written with its year at `i` (a gazette's `2002年第22号`, a
/// site's note `(2000年32號)`, a journal's `2023年第5期`): neither a year nor a count.
fn issue_end(s: &[char], i: usize) -> Option<usize> {
    let year = s.get(i..i + 4)?;
    if i > 0 && is_digit(s[i - 1]) || !year.iter().all(|c| is_digit(*c)) || s.get(i + 4) != Some(&'年') {
        return None;
    }
    let k = i + 5 + usize::from(s.get(i + 5) == Some(&'第'));
    let n = s[k..].iter().take_while(|c| is_digit(**c)).count();
    ((1..=3).contains(&n) && matches!(s.get(k + n), Some('号' | '號' | '期'))).then_some(k + n + 1)
}

/// The end of a span of years at `i` that opens a noun phrase after 的 (`纳入省教育厅的2019-2020年
/// 乡镇寄宿制学校项目库`): the period in a thing's name, as `规划(2018—2022年)` gives it in a
/// title, not a time the reply reports on (`2018-2019年一共支持…` stays a figure).
fn named_span_end(s: &[char], i: usize) -> Option<usize> {
    // (A line break of the page's source may stand after 的.)
    let gap = s[..i].iter().rev().take_while(|c| is_gap(**c)).count();
    if i <= gap || s[i - 1 - gap] != '的' {
        return None;
    }
    let (value, len) = read_arabic(s.get(i..i + 4)?)?;
    if !is_year(value, len) || s.get(i + 4).is_some_and(|c| is_digit(*c)) {
        return None;
    }
    let (_, end, with_year) = year_range(s, i + 4)?;
    Some(if with_year { end + 1 } else { end })
}

/// Figures of one paragraph (as chars), in reading order.
pub(crate) fn scan_chars(s: &[char], reference: Option<Reference>) -> Vec<RawFigure> {
    let mut out = Vec::new();
    let mut title_depth = 0usize;
    let mut i = 0;
    // A list marker (`1.`, `1、`, `(1)`) opening the paragraph is not a figure.
    let first = s.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    while i < s.len() {
        let c = s[i];
        match c {
            '《' => title_depth += 1,
            '》' => title_depth = title_depth.saturating_sub(1),
            _ => {}
        }
        if title_depth > 0 || c == '》' {
            i += 1;
            continue;
        }
        if let Some(end) = super::header::bracketed_number_end(s, i) {
            i = end;
            continue;
        }
        if let Some(end) = serial_without_hao_end(s, i) {
            i = end;
            continue;
        }
        if let Some(end) = issue_end(s, i) {
            i = end;
            continue;
        }
        if let Some(f) = relative_date(s, i, reference) {
            i = f.end;
            out.push(f);
            continue;
        }
        if let Some(end) = standard_year_end(s, i) {
            i = end;
            continue;
        }
        if let Some(end) = named_span_end(s, i) {
            i = end;
            continue;
        }
        if is_digit(c) {
            let end = number_run_end(s, i);
            match arabic_figure(s, i, first, reference).filter(|f| !names::in_fixed_expression(s, f.start, f.end)) {
                Some(f) => {
                    i = f.end;
                    out.push(f);
                }
                None => i = end.max(i + 1),
            }
            continue;
        }
        if starts_with(s, i, "百分之") {
            if let Some(f) = percent_words(s, i) {
                i = f.end;
                out.push(f);
                continue;
            }
        }
        if let Some(f) = round_figure(s, i).filter(|f| !names::in_fixed_expression(s, f.start, f.end)) {
            i = f.end;
            out.push(f);
            continue;
        }
        if is_cn_numeral(c) {
            if let Some(f) = fraction(s, i).or_else(|| chinese_figure(s, i)) {
                i = f.end;
                if !names::in_fixed_expression(s, f.start, f.end) {
                    out.push(f);
                }
                continue;
            }
            // Skip the whole numeral so 十四 is not read again as 四.
            i += read_cn(&s[i..]).map_or(1, |(_, len)| len);
            continue;
        }
        i += 1;
    }
    out
}

/// A round amount in words, with a qualifier (`近百家`, `百余人`, `逾千万元`, `千万元以上`,
/// `近万人`, `近千亿元`): 百, 千, 万 or 亿 alone, as a number, only so qualified (`百姓`, `千人计划`,
/// `成千上万` are words).
fn round_figure(s: &[char], at: usize) -> Option<RawFigure> {
    let c = *s.get(at)?;
    let glued = at > 0 && (is_cn_numeral(s[at - 1]) || is_digit(s[at - 1]) || s[at - 1] == '第');
    if !matches!(c, '百' | '千' | '万' | '亿') || glued {
        return None;
    }
    // (百万, 百亿 are multipliers.)
    let q = if c == '百' && !matches!(s.get(at + 1), Some('万' | '亿')) {
        read_quantity(s, 100.0, at + 1, false)
    } else {
        read_quantity(s, 1.0, at, false)
    };
    let kind = q.kind?;
    let prefix = prefix_qualifier(s, at);
    if prefix.is_none() && !q.over && suffix_qualifier(s, q.end).is_none() {
        return None;
    }
    Some(finish(s, prefix.map_or(at, |p| p.0), q, kind, prefix.map(|p| p.1), None))
}

/// 百分之十, 百分之5.5
fn percent_words(s: &[char], at: usize) -> Option<RawFigure> {
    let k = at + 3;
    let (v, len) = read_arabic(&s[k..]).or_else(|| read_cn(&s[k..]).map(|(v, l)| (v as f64, l)))?;
    Some(share(s, at, v, k + len))
}

/// A share in words (百分之十, 五分之一) at `at`..`end`: a percent, qualified as `85%` is
/// (约百分之十, 百分之八十五以上, 三分之二以上).
fn share(s: &[char], at: usize, value: f64, end: usize) -> RawFigure {
    let prefix = prefix_qualifier(s, at);
    let q = Quantity { value, end, kind: None, unit: Some("%".into()), over: false, scaled: false };
    finish(s, prefix.map_or(at, |p| p.0), q, FigureKind::Percent, prefix.map(|p| p.1), None)
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn arabic_figure(s: &[char], at: usize, first: usize, reference: Option<Reference>) -> Option<RawFigure> {
    let before = at.checked_sub(1).map(|k| s[k]);
    // Codes and versions (V2.0, 5G, ISO9001), ordinals (第94号), enumerators inside (1).
    if before.is_some_and(|c| is_digit(c) || is_code_char(c) || matches!(c, '.' | '第' | '#' | '/')) {
        return None;
    }
    // 第 3 次: an ordinal across white space.
    let word_before = s[..at].iter().rev().find(|c| !matches!(c, ' ' | '\u{a0}' | '\u{3000}'));
    if word_before == Some(&'第') {
        return None;
    }
    let (value, len) = read_grouped(s, at)?;
    let k = at + len;
    let after = s.get(k).copied();
    // (Kilometres and metres, `163.2km`, `6.5m`, are a unit, not a code's letters.)
    let km = ["km", "m"].iter().any(|u| starts_with(s, k, u) && !s.get(k + u.len()).copied().is_some_and(is_code_char));
    if (after.is_some_and(is_code_char) && !km)
        || (matches!(after, Some('.')) && s.get(k + 1).is_some_and(|c| is_digit(*c)))
        || matches!(after, Some('号') | Some('届') | Some('版'))
    {
        return None;
    }
    if at == first && matches!(after, Some('.') | Some('．') | Some('、')) {
        return None; // list marker
    }
    // A number opening the paragraph and set apart by white space is its section number
    // (`7.2　本预案…`, `3 总则`), unless it is a year (`2023 年，…`) or a measure no title
    // opens with (`108 亩土地…`, `5 亿元…`: a paragraph cut where a page wrapped its line).
    if at == first && after_gap(s, k) > k && !is_year(value, len) && !is_measure(s, value, k) {
        return None;
    }
    if matches!(before, Some('(') | Some('（')) && matches!(after, Some(')') | Some('）')) {
        return None; // (1) enumerator
    }
    let (start, prefix) = match prefix_qualifier(s, at) {
        Some((st, q)) => (st, Some(q)),
        None => (at, None),
    };

    if is_year(value, len) {
        let year = value as i32;
        let nian = after_gap(s, k);
        if s.get(nian) == Some(&'年') {
            let mut f = after_year(s, at, year, nian + 1);
            f.start = start;
            f.amount.qualifier = f.amount.qualifier.or(prefix);
            return Some(f);
        }
        // 2025-03-12, 2025-03
        if let Some(f) = dash_date(s, at, year, k) {
            return Some(f);
        }
        // 2022-2025年, 2022—2025
        if let Some((high, end, with_year)) = year_range(s, k) {
            return Some(RawFigure {
                start,
                end: if with_year { end + 1 } else { end },
                amount: Amount {
                    kind: FigureKind::Year,
                    value: year as f64,
                    high: Some(high),
                    unit: Some("年".into()),
                    qualifier: prefix,
                },
                date: None,
            });
        }
    }

    // A month without a year (4月底, 3月12日) is in the year of publication.
    if let (Some(r), Some(_)) = (reference, month_at(s, at).filter(|_| !matches!(before, Some('个')))) {
        let mut f = after_year(s, at, r.year, at);
        if f.amount.kind == FigureKind::Date {
            f.amount.qualifier = f.amount.qualifier.or(prefix);
            f.start = start;
            return Some(f);
        }
    }
    let q = read_quantity(s, value, k, true);
    let Some(kind) = q.kind else {
        // A range whose first number is bare: 8至10家, 1-2亿元.
        if let Some(f) = bare_range(s, start, value, &q, prefix) {
            return Some(f);
        }
        // A bare amount: 超过100万.
        if q.scaled {
            return Some(finish(s, start, q, FigureKind::Count, prefix, None));
        }
        // A serial (2019-00481, 2021-31318): the year of a code, not a year.
        let serial = after.is_some_and(|c| RANGE_SEPARATORS.contains(&c)) && s.get(k + 1).is_some_and(|c| is_digit(*c));
        // A bare year glued to a word (积极性2023,) is still a year.
        if is_year(value, len)
            && q.end == k
            && !serial
            && !after.is_some_and(|c| is_digit(c) || matches!(c, '%' | '％'))
        {
            return Some(RawFigure {
                start,
                end: k,
                amount: Amount {
                    kind: FigureKind::Year,
                    value,
                    high: None,
                    unit: Some("年".into()),
                    qualifier: prefix,
                },
                date: None,
            });
        }
        return None;
    };
    let range = value_range(s, kind, &q);
    Some(finish(s, start, q, kind, prefix, range))
}

/// A number whose thousands are set apart by a space (`3 000万元`, `1 234.5亿元`, as some
/// statistics write them) or a full-width comma before a unit (`1，234万元`, Word-typed text) is
/// read as one: groups of exactly three digits after a first group of one to three, then perhaps
/// a decimal part. Any other number as `read_arabic` reads it.
fn read_grouped(s: &[char], at: usize) -> Option<(f64, usize)> {
    let (value, len) = read_arabic(&s[at..])?;
    let is_group = |k: usize| {
        matches!(s.get(k), Some(' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '，'))
            && (k + 1..k + 4).all(|j| s.get(j).is_some_and(|c| is_digit(*c)))
            && !s.get(k + 4).is_some_and(|c| is_digit(*c))
    };
    let whole = s[at..at + len].iter().all(|c| is_digit(*c));
    if !whole || len > 3 || !is_group(at + len) {
        return Some((value, len));
    }
    let mut digits: Vec<char> = s[at..at + len].to_vec();
    let mut k = at + len;
    while is_group(k) {
        digits.extend_from_slice(&s[k + 1..k + 4]);
        k += 4;
    }
    if matches!(s.get(k), Some('.' | '．')) && s.get(k + 1).is_some_and(|c| is_digit(*c)) {
        digits.push('.');
        k += 1;
        while s.get(k).is_some_and(|c| is_digit(*c)) {
            digits.push(s[k]);
            k += 1;
        }
    }
    let (grouped, _) = read_arabic(&digits)?;
    // A full-width comma otherwise ends a clause (`共12，345家` only with its unit).
    let q = read_quantity(s, grouped, k, true);
    if s[at..k].contains(&'，') && q.kind.is_none() && !q.scaled {
        return Some((value, len));
    }
    Some((grouped, k - at))
}

/// After a figure with a unit: `-10%` completing 6%-10%.
fn value_range(s: &[char], kind: FigureKind, q: &Quantity) -> Option<Quantity> {
    let k = range_separator(s, q.end)?;
    let (v, len) = read_arabic(&s[k..])?;
    let second = read_quantity(s, v, k + len, true);
    (second.kind == Some(kind) && second.unit == q.unit).then_some(second)
}

/// A range's separator at `at`, white space around it allowed (`3 至 5 个`, `8 - 10 亩`, as
/// Word-pasted pages set them): where the upper bound starts, if one does.
fn range_separator(s: &[char], at: usize) -> Option<usize> {
    let space = |c: &char| matches!(c, ' ' | '\u{a0}' | '\u{3000}');
    let sep = at + s[at..].iter().take(2).take_while(|c| space(c)).count();
    if !RANGE_SEPARATORS.contains(s.get(sep)?) {
        return None;
    }
    let k = sep + 1 + s[sep + 1..].iter().take(2).take_while(|c| space(c)).count();
    // Spaced, the upper bound is digits right there (not `3 - 总则`).
    s.get(k).is_some_and(|c| is_digit(*c)).then_some(k)
}

fn finish(
    s: &[char],
    start: usize,
    q: Quantity,
    kind: FigureKind,
    prefix: Option<Qualifier>,
    range: Option<Quantity>,
) -> RawFigure {
    let (high, mut end) = match &range {
        Some(r) => (Some(r.value), r.end),
        None => (None, q.end),
    };
    let over = q.over || range.as_ref().is_some_and(|r| r.over);
    let mut qualifier = prefix.or(over.then_some(Qualifier::Over));
    if let Some((e, sq)) = suffix_qualifier(s, end) {
        end = e;
        qualifier = qualifier.or(Some(sq));
    }
    RawFigure { start, end, amount: Amount { kind, value: q.value, high, unit: q.unit, qualifier }, date: None }
}

fn bare_range(s: &[char], start: usize, value: f64, q: &Quantity, prefix: Option<Qualifier>) -> Option<RawFigure> {
    if q.over {
        return None;
    }
    let k = range_separator(s, q.end)?;
    let (v, len) = read_arabic(&s[k..])?;
    let second = read_quantity(s, v, k + len, true);
    let kind = second.kind?;
    // The lower bound shares the upper bound's multiplier: 1-2亿元 is 1亿 to 2亿.
    let mult = if v == 0.0 { 1.0 } else { second.value / v };
    let low = Quantity {
        value: scaled(value, mult),
        end: q.end,
        kind: Some(kind),
        unit: second.unit.clone(),
        over: false,
        scaled: second.scaled,
    };
    Some(finish(s, start, low, kind, prefix, Some(second)))
}

fn dash_date(s: &[char], at: usize, year: i32, k: usize) -> Option<RawFigure> {
    if !matches!(s.get(k), Some('-') | Some('/') | Some('.')) {
        return None;
    }
    let sep = s[k];
    let month_len = (k + 1..k + 3).take_while(|&j| s.get(j).is_some_and(|c| is_digit(*c))).count();
    if month_len == 0 || s.get(k + 1 + month_len).is_some_and(|c| is_digit(*c)) {
        return None;
    }
    let month: u32 = (0..month_len).map(|j| digit(s[k + 1 + j]).unwrap_or(0)).fold(0, |a, d| a * 10 + d);
    if !(1..=12).contains(&month) {
        return None;
    }
    let mut end = k + 1 + month_len;
    let mut date = cat(&[&int(i64::from(year)), "-", &two(month)]);
    if s.get(end) == Some(&sep) {
        let day_len = (end + 1..end + 3).take_while(|&j| s.get(j).is_some_and(|c| is_digit(*c))).count();
        if day_len > 0 && !s.get(end + 1 + day_len).is_some_and(|c| is_digit(*c)) {
            let day: u32 = (0..day_len).map(|j| digit(s[end + 1 + j]).unwrap_or(0)).fold(0, |a, d| a * 10 + d);
            if (1..=31).contains(&day) {
                date.push('-');
                date.push_str(&two(day));
                end += 1 + day_len;
            }
        }
    } else if sep != '-' {
        return None; // 2023.5 is a decimal, 2023/5 a ratio: only 2023-05 stands alone
    }
    Some(RawFigure {
        start: at,
        end,
        amount: Amount { kind: FigureKind::Date, value: year as f64, high: None, unit: None, qualifier: None },
        date: Some(date),
    })
}

/// `-2025年` after a year: returns the upper year, the end, and whether 年 follows.
fn year_range(s: &[char], k: usize) -> Option<(f64, usize, bool)> {
    if !RANGE_SEPARATORS.contains(s.get(k)?) {
        return None;
    }
    let (v, len) = read_arabic(&s[k + 1..])?;
    let end = k + 1 + len;
    if !is_year(v, len) || s.get(end).is_some_and(|c| is_digit(*c) || is_code_char(*c)) {
        return None;
    }
    Some((v, end, s.get(end) == Some(&'年')))
}

/// `五分之一`, `三分之二以上`, `千分之五`: a share, as a percent (五分之一 is 20).
fn fraction(s: &[char], at: usize) -> Option<RawFigure> {
    if at > 0 && (is_cn_numeral(s[at - 1]) || s[at - 1] == '第') {
        return None;
    }
    let (den, len) = match s[at] {
        '百' => (100, 1),
        '千' => (1000, 1),
        _ => read_cn(&s[at..])?,
    };
    let k = at + len;
    if den < 2 || !starts_with(s, k, "分之") {
        return None;
    }
    let (num, nlen) = read_cn(&s[k + 2..]).map(|(v, l)| (v as f64, l)).or_else(|| read_arabic(&s[k + 2..]))?;
    Some(share(s, at, num * 100.0 / den as f64, k + 2 + nlen))
}

/// Whether a Chinese numeral is written digit by digit (`二〇〇四`, `二零二三`): a year's
/// spelling, never a count.
fn digit_by_digit(numeral: &[char]) -> bool {
    numeral.iter().enumerate().any(|(k, c)| {
        matches!(c, '〇' | '○')
            || (*c == '零' && k > 0 && !matches!(numeral[k - 1], '十' | '百' | '千' | '拾' | '佰' | '仟'))
    })
}

/// Two neighbouring digits, an estimate: `三四个` is three or four, `一两年` one or two, `七八家`.
fn neighbours(s: &[char], at: usize, start: usize, value: u64, prefix: Option<Qualifier>) -> Option<RawFigure> {
    let next = read_cn(s.get(at + 1..at + 2)?)?.0;
    if !(1..=8).contains(&value) || next != value + 1 || !s[at..at + 2].iter().all(|c| !matches!(c, '十' | '拾')) {
        return None;
    }
    let high = read_quantity(s, next as f64, at + 2, false);
    let kind = high.kind?;
    let unit = high.unit.clone().unwrap_or_default();
    if names::is_name_count(s, &s[at + 1..at + 2], &unit, high.end) || names::in_short_quote(s, at, high.end) {
        return None;
    }
    let low = Quantity {
        value: scaled(value as f64, high.value / next as f64),
        end: at + 1,
        kind: Some(kind),
        unit: high.unit.clone(),
        over: false,
        scaled: high.scaled,
    };
    Some(finish(s, start, low, kind, prefix, Some(high)))
}

/// Counts and amounts in Chinese numerals: 三项, 两个, 十余家, 五亿元, 三到五年. Never 一 alone
/// (一批, 统一), never a name (see `names`).
fn chinese_figure(s: &[char], at: usize) -> Option<RawFigure> {
    let before = at.checked_sub(1).map(|k| s[k]);
    if before.is_some_and(|c| is_cn_numeral(c) || matches!(c, '第' | '统' | '唯' | '之' | '万' | '星' | '周' | '初'))
    {
        return None;
    }
    let (value, int_len) = read_cn(&s[at..])?;
    let numeral = &s[at..at + int_len];
    if digit_by_digit(numeral) || s.get(at + int_len).is_some_and(|c| matches!(c, '〇' | '○' | '零')) {
        return None;
    }
    // A decimal: 点, then digits read one by one (`一点九三平方公里`, `三点五亿元`).
    let (mut point, mut scale, mut len) = (0.0, 1.0, int_len);
    if s.get(at + len) == Some(&'点') {
        for d in s[at + len + 1..].iter().map_while(|c| cn_digit(*c)) {
            scale /= 10.0;
            point += d as f64 * scale;
        }
        if scale < 1.0 {
            len += 1 + s[at + len + 1..].iter().take_while(|c| cn_digit(**c).is_some()).count();
        }
    }
    let (start, prefix) = match prefix_qualifier(s, at) {
        Some((st, q)) => (st, Some(q)),
        None => (at, None),
    };
    if let Some(f) = neighbours(s, at, start, value, prefix).filter(|_| len == int_len) {
        return Some(f);
    }
    let q = read_quantity(s, value as f64 + point, at + len, false);
    let Some(kind) = q.kind else {
        // 三到五年, 一至两个: the lower bound shares the upper bound's unit.
        let sep = *s.get(q.end)?;
        if q.over || q.scaled || !RANGE_SEPARATORS.contains(&sep) {
            return None;
        }
        let (v, l) = read_cn(&s[q.end + 1..])?;
        if v <= value || digit_by_digit(&s[q.end + 1..q.end + 1 + l]) {
            return None;
        }
        let high = read_quantity(s, v as f64, q.end + 1 + l, false);
        let kind = high.kind?;
        let unit = high.unit.clone().unwrap_or_default();
        if names::is_name_count(s, &s[q.end + 1..q.end + 1 + l], &unit, high.end) {
            return None;
        }
        let mult = high.value / v as f64;
        let low = Quantity {
            value: scaled(value as f64, mult),
            end: q.end,
            kind: Some(kind),
            unit: high.unit.clone(),
            over: false,
            scaled: high.scaled,
        };
        return Some(finish(s, start, low, kind, prefix, Some(high)));
    };
    if value < 2 && len == int_len {
        return None;
    }
    let unit = q.unit.clone().unwrap_or_default();
    if kind == FigureKind::Count
        && (names::is_name_count(s, numeral, &unit, q.end) || names::in_short_quote(s, at, q.end))
    {
        return None;
    }
    Some(finish(s, start, q, kind, prefix, None))
}

/// The clause a figure stands in: the text between clause punctuation around it. A clause that
/// is little more than the figure itself (`2023年,`) takes in the next clause, so the reader
/// learns what the figure is about.
pub(crate) fn context(s: &[char], start: usize, end: usize) -> String {
    let is_break = |k: usize| -> bool {
        let c = s[k];
        match c {
            // A tab separates table cells (see `crate::page`).
            '，' | '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '\n' | '\t' => true,
            // 1,415 keeps its comma; a comma between words ends a clause.
            ',' => !(k > 0 && is_digit(s[k - 1]) && s.get(k + 1).is_some_and(|c| is_digit(*c))),
            _ => false,
        }
    };
    let mut a = start;
    while a > 0 && !is_break(a - 1) {
        a -= 1;
    }
    let mut b = end;
    while b < s.len() && !is_break(b) {
        b += 1;
    }
    let own = (b - a) - (end - start);
    if own < 4 && b < s.len() && s[b] != '。' {
        b += 1;
        while b < s.len() && !is_break(b) {
            b += 1;
        }
    }
    s[a..b].iter().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests;
