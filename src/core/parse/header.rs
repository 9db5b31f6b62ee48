//! The header of a reply: its title, the metadata lines a page prints above it (发布时间: …
//! 来源: …), the document number, and the salutation (张三委员：).

use super::heading::parse_heading;
use super::{Line, Piece};

/// What the header of a reply gives: its title, metadata lines (and their fields), the
/// salutation, and where the body starts.
pub(super) struct Header {
    pub title: Option<Piece>,
    pub meta: Vec<String>,
    pub fields: Vec<(&'static str, String)>,
    pub salutation: Option<Piece>,
    /// The first line of the body.
    pub end: usize,
}

/// Reads the header: title, metadata lines, document number, salutation, in any order, up to
/// the first line that is none of these.
pub(super) fn read(lines: &[Line]) -> Header {
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
    Header { title, meta, fields, salutation, end: i }
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

/// The labels in a metadata line and their values: `发布时间: 2023-08-22 19:35 来源: 办公室`.
pub(super) fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
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
