//! Heading lines: 一、 / (一) （一） / 1. 1． 1、 / (1) （1）, the parts of regulations (第一章 /
//! 第一节 / 第一条) and decimal numbering (`1　总则`, `1.1　编制目的`, `1.2.1　…`), with run-in
//! titles (`(一)加强基础研究,提升创新策源能力。依托…`: the title is the first sentence, the
//! rest is the section's first paragraph).

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
    /// 第一部分
    Division,
    /// 第一章
    Chapter,
    /// 第一节
    Part,
    /// 第一条 (an article of a regulation: its title is run in)
    Article,
    /// `1　总则` (depth 1), `1.1　…` (2), `1.2.1　…` (3): a number that holds its parents'.
    Decimal(u8),
    /// `01综合`, `02 农业` … `12资源、环境和应急管理`: two digits, zero-padded below 10, and a
    /// short title with no delimiter between (the parts of a provincial 统计公报).
    Padded,
}

impl Style {
    /// Whether a number of this style may go on from where it stopped under an earlier parent
    /// (（三） under 二、 after （一）（二） under 一、; 第五条 in 第二章): all but decimal
    /// numbers, which hold their parent's number.
    pub(crate) fn runs_on(self) -> bool {
        !matches!(self, Style::Decimal(_))
    }

    /// How high a part of a regulation stands: 第一部分 (4) holds 第一章 (3), which holds 第一节
    /// (2), which holds 第一条 (1). Such a part nests only under a higher one: after `一、` and
    /// `（一）` headings, `第二部分` starts at the top. Other styles are 0: they nest by first
    /// appearance.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Style::Division => 4,
            Style::Chapter => 3,
            Style::Part => 2,
            Style::Article => 1,
            _ => 0,
        }
    }
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
const SENTENCE_OPENERS: &str = "我市|我局|我委|我区|我县|我省|我们|近年来|目前|截至|一是";

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
    if let Some(h) = regulation_part(line, &s).or_else(|| decimal(line, &s)) {
        return Some(h);
    }
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
        // `一 、总体要求`: a space the editor left before the delimiter.
        let len = if s.get(len).is_some_and(|c| *c == ' ' || *c == '\u{3000}') && s.get(len + 1) == Some(&'、') {
            len + 1
        } else {
            len
        };
        let delim = s.get(len)?;
        let ok = match style {
            Style::ChineseComma => matches!(delim, '、' | '，' | ',' | '．' | '.'),
            _ => {
                matches!(delim, '、' | '．' | '.')
                    && (!s.get(len + 1).is_some_and(|c| is_digit(*c)) || year_after(&s[len + 1..]))
            }
        };
        if !ok {
            return None;
        }
        // The number as written, without the space before its delimiter.
        let number_end = s[..len].iter().rposition(|c| !c.is_whitespace()).map_or(len, |p| p + 1);
        (style, n, number_end, len + 1)
    };
    if n == 0 {
        return None;
    }
    finish(line, style, n, s[..number_end].iter().collect(), rest_at)
}

/// A line that is only a heading's number and its delimiter (`一、`, `（二）`, `1.`, `第三章`):
/// read as a heading with a one-char title put after it, the title then being just that char.
/// Its title and body ranges mean nothing.
pub(crate) fn number_only(line: &str) -> Option<HeadingLine> {
    let n = line.chars().count();
    let mut probe = String::with_capacity(line.len() + 3);
    probe.push_str(line);
    probe.push('题');
    parse_heading(&probe).filter(|h| h.title == (n, n + 1) && h.body.is_none())
}

/// The whole heading once its number is read: `rest_at` is where the title may start.
fn finish(line: &str, style: Style, n: u64, number: String, rest_at: usize) -> Option<HeadingLine> {
    let line: Vec<char> = line.chars().collect();
    let mut at = rest_at.min(line.len());
    while line.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    if at >= line.len() {
        return None;
    }
    // A list of the page's chrome (`1. 当前位置:`, `2. 首页 > 政务公开`, `3. > 正文`): no heading.
    let rest: String = line[at..].iter().collect();
    let crumb = |c: &char| matches!(c, '>' | '＞' | '›' | '»');
    if super::is_chrome(&rest) || crumb(&line[at]) || rest.chars().filter(crumb).count() >= 2 {
        return None;
    }
    let (title, body) = match style {
        Style::Division | Style::Chapter | Style::Part | Style::Decimal(1) => ((at, line.len()), None),
        _ => {
            let (t, b) = split_run_in(&line[at..]);
            ((t.0 + at, t.1 + at), b.map(|(x, y)| (x + at, y + at)))
        }
    };
    // Never a heading without a title (`（一）。…`).
    if title.0 >= title.1 {
        return None;
    }
    Some(HeadingLine { style, n, number, title, body })
}

/// 第一部分 / 第一章 / 第一节 / 第一条: the number, then the title.
fn regulation_part(line: &str, s: &[char]) -> Option<HeadingLine> {
    if s.first() != Some(&'第') {
        return None;
    }
    let (n, len) = read_cn(&s[1..])?;
    let (style, end) = match (s.get(1 + len)?, s.get(2 + len)) {
        ('部', Some('分')) => (Style::Division, 3 + len),
        ('章', _) => (Style::Chapter, 2 + len),
        ('节', _) => (Style::Part, 2 + len),
        ('条', _) => (Style::Article, 2 + len),
        _ => return None,
    };
    // A chapter needs white space or a short line of its own (第一章总则); an article, whose
    // text runs on, is read without either (第一条为了…), and `blocks` takes articles only where
    // a text holds two or more of them.
    let spaced = s.get(end).is_some_and(|c| c.is_whitespace());
    let short = line.chars().count() <= 20 && !line.contains(['。', '，', ',', '；', '：', ':']);
    if n == 0 || !(spaced || short || style == Style::Article) {
        return None;
    }
    finish(line, style, n, s[..end].iter().collect(), end)
}

/// Whether an item's text opens with a year right after its `1.` (`1.2017-2021年安排…`,
/// `2.2020年…`): four digits 19xx or 20xx, then 年 or a dash and another such year and 年. A
/// decimal (`1.5亿元`, `1.2020万元`) is no item.
fn year_after(s: &[char]) -> bool {
    let year = |s: &[char]| {
        s.len() >= 4 && s[..4].iter().all(char::is_ascii_digit) && matches!(s[..2], ['1', '9'] | ['2', '0'])
    };
    if !year(s) {
        return false;
    }
    match s.get(4) {
        Some('年') => true,
        Some('-' | '—' | '－' | '~' | '至') => s.get(5..).is_some_and(year) && s.get(9) == Some(&'年'),
        _ => false,
    }
}

/// `1　总则`, `1.1　编制目的及依据`, `1.2.1　国家级…`: digits joined by dots, then white space
/// and a title that is no number (`1.5亿元`, `2023 年` are prose).
fn decimal(line: &str, s: &[char]) -> Option<HeadingLine> {
    let mut parts = 0u8;
    let mut at = 0;
    let mut n;
    loop {
        let (v, len) = read_digits(&s[at..])?;
        n = v;
        parts += 1;
        at += len;
        match (s.get(at), s.get(at + 1)) {
            (Some('.' | '．'), Some(c)) if is_digit(*c) => at += 1,
            _ => break,
        }
    }
    if parts > 4 || !s.get(at).is_some_and(|c| c.is_whitespace()) {
        return None;
    }
    let mut t = at;
    while s.get(t).is_some_and(|c| c.is_whitespace()) {
        t += 1;
    }
    // The title opens with a letter that is no digit or unit (`1 000元`, `3 年`).
    let title_ok = s.get(t).is_some_and(|c| {
        c.is_alphabetic() && !is_digit(*c) && !matches!(c, '年' | '月' | '日' | '元' | '万' | '亿' | '个' | '%')
    });
    // A depth-1 number is a heading only on a short line of its own (`1　总则`).
    if n == 0 || !title_ok || (parts == 1 && line.chars().count() > 30) {
        return None;
    }
    finish(line, Style::Decimal(parts), n, s[..at].iter().collect(), at)
}

/// The longest line a two-digit section number (`01综合`) stands on, in chars.
const PADDED_MAX: usize = 24;

/// `01综合`, `02 农业`, `10科学技术与教育`: two digits and a short title of words (no digit, no
/// punctuation but `、`). Read apart from [`parse_heading`]: only a text that numbers its parts
/// `01`, `02` … reads them (see `blocks`), elsewhere `10 附则` is a decimal number and
/// `12月份` prose.
pub(crate) fn padded(line: &str) -> Option<HeadingLine> {
    let s: Vec<char> = line.chars().collect();
    if s.len() > PADDED_MAX || s.len() < 3 || !is_digit(s[0]) || !is_digit(s[1]) {
        return None;
    }
    let n = u64::from(digit(s[0])? * 10 + digit(s[1])?);
    let mut t = 2;
    while s.get(t).is_some_and(|c| c.is_whitespace()) {
        t += 1;
    }
    let words = s[t..].iter().all(|c| (c.is_alphabetic() && !is_digit(*c)) || matches!(c, '、' | ' ' | '\u{3000}'));
    let first = s.get(t)?;
    let unit =
        matches!(first, '年' | '月' | '日' | '元' | '万' | '亿' | '个' | '号' | '届' | '时' | '点' | '分' | '秒');
    if n == 0 || !words || unit {
        return None;
    }
    Some(HeadingLine {
        style: Style::Padded,
        n,
        number: s[..2].iter().collect(),
        title: trimmed(&s, t, s.len()),
        body: None,
    })
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
    // Half-width ; ! ? too: some sites (and crawls) fold full-width punctuation.
    let stop = rest.iter().position(|c| matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?'));
    match stop {
        Some(p) if p <= MAX_TITLE => return (trimmed(rest, 0, p), body_from(p + 1)),
        _ => {}
    }
    // No full stop where a title would end: the title may run straight into the body.
    let limit = stop.unwrap_or(rest.len()).min(MAX_TITLE);
    // The opener must stand in the first clause (`需要说明的是:目前…` is one title).
    let clause_end = rest.iter().position(|c| matches!(c, ',' | '，' | ':' | '：')).unwrap_or(rest.len());
    if let Some(k) =
        (4..limit.min(clause_end)).find(|&k| crate::text::words(SENTENCE_OPENERS).any(|w| starts_with(rest, k, w)))
    {
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
        let (style, n, number, title, _) = h("四 、关于场地");
        assert_eq!((style, n, number.as_str(), title.as_str()), (Style::ChineseComma, 4, "四", "关于场地"));
        assert_eq!(h("5 、加强宣传").2, "5");
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
        assert!(parse_heading("（一）。后面是正文").is_none(), "no title");
        assert!(parse_heading("二、").is_none(), "no title");
        // A numbered list of the page's chrome: a breadcrumb as `<ol>` items.
        assert!(parse_heading("1. 当前位置:").is_none());
        assert!(parse_heading("2. 首页 > 政务公开 > 政协提案").is_none());
        assert!(parse_heading("3. > 正文").is_none());
        assert!(parse_heading("2.加强道路>桥梁养护").is_some(), "one > inside a title");
    }

    #[test]
    fn run_in_title_without_full_stop() {
        let (_, _, _, title, body) = h("(一)新型研发机构建设成效显现我市市级挂牌成立的新型研发机构有20家,在建设规模、技术研发、成果转化、服务企业、集聚高端人才等方面取得明显成效。累计开展技术研发300余项。");
        assert_eq!(title, "新型研发机构建设成效显现");
        assert!(body.is_some_and(|b| b.starts_with("我市市级挂牌")));
    }

    #[test]
    fn regulation_parts_and_decimal_numbers() {
        let (style, n, number, title, body) =
            h("第十二条　纳税人发生的医药费用支出可以选择由本人扣除；未成年子女的由其父母扣除。");
        assert_eq!((style, n, number.as_str()), (Style::Article, 12, "第十二条"));
        assert_eq!(title, "纳税人发生的医药费用支出可以选择由本人扣除");
        assert_eq!(body.as_deref(), Some("未成年子女的由其父母扣除。"));
        let (style, n, number, title, _) = h("第一章　总　　则");
        assert_eq!((style, n, number.as_str(), title.as_str()), (Style::Chapter, 1, "第一章", "总　　则"));
        assert_eq!(h("第三节 资金管理").0, Style::Part);
        assert_eq!(h("第二部分　主要任务").2, "第二部分");
        let (style, n, number, title, _) = h("1.2.1　国家级（Ⅰ级）：两个以上省出现应急状态。");
        assert_eq!((style, n, number.as_str()), (Style::Decimal(3), 1, "1.2.1"));
        assert_eq!(title, "国家级（Ⅰ级）：两个以上省出现应急状态");
        assert_eq!(h("2　组织机构和职责").0, Style::Decimal(1));
        // Prose that opens like one.
        assert!(parse_heading("第一批试点已经启动，共有五个区县参加，今年底完成。").is_none());
        assert!(parse_heading("1 000元").is_none());
        assert!(parse_heading("2023 年投入资金").is_none());
        // An item whose text opens with a year (`1.2017-2021年…`) is one; a decimal is prose.
        let (style, n, number, title, _) = h("1.2017-2021年安排上级专项资金共计454万元;");
        assert_eq!((style, n, number.as_str()), (Style::ArabicDot, 1, "1"));
        assert_eq!(title, "2017-2021年安排上级专项资金共计454万元");
        assert_eq!(h("2.2020年本级财力安排资金37.61万元。").2, "2");
        assert!(parse_heading("1.2020万元用于设备购置。").is_none());
        assert!(parse_heading("1.2017亿元").is_none());
        assert!(parse_heading("1　总则部分这一行太长了不像是一个独立成行的标题而是一段话的开头部分。").is_none());
    }

    #[test]
    fn numbers_alone_on_their_line() {
        for (line, number) in
            [("一、", "一"), ("（二）", "（二）"), ("3.", "3"), ("第三章", "第三章"), ("（1）", "（1）")]
        {
            assert_eq!(number_only(line).map(|h| h.number), Some(number.to_string()), "{line}");
        }
        for line in ["一、总体要求", "第三章　总则", "附件", "2023年", "一"] {
            assert!(number_only(line).is_none(), "{line}");
        }
    }

    #[test]
    fn two_digit_section_numbers() {
        let p = |line: &str| {
            padded(line).map(|h| {
                let title: String = line.chars().skip(h.title.0).take(h.title.1 - h.title.0).collect();
                (h.style, h.n, h.number, title)
            })
        };
        assert_eq!(p("01综合"), Some((Style::Padded, 1, "01".to_string(), "综合".to_string())));
        assert_eq!(p("02  农业"), Some((Style::Padded, 2, "02".to_string(), "农业".to_string())));
        assert_eq!(
            p("11文化旅游、卫生健康与体育").map(|h| (h.1, h.3)),
            Some((11, "文化旅游、卫生健康与体育".to_string()))
        );
        // Dates, amounts, sentences and long lines are prose; one digit is another style.
        for line in
            ["12月份完成", "10万元", "01", "10家企业签约，总投资5亿元。", "1综合", "100项目", "03第三季度2023年"]
        {
            assert_eq!(p(line), None, "{line}");
        }
        assert_eq!(p("05这一行的标题太长了不像是一个统计公报里面的部分标题吧"), None);
    }

    #[test]
    fn run_in_title_ends_at_half_width_stops_too() {
        let (_, _, _, title, body) = h("(一)加强组织领导;成立工作专班,明确责任分工。");
        assert_eq!(title, "加强组织领导");
        assert_eq!(body.as_deref(), Some("成立工作专班,明确责任分工。"));
        assert_eq!(h("2.抓好落实!各地要高度重视。").3, "抓好落实");
    }

    #[test]
    fn run_in_title_reaches_past_a_colon() {
        let (_, _, _, title, body) = h("二、需要向您说明的是:目前项目场地平整已完成,现场办公区搭设完成,水电开始安装,土方已开挖,同步加快土地手续办理。下一步将加快推进。");
        assert_eq!(
            title,
            "需要向您说明的是:目前项目场地平整已完成,现场办公区搭设完成,水电开始安装,土方已开挖,同步加快土地手续办理"
        );
        assert_eq!(body.as_deref(), Some("下一步将加快推进。"));
    }
}
