//! Plain text of the genre → [`Reply`]. Pure: no I/O, no panics on any input.
//!
//! A reply is read line by line. Page chrome (`今天是:`, `打印本页`) is the only thing dropped;
//! the header gives the title, metadata lines and a salutation; the body is headings (一、 / (一)
//! / 1. / (1), nested by first appearance, numbered in sequence) and paragraphs; the tail gives
//! the closing (下一步…, 特此答复) and the signature (office, date, contact). Anything else lands
//! in a paragraph, so no text is lost.

mod figures;
mod heading;
mod numeral;

pub use figures::{context, scan, RawFigure, Reference};
pub use heading::{parse_heading, HeadingLine, Style};
pub use numeral::{read_arabic, read_cn};

use crate::model::{Figure, Paragraph, Reply, Section};

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

fn lines(text: &str) -> Vec<String> {
    text.trim_start_matches('\u{feff}')
        .split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A body line once headings are told from paragraphs.
enum Block {
    Heading { depth: usize, number: String, title: String, body: Option<String> },
    Paragraph(String),
}

/// Tells headings from paragraphs. A heading style nests under the styles already open; its
/// numbers must run in sequence (a new style starts at 1), otherwise the line is a paragraph
/// (`2.` opening a sentence mid-section is not a heading).
fn blocks(body: &[String]) -> Vec<Block> {
    let mut open: Vec<(Style, u64)> = Vec::new();
    let mut out = Vec::new();
    for line in body {
        let Some(h) = parse_heading(line) else {
            out.push(Block::Paragraph(line.clone()));
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
            out.push(Block::Paragraph(line.clone()));
            continue;
        }
        open.push((h.style, h.n));
        out.push(Block::Heading { depth: open.len(), number: h.number, title: h.title, body: h.body });
    }
    out
}

fn paragraph(id: String, text: String) -> Paragraph {
    Paragraph { id, text }
}

/// Nests headings by depth and numbers sections by position (`s2-1`).
fn build_sections(blocks: Vec<Block>, preamble: &mut Vec<String>) -> Vec<Section> {
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
            Block::Heading { depth, number, title, body } => {
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
                let mut section = Section { id, number, title, paragraphs: Vec::new(), children: Vec::new() };
                if let Some(text) = body {
                    section.paragraphs.push(paragraph(format!("{}-p1", section.id), text));
                }
                path.push(siblings.len());
                siblings.push(section);
            }
            Block::Paragraph(text) => match at(&mut roots, &path) {
                Some(s) => {
                    let id = format!("{}-p{}", s.id, s.paragraphs.len() + 1);
                    s.paragraphs.push(paragraph(id, text));
                }
                None => preamble.push(text),
            },
        }
    }
    roots
}

/// Parses one reply. Never fails: an unknown shape still lands in paragraphs.
pub fn parse(text: &str) -> Reply {
    let all = lines(text);
    let lines: Vec<&String> = all.iter().filter(|l| !is_chrome(l)).collect();

    // Header: title, metadata, salutation.
    let mut title: Option<String> = None;
    let mut meta: Vec<String> = Vec::new();
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let mut salutation: Option<String> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if let Some(f) = meta_fields(line) {
            fields.extend(f);
            meta.push(line.to_string());
        } else if is_document_number(line) {
            meta.push(line.to_string());
        } else if title.is_none() && salutation.is_none() && is_title(line) && parse_heading(line).is_none() {
            title = Some(line.to_string());
        } else if salutation.is_none() && is_salutation(line) && parse_heading(line).is_none() {
            salutation = Some(line.to_string());
        } else {
            break;
        }
        i += 1;
    }
    let field = |labels: &[&str]| {
        labels.iter().find_map(|l| fields.iter().find(|(k, v)| k == l && !v.is_empty()).map(|(_, v)| v.clone()))
    };
    let published = field(&["发布时间", "发布日期", "成文日期"]);
    let source = field(&["来源", "信息来源", "发布单位", "发布机构"]);

    // Tail: the signature block, read from the end.
    let mut body: Vec<String> = lines[i..].iter().map(|l| l.to_string()).collect();
    let mut signature: Vec<String> = Vec::new();
    while let Some(last) = body.last() {
        let dated = signature.iter().any(|l| is_date_line(l) || is_contact_line(l));
        let take = is_date_line(last)
            || is_contact_line(last)
            || (is_office_line(last) && (dated || last.chars().count() <= 20) && parse_heading(last).is_none());
        if !take {
            break;
        }
        signature.insert(0, body.pop().unwrap_or_default());
    }

    let blocks = blocks(&body);
    // Closing: from the first closing cue after the last heading to the end.
    let after_last_heading = blocks.iter().rposition(|b| matches!(b, Block::Heading { .. })).map_or(0, |k| k + 1);
    let closing_at = (after_last_heading..blocks.len())
        .find(|&k| matches!(&blocks[k], Block::Paragraph(t) if CLOSING_CUES.iter().any(|c| t.starts_with(c))))
        .unwrap_or(blocks.len());
    let mut blocks = blocks;
    let closing: Vec<String> = blocks
        .split_off(closing_at)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t),
            Block::Heading { .. } => None, // unreachable: closing starts after the last heading
        })
        .collect();

    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let mut preamble_text = Vec::new();
    let sections = if has_headings {
        build_sections(blocks, &mut preamble_text)
    } else {
        // No headings at all: the body is one implicit section.
        let mut implicit = Section {
            id: "s1".into(),
            number: String::new(),
            title: "正文".into(),
            paragraphs: Vec::new(),
            children: Vec::new(),
        };
        for b in blocks {
            if let Block::Paragraph(t) = b {
                let id = format!("s1-p{}", implicit.paragraphs.len() + 1);
                implicit.paragraphs.push(paragraph(id, t));
            }
        }
        if implicit.paragraphs.is_empty() {
            Vec::new()
        } else {
            vec![implicit]
        }
    };

    let numbered = |prefix: &str, texts: Vec<String>| -> Vec<Paragraph> {
        texts.into_iter().enumerate().map(|(k, t)| paragraph(format!("{prefix}-p{}", k + 1), t)).collect()
    };
    let mut reply = Reply {
        title: title.unwrap_or_default(),
        published,
        source,
        sections,
        closing: numbered("closing", closing),
        figures: Vec::new(),
        meta,
        salutation: salutation.map(|t| paragraph("salutation".into(), t)),
        preamble: numbered("preamble", preamble_text),
        signature: numbered("signature", signature),
    };
    let reference = reply
        .published
        .as_deref()
        .and_then(year_of)
        .or_else(|| reply.signature.iter().find(|p| is_date_line(&p.text)).and_then(|p| year_of(&p.text)))
        .map(|year| Reference { year });
    reply.figures = figures_of(&reply, reference);
    reply
}

/// Every figure of the reply's body (preamble, sections, closing) in reading order.
fn figures_of(reply: &Reply, reference: Option<Reference>) -> Vec<Figure> {
    let mut out = Vec::new();
    for (section, p) in reply.paragraphs() {
        if section == "salutation" || section == "signature" {
            continue;
        }
        let chars: Vec<char> = p.text.chars().collect();
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
                section: section.to_string(),
                paragraph: p.id.clone(),
                start: f.start as u32,
                end: f.end as u32,
                context: context(&chars, f.start, f.end),
            });
        }
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
        assert_eq!(r.figures.len(), 1, "signature dates and phone numbers are not figures: {:?}", r.figures);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("2023年8月22日"));
        assert!(is_date_line("二〇二三年八月二十二日"));
        assert!(is_date_line("2023-08-22"));
        assert!(!is_date_line("2023年投入5亿元"));
    }
}
