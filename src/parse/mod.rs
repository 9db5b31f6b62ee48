//! Plain text of the genre → [`Reply`]. Pure: no I/O, no panics on any input.
//!
//! A reply is read line by line. Page chrome (`今天是:`, `打印本页`) is the only thing dropped;
//! the header gives the title, metadata lines and a salutation; the body is headings (一、 / (一)
//! / 1. / (1), nested by first appearance, numbered in sequence) and paragraphs; the tail gives
//! the closing (下一步…, 特此答复) and the signature (office, date, contact). Anything else lands
//! in a paragraph, so no text is lost.
//!
//! [`parse`] reads a text; [`parse_lines`] reads lines taken from a page (see `crate::page`) with
//! what the page says about itself ([`Hints`]), and also tells where each piece of the reply
//! stands in those lines ([`Origins`]), so the widget can mark figures in the page's own text.

mod figures;
mod heading;
mod numeral;
// Issue 22: stance, deadline and indicator of each figure, decided over a parsed reply.
mod indicator;
pub mod promise;
mod stance;

pub(crate) use figures::read_quantity;
pub(crate) use numeral::read_arabic;
pub use promise::annotate;

use crate::model::{Figure, Paragraph, Reply, Section, CLOSING, PREAMBLE, TITLE, TOP};
use crate::util::IdMap;
use heading::{parse_heading, Style};

/// What a page says about itself outside the reply's text: the meta tags of the national
/// guidelines for government websites (`ArticleTitle`, `PubDate`, `ContentSource`) or a title
/// outside the article. Used where the text has none of its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
}

/// Where a piece of the reply stands in the lines it was read from, in chars of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    /// Where the piece starts: a heading's number, a paragraph's first char.
    pub start: u32,
    /// Where the text that figure offsets count in starts: a heading's title; else `start`.
    pub text: u32,
    pub end: u32,
}

/// Where each paragraph, heading and the title stand in the lines read, by id (a paragraph's
/// id, a section's id for its heading, [`TITLE`]). Pieces the parser made up (the title 答复,
/// the implicit section 正文, a title from [`Hints`]) have none.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    spans: Vec<Span>,
    by_id: IdMap,
}

impl Origins {
    fn add(&mut self, id: &str, span: Span) {
        self.by_id.insert(id.to_string(), self.spans.len());
        self.spans.push(span);
    }

    pub fn get(&self, id: &str) -> Option<Span> {
        self.by_id.get(id).map(|&k| self.spans[k])
    }
}

/// A parsed reply with the origins of its pieces.
pub struct Parsed {
    pub reply: Reply,
    pub origins: Origins,
}

/// Lines of page furniture scraped with the reply. Dropped, and only these.
const CHROME_PREFIXES: &[&str] = &[
    "今天是",
    "当前位置",
    "您当前的位置",
    "您现在的位置",
    "当前的位置",
    "【打印",
    "【关闭",
    "打印本页",
    "关闭窗口",
    "【字体",
    "字体:",
    "字体：",
    "字号:",
    "字号：",
    "分享到",
    "扫一扫",
    "【我要纠错",
    "上一篇",
    "下一篇",
];

/// Whether a line is page chrome: short and opening with a known furniture label.
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 60
        && CHROME_PREFIXES.iter().any(|p| {
            // 今天是: / 今天是2023年… are chrome; 今天是个好日子 is prose.
            line.strip_prefix(p).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| p.ends_with([':', '：']) || !c.is_alphabetic() || numeral::is_digit(c))
            })
        })
}

/// Labels of metadata lines in the page header (`发布时间: … 来源: …`).
const META_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发布单位",
    "发布机构",
    "信息来源",
    "来源",
    "索引号",
    "文号",
    "发文字号",
    "发文机关",
    "主题分类",
    "成文日期",
    "公开方式",
    "公开范围",
    "作者",
    "浏览次数",
    "点击数",
    "访问量",
    "责任编辑",
    "生效日期",
];

/// Paragraphs that open the closing, after the last section.
const CLOSING_CUES: &[&str] = &[
    "下一步",
    "下步",
    "下一阶段",
    "下阶段",
    "今后",
    "最后",
    "感谢",
    "衷心感谢",
    "再次感谢",
    "非常感谢",
    "特此答复",
    "此复",
    "专此答复",
    "以上答复",
    "欢迎您",
];

/// Lines of the signature block: contact details.
const CONTACT_PREFIXES: &[&str] =
    &["联系人", "联系电话", "联系单位", "联系方式", "联系地址", "抄送", "承办单位", "签发人", "办理单位"];

/// Endings of an issuing office's name (武汉市科学技术局, 市政府办公厅).
const OFFICE_ENDINGS: &[&str] = &["局", "委员会", "委", "办公室", "厅", "中心", "政府", "办", "院", "部", "会", "处"];

/// The labels in a metadata line and their values: `发布时间: 2023-08-22 19:35 来源: 办公室`.
fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    let label_at = |rest: &str| -> Option<(&'static str, usize)> {
        let label = META_LABELS.iter().copied().find(|l| rest.starts_with(l))?;
        let after = rest[label.len()..].trim_start();
        let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
        Some((label, rest.len() - after.len() + colon.len_utf8()))
    };
    label_at(line)?;
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut value = String::new();
    let mut rest = line;
    let mut current: Option<&'static str> = None;
    while !rest.is_empty() {
        if let Some((label, len)) = label_at(rest) {
            if let Some(l) = current.take() {
                fields.push((l, value.trim().to_string()));
            }
            value.clear();
            current = Some(label);
            rest = &rest[len..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        value.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if let Some(l) = current {
        fields.push((l, value.trim().to_string()));
    }
    Some(fields)
}

fn is_salutation(line: &str) -> bool {
    let n = line.chars().count();
    (line.ends_with(':') || line.ends_with('：')) && n <= 40 && !line.contains('。')
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= 100 && !line.ends_with(':') && !line.ends_with('：') && !line.contains('。')
}

/// A document number alone on a line: `武科函〔2023〕12号`.
fn is_document_number(line: &str) -> bool {
    line.chars().count() <= 30 && line.ends_with('号') && (line.contains('〔') || line.contains('['))
}

/// A date line of the signature: `2023年8月22日`, `二〇二三年八月二十二日`, `2023-08-22`.
fn is_date_line(line: &str) -> bool {
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

fn is_contact_line(line: &str) -> bool {
    CONTACT_PREFIXES.iter().any(|p| line.starts_with(p))
}

fn is_office_line(line: &str) -> bool {
    let n = line.chars().count();
    (2..=30).contains(&n)
        && !line.contains(['，', ',', '。', '；', ';', '：', ':'])
        && OFFICE_ENDINGS.iter().any(|e| line.ends_with(e))
}

/// The year of a date written in any of the genre's ways, for resolving 今年.
fn year_of(text: &str) -> Option<i32> {
    let s: Vec<char> = text.chars().collect();
    (0..s.len()).find_map(|i| {
        if i > 0 && numeral::is_digit(s[i - 1]) {
            return None;
        }
        let (v, len) = read_arabic(&s[i..])?;
        (len == 4 && v.fract() == 0.0 && (1900.0..=2100.0).contains(&v)).then_some(v as i32)
    })
}

/// One line of the input, trimmed: its text, its index, and the chars trimmed off its start.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    at: u32,
    lead: u32,
}

impl Line<'_> {
    fn span(&self) -> Span {
        let start = self.lead;
        Span { line: self.at, start, text: start, end: start + self.text.chars().count() as u32 }
    }

    /// A piece of the line by char range (of the trimmed text).
    fn piece(&self, (a, b): (usize, usize)) -> Piece {
        let text: String = self.text.chars().skip(a).take(b - a).collect();
        let (a, b) = (self.lead + a as u32, self.lead + b as u32);
        Piece { text, span: Span { line: self.at, start: a, text: a, end: b } }
    }

    fn whole(&self) -> Piece {
        Piece { text: self.text.to_string(), span: self.span() }
    }
}

/// Text of the reply with where it came from.
struct Piece {
    text: String,
    span: Span,
}

/// The non-empty, non-chrome lines, trimmed.
fn read_lines<'a>(input: &[&'a str]) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(input.len());
    for (at, raw) in input.iter().enumerate() {
        let text = raw.trim();
        if text.is_empty() || is_chrome(text) {
            continue;
        }
        let lead = raw[..raw.len() - raw.trim_start().len()].chars().count() as u32;
        out.push(Line { text, at: at as u32, lead });
    }
    out
}

/// A body line once headings are told from paragraphs.
enum Block {
    Heading { depth: usize, number: String, heading: Span, title: Piece, body: Option<Piece> },
    Paragraph(Piece),
}

/// Tells headings from paragraphs. A heading style nests under the styles already open; its
/// numbers must run in sequence (a new style starts at 1), otherwise the line is a paragraph
/// (`2.` opening a sentence mid-section is not a heading).
fn blocks(body: &[Line]) -> Vec<Block> {
    let mut open: Vec<(Style, u64)> = Vec::new();
    let mut out = Vec::new();
    for line in body {
        let Some(h) = parse_heading(line.text) else {
            out.push(Block::Paragraph(line.whole()));
            continue;
        };
        let accepted = match open.iter().position(|(s, _)| *s == h.style) {
            Some(d) if h.n == open[d].1 + 1 => {
                open.truncate(d);
                true
            }
            Some(_) => false,
            None => h.n == 1,
        };
        if !accepted {
            out.push(Block::Paragraph(line.whole()));
            continue;
        }
        open.push((h.style, h.n));
        let title = line.piece(h.title);
        let heading = Span { line: line.at, start: line.lead, text: title.span.start, end: title.span.end };
        out.push(Block::Heading {
            depth: open.len(),
            number: h.number,
            heading,
            title,
            body: h.body.map(|b| line.piece(b)),
        });
    }
    out
}

/// Builds the reply's paragraphs, recording where each came from.
struct Builder {
    origins: Origins,
}

impl Builder {
    fn paragraph(&mut self, id: String, piece: Piece) -> Paragraph {
        self.origins.add(&id, piece.span);
        Paragraph { id, text: piece.text }
    }

    fn numbered(&mut self, prefix: &str, pieces: Vec<Piece>) -> Vec<Paragraph> {
        let mut out = Vec::with_capacity(pieces.len());
        for (k, p) in pieces.into_iter().enumerate() {
            out.push(self.paragraph(format!("{prefix}-p{}", k + 1), p));
        }
        out
    }

    /// Nests headings by depth and numbers sections by position (`s2-1`).
    fn sections(&mut self, blocks: Vec<Block>, preamble: &mut Vec<Piece>) -> Vec<Section> {
        let mut roots: Vec<Section> = Vec::new();
        // Path of child indexes from the roots to the open section.
        let mut path: Vec<usize> = Vec::new();
        fn at<'a>(roots: &'a mut [Section], path: &[usize]) -> Option<&'a mut Section> {
            let (first, rest) = path.split_first()?;
            let mut s = roots.get_mut(*first)?;
            for &i in rest {
                s = s.children.get_mut(i)?;
            }
            Some(s)
        }
        for b in blocks {
            match b {
                Block::Heading { depth, number, heading, title, body } => {
                    path.truncate(depth - 1);
                    let siblings = match at(&mut roots, &path) {
                        Some(parent) => &mut parent.children,
                        None => &mut roots,
                    };
                    let mut id = String::from("s");
                    for p in &path {
                        id.push_str(&(p + 1).to_string());
                        id.push('-');
                    }
                    id.push_str(&(siblings.len() + 1).to_string());
                    self.origins.add(&id, heading);
                    let mut section =
                        Section { id, number, title: title.text, paragraphs: Vec::new(), children: Vec::new() };
                    if let Some(piece) = body {
                        let pid = format!("{}-p1", section.id);
                        section.paragraphs.push(self.paragraph(pid, piece));
                    }
                    path.push(siblings.len());
                    siblings.push(section);
                }
                Block::Paragraph(piece) => match at(&mut roots, &path) {
                    Some(s) => {
                        let id = format!("{}-p{}", s.id, s.paragraphs.len() + 1);
                        let p = self.paragraph(id, piece);
                        s.paragraphs.push(p);
                    }
                    None => preamble.push(piece),
                },
            }
        }
        roots
    }
}

/// Parses one reply. Never fails: an unknown shape still lands in paragraphs.
pub fn parse(text: &str) -> Reply {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']).collect();
    parse_lines(&lines, &Hints::default()).reply
}

/// Parses a reply given as lines (one block of a page each), with what the page says about
/// itself, and records where each piece came from.
pub fn parse_lines(input: &[&str], hints: &Hints) -> Parsed {
    let lines = read_lines(input);
    let mut b = Builder { origins: Origins::default() };

    // Header: title, metadata, salutation.
    let mut title: Option<Piece> = None;
    let mut meta: Vec<String> = Vec::new();
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut salutation: Option<Piece> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let text = line.text;
        if let Some(f) = meta_fields(text) {
            fields.extend(f);
            meta.push(text.to_string());
        } else if is_document_number(text) {
            meta.push(text.to_string());
        } else if title.is_none() && salutation.is_none() && is_title(text) && parse_heading(text).is_none() {
            title = Some(line.whole());
        } else if salutation.is_none() && is_salutation(text) && parse_heading(text).is_none() {
            salutation = Some(line.whole());
        } else {
            break;
        }
        i += 1;
    }
    let field = |labels: &[&str]| {
        labels.iter().find_map(|l| fields.iter().find(|(k, v)| k == l && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    let published = field(&["发布时间", "发布日期", "成文日期"]).or_else(|| hints.published.clone());
    let source = field(&["来源", "信息来源", "发布单位", "发布机构"]).or_else(|| hints.source.clone());

    // Tail: the signature block, read from the end.
    let mut body: Vec<Line> = lines[i..].to_vec();
    let mut signature: Vec<Piece> = Vec::new();
    while let Some(last) = body.last() {
        let dated = signature.iter().any(|l| is_date_line(&l.text) || is_contact_line(&l.text));
        let text = last.text;
        let take = is_date_line(text)
            || is_contact_line(text)
            || (is_office_line(text) && (dated || text.chars().count() <= 20) && parse_heading(text).is_none());
        if !take {
            break;
        }
        signature.insert(0, last.whole());
        body.pop();
    }

    let blocks = blocks(&body);
    // Closing: from the first closing cue after the last heading to the end.
    let after_last_heading = blocks.iter().rposition(|b| matches!(b, Block::Heading { .. })).map_or(0, |k| k + 1);
    let closing_at = (after_last_heading..blocks.len())
        .find(|&k| matches!(&blocks[k], Block::Paragraph(p) if CLOSING_CUES.iter().any(|c| p.text.starts_with(c))))
        .unwrap_or(blocks.len());
    let mut blocks = blocks;
    let mut closing: Vec<Piece> = Vec::new();
    for block in blocks.split_off(closing_at) {
        if let Block::Paragraph(p) = block {
            closing.push(p); // only paragraphs: the closing starts after the last heading
        }
    }

    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let mut preamble = Vec::new();
    let sections = if has_headings {
        b.sections(blocks, &mut preamble)
    } else {
        // No headings at all: the body is one implicit section.
        let mut pieces = Vec::new();
        for block in blocks {
            if let Block::Paragraph(p) = block {
                pieces.push(p);
            }
        }
        if pieces.is_empty() {
            Vec::new()
        } else {
            let paragraphs = b.numbered("s1", pieces);
            vec![Section {
                id: "s1".into(),
                number: String::new(),
                title: "正文".into(),
                paragraphs,
                children: Vec::new(),
            }]
        }
    };

    let title = match title {
        Some(t) => {
            b.origins.add(TITLE, t.span);
            t.text
        }
        None => hints.title.clone().unwrap_or_default(),
    };
    let mut reply = Reply {
        title,
        published,
        source,
        sections,
        closing: b.numbered("closing", closing),
        figures: Vec::new(),
        meta,
        salutation: salutation.map(|t| b.paragraph("salutation".into(), t)),
        preamble: b.numbered("preamble", preamble),
        signature: b.numbered("signature", signature),
    };
    let reference = reply
        .published
        .as_deref()
        .and_then(year_of)
        .or_else(|| reply.signature.iter().find(|p| is_date_line(&p.text)).and_then(|p| year_of(&p.text)))
        .map(|year| figures::Reference { year });
    reply.figures = figures_of(&reply, reference);
    Parsed { reply, origins: b.origins }
}

/// Every figure of the reply in reading order: the title, headings, preamble, sections, the
/// closing, and the date line under the signature. Not the salutation, nor the signature's
/// office and contact lines (phone numbers are not figures).
fn figures_of(reply: &Reply, reference: Option<figures::Reference>) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut add = |node: &str, paragraph: &str, text: &str| {
        let chars: Vec<char> = text.chars().collect();
        for f in figures::scan_chars(&chars, reference) {
            out.push(Figure {
                id: format!("f{}", out.len() + 1),
                text: chars[f.start..f.end].iter().collect(),
                kind: f.kind,
                value: f.value,
                high: f.high,
                date: f.date,
                unit: f.unit,
                qualifier: f.qualifier,
                section: node.to_string(),
                paragraph: paragraph.to_string(),
                start: f.start as u32,
                end: f.end as u32,
                context: figures::context(&chars, f.start, f.end),
                // Decided later, over the whole reply, by `annotate` (issue 22).
                stance: None,
                by: None,
                indicator: None,
            });
        }
    };
    add(TOP, TITLE, &reply.title);
    for p in &reply.preamble {
        add(PREAMBLE, &p.id, &p.text);
    }
    for (_, s) in reply.walk_sections() {
        if !s.number.is_empty() {
            add(&s.id, &s.id, &s.title);
        }
        for p in &s.paragraphs {
            add(&s.id, &p.id, &p.text);
        }
    }
    for p in &reply.closing {
        add(CLOSING, &p.id, &p.text);
    }
    for p in reply.signature.iter().filter(|p| is_date_line(&p.text)) {
        add(CLOSING, &p.id, &p.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_dropped_and_only_chrome() {
        let r = parse("今天是:\n标题\n正文第一段。");
        assert_eq!(r.title, "标题");
        assert!(is_chrome("今天是:2023年8月22日 星期二"));
        assert!(!is_chrome(
            "今天是个好日子,我们在这里举办了一场很长很长很长很长很长很长很长很长很长很长很长很长的会议。"
        ));
    }

    #[test]
    fn metadata_line_gives_published_and_source() {
        let r = parse("答复\n发布时间: 2023-08-22 19:35 发布单位: 来源: 办公室\n正文。");
        assert_eq!(r.published.as_deref(), Some("2023-08-22 19:35"));
        assert_eq!(r.source.as_deref(), Some("办公室"));
        assert_eq!(r.meta.len(), 1);
        let r = parse("答复\n索引号：011043-2023-00012\n发布日期：2023年8月22日\n发布单位：市科技局\n正文。");
        assert_eq!(r.published.as_deref(), Some("2023年8月22日"));
        assert_eq!(r.source.as_deref(), Some("市科技局"), "falls back to 发布单位");
        assert_eq!(r.meta.len(), 3);
    }

    #[test]
    fn signature_and_date_at_the_end() {
        let r = parse("答复\n张三代表:\n您的建议收悉。投入5亿元。\n感谢您对科技工作的关心。\n武汉市科学技术局\n2023年8月22日\n联系人:李四 联系电话:027-12345678");
        assert_eq!(r.salutation.as_ref().map(|p| p.text.as_str()), Some("张三代表:"));
        assert_eq!(r.signature.len(), 3);
        assert_eq!(r.closing.len(), 1);
        // The date under the signature is a figure; the phone number is not.
        let texts: Vec<(&str, &str)> = r.figures.iter().map(|f| (f.text.as_str(), f.paragraph.as_str())).collect();
        assert_eq!(texts, [("5亿元", "s1-p1"), ("2023年8月22日", "signature-p2")]);
        assert_eq!(r.figures[1].section, "closing");
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2023年8月22日"));
        assert!(is_date_line("二〇二三年八月二十二日"));
        assert!(is_date_line("2023-08-22"));
        assert!(!is_date_line("2023年投入5亿元"));
    }
}
