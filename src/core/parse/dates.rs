//! Dates of the document: the date line under the signature (`2023年8月22日`,
//! `二〇二三年八月二十二日`) and the year relative dates resolve against.

use super::numeral::{self, read_arabic};
use crate::util::uint;

/// A date line of the signature: `2023年8月22日`, `二〇二三年八月二十二日`, `2023-08-22`, `2023年8月22号`.
pub(super) fn is_date_line(line: &str) -> bool {
    let s: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    if s.len() < 6 || s.len() > 14 {
        return false;
    }
    let allowed = |c: &char| {
        numeral::is_digit(*c)
            || matches!(
                c,
                '〇' | '零'
                    | '○'
                    | 'O'
                    | 'Ｏ'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '年'
                    | '月'
                    | '日'
                    | '-'
                    | '.'
                    | '/'
                    | '－'
                    | '．'
                    | '／'
                    | '号'
            )
    };
    // The day may end in 号 as spoken (`2024年3月5号`), after a month only.
    let day_end = s.last() == Some(&'日') || (s.last() == Some(&'号') && s.contains(&'月'));
    s.iter().all(allowed) && (day_end || s.iter().filter(|c| numeral::is_digit(**c)).count() >= 6)
}

/// The year of a date written in any of the genre's ways, for resolving 今年.
pub(super) fn year_of(text: &str) -> Option<i32> {
    let s: Vec<char> = text.chars().collect();
    (0..s.len()).find_map(|i| {
        if i > 0 && numeral::is_digit(s[i - 1]) {
            return None;
        }
        let (v, len) = read_arabic(&s[i..])?;
        (len == 4 && v.fract() == 0.0 && (1900.0..=2100.0).contains(&v)).then_some(v as i32)
    })
}

/// A digit of a date, Arabic (ASCII, full-width) or Chinese (`〇`, `○`, `O` for zero).
fn date_digit(c: char) -> Option<u32> {
    numeral::digit(c).or(match c {
        '〇' | '○' | '零' | 'O' | 'Ｏ' | 'o' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    })
}

/// A year: four digits (`2019`, `二〇一九`), no fifth after them.
fn read_year(s: &[char]) -> Option<u32> {
    let mut y = 0;
    for c in s.get(..4)? {
        y = y * 10 + date_digit(*c)?;
    }
    s.get(4).is_none_or(|c| date_digit(*c).is_none()).then_some(y)
}

/// A month or a day: one or two Arabic digits (`9`, `09`), or a Chinese number up to 三十一
/// (`七`, `十二`, `二十二`). Returns it and its length.
fn read_small(s: &[char]) -> Option<(u32, usize)> {
    if numeral::is_digit(*s.first()?) {
        let mut v = 0;
        let mut n = 0;
        while let Some(d) = s.get(n).and_then(|c| numeral::digit(*c)) {
            v = v * 10 + d;
            n += 1;
            if n > 2 {
                return None;
            }
        }
        return Some((v, n));
    }
    // 七, 十, 十二, 二十, 二十二, 三十一; 〇七 too.
    let mut n = 0;
    let mut v = 0;
    let mut tens = false;
    while let Some(&c) = s.get(n) {
        if c == '十' && !tens {
            v = if n == 0 { 1 } else { v } * 10;
            tens = true;
        } else if let Some(d) = date_digit(c).filter(|_| !numeral::is_digit(c)) {
            v = if tens { v + d } else { v * 10 + d };
        } else {
            break;
        }
        n += 1;
        if n > 3 {
            return None;
        }
    }
    (n > 0).then_some((v, n))
}

/// The first date in a text, as `YYYY-MM-DD`, and the char just after it: `2019年02月15日`,
/// `二〇〇六年九月七日`, `2019-2-15`, `2022/12/21`, `2019.02.15`, `2019 年 2 月 15 日`.
pub(super) fn find_date(text: &str) -> Option<(String, usize)> {
    find_date_span(text).map(|(d, _, end)| (d, end))
}

/// The first date in a text, as `YYYY-MM-DD`, with where it starts and the char just after it.
pub(super) fn find_date_span(text: &str) -> Option<(String, usize, usize)> {
    let s: Vec<char> = text.chars().collect();
    let skip = |mut k: usize| {
        while s.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        k
    };
    for i in 0..s.len() {
        if i > 0 && date_digit(s[i - 1]).is_some() {
            continue;
        }
        let Some(year) = read_year(&s[i..]) else { continue };
        let mut k = skip(i + 4);
        let sep = match s.get(k) {
            Some(&c @ ('年' | '-' | '/' | '.' | '－' | '／' | '．')) => c,
            _ => continue,
        };
        k = skip(k + 1);
        let Some((month, n)) = read_small(&s[k..]) else { continue };
        k = skip(k + n);
        let month_sep = if sep == '年' { '月' } else { sep };
        if s.get(k) != Some(&month_sep) {
            continue;
        }
        k = skip(k + 1);
        let Some((day, n)) = read_small(&s[k..]) else { continue };
        k += n;
        if sep == '年' {
            let after = skip(k);
            if matches!(s.get(after), Some('日' | '号')) {
                k = after + 1;
            }
        }
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1900..=2100).contains(&year) {
            continue;
        }
        return Some((iso(year, month, day), i, k));
    }
    None
}

/// A date written without separators, alone on a line as some signatures have it: `20211026`,
/// `2019615` (2019-06-15), `202062` (2020-06-02), `2025 915` (2025-09-15), and with the 日
/// the font kept (`2022524日`: 2022-05-24).
fn compact_date(line: &str) -> Option<String> {
    let mut d: Vec<u32> = Vec::new();
    // White space inside too, where the font of 年 and 月 was lost (`2025 915`).
    let line = line.trim();
    for c in line.strip_suffix('日').unwrap_or(line).chars().filter(|c| !c.is_whitespace()) {
        d.push(numeral::digit(c)?);
    }
    if !(6..=8).contains(&d.len()) {
        return None;
    }
    let year = d[..4].iter().fold(0, |v, x| v * 10 + x);
    let rest = &d[4..];
    let (month, day) = match rest.len() {
        2 => (rest[0], rest[1]),
        3 if rest[0] != 0 && rest[1] * 10 + rest[2] <= 31 && rest[1] * 10 + rest[2] > 0 => {
            (rest[0], rest[1] * 10 + rest[2])
        }
        3 => (rest[0] * 10 + rest[1], rest[2]),
        _ => (rest[0] * 10 + rest[1], rest[2] * 10 + rest[3]),
    };
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| iso(year, month, day))
}

fn iso(year: u32, month: u32, day: u32) -> String {
    let two = |v: u32| [char::from(b'0' + (v / 10) as u8), char::from(b'0' + (v % 10) as u8)];
    let mut out = uint(year as usize);
    out.push('-');
    out.extend(two(month));
    out.push('-');
    out.extend(two(day));
    out
}

/// The date of a signature's date line, or of a metadata value, as `YYYY-MM-DD`.
/// A compact date beside the office on its line (`某局　2022711`) is a word of its own.
pub(super) fn date_of(text: &str) -> Option<String> {
    find_date(text)
        .map(|(d, _)| d)
        .or_else(|| compact_date(text))
        .or_else(|| text.split_whitespace().find_map(compact_date))
}

/// A line that is a date and nothing more of substance: `2016年`, `2018年8月21日 星期二`,
/// `2021-08-23 15:26`. Never a title.
pub(super) fn is_dateish(line: &str) -> bool {
    let line = line.trim();
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if is_date_line(&squeezed) || compact_date(&squeezed).is_some() {
        return true;
    }
    let chars: Vec<char> = squeezed.chars().collect();
    // A year alone: 2016年.
    if chars.len() <= 5 && chars.last() == Some(&'年') && read_year(&chars).is_some() {
        return true;
    }
    let Some((_, end)) = find_date(line) else { return false };
    // Nothing before the date but a bullet, nothing after it but a time and a weekday.
    let before = line.chars().take(end).filter(|c| !c.is_whitespace()).count();
    before <= 15
        && line.chars().skip(end).all(|c| {
            c.is_whitespace()
                || numeral::is_digit(c)
                || matches!(
                    c,
                    ':' | '：'
                        | '星'
                        | '期'
                        | '一'
                        | '二'
                        | '三'
                        | '四'
                        | '五'
                        | '六'
                        | '日'
                        | '天'
                        | '|'
                        | ')'
                        | '）'
                        | ']'
                        | '】'
                )
        })
}

/// Words of a date's key that dates the page, its printing or a rule's validity, not the
/// document: a footer's `发布时间：…` or a 版记's `印发日期：…` under the text is no signature's.
pub(super) const NOT_SIGNED: &str = "发布|印发|打印|更新|上传|发稿|公开|生成|访问|浏览|生效|实施|失效|废止";

/// A date alone on a line as signatures write it, a trailing separator or full stop aside
/// (`2018年6月28日 |`, `2018年6月28日。`), a weekday after it (`2023年8月22日 星期二`), in
/// brackets or after a date's label (`（2023年9月25日）`, `日期：2023年9月25日`; never the page's
/// or the record's: 发布时间, 生成日期), or a note in brackets after it: short
/// (`2023年9月25日（此件公开发布）`) or the contact's (`（联系人：李四，联系电话：…）`).
pub(super) fn is_signature_date(line: &str) -> bool {
    // (In a table's cell, its bars around it: `| | 2023年9月25日 |`.)
    let t = line
        .trim()
        .trim_start_matches(['|', '｜', ' ', '\u{3000}'])
        .trim_end_matches(['|', '｜', ' ', '\u{3000}', '。']);
    // In brackets of its own (`（2023年9月25日）`), after a date's label (`日期：2023年9月25日`).
    let inner = t.strip_prefix(['（', '(']).and_then(|x| x.strip_suffix(['）', ')'])).unwrap_or(t);
    let inner = match inner.split_once([':', '：']) {
        Some((key, date))
            if key.chars().count() <= 6
                && (key.ends_with("日期") || key.ends_with("时间"))
                && !key.contains(char::is_whitespace)
                && !crate::text::words(NOT_SIGNED).any(|w| key.contains(w)) =>
        {
            date.trim()
        }
        _ => inner,
    };
    if is_date_line(t) || is_date_line(inner) {
        return true;
    }
    let weekday = t.char_indices().rev().nth(2).and_then(|(at, _)| {
        let day = t[at..].strip_prefix("星期").filter(|d| "一二三四五六日天".contains(*d))?;
        (!day.is_empty()).then(|| t[..at].trim_end())
    });
    if weekday.is_some_and(is_date_line) {
        return true;
    }
    let Some(head) = t.strip_suffix(['）', ')']).and_then(|h| h.rfind(['（', '(']).map(|at| &h[..at])) else {
        return false;
    };
    let note = t[head.len()..].trim_start_matches(['（', '(']);
    let contact = ["联系", "此件", "主动公开", "依申请公开"].iter().any(|w| note.starts_with(w));
    (contact || t.chars().count() - head.chars().count() <= 12) && is_date_line(head.trim_end())
}

#[cfg(test)]
mod tests;
