//! Dates of the document: the date line under the signature (`2023年8月22日`,
//! `二〇二三年八月二十二日`) and the year relative dates resolve against.

use super::numeral::{self, read_arabic};

/// A date line of the signature: `2023年8月22日`, `二〇二三年八月二十二日`, `2023-08-22`.
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
            )
    };
    s.iter().all(allowed) && (s.last() == Some(&'日') || s.iter().filter(|c| numeral::is_digit(**c)).count() >= 6)
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
