//! Heading lines: 一、 / (一) （一） / 1. 1． 1、 / (1) （1）, with run-in titles
//! (`(一)加强基础研究,提升创新策源能力。依托…`: the title is the first sentence, the rest is
//! the section's first paragraph).

use super::numeral::{digit, is_digit, read_cn};
use crate::text::starts_with;

/// A numbering style. Which style is which level is decided per document, by first appearance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// 一、
    ChineseComma,
    /// (一) （一）
    ChineseParen,
    /// 1. 1． 1、
    ArabicDot,
    /// (1) （1）
    ArabicParen,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct HeadingLine {
    pub style: Style,
    pub n: u64,
    /// As written, without the trailing delimiter: `一`, `(一)`, `（二）`, `1`, `(3)`.
    pub number: String,
    /// Where the title stands in the line, in chars (trimmed).
    pub title: (usize, usize),
    /// Where the rest of a run-in heading's line stands: the section's first paragraph.
    pub body: Option<(usize, usize)>,
}

/// Words that open the first sentence of a body, used to find where a run-in title with a
/// dropped full stop ends (三(一) of the bundled reply: `…建设成效显现我市市级挂牌…`).
const SENTENCE_OPENERS: &[&str] =
    &["我市", "我局", "我委", "我区", "我县", "我省", "我们", "近年来", "目前", "截至", "一是"];

/// A run-in title longer than this is not a title: look for where the body starts instead.
const MAX_TITLE: usize = 40;

fn read_digits(s: &[char]) -> Option<(u64, usize)> {
    let len = s.iter().take_while(|c| is_digit(**c)).count();
    if len == 0 || len > 5 {
        return None;
    }
    let n = s[..len].iter().fold(0u64, |a, c| a * 10 + u64::from(digit(*c).unwrap_or(0)));
    Some((n, len))
}

/// Recognises a heading line. Does not judge the sequence: see `blocks` in the parser.
pub(crate) fn parse_heading(line: &str) -> Option<HeadingLine> {
    // Only the head of the line can hold a number (at most （九千九百九十九）、 and a space):
    // most lines are long paragraphs, so the rest is read only for a heading.
    let s: Vec<char> = line.chars().take(16).collect();
    let open = matches!(s.first(), Some('(') | Some('（'));
    let (style, n, number_end, rest_at) = if open {
        let (style, (n, len)) = match read_cn(&s[1..]) {
            Some(v) => (Style::ChineseParen, v),
            None => (Style::ArabicParen, read_digits(&s[1..])?),
        };
        let close = 1 + len;
        if !matches!(s.get(close), Some(')') | Some('）')) {
            return None;
        }
        // （一）、 and （一） followed by a space both occur.
        let mut rest = close + 1;
        if matches!(s.get(rest), Some('、') | Some(' ') | Some('\u{3000}')) {
            rest += 1;
        }
        (style, n, close + 1, rest)
    } else {
        let (style, (n, len)) = match read_cn(&s) {
            Some(v) => (Style::ChineseComma, v),
            None => (Style::ArabicDot, read_digits(&s)?),
        };
        let delim = s.get(len)?;
        let ok = match style {
            Style::ChineseComma => matches!(delim, '、' | '，' | ',' | '．' | '.'),
            _ => matches!(delim, '、' | '．' | '.') && !s.get(len + 1).is_some_and(|c| is_digit(*c)),
        };
        if !ok {
            return None;
        }
        (style, n, len, len + 1)
    };
    if n == 0 {
        return None;
    }
    let number: String = s[..number_end].iter().collect();
    let line: Vec<char> = line.chars().collect();
    let mut at = rest_at.min(line.len());
    while line.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    let (title, body) = split_run_in(&line[at..]);
    let shift = |(a, b): (usize, usize)| (a + at, b + at);
    Some(HeadingLine { style, n, number, title: shift(title), body: body.map(shift) })
}

/// `a..b` of `s` without the white space at its ends.
fn trimmed(s: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && s[a].is_whitespace() {
        a += 1;
    }
    while b > a && s[b - 1].is_whitespace() {
        b -= 1;
    }
    (a, b)
}

type Range = (usize, usize);

/// Splits a heading's text into its title and the body that runs on after it (char ranges).
fn split_run_in(rest: &[char]) -> (Range, Option<Range>) {
    let body_from = |a: usize| Some(trimmed(rest, a, rest.len())).filter(|(a, b)| a < b);
    let stop = rest.iter().position(|c| matches!(c, '。' | '！' | '？' | '；'));
    match stop {
        Some(p) if p <= MAX_TITLE => return (trimmed(rest, 0, p), body_from(p + 1)),
        _ => {}
    }
    // No full stop where a title would end: the title may run straight into the body.
    let limit = stop.unwrap_or(rest.len()).min(MAX_TITLE);
    let clause_end = rest.iter().position(|c| matches!(c, ',' | '，')).unwrap_or(rest.len());
    if let Some(k) = (4..limit.min(clause_end)).find(|&k| SENTENCE_OPENERS.iter().any(|w| starts_with(rest, k, w))) {
        return (trimmed(rest, 0, k), body_from(k));
    }
    match stop {
        // A long first sentence and no opener: keep the sentence as the title, nothing is lost.
        Some(p) => (trimmed(rest, 0, p), body_from(p + 1)),
        None => (trimmed(rest, 0, rest.len()), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (style, n, number, title, body) of a heading line, the title and body as text.
    fn h(line: &str) -> (Style, u64, String, String, Option<String>) {
        let h = parse_heading(line).unwrap_or_else(|| panic!("{line} is a heading"));
        let chars: Vec<char> = line.chars().collect();
        let text = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
        (h.style, h.n, h.number, text(h.title), h.body.map(text))
    }

    #[test]
    fn chinese_comma_headings() {
        let (style, n, number, title, body) = h("一、立足产业需求,围绕重点领域开展改革创新");
        assert_eq!(
            (style, n, number.as_str(), title.as_str(), body),
            (Style::ChineseComma, 1, "一", "立足产业需求,围绕重点领域开展改革创新", None)
        );
        assert_eq!(h("十一、其他").1, 11);
        assert_eq!(h("一百零一、附则").1, 101);
        assert_eq!(h("四百九十九、最后一节").1, 499);
        assert_eq!(h("二，关于经费").1, 2);
        assert_eq!(h("三．关于人才").1, 3);
    }

    #[test]
    fn chinese_paren_headings_half_and_full_width() {
        let (style, n, number, title, body) = h("(一)加强基础研究,提升创新策源能力。依托北大、武大等高校。");
        assert_eq!(
            (style, n, number.as_str(), title.as_str()),
            (Style::ChineseParen, 1, "(一)", "加强基础研究,提升创新策源能力")
        );
        assert_eq!(body.as_deref(), Some("依托北大、武大等高校。"));
        let (style, n, number, title, _) = h("（二）创新科技金融产品。建立体系。");
        assert_eq!((style, n, number.as_str(), title.as_str()), (Style::ChineseParen, 2, "（二）", "创新科技金融产品"));
        assert_eq!(h("（十二）、其他").1, 12);
    }

    #[test]
    fn arabic_headings() {
        let (style, n, number, title, _) = h("1.加强组织领导");
        assert_eq!((style, n, number.as_str(), title.as_str()), (Style::ArabicDot, 1, "1", "加强组织领导"));
        assert_eq!(h("2．强化资金保障。每年安排资金。").3, "强化资金保障");
        assert_eq!(h("3、优化服务").1, 3);
        assert_eq!(h("１２.全角数字").1, 12);
        let (style, n, number, _, _) = h("(1)设立专项");
        assert_eq!((style, n, number.as_str()), (Style::ArabicParen, 1, "(1)"));
        assert_eq!(h("（2）设立专项").0, Style::ArabicParen);
    }

    #[test]
    fn not_headings() {
        assert!(parse_heading("2023年,出台办法").is_none());
        assert!(parse_heading("1.5亿元已拨付").is_none());
        assert!(parse_heading("一是加强领导").is_none());
        assert!(parse_heading("十四届二次会议").is_none());
        assert!(parse_heading("(2022-2025)").is_none());
        assert!(parse_heading("2023.5").is_none());
    }

    #[test]
    fn run_in_title_without_full_stop() {
        let (_, _, _, title, body) = h("(一)新型研发机构建设成效显现我市市级挂牌成立的新型研发机构有20家,在建设规模、技术研发、成果转化、服务企业、集聚高端人才等方面取得明显成效。累计开展技术研发300余项。");
        assert_eq!(title, "新型研发机构建设成效显现");
        assert!(body.is_some_and(|b| b.starts_with("我市市级挂牌")));
    }
}
